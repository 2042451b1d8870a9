#include "main_window.h"

#include <QActionGroup>
#include <QComboBox>
#include <QMenu>
#include <QPushButton>
#include <QApplication>
#include <QDateTime>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QDoubleSpinBox>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPlainTextEdit>
#include <QSlider>
#include <QSpinBox>
#include <QTimer>

#include <QDialog>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QMessageBox>
#include <QProcess>

#include "charts_view.h"
#include "core/inventory.h"
#include "nodes_model.h"
#include "reasons.h"
#include "topology_view.h"

namespace consortia::console {

namespace {
constexpr int kDetailRows = 13;
// The seed's network conditions, in netem words.
// Row `r` of a table shows `cells`, reusing the row's items.
void set_row(QTableWidget* t, int r, const QStringList& cells) {
  for (int c = 0; c < cells.size(); ++c) {
    auto* item = t->item(r, c);
    if (!item) t->setItem(r, c, item = new QTableWidgetItem);
    item->setText(cells[c]);
  }
}

// Raw bytes from the API (ids, hashes) as hex.
QString raw_hex(const std::string& raw) {
  return QString::fromStdString(to_hex(ByteView(reinterpret_cast<const uint8_t*>(raw.data()), raw.size())));
}

const char* const kProfiles[] = {"rate 2048kbit", "delay 1000ms 300ms 30%", "loss 10%", "duplicate 1%",
                                 "corrupt 0.2%"};
}

MainWindow::MainWindow(QString network_name, QWidget* parent)
    : QMainWindow(parent), network_name_(std::move(network_name)) {
  tabs_ = new QTabWidget(this);
  setCentralWidget(tabs_);

  // Overview: topology and a legend.
  auto* overview = new QWidget;
  auto* ov = new QVBoxLayout(overview);
  topology_ = new TopologyView;
  legend_ = new QLabel;
  legend_->setWordWrap(true);
  ov->addWidget(topology_, 1);
  // The time slider: replay the topology and health from history.
  auto* replay = new QHBoxLayout;
  replay_label_ = new QLabel;
  replay_slider_ = new QSlider(Qt::Horizontal);
  replay_slider_->setRange(0, 1000);
  replay_slider_->setValue(1000);
  live_button_ = new QPushButton;
  live_button_->setEnabled(false);
  replay->addWidget(replay_label_);
  replay->addWidget(replay_slider_, 1);
  replay->addWidget(live_button_);
  ov->addLayout(replay);
  ov->addWidget(legend_);
  connect(replay_slider_, &QSlider::sliderPressed, this, [this] { emit time_range_requested(); });
  connect(replay_slider_, &QSlider::valueChanged, this, [this](int v) {
    if (!replay_slider_->isSliderDown() && !replaying_) return;
    if (v >= 1000) {
      go_live();
      return;
    }
    if (replay_last_ <= replay_first_) return;
    replaying_ = true;
    live_button_->setEnabled(true);
    replay_at_ = replay_first_ + (replay_last_ - replay_first_) * v / 1000;
    emit replay_requested(replay_at_);
  });
  connect(live_button_, &QPushButton::clicked, this, [this] { go_live(); });
  tabs_->addTab(overview, QString());

  // Nodes: a sortable, filterable table.
  auto* nodes = new QWidget;
  auto* nv = new QVBoxLayout(nodes);
  filter_ = new QLineEdit;
  filter_->setClearButtonEnabled(true);
  model_ = new NodesModel(this);
  proxy_ = new QSortFilterProxyModel(this);
  proxy_->setSourceModel(model_);
  proxy_->setSortRole(Qt::UserRole);
  proxy_->setFilterKeyColumn(-1);
  proxy_->setFilterCaseSensitivity(Qt::CaseInsensitive);
  connect(filter_, &QLineEdit::textChanged, proxy_, &QSortFilterProxyModel::setFilterFixedString);
  table_ = new QTableView;
  table_->setModel(proxy_);
  table_->setSortingEnabled(true);
  table_->sortByColumn(NodesModel::kName, Qt::AscendingOrder);
  table_->setSelectionBehavior(QAbstractItemView::SelectRows);
  table_->setSelectionMode(QAbstractItemView::ExtendedSelection);
  table_->setAlternatingRowColors(true);
  table_->horizontalHeader()->setStretchLastSection(true);
  table_->verticalHeader()->hide();
  connect(table_, &QTableView::doubleClicked, this,
          [this](const QModelIndex& i) { show_node(proxy_->mapToSource(i).row()); });
  nv->addWidget(filter_);
  nv->addWidget(table_, 1);
  tabs_->addTab(nodes, QString());

  // Node detail: status and peers.
  auto* detail = new QWidget;
  auto* dv = new QVBoxLayout(detail);
  detail_title_ = new QLabel;
  QFont big = detail_title_->font();
  big.setPointSizeF(big.pointSizeF() * 1.4);
  big.setBold(true);
  detail_title_->setFont(big);
  dv->addWidget(detail_title_);
  auto* split = new QSplitter;
  auto* form_host = new QWidget;
  detail_form_ = new QFormLayout(form_host);
  for (int i = 0; i < kDetailRows; ++i) {
    detail_keys_.push_back(new QLabel);
    detail_values_.push_back(new QLabel);
    detail_values_.back()->setTextInteractionFlags(Qt::TextSelectableByMouse);
    detail_form_->addRow(detail_keys_.back(), detail_values_.back());
  }
  peers_ = new QTableWidget(0, 7);
  peers_->verticalHeader()->hide();
  peers_->horizontalHeader()->setStretchLastSection(true);
  peers_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  // Right-click a peer: a fault on that one link (this node's side of it).
  peers_->setContextMenuPolicy(Qt::CustomContextMenu);
  connect(peers_, &QTableWidget::customContextMenuRequested, this, [this](const QPoint& at) {
    int row = peers_->rowAt(at.y());
    if (selected_ < 0 || selected_ >= static_cast<int>(state_.nodes.size()) || row < 0 ||
        row >= static_cast<int>(state_.nodes[static_cast<size_t>(selected_)].peers.size()))
      return;
    const PeerState& p = state_.nodes[static_cast<size_t>(selected_)].peers[static_cast<size_t>(row)];
    QString peer = QString::fromStdString(p.id_hex), name = QString::fromStdString(p.name);
    QMenu menu(this);
    QMenu* apply = menu.addMenu(tr("Apply network fault on the link to %1").arg(name));
    for (const char* rule : kProfiles)
      apply->addAction(QString::fromLatin1(rule), this,
                       [this, peer, rule] { emit link_fault_requested(selected_, peer, QString::fromLatin1(rule)); });
    QString custom = chosen_rule();
    if (fault_profile_->currentIndex() == fault_profile_->count() - 1 && !custom.isEmpty())
      apply->addAction(tr("Custom: %1").arg(custom), this,
                       [this, peer, custom] { emit link_fault_requested(selected_, peer, custom); });
    menu.exec(peers_->viewport()->mapToGlobal(at));
  });
  detail_tabs_ = new QTabWidget;
  detail_tabs_->addTab(peers_, QString());
  build_detail_tabs(detail_tabs_);
  split->addWidget(form_host);
  split->addWidget(detail_tabs_);
  split->setStretchFactor(1, 2);
  dv->addWidget(split, 1);
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
  dv->addLayout(faults);
  connect(fault_profile_, &QComboBox::currentIndexChanged, this,
          [this](int i) { fault_custom_->setEnabled(i == fault_profile_->count() - 1); });
  connect(fault_apply_, &QPushButton::clicked, this, [this] {
    QString rule = chosen_rule();
    if (selected_ >= 0 && !rule.isEmpty()) emit apply_fault_requested(selected_, rule);
  });
  connect(fault_clear_, &QPushButton::clicked, this, [this] {
    if (selected_ >= 0) emit clear_faults_requested(selected_);
  });
  tabs_->addTab(detail, QString());
  // Analysis: findings with severity, evidence and a suggested action.
  findings_ = new QTableWidget(0, 5);
  findings_->verticalHeader()->hide();
  findings_->horizontalHeader()->setStretchLastSection(true);
  findings_->setWordWrap(true);
  findings_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  for (int c = 0; c < 3; ++c) findings_->horizontalHeader()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
  findings_->horizontalHeader()->setSectionResizeMode(3, QHeaderView::Stretch);
  findings_->horizontalHeader()->setSectionResizeMode(4, QHeaderView::Stretch);
  tabs_->addTab(findings_, QString());
  charts_ = new ChartsView;
  tabs_->addTab(charts_, QString());
  connect(charts_, &ChartsView::range_changed, this, &MainWindow::chart_range_requested);
  tabs_->addTab(build_alerts(), QString());
  tabs_->addTab(build_explorer(), QString());
  // A finding opens the charts on the time and nodes that show it.
  connect(findings_, &QTableWidget::cellDoubleClicked, this, [this](int row, int) {
    if (row < 0 || row >= static_cast<int>(found_.size())) return;
    const Finding& f = found_[static_cast<size_t>(row)];
    int64_t now = QDateTime::currentMSecsSinceEpoch();
    int64_t from = f.from_ms ? f.from_ms : now - 600'000, to = f.to_ms ? f.to_ms : now;
    charts_->focus(from - 60'000, to + 30'000, f.nodes);
    tabs_->setCurrentIndex(4);
  });
  detail_timer_ = new QTimer(this);
  connect(detail_timer_, &QTimer::timeout, this, [this] {
    if (tabs_->currentIndex() == 2) request_detail();
  });
  detail_timer_->start(5000);
  connect(tabs_, &QTabWidget::currentChanged, this, [this](int i) {
    if (i == 2) request_detail();
  });
  // Right-click a node in the table: the same actions.
  table_->setContextMenuPolicy(Qt::CustomContextMenu);
  connect(table_, &QTableView::customContextMenuRequested, this, [this](const QPoint& at) {
    QModelIndex i = table_->indexAt(at);
    if (!i.isValid()) return;
    int node = proxy_->mapToSource(i).row();
    QMenu menu(this);
    menu.addAction(tr("Show details"), this, [this, node] { show_node(node); });
    QMenu* apply = menu.addMenu(tr("Apply network fault"));
    for (const char* p : kProfiles)
      apply->addAction(QString::fromLatin1(p), this, [this, node, p] { emit apply_fault_requested(node, p); });
    menu.addAction(tr("Clear faults"), this, [this, node] { emit clear_faults_requested(node); });
    menu.addSeparator();
    QList<int> group;
    for (const QModelIndex& r : table_->selectionModel()->selectedRows()) group << proxy_->mapToSource(r).row();
    if (group.isEmpty()) group << node;
    if (group.size() < model_->rowCount())
      menu.addAction(tr("Partition the selected nodes from the rest"), this,
                     [this, group] { emit partition_requested(group); });
    menu.addAction(tr("Clear all faults on every node"), this, [this] { emit clear_all_faults_requested(); });
    menu.exec(table_->viewport()->mapToGlobal(at));
  });
  connect(topology_, &TopologyView::node_activated, this, &MainWindow::show_node);

  summary_ = new QLabel;
  statusBar()->addPermanentWidget(summary_, 1);

  network_menu_ = menuBar()->addMenu(QString());
  connect(network_menu_, &QMenu::aboutToShow, this, &MainWindow::fill_network_menu);
  language_menu_ = menuBar()->addMenu(QString());
  auto* group = new QActionGroup(this);
  english_ = language_menu_->addAction("English");
  chinese_ = language_menu_->addAction("中文");
  for (QAction* a : {english_, chinese_}) {
    a->setCheckable(true);
    group->addAction(a);
  }
  english_->setChecked(true);
  connect(english_, &QAction::triggered, this, [this] { set_language("en"); });
  connect(chinese_, &QAction::triggered, this, [this] { set_language("zh_CN"); });
  retranslate();
  resize(1200, 780);
}

void MainWindow::set_language(const QString& code) {
  language_ = code;
  qApp->removeTranslator(&translator_);
  if (code != "en" && translator_.load(":/i18n/consortia_" + code + ".qm")) qApp->installTranslator(&translator_);
  (code == "en" ? english_ : chinese_)->setChecked(true);
  // LanguageChange reaches every widget, this window included.
  if (code == "en") {
    QEvent e(QEvent::LanguageChange);
    QApplication::sendEvent(this, &e);
  }
}

void MainWindow::changeEvent(QEvent* e) {
  if (e->type() == QEvent::LanguageChange) retranslate();
  QMainWindow::changeEvent(e);
}

void MainWindow::retranslate() {
  setWindowTitle(tr("Consortia — %1").arg(network_name_));
  tabs_->setTabText(0, tr("Overview"));
  tabs_->setTabText(1, tr("Nodes"));
  tabs_->setTabText(2, tr("Node detail"));
  tabs_->setTabText(4, tr("Charts"));
  tabs_->setTabText(6, tr("Explorer"));
  detail_tabs_->setTabText(0, tr("Peers"));
  detail_tabs_->setTabText(1, tr("Recent blocks"));
  detail_tabs_->setTabText(2, tr("Log"));
  detail_tabs_->setTabText(3, tr("Audit log"));
  detail_tabs_->setTabText(4, tr("Host"));
  blocks_->setHorizontalHeaderLabels({tr("Height"), tr("Hash"), tr("Transactions"), tr("Proposer"), tr("Time"), tr("Votes")});
  audit_->setHorizontalHeaderLabels({tr("Time"), tr("Who"), tr("Organisation"), tr("Role"), tr("Call"), tr("Detail"), tr("Result")});
  host_->setHorizontalHeaderLabels({tr("Item"), tr("Value")});
  log_filter_label_->setText(tr("Show from level:"));
  log_level_label_->setText(tr("Node log level:"));
  log_level_apply_->setText(tr("Set"));
  replay_label_->setText(replaying_ ? tr("Replaying %1").arg(QDateTime::fromMSecsSinceEpoch(replay_at_).toString("MM-dd HH:mm:ss"))
                                    : tr("Live · drag to replay history"));
  live_button_->setText(tr("Live"));
  alerts_table_->setHorizontalHeaderLabels({tr("State"), tr("Node"), tr("Alert"), tr("Value"), tr("Raised"), tr("Cleared")});
  const QString rule_texts[] = {tr("Height stalled for (s)"), tr("Lag above (blocks)"), tr("View changes per minute above"),
                                tr("Connected peers below"), tr("Disk use above (%)")};
  for (size_t i = 0; i < rule_labels_.size(); ++i) rule_labels_[i]->setText(rule_texts[i]);
  rules_apply_->setText(tr("Apply rules"));
  on_alerts(alerts_);
  explorer_mode_->setItemText(0, tr("Block (height or hash) or transaction id"));
  explorer_mode_->setItemText(1, tr("Evidence by document digest"));
  explorer_query_->setPlaceholderText(tr("e.g. 42, or 64 hex digits"));
  explorer_go_->setText(tr("Look up"));
  explorer_fields_->setHorizontalHeaderLabels({tr("Field"), tr("Value")});
  explorer_txs_->setHorizontalHeaderLabels({tr("Transactions in this block (double-click to open)")});
  explorer_hint_->setText(tr("Asks the chosen node. Evidence proofs are checked here, against the validator keys of "
                             "the network's genesis, not taken on the node's word."));
  on_explored(explored_);
  findings_->setHorizontalHeaderLabels({tr("Severity"), tr("Finding"), tr("Nodes"), tr("Evidence"), tr("Suggested action")});
  on_findings(found_);
  language_menu_->setTitle(tr("&Language"));
  network_menu_->setTitle(tr("&Network"));
  filter_->setPlaceholderText(tr("Filter by node, organisation, role or health"));
  legend_->setText(tr("● validator   ■ observer   gold ring: leader   colours: green synced, amber lagging, "
                      "purple halted, red unreachable   links: RTT green < 50 ms, amber < 200 ms, red above; "
                      "dashed: down, dotted: fault rule applied; above 30 nodes one bundle per pair of "
                      "organisations, and only troubled links one by one   wheel: zoom, drag: pan, "
                      "double-click: node detail"));
  peers_->setHorizontalHeaderLabels(
      {tr("Peer"), tr("Connected"), tr("RTT (ms)"), tr("Loss"), tr("Sent"), tr("Received"), tr("Fault rule")});
  fault_label_->setText(tr("Network fault on this node's links:"));
  fault_custom_->setPlaceholderText(tr("netem words, e.g. delay 100ms 20ms loss 1%"));
  fault_apply_->setText(tr("Apply"));
  fault_clear_->setText(tr("Clear all faults"));
  fill_profiles();
  emit model_->headerDataChanged(Qt::Horizontal, 0, NodesModel::kCount - 1);
  on_snapshot(state_);
}

void MainWindow::on_snapshot(const NetworkState& s) {
  bool first_rows = state_.nodes.empty() && !s.nodes.empty();
  state_ = s;
  model_->set_state(s);
  if (first_rows) table_->resizeColumnsToContents();
  if (!replaying_) topology_->set_state(s);
  if (explorer_node_->count() != static_cast<int>(s.nodes.size())) fill_explorer_nodes();
  int up = 0, synced = 0;
  uint64_t top = s.max_height();
  for (const auto& n : s.nodes) {
    up += n.reachable;
    synced += health_of(n, top, s.at_ms) == Health::kSynced;
  }
  std::string leader = consensus_leader(s);
  QString leader_name;
  for (const auto& n : s.nodes)
    if (n.id_hex == leader) leader_name = QString::fromStdString(n.name);
  summary_->setText(tr("%1 nodes, %2 reachable, %3 synced · height %4 · leader %5 · updated %6")
                        .arg(s.nodes.size())
                        .arg(up)
                        .arg(synced)
                        .arg(top)
                        .arg(leader_name.isEmpty() ? tr("unknown") : leader_name)
                        .arg(s.at_ms ? QDateTime::fromMSecsSinceEpoch(s.at_ms).toString("HH:mm:ss") : tr("never")));
  update_detail();
}

void MainWindow::fill_profiles() {
  int keep = fault_profile_->currentIndex();
  fault_profile_->clear();
  fault_profile_->addItem(tr("Rate limit 2048 kbit/s"), QString(kProfiles[0]));
  fault_profile_->addItem(tr("Delay 1000 ms ± 300 ms (30% correlated)"), QString(kProfiles[1]));
  fault_profile_->addItem(tr("Loss 10%"), QString(kProfiles[2]));
  fault_profile_->addItem(tr("Duplicate 1%"), QString(kProfiles[3]));
  fault_profile_->addItem(tr("Corrupt 0.2%"), QString(kProfiles[4]));
  fault_profile_->addItem(tr("Custom rule…"), QString());
  fault_profile_->setCurrentIndex(keep < 0 ? 0 : keep);
  fault_custom_->setEnabled(fault_profile_->currentIndex() == fault_profile_->count() - 1);
}

QString MainWindow::chosen_rule() const {
  QString r = fault_profile_->currentData().toString();
  return r.isEmpty() ? fault_custom_->text().trimmed() : r;
}

void MainWindow::on_control_done(bool ok, const QString& message) {
  statusBar()->showMessage((ok ? QString() : tr("Failed: ")) + message, 10000);
}

void MainWindow::on_findings(const std::vector<Finding>& found) {
  found_ = found;
  auto kind_text = [](Finding::Kind k) {
    switch (k) {
      case Finding::Kind::kFork: return tr("Fork");
      case Finding::Kind::kLagging: return tr("Lagging node");
      case Finding::Kind::kViewChangeStorm: return tr("View-change storm");
      case Finding::Kind::kUnreachableAgent: return tr("Agent unreachable");
      case Finding::Kind::kHalted: return tr("Node halted");
    }
    return QString();
  };
  auto severity_text = [](Severity s) {
    return s == Severity::kCritical ? tr("critical") : s == Severity::kWarning ? tr("warning") : tr("info");
  };
  findings_->setRowCount(static_cast<int>(found.size()));
  for (int r = 0; r < static_cast<int>(found.size()); ++r) {
    const Finding& f = found[static_cast<size_t>(r)];
    QStringList nodes;
    for (const auto& n : f.nodes) nodes << QString::fromStdString(n);
    // Worded here, in the user's language, from the finding's fields.
    QString evidence, action;
    switch (f.kind) {
      case Finding::Kind::kFork:
        evidence = tr("block hashes differ from height %1; all agree at %2").arg(f.height).arg(f.figure);
        action = tr("Stop the odd node(s), keep their data for investigation and resync them from the majority; "
                    "check for more than f Byzantine validators or a software difference.");
        break;
      case Finding::Kind::kLagging:
        evidence = f.cause == "disk_full" ? tr("behind by %1 blocks: its disk is nearly full").arg(f.height)
                   : f.cause == "no_peers" ? tr("behind by %1 blocks: it has no connected peers").arg(f.height)
                   : f.cause == "peers_behind"
                       ? tr("behind by %1 blocks: its peers are behind too (best peer height %2)").arg(f.height).arg(f.figure)
                       : tr("behind by %1 blocks: syncing from peers at height %2").arg(f.height).arg(f.figure);
        action = f.cause == "disk_full" ? tr("Free or grow the volume holding its data directory; it cannot store new blocks.")
                 : f.cause == "no_peers" ? tr("Check its network, firewall and certificates; its log says why peers refuse it.")
                 : f.cause == "peers_behind" ? tr("Its sync sources are slow or partitioned: check the links of its organisation.")
                                             : tr("Watch that the gap closes; if not, check its disk and CPU.");
        break;
      case Finding::Kind::kViewChangeStorm:
        evidence = tr("%1 view changes per minute").arg(f.figure, 0, 'f', 0);
        if (!f.detail.empty()) evidence += tr("; suspected: %1").arg(QString::fromStdString(f.detail));
        action = tr("Look for a leader that is down or slow and for lossy links around it.");
        break;
      case Finding::Kind::kUnreachableAgent:
        if (f.cause == "node_down") {
          evidence = tr("the agent answers but its node is not running: %1")
                         .arg(translate_agent_error(QString::fromStdString(f.detail)));
          action = tr("Look at the node's log through its agent and restart the node.");
        } else {
          evidence = tr("the agent did not answer: %1").arg(translate_agent_error(QString::fromStdString(f.detail)));
          action = tr("Check the agent process and the network path to it; the node itself may still run.");
        }
        break;
      case Finding::Kind::kHalted:
        evidence = QString::fromStdString(f.detail);
        action = tr("Install the release that implements the upgrade and restart the node on its data.");
        break;
    }
    QString kind = f.kind == Finding::Kind::kUnreachableAgent && f.cause == "node_down" ? tr("Node down") : kind_text(f.kind);
    set_row(findings_, r, {severity_text(f.severity), kind, nodes.join(", "), evidence, action});
    findings_->item(r, 0)->setForeground(f.severity == Severity::kCritical ? QColor(0xc0, 0x39, 0x2b)
                                                                           : QColor(0xe0, 0x9a, 0x1a));
  }
  findings_->resizeRowsToContents();
  tabs_->setTabText(3, found.empty() ? tr("Analysis") : tr("Analysis (%1)").arg(found.size()));
}

void MainWindow::on_series(const std::map<std::string, std::vector<Sample>>& by_node) {
  charts_->set_series(by_node);
}

void MainWindow::show_node(int index) {
  if (selected_ != index) {
    detail_ = NodeDetail{};
    on_detail(detail_);
  }
  selected_ = index;
  tabs_->setCurrentIndex(2);
  update_detail();
  request_detail();
}

void MainWindow::update_detail() {
  if (selected_ < 0 && !state_.nodes.empty()) selected_ = 0;
  if (selected_ < 0 || selected_ >= static_cast<int>(state_.nodes.size())) {
    detail_title_->setText(tr("No node selected"));
    return;
  }
  const NodeState& n = state_.nodes[static_cast<size_t>(selected_)];
  Health h = health_of(n, state_.max_height(), state_.at_ms);
  detail_title_->setText(tr("%1 · %2 · %3")
                             .arg(QString::fromStdString(n.name), QString::fromStdString(n.organisation),
                                  NodesModel::health_text(h)));
  auto q = [](const std::string& s) { return QString::fromStdString(s); };
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
      {tr("Active faults"), [&] {
         QStringList rules;
         int cut = 0;
         for (const auto& p : n.peers)
           for (const QString& part : q(p.fault_rule).split("; ", Qt::SkipEmptyParts)) {
             if (part == "partitioned" || part == "partition") ++cut;
             else if (!rules.contains(part)) rules << part;
           }
         if (cut) rules << tr("partitioned from %1 peer(s)").arg(cut);
         return rules.isEmpty() ? tr("none") : rules.join("; ");
       }()},
      {tr("Status"), n.reachable ? (n.halted.empty() ? tr("running") : q(n.halted)) : tr("unreachable: %1").arg(q(n.error))},
  };
  for (size_t i = 0; i < rows.size() && i < detail_keys_.size(); ++i) {
    detail_keys_[i]->setText(rows[i].first);
    detail_values_[i]->setText(rows[i].second);
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

void MainWindow::build_detail_tabs(QTabWidget* tabs) {
  auto table = [](int cols) {
    auto* t = new QTableWidget(0, cols);
    t->verticalHeader()->hide();
    t->horizontalHeader()->setStretchLastSection(true);
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    return t;
  };
  blocks_ = table(6);
  tabs->addTab(blocks_, QString());
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
  tabs->addTab(log_page, QString());
  connect(log_filter_, &QComboBox::activated, this, [this] { request_detail(); });
  connect(log_level_apply_, &QPushButton::clicked, this, [this] {
    if (selected_ >= 0) emit log_level_requested(selected_, log_level_->currentText());
  });
  audit_ = table(7);
  tabs->addTab(audit_, QString());
  host_ = table(2);
  tabs->addTab(host_, QString());
}

void MainWindow::request_detail() {
  // One request at a time: a slow agent must not queue them up.
  if (selected_ < 0 || detail_pending_) return;
  detail_pending_ = true;
  emit detail_requested(selected_, log_filter_->currentText());
}

void MainWindow::on_detail(const NodeDetail& d) {
  if (d.node >= 0) detail_pending_ = false;
  if (d.node >= 0 && d.node != selected_) {  // an answer for a node no longer shown
    request_detail();
    return;
  }
  detail_ = d;
  auto name_of = [this](const std::string& raw_id) {
    QString h = raw_hex(raw_id);
    for (const auto& n : state_.nodes)
      if (QString::fromStdString(n.id_hex) == h) return QString::fromStdString(n.name);
    return h.left(12);
  };
  blocks_->setRowCount(static_cast<int>(d.blocks.size()));
  for (int r = 0; r < static_cast<int>(d.blocks.size()); ++r) {
    const auto& b = d.blocks[static_cast<size_t>(r)];
    set_row(blocks_, r, {QString::number(b.height()), raw_hex(b.hash()).left(16), QString::number(b.tx_ids_size()),
                     name_of(b.proposer()),
                     QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(b.timestamp_ms())).toString("HH:mm:ss.zzz"),
                     QString::number(b.qc_signatures())});
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
    // Newest first.
    QJsonObject o = QJsonDocument::fromJson(QByteArray::fromStdString(d.audit[d.audit.size() - 1 - static_cast<size_t>(r)])).object();
    QString when = o.value("time").toString();
    if (o.value("time_ms").isDouble())
      when = QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(o.value("time_ms").toDouble())).toString("MM-dd HH:mm:ss");
    set_row(audit_, r, {when, o.value("who").toString(), o.value("organisation").toString(), o.value("role").toString(),
                    o.value("call").toString(), o.value("detail").toString(),
                    o.value("result").toString() == "ok" ? tr("ok") : translate_agent_error(o.value("result").toString())});
  }
  audit_->resizeColumnsToContents();
  const auto& h = d.host;
  auto mib = [](uint64_t b) { return QString::number(static_cast<double>(b) / (1 << 20), 'f', 1) + " MiB"; };
  std::vector<std::pair<QString, QString>> rows;
  if (!h.agent_version().empty())
    rows = {{tr("Host name"), QString::fromStdString(h.hostname())},
            {tr("Kind"), h.simulated() ? tr("simulated node (consortia-sim in real time)") : tr("agent process")},
            {tr("Agent version"), QString::fromStdString(h.agent_version())},
            {tr("Protocol versions"), QString("%1–%2").arg(h.min_protocol_version()).arg(h.max_protocol_version())},
            {tr("Crypto suite"), QString::fromStdString(h.suite())},
            {tr("CPUs · load (1 min)"), QString("%1 · %2").arg(h.cpus()).arg(h.load_1m(), 0, 'f', 2)},
            {tr("Memory total · available"), mib(h.memory_total_bytes()) + " · " + mib(h.memory_available_bytes())},
            {tr("Process memory"), mib(h.process_rss_bytes())},
            {tr("Disk total · free"), mib(h.disk_total_bytes()) + " · " + mib(h.disk_free_bytes())},
            {tr("Data directory"), mib(h.data_dir_bytes())},
            {tr("Up for"), tr("%1 s").arg(h.uptime_s())}};
  host_->setRowCount(static_cast<int>(rows.size()));
  for (int r = 0; r < static_cast<int>(rows.size()); ++r)
    set_row(host_, r, {rows[static_cast<size_t>(r)].first, rows[static_cast<size_t>(r)].second});
  host_->resizeColumnToContents(0);
}

