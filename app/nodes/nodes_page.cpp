#include "nodes/nodes_page.h"

#include <QHeaderView>
#include <QLineEdit>
#include <QMenu>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

#include "common/fault_profiles.h"
#include "nodes/nodes_model.h"

namespace consortia::console {

NodesPage::NodesPage(QWidget* parent) : ConsolePage(parent) {
  auto* v = new QVBoxLayout(this);
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
  table_->setContextMenuPolicy(Qt::CustomContextMenu);
  connect(table_, &QTableView::doubleClicked, this,
          [this](const QModelIndex& i) { emit show_node(proxy_->mapToSource(i).row()); });
  connect(table_, &QTableView::customContextMenuRequested, this, &NodesPage::context_menu);
  v->addWidget(filter_);
  v->addWidget(table_, 1);
  retranslate();
}

QString NodesPage::title() const { return tr("Nodes"); }

void NodesPage::retranslate() {
  filter_->setPlaceholderText(tr("Filter by node, organisation, role or health"));
  emit model_->headerDataChanged(Qt::Horizontal, 0, NodesModel::kCount - 1);
  model_->set_state(model_->state());  // words in the cells
}

void NodesPage::on_snapshot(const NetworkState& s) {
  model_->set_state(s);
  if (!sized_ && !s.nodes.empty()) {
    table_->resizeColumnsToContents();
    sized_ = true;
  }
}

// Right-click a node: its details, a fault on its links, a partition of the
// selected nodes, or clearing every fault.
void NodesPage::context_menu(const QPoint& at) {
  QModelIndex i = table_->indexAt(at);
  if (!i.isValid()) return;
  int node = proxy_->mapToSource(i).row();
  QMenu menu(this);
  menu.addAction(tr("Show details"), this, [this, node] { emit show_node(node); });
  QMenu* apply = menu.addMenu(tr("Apply network fault"));
  for (const char* rule : kFaultProfiles)
    apply->addAction(QString::fromLatin1(rule), this, [this, node, rule] { emit apply_fault_requested(node, rule); });
  menu.addAction(tr("Clear faults"), this, [this, node] { emit clear_faults_requested(node); });
  menu.addSeparator();
  QList<int> group;
  for (const QModelIndex& r : table_->selectionModel()->selectedRows()) group << proxy_->mapToSource(r).row();
  if (group.isEmpty()) group << node;
  if (group.size() < model_->rowCount())
    menu.addAction(tr("Partition the selected nodes from the rest"), this, [this, group] { emit partition_requested(group); });
  menu.addAction(tr("Clear all faults on every node"), this, [this] { emit clear_all_faults_requested(); });
  menu.exec(table_->viewport()->mapToGlobal(at));
}

}  // namespace consortia::console
