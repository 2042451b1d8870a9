// One node in detail: its status, its peers (right-click: a fault on that
// one link), recent blocks, log, audit entries and host (detail_tabs.h),
// and the faults on its links. Asks for the detail (detail_query.h) while
// shown.
#pragma once

#include <QList>

#include "common/console_page.h"
#include "model/network_state.h"
#include "model/node_detail.h"

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;
class QTimer;

namespace consortia::console {

class DetailTabs;

class NodeDetailPage : public ConsolePage {
  Q_OBJECT
 public:
  explicit NodeDetailPage(QWidget* parent = nullptr);
  QString title() const override;
  void show_node(int index);
  int selected() const { return selected_; }

 public slots:
  void on_snapshot(const consortia::console::NetworkState& s);
  void on_detail(const consortia::console::NodeDetail& d);

 signals:
  void detail_requested(int node, QString min_level);
  void log_level_requested(int node, QString level);
  void apply_fault_requested(int node, QString rule);
  void clear_faults_requested(int node);
  // A rule on one link only: the node's egress to the peer (hex id).
  void link_fault_requested(int node, QString peer_hex, QString rule);

 protected:
  void retranslate() override;
  void showEvent(QShowEvent* e) override;

 private:
  void fill_profiles();
  QString chosen_rule() const;
  void update_status();
  void request_detail();
  void peer_menu(const QPoint& at);

  QLabel* title_;
  QFormLayout* form_;
  std::vector<QLabel*> keys_, values_;
  QTableWidget* peers_;
  DetailTabs* tabs_;
  QLabel* fault_label_;
  QComboBox* fault_profile_;
  QLineEdit* fault_custom_;
  QPushButton *fault_apply_, *fault_clear_;
  QTimer* refresh_;
  NetworkState state_;
  NodeDetail detail_;
  int selected_ = -1;
  bool pending_ = false;
};

}  // namespace consortia::console