QWidget* MainWindow::build_alerts() {
  alerts_page_ = new QWidget;
  auto* v = new QVBoxLayout(alerts_page_);
  auto* rules = new QHBoxLayout;
  AlertRules d;
  rule_stalled_ = new QSpinBox;
  rule_stalled_->setRange(5, 3600);
  rule_stalled_->setValue(static_cast<int>(d.stalled_after_s));
  rule_lag_ = new QSpinBox;
  rule_lag_->setRange(1, 100000);
  rule_lag_->setValue(static_cast<int>(d.max_lag));
  rule_views_ = new QDoubleSpinBox;
  rule_views_->setRange(0.5, 10000);
  rule_views_->setValue(d.max_view_changes_per_min);
  rule_peers_ = new QSpinBox;
  rule_peers_->setRange(0, 1000);
  rule_peers_->setValue(d.min_peers);
  rule_disk_ = new QDoubleSpinBox;
  rule_disk_->setRange(1, 100);
  rule_disk_->setValue(d.max_disk_percent);
  QWidget* editors[] = {rule_stalled_, rule_lag_, rule_views_, rule_peers_, rule_disk_};
  for (QWidget* e : editors) {
    rule_labels_.push_back(new QLabel);
    rules->addWidget(rule_labels_.back());
    rules->addWidget(e);
    rules->addSpacing(8);
  }
  rules_apply_ = new QPushButton;
  rules->addWidget(rules_apply_);
  rules->addStretch(1);
  v->addLayout(rules);
  alerts_table_ = new QTableWidget(0, 6);
  alerts_table_->verticalHeader()->hide();
  alerts_table_->horizontalHeader()->setStretchLastSection(true);
  alerts_table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  alerts_table_->setSortingEnabled(false);
  v->addWidget(alerts_table_, 1);
  connect(rules_apply_, &QPushButton::clicked, this, [this] {
    AlertRules r;
    r.stalled_after_s = rule_stalled_->value();
    r.max_lag = static_cast<uint64_t>(rule_lag_->value());
    r.max_view_changes_per_min = rule_views_->value();
    r.min_peers = rule_peers_->value();
    r.max_disk_percent = rule_disk_->value();
    emit alert_rules_changed(r);
  });
  return alerts_page_;
}

