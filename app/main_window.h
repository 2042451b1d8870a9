// The console's main window: overview (topology), nodes table, node detail.
// It only renders snapshots that the Collector (on its own thread) sends.
#pragma once

#include <QMainWindow>
#include <QTranslator>

#include "collector.h"
#include "core/analysis.h"
#include "core/network_state.h"

class QLabel;
class QLineEdit;
class QTabWidget;
class QTableView;
class QTableWidget;
class QSortFilterProxyModel;
class QFormLayout;
class QAction;
class QMenu;
class QComboBox;
class QPushButton;
class QPlainTextEdit;
class QSlider;
class QSpinBox;
class QDoubleSpinBox;
class QTimer;

namespace consortia::console {

class NodesModel;
class TopologyView;
class ChartsView;

class MainWindow : public QMainWindow {
  Q_OBJECT
 public:
  explicit MainWindow(QString network_name, QWidget* parent = nullptr);
  void set_language(const QString& code);  // "en" or "zh_CN"
  ChartsView* charts() const { return charts_; }
  // The inventory (SQLite file) the Network menu adds to and opens from.
  void set_inventory(QString path) { inventory_path_ = std::move(path); }
  // Looks `query` up in the explorer (asking the first node), as the user would.
  void explore(const QString& query, bool evidence);
  QTabWidget* tabs() const { return tabs_; }
  TopologyView* topology() const { return topology_; }

 public slots:
  void on_snapshot(const consortia::console::NetworkState& s);
  void show_node(int index);
  void on_control_done(bool ok, const QString& message);
  void on_findings(const std::vector<consortia::console::Finding>& found);
  void on_series(const std::map<std::string, std::vector<consortia::console::Sample>>& by_node);
  void on_detail(const consortia::console::NodeDetail& d);
  void on_explored(const consortia::console::ExplorerResult& r);
  void on_alerts(const consortia::console::AlertsView& v);
  void on_replayed(const consortia::console::NetworkState& s);
  void on_time_range(qint64 first_ms, qint64 last_ms);

 signals:
  void apply_fault_requested(int node, QString rule);
  // A rule on one link only: node's egress to the peer (hex id).
  void link_fault_requested(int node, QString peer_hex, QString rule);
  void clear_faults_requested(int node);
  void partition_requested(QList<int> group);
  void clear_all_faults_requested();
  void detail_requested(int node, QString min_level);
  void log_level_requested(int node, QString level);
  void explore_requested(int node, QString query, bool evidence);
  void alert_rules_changed(consortia::console::AlertRules rules);
  void chart_range_requested(qint64 range_ms);
  void replay_requested(qint64 t_ms);
  void time_range_requested();

 protected:
  void changeEvent(QEvent* e) override;

 private:
  void retranslate();
  void fill_profiles();
  QString chosen_rule() const;
  void update_detail();
  void build_detail_tabs(class QTabWidget* tabs);
  QWidget* build_alerts();
  QWidget* build_explorer();
  void fill_explorer_nodes();
  void request_detail();
  void go_live();
  void add_network_dialog();
  void fill_network_menu();

  QString network_name_;
  QTranslator translator_;
  QTabWidget* tabs_;
  TopologyView* topology_;
  NodesModel* model_;
  QSortFilterProxyModel* proxy_;
  QTableView* table_;
  QLineEdit* filter_;
  QLabel* summary_;
  QLabel* legend_;
  QLabel* detail_title_;
  QFormLayout* detail_form_;
  std::vector<QLabel*> detail_keys_, detail_values_;
  QTableWidget* peers_;
  QTableWidget* findings_;
  ChartsView* charts_;
  std::vector<Finding> found_;
  QLabel* fault_label_;
  QComboBox* fault_profile_;
  QLineEdit* fault_custom_;
  QPushButton *fault_apply_, *fault_clear_;
  QMenu* language_menu_;
  QMenu* network_menu_;
  QString inventory_path_;
  QString language_ = "en";
  QAction *english_, *chinese_;
  int selected_ = -1;
  NetworkState state_;
  // node detail, beyond status
  QTabWidget* detail_tabs_;
  QTableWidget *blocks_, *audit_, *host_;
  QPlainTextEdit* log_;
  QComboBox *log_filter_, *log_level_;
  QPushButton* log_level_apply_;
  QLabel *log_filter_label_, *log_level_label_;
  NodeDetail detail_;
  QTimer* detail_timer_;
  bool detail_pending_ = false;
  // alerts
  QWidget* alerts_page_;
  QTableWidget* alerts_table_;
  QSpinBox *rule_stalled_, *rule_lag_, *rule_peers_;
  QDoubleSpinBox *rule_views_, *rule_disk_;
  std::vector<QLabel*> rule_labels_;
  QPushButton* rules_apply_;
  AlertsView alerts_;
  // explorer
  QWidget* explorer_page_;
  QComboBox *explorer_node_, *explorer_mode_;
  QLineEdit* explorer_query_;
  QPushButton* explorer_go_;
  QLabel *explorer_verdict_, *explorer_hint_;
  QTableWidget *explorer_fields_, *explorer_txs_;
  ExplorerResult explored_;
  // time slider (replaying history on the overview)
  QSlider* replay_slider_;
  QLabel* replay_label_;
  QPushButton* live_button_;
  bool replaying_ = false;
  qint64 replay_first_ = 0, replay_last_ = 0, replay_at_ = 0;
};

}  // namespace consortia::console
