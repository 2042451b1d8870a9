#include "shell/main_window.h"

#include <QActionGroup>
#include <QLibraryInfo>
#include <QApplication>
#include <QDateTime>
#include <QLabel>
#include <QMenuBar>
#include <QProcess>
#include <QStatusBar>
#include <QTabWidget>

#include "alerts/alerts_page.h"
#include "analysis/analysis_page.h"
#include "charts/charts_page.h"
#include "common/wording.h"
#include "explorer/explorer_page.h"
#include "hosts/hosts_page.h"
#include "proposals/proposals_page.h"
#include "runbooks/runbooks_page.h"
#include "node_detail/node_detail_page.h"
#include "nodes/nodes_page.h"
#include "overview/overview_page.h"
#include "shell/add_network_dialog.h"
#include "upgrades/upgrades_page.h"

namespace consortia::console {

std::optional<Page> page_by_name(const QString& name) {
  static const char* const kNames[] = {"overview", "nodes",    "detail", "analysis", "charts",
                                       "alerts",   "explorer", "runbooks", "hosts",  "proposals", "upgrades"};
  bool number = false;
  int n = name.toInt(&number);
  if (number) return n >= 0 && n < kPageCount ? std::optional<Page>(static_cast<Page>(n)) : std::nullopt;
  for (int i = 0; i < kPageCount; ++i)
    if (name == QLatin1String(kNames[i])) return static_cast<Page>(i);
  return std::nullopt;
}

MainWindow::MainWindow(QString network_name, QString inventory_path, QWidget* parent)
    : QMainWindow(parent), network_name_(std::move(network_name)), inventory_path_(std::move(inventory_path)) {
  tabs_ = new QTabWidget(this);
  setCentralWidget(tabs_);
  add_page(Page::kOverview, overview_ = new OverviewPage);
  add_page(Page::kNodes, nodes_ = new NodesPage);
  add_page(Page::kNodeDetail, detail_ = new NodeDetailPage);
  add_page(Page::kAnalysis, analysis_ = new AnalysisPage);
  add_page(Page::kCharts, charts_ = new ChartsPage);
  add_page(Page::kAlerts, alerts_ = new AlertsPage);
  add_page(Page::kExplorer, explorer_ = new ExplorerPage);
  add_page(Page::kRunbooks, runbooks_ = new RunbooksPage);
  add_page(Page::kHosts, hosts_ = new HostsPage);
  add_page(Page::kProposals, proposals_ = new ProposalsPage);
  add_page(Page::kUpgrades, upgrades_ = new UpgradesPage);
  // Pages that lead to others.
  connect(overview_, &OverviewPage::node_activated, this, &MainWindow::show_node);
  connect(nodes_, &NodesPage::show_node, this, &MainWindow::show_node);
  connect(analysis_, &AnalysisPage::chart_focus_requested, this,
          [this](qint64 from, qint64 to, const std::vector<std::string>& nodes) {
            charts_->focus(from, to, nodes);
            show_page(Page::kCharts);
          });

  summary_ = new QLabel;
  summary_->setTextFormat(Qt::PlainText);
  // On the right, so that the left keeps room for the messages actions
  // answer with (show_message): a stretching permanent widget leaves them none.
  statusBar()->addPermanentWidget(summary_, 0);
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

void MainWindow::add_page(Page p, ConsolePage* page) {
  pages_[static_cast<size_t>(p)] = page;
  tabs_->insertTab(static_cast<int>(p), page, page->title());
  connect(page, &ConsolePage::title_changed, this, [this, p, page] { tabs_->setTabText(static_cast<int>(p), page->title()); });
}

void MainWindow::show_page(Page p) { tabs_->setCurrentIndex(static_cast<int>(p)); }
Page MainWindow::current_page() const { return static_cast<Page>(tabs_->currentIndex()); }

void MainWindow::show_node(int index) {
  detail_->show_node(index);
  show_page(Page::kNodeDetail);
}

void MainWindow::set_language(const QString& code) {
  language_ = code;
  qApp->removeTranslator(&translator_);
  qApp->removeTranslator(&qt_translator_);
  if (code != "en" && translator_.load(":/i18n/consortia_" + code + ".qm")) qApp->installTranslator(&translator_);
  // Qt's own words (Yes, No, OK, Cancel in standard dialogs), from Debian's
  // qt6-translations-l10n.
  if (code != "en" && qt_translator_.load("qtbase_" + code, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
    qApp->installTranslator(&qt_translator_);
  (code == "en" ? english_ : chinese_)->setChecked(true);
  // Installing a translator sends LanguageChange to every widget; removing
  // the last one does not, so English is announced by hand.
  if (code == "en") {
    QEvent e(QEvent::LanguageChange);
    QApplication::sendEvent(this, &e);
    for (ConsolePage* page : pages_) QApplication::sendEvent(page, &e);
  }
}

void MainWindow::changeEvent(QEvent* e) {
  if (e->type() == QEvent::LanguageChange) retranslate();
  QMainWindow::changeEvent(e);
}

void MainWindow::retranslate() {
  setWindowTitle(tr("Consortia — %1").arg(network_name_));
  for (int i = 0; i < kPageCount; ++i) tabs_->setTabText(i, pages_[static_cast<size_t>(i)]->title());
  language_menu_->setTitle(tr("&Language"));
  network_menu_->setTitle(tr("&Network"));
  show_summary(state_);
}

void MainWindow::on_snapshot(const NetworkState& s) {
  // One delivery from the worker, handed to the pages that show the network.
  overview_->on_snapshot(s);
  nodes_->on_snapshot(s);
  detail_->on_snapshot(s);
  explorer_->on_snapshot(s);
  runbooks_->on_snapshot(s);
  show_summary(s);
}

void MainWindow::show_summary(const NetworkState& s) {
  state_ = s;
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
}

void MainWindow::on_control_done(const ControlOutcome& outcome) {
  show_message((outcome.ok() ? QString() : tr("Failed: ")) + control_text(outcome));
}

void MainWindow::show_message(const QString& text) { statusBar()->showMessage(text, 10000); }

void MainWindow::fill_network_menu() {
  network_menu_->clear();
  network_menu_->addAction(tr("Add an existing network…"), this, [this] {
    if (QString name = add_network_dialog(this, inventory_path_); !name.isEmpty())
      show_message(tr("Added %1; open it from the Network menu.").arg(name));
  });
  auto inv = Inventory::open(inventory_path_.toStdString(), nullptr);
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

}  // namespace consortia::console