void MainWindow::on_alerts(const AlertsView& v) {
  alerts_ = v;
  auto rule_text = [](const std::string& r) {
    if (r == kAlertStalled) return tr("Height stalled");
    if (r == kAlertLag) return tr("Lagging");
    if (r == kAlertViewChanges) return tr("Many view changes");
    if (r == kAlertPeers) return tr("Few peers");
    if (r == kAlertDisk) return tr("Disk nearly full");
    if (r == kAlertUnreachable) return tr("Agent unreachable");
    return QString::fromStdString(r);
  };
  auto value_text = [](const AlertRecord& a) {
    if (a.rule == kAlertStalled) return tr("%1 s").arg(a.value, 0, 'f', 0);
    if (a.rule == kAlertLag) return tr("%1 blocks").arg(a.value, 0, 'f', 0);
    if (a.rule == kAlertViewChanges) return tr("%1 per minute").arg(a.value, 0, 'f', 1);
    if (a.rule == kAlertPeers) return tr("%1 peers").arg(a.value, 0, 'f', 0);
    if (a.rule == kAlertDisk) return QString("%1%").arg(a.value, 0, 'f', 0);
    if (a.rule == kAlertUnreachable && a.value > 0) return tr("%1 s").arg(a.value, 0, 'f', 0);
    return QString();
  };
  int active = 0;
  alerts_table_->setRowCount(static_cast<int>(v.records.size()));
  for (int r = 0; r < static_cast<int>(v.records.size()); ++r) {
    const auto& a = v.records[static_cast<size_t>(r)];
    active += a.cleared_ms == 0;
    QStringList cells = {a.cleared_ms == 0 ? tr("active") : tr("cleared"), QString::fromStdString(a.node),
                         rule_text(a.rule), value_text(a),
                         QDateTime::fromMSecsSinceEpoch(a.raised_ms).toString("MM-dd HH:mm:ss"),
                         a.cleared_ms ? QDateTime::fromMSecsSinceEpoch(a.cleared_ms).toString("MM-dd HH:mm:ss") : QString()};
    set_row(alerts_table_, r, cells);
    for (int c = 0; c < cells.size(); ++c)
      alerts_table_->item(r, c)->setForeground(a.cleared_ms == 0 ? QColor(0xc0, 0x39, 0x2b) : palette().color(QPalette::Text));
  }
  alerts_table_->resizeColumnsToContents();
  tabs_->setTabText(5, active ? tr("Alerts (%1 active)").arg(active) : tr("Alerts"));
}

