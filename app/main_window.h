// The console's main window: overview (topology), nodes table, node detail.
// It only renders snapshots that the Collector (on its own thread) sends.
#pragma once

#include <QMainWindow>
#include <QTranslator>

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

namespace consortia::console {

class NodesModel;
class TopologyView;
class ChartsView;

class MainWindow : public QMainWindow {
  Q_OBJECT
 public:
  explicit MainWindow(QString network_name, QWidget* parent = nullptr);
  void set_language(const QString& code);  // "en" or "zh_CN"

 public slots:
  void on_snapshot(const consortia::console::NetworkState& s);
  void show_node(int index);
  void on_control_done(bool ok, const QString& message);
  void on_findings(const std::vector<consortia::console::Finding>& found);
  void on_series(const std::map<std::string, std::vector<consortia::console::Sample>>& by_node);

 signals:
  void apply_fault_requested(int node, QString rule);
  void clear_faults_requested(int node);
  void partition_requested(QList<int> group);
  void clear_all_faults_requested();

 protected:
  void changeEvent(QEvent* e) override;

 private:
  void retranslate();
  void fill_profiles();
  QString chosen_rule() const;
  void update_detail();

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
  QAction *english_, *chinese_;
  int selected_ = -1;
  NetworkState state_;
};

}  // namespace consortia::console
