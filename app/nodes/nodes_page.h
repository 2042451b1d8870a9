// The nodes table: one row per node (nodes/nodes_model.h), sortable and
// filterable; right-click for a node's faults, partitions and details.
#pragma once

#include <QList>

#include "common/console_page.h"
#include "model/network_state.h"

class QLineEdit;
class QSortFilterProxyModel;
class QTableView;

namespace consortia::console {

class NodesModel;

class NodesPage : public ConsolePage {
  Q_OBJECT
 public:
  explicit NodesPage(QWidget* parent = nullptr);
  QString title() const override;

 public slots:
  void on_snapshot(const consortia::console::NetworkState& s);

 signals:
  void show_node(int index);
  void apply_fault_requested(int node, QString rule);
  void clear_faults_requested(int node);
  void partition_requested(QList<int> group);
  void clear_all_faults_requested();

 protected:
  void retranslate() override;

 private:
  void context_menu(const QPoint& at);
  NodesModel* model_;
  QSortFilterProxyModel* proxy_;
  QTableView* table_;
  QLineEdit* filter_;
  bool sized_ = false;
};

}  // namespace consortia::console
