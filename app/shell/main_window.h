// The console's main window: a shell of menus (network, language), one tab
// per page and a status bar. Each page is its own widget in its own folder
// (overview/, nodes/, node_detail/, analysis/, charts/, alerts/,
// explorer/, runbooks/, hosts/, proposals/); the session (shell/session.h) connects them to the worker
// side. GUI thread only.
#pragma once

#include <QMainWindow>
#include <QTranslator>
#include <array>

#include "agents/metatypes.h"

class QAction;
class QLabel;
class QMenu;
class QTabWidget;

namespace consortia::console {

class AlertsPage;
class AnalysisPage;
class ChartsPage;
class ConsolePage;
class ExplorerPage;
class HostsPage;
class ProposalsPage;
class UpgradesPage;
class RunbooksPage;
class NodeDetailPage;
class NodesPage;
class OverviewPage;

enum class Page { kOverview, kNodes, kNodeDetail, kAnalysis, kCharts, kAlerts, kExplorer, kRunbooks, kHosts, kProposals, kUpgrades };
inline constexpr int kPageCount = 11;
// "overview", "nodes", "detail", "analysis", "charts", "alerts", "explorer",
// "runbooks", "hosts", "proposals", "upgrades", or the number.
std::optional<Page> page_by_name(const QString& name);

class MainWindow : public QMainWindow {
  Q_OBJECT
 public:
  // `inventory_path`: the SQLite file the Network menu adds to and opens from.
  MainWindow(QString network_name, QString inventory_path, QWidget* parent = nullptr);
  void set_language(const QString& code);  // "en" or "zh_CN"
  void show_page(Page p);
  Page current_page() const;
  // The node detail page, on `index`.
  void show_node(int index);

  OverviewPage* overview() const { return overview_; }
  NodesPage* nodes() const { return nodes_; }
  NodeDetailPage* node_detail() const { return detail_; }
  AnalysisPage* analysis() const { return analysis_; }
  ChartsPage* charts() const { return charts_; }
  AlertsPage* alerts() const { return alerts_; }
  ExplorerPage* explorer() const { return explorer_; }
  RunbooksPage* runbooks() const { return runbooks_; }
  HostsPage* hosts() const { return hosts_; }
  ProposalsPage* proposals() const { return proposals_; }
  UpgradesPage* upgrades() const { return upgrades_; }

 public slots:
  // The network now: the status bar and every page that shows it.
  void on_snapshot(const consortia::console::NetworkState& s);
  void on_control_done(const consortia::console::ControlOutcome& outcome);
  void show_message(const QString& text);

 protected:
  void changeEvent(QEvent* e) override;

 private:
  void retranslate();
  void show_summary(const NetworkState& s);  // the status bar's line
  void fill_network_menu();
  void add_page(Page p, ConsolePage* page);
  QString network_name_, inventory_path_;
  QTranslator translator_, qt_translator_;
  QTabWidget* tabs_;
  std::array<ConsolePage*, kPageCount> pages_{};
  OverviewPage* overview_;
  NodesPage* nodes_;
  NodeDetailPage* detail_;
  AnalysisPage* analysis_;
  ChartsPage* charts_;
  AlertsPage* alerts_;
  ExplorerPage* explorer_;
  RunbooksPage* runbooks_;
  HostsPage* hosts_;
  ProposalsPage* proposals_;
  UpgradesPage* upgrades_;
  QLabel* summary_;
  QMenu *network_menu_, *language_menu_;
  QAction *english_, *chinese_;
  QString language_ = "en";
  NetworkState state_;
};

}  // namespace consortia::console
