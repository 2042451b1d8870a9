// Charts (Qt Charts) over the console's history: the network's TPS, block
// interval and commit latency, and one per-node figure of the user's choice
// (height, view changes, bytes out and in, CPU), over a chosen time range.
// A finding can focus the charts on the time and nodes that show it.
#pragma once

#include <string>
#include <vector>

#include "common/console_page.h"
#include "model/history.h"
#include "model/series.h"

class QChart;
class QChartView;
class QComboBox;
class QLabel;
class QPushButton;

namespace consortia::console {

class ChartsPage : public ConsolePage {
  Q_OBJECT
 public:
  explicit ChartsPage(QWidget* parent = nullptr);
  QString title() const override;
  void set_series(const SeriesByNode& series);
  // Shows [from, to] and only these nodes (empty: all) until the focus is cleared.
  void focus(int64_t from_ms, int64_t to_ms, const std::vector<std::string>& nodes);

 signals:
  void range_changed(qint64 range_ms);

 protected:
  void retranslate() override;

 private:
  void rebuild();
  QChart *tps_chart_, *interval_chart_, *latency_chart_, *node_chart_;
  QComboBox *range_, *figure_;
  QLabel *range_label_, *figure_label_, *focus_label_;
  QPushButton* clear_focus_;
  SeriesByNode series_;
  int64_t focus_from_ = 0, focus_to_ = 0;
  std::vector<std::string> focus_nodes_;
};

}  // namespace consortia::console