QWidget* MainWindow::build_explorer() {
  explorer_page_ = new QWidget;
  auto* v = new QVBoxLayout(explorer_page_);
  auto* bar = new QHBoxLayout;
  explorer_node_ = new QComboBox;
  explorer_mode_ = new QComboBox;
  explorer_mode_->addItems({QString(), QString()});
  explorer_query_ = new QLineEdit;
  explorer_query_->setClearButtonEnabled(true);
  explorer_go_ = new QPushButton;
  bar->addWidget(explorer_node_);
  bar->addWidget(explorer_mode_);
  bar->addWidget(explorer_query_, 1);
  bar->addWidget(explorer_go_);
  v->addLayout(bar);
  explorer_hint_ = new QLabel;
  explorer_hint_->setWordWrap(true);
  v->addWidget(explorer_hint_);
  explorer_verdict_ = new QLabel;
  QFont big = explorer_verdict_->font();
  big.setPointSizeF(big.pointSizeF() * 1.5);
  big.setBold(true);
  explorer_verdict_->setFont(big);
  v->addWidget(explorer_verdict_);
  auto* split = new QSplitter;
  explorer_fields_ = new QTableWidget(0, 2);
  explorer_txs_ = new QTableWidget(0, 1);
  for (QTableWidget* t : {explorer_fields_, explorer_txs_}) {
    t->verticalHeader()->hide();
    t->horizontalHeader()->setStretchLastSection(true);
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
  }
  split->addWidget(explorer_fields_);
  split->addWidget(explorer_txs_);
  split->setStretchFactor(0, 3);
  split->setStretchFactor(1, 2);
  v->addWidget(split, 1);
  auto go = [this] {
    if (explorer_query_->text().trimmed().isEmpty()) return;
    explorer_verdict_->setText(tr("Asking %1…").arg(explorer_node_->currentText()));
    emit explore_requested(explorer_node_->currentIndex(), explorer_query_->text(), explorer_mode_->currentIndex() == 1);
  };
  connect(explorer_go_, &QPushButton::clicked, this, go);
  connect(explorer_query_, &QLineEdit::returnPressed, this, go);
  connect(explorer_txs_, &QTableWidget::cellDoubleClicked, this, [this, go](int row, int) {
    if (auto* item = explorer_txs_->item(row, 0)) {
      explorer_mode_->setCurrentIndex(0);
      explorer_query_->setText(item->text());
      go();
    }
  });
  connect(explorer_fields_, &QTableWidget::cellDoubleClicked, this, [this, go](int row, int) {
    // Follow a parent hash or an evidence digest.
    auto* key = explorer_fields_->item(row, 0);
    auto* value = explorer_fields_->item(row, 1);
    if (!key || !value || value->text().size() != 64) return;
    explorer_mode_->setCurrentIndex(key->data(Qt::UserRole).toBool() ? 1 : 0);
    explorer_query_->setText(value->text());
    go();
  });
  return explorer_page_;
}

