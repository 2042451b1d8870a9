// The Alerts page: the rules (editable thresholds) and the alerts raised
// and cleared over the last day, the active ones first in red.
#pragma once

#include <vector>

#include "agents/metatypes.h"
#include "common/console_page.h"

class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace consortia::console {

class AlertsPage : public ConsolePage {
  Q_OBJECT
 public:
  explicit AlertsPage(QWidget* parent = nullptr);
  QString title() const override;
  // Whether this console can propose through governance (a network directory).
  void set_governance_available(bool yes);

 public slots:
  void on_alerts(const consortia::console::AlertsView& v);

 signals:
  void rules_changed(consortia::console::AlertRules rules);
  // The user asked to propose removing a validator that equivocated.
  void removal_requested(QString node);
  // A certificate about to expire: its renewal runbook, from the alert.
  void renewal_requested(QString node);

 protected:
  void retranslate() override;

 private:
  QTableWidget* table_;
  QSpinBox *stalled_, *lag_, *peers_, *certificate_;
  QDoubleSpinBox *views_, *disk_;
  std::vector<QLabel*> labels_;
  QPushButton *apply_, *remove_, *renew_;
  bool governance_ = false;
  void update_actions();
  AlertsView view_;
  int active_ = 0;
};

}  // namespace consortia::console
