#include "node_detail/detail_tabs.h"

#include <QComboBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include "common/reasons.h"
#include "common/tables.h"

namespace consortia::console {

DetailTabs::DetailTabs(QTableWidget* peers, QWidget* parent) : QTabWidget(parent) {
  addTab(peers, QString());
  blocks_ = make_table(6);
  addTab(blocks_, QString());
  // Log: the tail at a chosen level, and the node's own level (an operator call).
  auto* log_page = new QWidget;
  auto* lv = new QVBoxLayout(log_page);
  auto* bar = new QHBoxLayout;
  log_filter_label_ = new QLabel;
  log_filter_ = new QComboBox;
  log_level_label_ = new QLabel;
  log_level_ = new QComboBox;
  for (QComboBox* c : {log_filter_, log_level_}) c->addItems({"debug", "info", "warn", "error"});
  log_filter_->setCurrentIndex(1);
  log_level_->setCurrentIndex(1);
  log_level_apply_ = new QPushButton;
  bar->addWidget(log_filter_label_);
  bar->addWidget(log_filter_);
  bar->addStretch(1);
  bar->addWidget(log_level_label_);
  bar->addWidget(log_level_);
  bar->addWidget(log_level_apply_);
  lv->addLayout(bar);
  log_ = new QPlainTextEdit;
  log_->setReadOnly(true);
  log_->setLineWrapMode(QPlainTextEdit::NoWrap);
  log_->setFont(QFont("monospace"));
  lv->addWidget(log_, 1);
  addTab(log_page, QString());
  connect(log_filter_, &QComboBox::activated, this, &DetailTabs::log_filter_changed);
  connect(log_level_apply_, &QPushButton::clicked, this, [this] { emit log_level_requested(log_level_->currentText()); });
  audit_ = make_table(7);
  addTab(audit_, QString());
  host_ = make_table(2);
  addTab(host_, QString());
}

QString DetailTabs::log_filter() const { return log_filter_->currentText(); }

void DetailTabs::retranslate() {
  setTabText(0, tr("Peers"));
  setTabText(1, tr("Recent blocks"));
  setTabText(2, tr("Log"));
  setTabText(3, tr("Audit log"));
  setTabText(4, tr("Host"));
  blocks_->setHorizontalHeaderLabels({tr("Height"), tr("Hash"), tr("Transactions"), tr("Proposer"), tr("Time"), tr("Votes")});
  audit_->setHorizontalHeaderLabels({tr("Time"), tr("Who"), tr("Organisation"), tr("Role"), tr("Call"), tr("Detail"), tr("Result")});
  host_->setHorizontalHeaderLabels({tr("Item"), tr("Value")});
  log_filter_label_->setText(tr("Show from level:"));
  log_level_label_->setText(tr("Node log level:"));
  log_level_apply_->setText(tr("Set"));
  show_detail(shown_, state_);
}

void DetailTabs::show_detail(const NodeDetail& d, const NetworkState& state) {
  shown_ = d;
  state_ = state;
  auto name_of = [&](const std::string& id_hex) {
    for (const auto& n : state.nodes)
      if (n.id_hex == id_hex) return QString::fromStdString(n.name);
    return QString::fromStdString(id_hex.substr(0, 12));
  };
  blocks_->setRowCount(static_cast<int>(d.blocks.size()));
  for (int r = 0; r < static_cast<int>(d.blocks.size()); ++r) {
    const auto& b = d.blocks[static_cast<size_t>(r)];
    set_row(blocks_, r,
            {QString::number(b.height), QString::fromStdString(b.hash_hex.substr(0, 16)),
             QString::number(b.tx_ids_hex.size()), name_of(b.proposer_hex),
             QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(b.timestamp_ms)).toString("HH:mm:ss.zzz"),
             QString::number(b.qc_signatures)});
  }
  blocks_->resizeColumnsToContents();
  QString text;
  for (const auto& l : d.log) text += QString::fromStdString(l) + "\n";
  if (!d.error.empty()) text += tr("(cannot read the log: %1)").arg(translate_agent_error(QString::fromStdString(d.error)));
  if (log_->toPlainText() != text) {
    log_->setPlainText(text);
    log_->moveCursor(QTextCursor::End);
  }
  audit_->setRowCount(static_cast<int>(d.audit.size()));
  for (int r = 0; r < static_cast<int>(d.audit.size()); ++r) {
    const AuditEntry& e = d.audit[d.audit.size() - 1 - static_cast<size_t>(r)];  // newest first
    QString when = e.time_ms ? QDateTime::fromMSecsSinceEpoch(e.time_ms).toString("MM-dd HH:mm:ss")
                             : QString::fromStdString(e.time);
    auto q = [](const std::string& s) { return QString::fromStdString(s); };
    set_row(audit_, r, {when, q(e.who), q(e.organisation), q(e.role), q(e.call), q(e.detail),
                        e.result == "ok" ? tr("ok") : translate_agent_error(q(e.result))});
  }
  audit_->resizeColumnsToContents();
  const HostFacts& h = d.host;
  auto mib = [](uint64_t b) { return QString::number(static_cast<double>(b) / (1 << 20), 'f', 1) + " MiB"; };
  std::vector<std::pair<QString, QString>> rows;
  if (h.known())
    rows = {{tr("Host name"), QString::fromStdString(h.hostname)},
            {tr("Kind"), h.simulated ? tr("simulated node (consortia-sim in real time)") : tr("agent process")},
            {tr("Agent version"), QString::fromStdString(h.agent_version)},
            {tr("Protocol versions"), QString("%1–%2").arg(h.min_protocol_version).arg(h.max_protocol_version)},
            {tr("Crypto suite"), QString::fromStdString(h.suite)},
            {tr("CPUs · load (1 min)"), QString("%1 · %2").arg(h.cpus).arg(h.load_1m, 0, 'f', 2)},
            {tr("Memory total · available"), mib(h.memory_total_bytes) + " · " + mib(h.memory_available_bytes)},
            {tr("Process memory"), mib(h.process_rss_bytes)},
            {tr("Disk total · free"), mib(h.disk_total_bytes) + " · " + mib(h.disk_free_bytes)},
            {tr("Data directory"), mib(h.data_dir_bytes)},
            {tr("Up for"), tr("%1 s").arg(h.uptime_s)}};
  host_->setRowCount(static_cast<int>(rows.size()));
  for (int r = 0; r < static_cast<int>(rows.size()); ++r)
    set_row(host_, r, {rows[static_cast<size_t>(r)].first, rows[static_cast<size_t>(r)].second});
  host_->resizeColumnToContents(0);
}

}  // namespace consortia::console