void MainWindow::explore(const QString& query, bool evidence) {
  tabs_->setCurrentIndex(6);
  explorer_mode_->setCurrentIndex(evidence ? 1 : 0);
  explorer_query_->setText(query);
  explorer_go_->click();
}

void MainWindow::fill_explorer_nodes() {
  int keep = explorer_node_->currentIndex();
  explorer_node_->clear();
  for (const auto& n : state_.nodes) explorer_node_->addItem(QString::fromStdString(n.name));
  explorer_node_->setCurrentIndex(keep >= 0 && keep < explorer_node_->count() ? keep : 0);
}

void MainWindow::on_explored(const ExplorerResult& r) {
  explored_ = r;
  auto when = [](uint64_t ms) {
    return QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(ms)).toString("yyyy-MM-dd HH:mm:ss.zzz");
  };
  std::vector<std::tuple<QString, QString, bool>> rows;  // field, value, value is an evidence digest
  QStringList txs;
  QString verdict;
  QColor colour = palette().color(QPalette::Text);
  switch (r.kind) {
    case ExplorerResult::Kind::kNone:
      if (!r.error.empty()) {
        verdict = tr("Not found or refused: %1").arg(translate_agent_error(QString::fromStdString(r.error)));
        colour = QColor(0xc0, 0x39, 0x2b);
      }
      break;
    case ExplorerResult::Kind::kBlock: {
      const auto& b = r.block;
      verdict = tr("Block %1 on %2").arg(b.height()).arg(QString::fromStdString(r.node));
      rows = {{tr("Height"), QString::number(b.height()), false},
              {tr("Hash"), raw_hex(b.hash()), false},
              {tr("Parent hash"), raw_hex(b.parent_hash()), false},
              {tr("View"), QString::number(b.view()), false},
              {tr("Proposer"), raw_hex(b.proposer()), false},
              {tr("Time"), when(b.timestamp_ms()), false},
              {tr("Protocol version"), QString::number(b.protocol_version()), false},
              {tr("State root"), raw_hex(b.state_root()), false},
              {tr("Transaction root"), raw_hex(b.tx_root()), false},
              {tr("Validator set hash"), raw_hex(b.validator_set_hash()), false},
              {tr("Votes in its parent's certificate"), QString::number(b.qc_signatures()), false},
              {tr("Transactions"), QString::number(b.tx_ids_size()), false}};
      for (const auto& id : b.tx_ids()) txs << raw_hex(id);
      break;
    }
    case ExplorerResult::Kind::kTransaction: {
      const auto& t = r.tx;
      const char* kinds[] = {"no-op", "put", "evidence", "custody", "risk", "governance", "delete"};  // TxKind
      QString kind = t.kind() < std::size(kinds) ? QString(kinds[t.kind()]) : QString::number(t.kind());
      verdict = tr("Transaction in block %1").arg(t.height());
      rows = {{tr("Id"), raw_hex(t.id()), false},
              {tr("Block height"), QString::number(t.height()), false},
              {tr("Kind"), kind, false},
              {tr("Sender"), raw_hex(t.sender()), false},
              {tr("Nonce"), QString::number(t.nonce()), false},
              {tr("Outcome"), t.refused().empty() ? tr("applied")
                                                   : tr("refused: %1").arg(reason_text(QString::fromStdString(t.refused()))),
               false}};
      if (!r.evidence_digest_hex.empty())
        rows.push_back({tr("Evidence digest (double-click to prove)"), QString::fromStdString(r.evidence_digest_hex), true});
      break;
    }
    case ExplorerResult::Kind::kEvidence: {
      const auto& p = r.proof;
      const auto& e = r.verdict.evidence.record;
      if (r.verdict.verified) {
        verdict = tr("✔ Verified: the record is on the chain, certified by a quorum of the trusted validators");
        colour = QColor(0x2e, 0x9d, 0x5b);
      } else {
        verdict = tr("✘ Not verified: %1").arg(QString::fromStdString(r.verdict.reason));
        colour = QColor(0xc0, 0x39, 0x2b);
      }
      rows = {{tr("Document digest"), QString::fromStdString(e.digest.hex()), true},
              {tr("Record type"), QString::fromStdString(e.type), false},
              {tr("Owner"), QString::fromStdString(e.owner), false},
              {tr("Recorded at"), e.timestamp_ms ? when(e.timestamp_ms) : QString(), false},
              {tr("Submitter"), QString::fromStdString(r.verdict.evidence.submitter.hex()), false},
              {tr("Block height"), QString::number(p.header.height), false},
              {tr("Block hash"), QString::fromStdString(p.block_hash.hex()), false},
              {tr("Certificate votes"), QString::number(p.certificate.votes.size()), false},
              {tr("Crypto suite"), QString::fromStdString(p.suite), false},
              {tr("Asked"), QString::fromStdString(r.node), false}};
      break;
    }
  }
  explorer_verdict_->setText(verdict);
  QPalette pal = explorer_verdict_->palette();
  pal.setColor(QPalette::WindowText, colour);
  explorer_verdict_->setPalette(pal);
  explorer_fields_->setRowCount(static_cast<int>(rows.size()));
  for (int i = 0; i < static_cast<int>(rows.size()); ++i) {
    auto [k, v, digest] = rows[static_cast<size_t>(i)];
    auto* a = new QTableWidgetItem(k);
    a->setData(Qt::UserRole, digest);
    explorer_fields_->setItem(i, 0, a);
    explorer_fields_->setItem(i, 1, new QTableWidgetItem(v));
  }
  explorer_fields_->resizeColumnToContents(0);
  explorer_txs_->setRowCount(static_cast<int>(txs.size()));
  for (int i = 0; i < txs.size(); ++i) explorer_txs_->setItem(i, 0, new QTableWidgetItem(txs[i]));
}

