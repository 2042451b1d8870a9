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

#include "charts_view.h"
#include "nodes_model.h"
#include "reasons.h"
#include "topology_view.h"

namespace consortia::console {

namespace {
constexpr int kDetailRows = 12;
// The seed's network conditions, in netem words.
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
  ov->addWidget(legend_);
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
  split->addWidget(form_host);
  split->addWidget(peers_);
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
  findings_->setHorizontalHeaderLabels({tr("Severity"), tr("Finding"), tr("Nodes"), tr("Evidence"), tr("Suggested action")});
  on_findings(found_);
  language_menu_->setTitle(tr("&Language"));
  filter_->setPlaceholderText(tr("Filter by node, organisation, role or health"));
  legend_->setText(tr("● validator   ■ observer   gold ring: leader   colours: green synced, amber lagging, "
                      "purple halted, red unreachable   links: RTT green < 50 ms, amber < 200 ms, red above; "
                      "dashed: down, dotted: fault rule applied   wheel: zoom, drag: pan, double-click: node detail"));
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
  state_ = s;
  model_->set_state(s);
  topology_->set_state(s);
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
        evidence = f.cause == "no_peers" ? tr("behind by %1 blocks: it has no connected peers").arg(f.height)
                   : f.cause == "peers_behind"
                       ? tr("behind by %1 blocks: its peers are behind too (best peer height %2)").arg(f.height).arg(f.figure)
                       : tr("behind by %1 blocks: syncing from peers at height %2").arg(f.height).arg(f.figure);
        action = f.cause == "no_peers" ? tr("Check its network, firewall and certificates; its log says why peers refuse it.")
                 : f.cause == "peers_behind" ? tr("Its sync sources are slow or partitioned: check the links of its organisation.")
                                             : tr("Watch that the gap closes; if not, check its disk and CPU.");
        break;
      case Finding::Kind::kViewChangeStorm:
        evidence = tr("%1 view changes per minute").arg(f.figure, 0, 'f', 0);
        if (!f.detail.empty()) evidence += tr("; suspected: %1").arg(QString::fromStdString(f.detail));
        action = tr("Look for a leader that is down or slow and for lossy links around it.");
        break;
      case Finding::Kind::kUnreachableAgent:
        evidence = tr("the agent did not answer: %1").arg(translate_agent_error(QString::fromStdString(f.detail)));
        action = tr("Check the agent process and the network path to it; the node itself may still run.");
        break;
      case Finding::Kind::kHalted:
        evidence = QString::fromStdString(f.detail);
        action = tr("Install the release that implements the upgrade and restart the node on its data.");
        break;
    }
    QStringList cells = {severity_text(f.severity), kind_text(f.kind), nodes.join(", "), evidence, action};
    for (int c = 0; c < cells.size(); ++c) {
      auto* item = findings_->item(r, c);
      if (!item) findings_->setItem(r, c, item = new QTableWidgetItem);
      item->setText(cells[c]);
      if (c == 0)
        item->setForeground(f.severity == Severity::kCritical ? QColor(0xc0, 0x39, 0x2b) : QColor(0xe0, 0x9a, 0x1a));
    }
  }
  findings_->resizeRowsToContents();
  tabs_->setTabText(3, found.empty() ? tr("Analysis") : tr("Analysis (%1)").arg(found.size()));
}

void MainWindow::on_series(const std::map<std::string, std::vector<Sample>>& by_node) {
  charts_->set_series(by_node);
}

void MainWindow::show_node(int index) {
  selected_ = index;
  tabs_->setCurrentIndex(2);
  update_detail();
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
      {tr("Active faults"), [&] {
         QStringList rules;
         for (const auto& p : n.peers)
           if (!p.fault_rule.empty() && !rules.contains(q(p.fault_rule))) rules << q(p.fault_rule);
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
    QStringList cells = {q(p.name), p.connected ? tr("yes") : tr("no"), QString::number(p.rtt_ms, 'f', 1),
                         QString::number(p.loss * 100, 'f', 0) + "%", QString::number(p.sent_bytes),
                         QString::number(p.received_bytes), q(p.fault_rule)};
    for (int c = 0; c < cells.size(); ++c) {
      auto* item = peers_->item(r, c);
      if (!item) peers_->setItem(r, c, item = new QTableWidgetItem);
      item->setText(cells[c]);
    }
  }
}

}  // namespace consortia::console
