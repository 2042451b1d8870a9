// The wizard that starts a lifecycle runbook: the fields of its kind and,
// for a membership change (exit, join as a validator), the quorum preview:
// validators before and after, f, the quorum, how many are live now and
// whether the live ones reach the new quorum. A change the chain would
// refuse as quorum_at_risk cannot be started.
#pragma once

#include <QDialog>
#include <vector>

#include "lifecycle/hosts.h"
#include "model/network_state.h"

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;

namespace consortia::console {

class LifecycleDialog : public QDialog {
  Q_OBJECT
 public:
  LifecycleDialog(const QString& kind, const NetworkState& state, const std::vector<HostRecord>& hosts,
                  QWidget* parent = nullptr);
  // The runbook's parameters (JSON), once accepted.
  QString params_json() const;
  // The CA key's passphrase the user typed (join with its own CA key file).
  QString passphrase() const;
  // Chooses `name` in the node list, where the kind has one.
  void choose_node(const QString& name);

 private:
  void update_preview();
  QString kind_;
  NetworkState state_;
  QComboBox *node_ = nullptr, *organisation_ = nullptr, *host_ = nullptr;
  QLineEdit *name_ = nullptr, *dir_ = nullptr, *file_ = nullptr, *ca_key_ = nullptr, *passphrase_ = nullptr;
  QCheckBox* validator_ = nullptr;
  QLabel* preview_;
  QPushButton* start_;
};

}  // namespace consortia::console