void MainWindow::on_replayed(const NetworkState& s) {
  if (!replaying_) return;
  topology_->set_state(s);
  replay_label_->setText(tr("Replaying %1").arg(QDateTime::fromMSecsSinceEpoch(replay_at_).toString("MM-dd HH:mm:ss")));
}

void MainWindow::on_time_range(qint64 first_ms, qint64 last_ms) {
  replay_first_ = first_ms;
  replay_last_ = last_ms;
}

void MainWindow::go_live() {
  replaying_ = false;
  replay_slider_->blockSignals(true);
  replay_slider_->setValue(1000);
  replay_slider_->blockSignals(false);
  live_button_->setEnabled(false);
  replay_label_->setText(tr("Live · drag to replay history"));
  topology_->set_state(state_);
}

void MainWindow::fill_network_menu() {
  network_menu_->clear();
  network_menu_->addAction(tr("Add an existing network…"), this, &MainWindow::add_network_dialog);
  std::string error;
  auto inv = Inventory::open(inventory_path_.toStdString(), &error);
  auto networks = inv ? inv->list() : std::vector<InventoryNetwork>{};
  if (!networks.empty()) network_menu_->addSeparator();
  for (const auto& n : networks) {
    QString name = QString::fromStdString(n.name);
    network_menu_->addAction(tr("Open %1 (%2 agents)").arg(name).arg(n.agents.size()), this, [this, name] {
      // One network per window: a new console opens it, this one closes.
      if (QProcess::startDetached(QCoreApplication::applicationFilePath(), {"--network", name, "--lang", language_}))
        close();
    });
  }
}

