#include "alerts/alerts_page.h"

#include <QDateTime>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

#include "common/tables.h"

namespace consortia::console {

AlertsPage::AlertsPage(QWidget* parent) : ConsolePage(parent) {
  auto* v = new QVBoxLayout(this);
  auto* rules = new QHBoxLayout;
  AlertRules d;
  stalled_ = new QSpinBox;
  stalled_->setRange(5, 3600);
  stalled_->setValue(static_cast<int>(d.stalled_after_s));
  lag_ = new QSpinBox;
  lag_->setRange(1, 100000);
  lag_->setValue(static_cast<int>(d.max_lag));
  views_ = new QDoubleSpinBox;
  views_->setRange(0.5, 10000);
  views_->setValue(d.max_view_changes_per_min);
  peers_ = new QSpinBox;
  peers_->setRange(0, 1000);
  peers_->setValue(d.min_peers);
  disk_ = new QDoubleSpinBox;
  disk_->setRange(1, 100);
  disk_->setValue(d.max_disk_percent);
  certificate_ = new QSpinBox;
  certificate_->setRange(1, 3650);
  certificate_->setValue(d.certificate_days);
  QWidget* editors[] = {stalled_, lag_, views_, peers_, disk_, certificate_};
  for (QWidget* e : editors) {
    labels_.push_back(new QLabel);
    rules->addWidget(labels_.back());
    rules->addWidget(e);
    rules->addSpacing(8);
  }
  apply_ = new QPushButton;
  rules->addWidget(apply_);
  rules->addStretch(1);
  v->addLayout(rules);
  table_ = make_table(6);
  table_->setSortingEnabled(false);
  v->addWidget(table_, 1);
  // An equivocating validator: its removal through governance, one click
  // from the alert (the evidence is checked before anything is signed).
  auto* actions = new QHBoxLayout;
  remove_ = new QPushButton;
  remove_->setObjectName("propose_removal");
  actions->addWidget(remove_);
  // A certificate about to expire: its renewal (a runbook), from the alert.
  renew_ = new QPushButton;
  renew_->setObjectName("renew_certificate");
  actions->addWidget(renew_);
  actions->addStretch(1);
  v->addLayout(actions);
  connect(table_, &QTableWidget::itemSelectionChanged, this, &AlertsPage::update_actions);
  connect(remove_, &QPushButton::clicked, this, [this] {
    int r = table_->currentRow();
    if (r < 0 || r >= static_cast<int>(view_.records.size())) return;
    emit removal_requested(QString::fromStdString(view_.records[static_cast<size_t>(r)].node));
  });
  connect(renew_, &QPushButton::clicked, this, [this] {
    int r = table_->currentRow();
    if (r < 0 || r >= static_cast<int>(view_.records.size())) return;
    emit renewal_requested(QString::fromStdString(view_.records[static_cast<size_t>(r)].node));
  });
  connect(apply_, &QPushButton::clicked, this, [this] {
    AlertRules r;
    r.stalled_after_s = stalled_->value();
    r.max_lag = static_cast<uint64_t>(lag_->value());
    r.max_view_changes_per_min = views_->value();
    r.min_peers = peers_->value();
    r.max_disk_percent = disk_->value();
    r.certificate_days = certificate_->value();
    emit rules_changed(r);
  });
  retranslate();
}

QString AlertsPage::title() const { return active_ ? tr("Alerts (%1 active)").arg(active_) : tr("Alerts"); }

void AlertsPage::retranslate() {
  table_->setHorizontalHeaderLabels({tr("State"), tr("Node"), tr("Alert"), tr("Value"), tr("Raised"), tr("Cleared")});
  const QString texts[] = {tr("Height stalled for (s)"), tr("Lag above (blocks)"), tr("View changes per minute above"),
                           tr("Connected peers below"), tr("Disk use above (%)"),
                           tr("Certificate expires within (days)")};
  for (size_t i = 0; i < labels_.size(); ++i) labels_[i]->setText(texts[i]);
  apply_->setText(tr("Apply rules"));
  remove_->setText(tr("Propose removing the validator…"));
  remove_->setToolTip(tr("For an equivocation: propose through governance that the validator be removed. "
                         "The evidence is checked here first."));
  renew_->setText(tr("Renew the certificate…"));
  renew_->setToolTip(tr("For an expiring certificate: sign the node's certificate again with its organisation's "
                        "CA and restart its agent with it (a runbook)."));
  on_alerts(view_);
}

void AlertsPage::on_alerts(const AlertsView& v) {
  view_ = v;
  auto rule_text = [](const std::string& r) {
    if (r == kAlertStalled) return tr("Height stalled");
    if (r == kAlertLag) return tr("Lagging");
    if (r == kAlertViewChanges) return tr("Many view changes");
    if (r == kAlertPeers) return tr("Few peers");
    if (r == kAlertDisk) return tr("Disk nearly full");
    if (r == kAlertCertificate) return tr("Certificate expiring");
    if (r == kAlertUnreachable) return tr("Agent unreachable");
    if (r == kAlertDuplicateIdentity) return tr("Duplicate identity");
    if (r == kAlertEquivocation) return tr("Equivocation (signed twice in one view)");
    return QString::fromStdString(r);
  };
  auto value_text = [](const AlertRecord& a) {
    if (a.rule == kAlertStalled) return tr("%1 s").arg(a.value, 0, 'f', 0);
    if (a.rule == kAlertLag) return tr("%1 blocks").arg(a.value, 0, 'f', 0);
    if (a.rule == kAlertViewChanges) return tr("%1 per minute").arg(a.value, 0, 'f', 1);
    if (a.rule == kAlertPeers) return tr("%1 peers").arg(a.value, 0, 'f', 0);
    if (a.rule == kAlertDisk) return QString("%1%").arg(a.value, 0, 'f', 0);
    if (a.rule == kAlertCertificate)
      return a.value < 0 ? tr("expired") : tr("%1 days left").arg(a.value, 0, 'f', 0);
    if (a.rule == kAlertUnreachable && a.value > 0) return tr("%1 s").arg(a.value, 0, 'f', 0);
    if (a.rule == kAlertEquivocation) return tr("view %1").arg(static_cast<qulonglong>(a.value));
    return QString();
  };
  int active = 0;
  table_->setRowCount(static_cast<int>(v.records.size()));
  for (int r = 0; r < static_cast<int>(v.records.size()); ++r) {
    const auto& a = v.records[static_cast<size_t>(r)];
    active += a.cleared_ms == 0;
    QStringList cells = {a.cleared_ms == 0 ? tr("active") : tr("cleared"), QString::fromStdString(a.node),
                         rule_text(a.rule), value_text(a),
                         QDateTime::fromMSecsSinceEpoch(a.raised_ms).toString("MM-dd HH:mm:ss"),
                         a.cleared_ms ? QDateTime::fromMSecsSinceEpoch(a.cleared_ms).toString("MM-dd HH:mm:ss") : QString()};
    set_row(table_, r, cells);
    for (int c = 0; c < cells.size(); ++c)
      table_->item(r, c)->setForeground(a.cleared_ms == 0 ? QColor(0xc0, 0x39, 0x2b) : palette().color(QPalette::Text));
  }
  if (!v.records.empty()) table_->resizeColumnsToContents();  // an empty table keeps readable headers
  if (active != active_) {
    active_ = active;
    emit title_changed();
  }
  update_actions();
}

void AlertsPage::set_governance_available(bool yes) {
  governance_ = yes;
  update_actions();
}

void AlertsPage::update_actions() {
  int r = table_->currentRow();
  bool equivocation = r >= 0 && r < static_cast<int>(view_.records.size()) &&
                      view_.records[static_cast<size_t>(r)].rule == kAlertEquivocation &&
                      view_.records[static_cast<size_t>(r)].cleared_ms == 0;
  remove_->setVisible(governance_);
  remove_->setEnabled(governance_ && equivocation);
  bool expiring = r >= 0 && r < static_cast<int>(view_.records.size()) &&
                  view_.records[static_cast<size_t>(r)].rule == kAlertCertificate &&
                  view_.records[static_cast<size_t>(r)].cleared_ms == 0;
  renew_->setVisible(governance_);
  renew_->setEnabled(governance_ && expiring);
}

}  // namespace consortia::console
