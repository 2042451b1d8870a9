#include "node_detail/node_detail_page.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

#include "common/fault_profiles.h"
#include "common/health.h"
#include "common/tables.h"
#include "node_detail/detail_tabs.h"

namespace consortia::console {
namespace {
constexpr int kStatusRows = 13;
}

NodeDetailPage::NodeDetailPage(QWidget* parent) : ConsolePage(parent) {
  auto* v = new QVBoxLayout(this);
  title_ = new QLabel;
  title_->setTextFormat(Qt::PlainText);  // agents' words are text, never markup
  make_headline(title_, 1.4);
  v->addWidget(title_);
  auto* split = new QSplitter;
  auto* form_host = new QWidget;
  form_ = new QFormLayout(form_host);
  for (int i = 0; i < kStatusRows; ++i) {
    keys_.push_back(new QLabel);
    values_.push_back(new QLabel);
    values_.back()->setTextFormat(Qt::PlainText);
    values_.back()->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form_->addRow(keys_.back(), values_.back());
  }
  peers_ = make_table(7);
  peers_->setContextMenuPolicy(Qt::CustomContextMenu);
  connect(peers_, &QTableWidget::customContextMenuRequested, this, &NodeDetailPage::peer_menu);
  tabs_ = new DetailTabs(peers_);
  connect(tabs_, &DetailTabs::log_filter_changed, this, [this] { request_detail(); });
  connect(tabs_, &DetailTabs::log_level_requested, this, [this](const QString& level) {
    if (selected_ >= 0) emit log_level_requested(selected_, level);
  });
  split->addWidget(form_host);
  split->addWidget(tabs_);
  split->setStretchFactor(1, 2);
  v->addWidget(split, 1);
  // Fault injection on this node's egress to all its peers.
  auto* faults = new QHBoxLayout;
  fault_label_ = new QLabel;
  fault_profile_ = new QComboBox;
  fault_custom_ = new QLineEdit;
  fault_apply_ = new QPushButton;
  fault_clear_ = new QPushButton;
  faults->addWidget(fault_label_);
  faults->addWidget(fault_profile_, 1);
  faults->addWidget(fault_custom_, 1);
  faults->addWidget(fault_apply_);
  faults->addWidget(fault_clear_);
  v->addLayout(faults);
  connect(fault_profile_, &QComboBox::currentIndexChanged, this,
          [this](int i) { fault_custom_->setEnabled(i == fault_profile_->count() - 1); });
  connect(fault_apply_, &QPushButton::clicked, this, [this] {
    QString rule = chosen_rule();
    if (selected_ >= 0 && !rule.isEmpty()) emit apply_fault_requested(selected_, rule);
  });
  connect(fault_clear_, &QPushButton::clicked, this, [this] {
    if (selected_ >= 0) emit clear_faults_requested(selected_);
  });
  // While shown, the detail is refreshed every few seconds.
  refresh_ = new QTimer(this);
  connect(refresh_, &QTimer::timeout, this, [this] {
    if (isVisible()) request_detail();
  });
  refresh_->start(5000);
  retranslate();
}

QString NodeDetailPage::title() const { return tr("Node detail"); }

void NodeDetailPage::retranslate() {
  tabs_->retranslate();
  peers_->setHorizontalHeaderLabels(
      {tr("Peer"), tr("Connected"), tr("RTT (ms)"), tr("Loss"), tr("Sent (bytes)"), tr("Received (bytes)"), tr("Fault rule")});
  fault_label_->setText(tr("Network fault on this node's links:"));
  fault_custom_->setPlaceholderText(tr("netem words, e.g. delay 100ms 20ms loss 1%"));
  fault_apply_->setText(tr("Apply"));
  fault_clear_->setText(tr("Clear all faults"));
  fill_profiles();
  update_status();
}

void NodeDetailPage::showEvent(QShowEvent* e) {
  ConsolePage::showEvent(e);
  request_detail();
}

void NodeDetailPage::fill_profiles() {
  int keep = fault_profile_->currentIndex();
  fault_profile_->clear();
  for (size_t i = 0; i < kFaultProfiles.size(); ++i)
    fault_profile_->addItem(fault_profile_label(i), QString::fromLatin1(kFaultProfiles[i]));
  fault_profile_->addItem(tr("Custom rule…"), QString());
  fault_profile_->setCurrentIndex(keep < 0 ? 0 : keep);
  fault_custom_->setEnabled(fault_profile_->currentIndex() == fault_profile_->count() - 1);
}

QString NodeDetailPage::chosen_rule() const {
  QString r = fault_profile_->currentData().toString();
  return r.isEmpty() ? fault_custom_->text().trimmed() : r;
}

// Right-click a peer: a fault on that one link (this node's side of it).
void NodeDetailPage::peer_menu(const QPoint& at) {
  int row = peers_->rowAt(at.y());
  if (selected_ < 0 || selected_ >= static_cast<int>(state_.nodes.size()) || row < 0 ||
      row >= static_cast<int>(state_.nodes[static_cast<size_t>(selected_)].peers.size()))
    return;
  const PeerState& p = state_.nodes[static_cast<size_t>(selected_)].peers[static_cast<size_t>(row)];
  QString peer = QString::fromStdString(p.id_hex), name = QString::fromStdString(p.name);
  QMenu menu(this);
  QMenu* apply = menu.addMenu(tr("Apply network fault on the link to %1").arg(name));
  for (const char* rule : kFaultProfiles)
    apply->addAction(QString::fromLatin1(rule), this,
                     [this, peer, rule] { emit link_fault_requested(selected_, peer, QString::fromLatin1(rule)); });
  QString custom = chosen_rule();
  if (fault_profile_->currentIndex() == fault_profile_->count() - 1 && !custom.isEmpty())
    apply->addAction(tr("Custom: %1").arg(custom), this,
                     [this, peer, custom] { emit link_fault_requested(selected_, peer, custom); });
  menu.exec(peers_->viewport()->mapToGlobal(at));
}

void NodeDetailPage::show_node(int index) {
  if (selected_ != index) {
    detail_ = NodeDetail{};
    tabs_->show_detail(detail_, state_);
  }
  selected_ = index;
  update_status();
  request_detail();
}

void NodeDetailPage::request_detail() {
  // One request at a time: a slow agent must not queue them up.
  if (selected_ < 0 || pending_) return;
  pending_ = true;
  emit detail_requested(selected_, tabs_->log_filter());
}

void NodeDetailPage::on_snapshot(const NetworkState& s) {
  state_ = s;
  update_status();
}

void NodeDetailPage::on_detail(const NodeDetail& d) {
  if (d.node >= 0) pending_ = false;
  if (d.node >= 0 && d.node != selected_) {  // an answer for a node no longer shown
    request_detail();
    return;
  }
  detail_ = d;
  tabs_->show_detail(d, state_);
}

void NodeDetailPage::update_status() {
  if (selected_ < 0 && !state_.nodes.empty()) selected_ = 0;
  if (selected_ < 0 || selected_ >= static_cast<int>(state_.nodes.size())) {
    title_->setText(tr("No node selected"));
    return;
  }
  const NodeState& n = state_.nodes[static_cast<size_t>(selected_)];
  Health h = health_of(n, state_.max_height(), state_.at_ms);
  auto q = [](const std::string& s) { return QString::fromStdString(s); };
  title_->setText(tr("%1 · %2 · %3").arg(q(n.name), q(n.organisation), health_text(h)));
  FaultSummary faults = fault_summary(n);
  QStringList rules;
  for (const auto& r : faults.rules) rules << q(r);
  if (faults.partitioned_peers) rules << tr("partitioned from %1 peer(s)").arg(faults.partitioned_peers);
  std::vector<std::pair<QString, QString>> rows = {
      {tr("Node id"), q(n.id_hex.substr(0, 16))},
      {tr("Role"), n.role.empty() ? QString() : (n.role == "validator" ? tr("validator") : tr("observer"))},
      {tr("Height"), QString::number(n.height)},
      {tr("Best peer height"), QString::number(n.best_peer_height)},
      {tr("View"), QString::number(n.view)},
      {tr("View changes"), QString::number(n.view_changes)},
      {tr("Protocol version"), QString::number(n.protocol_version)},
      {tr("Validators"), QString::number(n.validators)},
      {tr("Mempool"), QString::number(n.mempool)},
      {tr("API address"), q(n.api_address)},
      {tr("Load"), n.reachable ? tr("%1 tx/s · CPU %2% · commit latency %3 ms")
                                     .arg(n.tps, 0, 'f', 1)
                                     .arg(n.cpu_percent, 0, 'f', 0)
                                     .arg(n.latency_ms, 0, 'f', 0)
                               : QString()},
      {tr("Active faults"), rules.isEmpty() ? tr("none") : rules.join("; ")},
      {tr("Status"), n.reachable ? (n.halted.empty() ? tr("running") : q(n.halted)) : tr("unreachable: %1").arg(q(n.error))},
  };
  for (size_t i = 0; i < rows.size() && i < keys_.size(); ++i) {
    keys_[i]->setText(rows[i].first);
    values_[i]->setText(rows[i].second);
  }
  peers_->setRowCount(static_cast<int>(n.peers.size()));
  for (int r = 0; r < static_cast<int>(n.peers.size()); ++r) {
    const auto& p = n.peers[static_cast<size_t>(r)];
    set_row(peers_, r,
            {q(p.name), p.connected ? tr("yes") : tr("no"), QString::number(p.rtt_ms, 'f', 1),
             QString::number(p.loss * 100, 'f', 0) + "%", QString::number(p.sent_bytes),
             QString::number(p.received_bytes), q(p.fault_rule)});
  }
}

}  // namespace consortia::console