void MainWindow::add_network_dialog() {
  QDialog d(this);
  d.setWindowTitle(tr("Add an existing network"));
  auto* form = new QFormLayout(&d);
  auto* name = new QLineEdit;
  auto* agents = new QPlainTextEdit;
  agents->setPlaceholderText(tr("One agent per line: node name=host:port"));
  agents->setMinimumHeight(100);
  form->addRow(tr("Name"), name);
  form->addRow(tr("Agents"), agents);
  std::vector<QLineEdit*> files;
  const QString labels[] = {tr("CA bundle (PEM)"), tr("Client certificate (PEM)"), tr("Client key (PEM)"),
                            tr("Operator certificate (optional)"), tr("Operator key (optional)"),
                            tr("Genesis (optional, to check evidence proofs)")};
  for (const QString& label : labels) {
    auto* row = new QHBoxLayout;
    auto* edit = new QLineEdit;
    auto* pick = new QPushButton(tr("Choose…"));
    connect(pick, &QPushButton::clicked, &d, [edit, &d, label] {
      QString f = QFileDialog::getOpenFileName(&d, label);
      if (!f.isEmpty()) edit->setText(f);
    });
    row->addWidget(edit, 1);
    row->addWidget(pick);
    form->addRow(label, row);
    files.push_back(edit);
  }
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
  form->addRow(buttons);
  connect(buttons, &QDialogButtonBox::rejected, &d, &QDialog::reject);
  connect(buttons, &QDialogButtonBox::accepted, &d, [&] {
    std::string error;
    InventoryNetwork n;
    n.name = name->text().trimmed().toStdString();
    auto parsed = parse_agents(agents->toPlainText().toStdString(), &error);
    if (parsed) n.agents = *parsed;
    n.ca_bundle = files[0]->text().toStdString();
    n.certificate = files[1]->text().toStdString();
    n.key = files[2]->text().toStdString();
    n.operator_certificate = files[3]->text().toStdString();
    n.operator_key = files[4]->text().toStdString();
    n.genesis = files[5]->text().toStdString();
    auto inv = Inventory::open(inventory_path_.toStdString(), &error);
    if (!parsed || !inv || !inv->add(n, &error)) {
      QMessageBox::warning(&d, tr("Add an existing network"), tr("Not added: %1").arg(QString::fromStdString(error)));
      return;  // the dialog stays open with what was typed
    }
    d.accept();
    statusBar()->showMessage(tr("Added %1; open it from the Network menu.").arg(name->text()), 10000);
  });
  d.resize(640, d.sizeHint().height());
  d.exec();
}

}  // namespace consortia::console
