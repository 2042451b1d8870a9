// The node detail's lower half beyond peers: recent blocks, the log tail
// with its level filter and the node's own log level, audit entries and
// the host.
#pragma once

#include <QTabWidget>

#include "model/network_state.h"
#include "model/node_detail.h"

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;

namespace consortia::console {

class DetailTabs : public QTabWidget {
  Q_OBJECT
 public:
  // `peers`: the peers table, the first tab.
  DetailTabs(QTableWidget* peers, QWidget* parent = nullptr);
  void retranslate();
  // Shows `d`; `state` names the nodes (block proposers).
  void show_detail(const NodeDetail& d, const NetworkState& state);
  QString log_filter() const;

 signals:
  void log_filter_changed();
  void log_level_requested(QString level);

 private:
  QTableWidget *blocks_, *audit_, *host_;
  QPlainTextEdit* log_;
  QComboBox *log_filter_, *log_level_;
  QPushButton* log_level_apply_;
  QLabel *log_filter_label_, *log_level_label_;
  NodeDetail shown_;
  NetworkState state_;
};

}  // namespace consortia::console
