// Charts (Qt Charts) over the console's history: height per node and view
// changes per node over the last minutes, refreshed as samples arrive.
#pragma once

#include <QWidget>
#include <map>
#include <string>
#include <vector>

#include "core/history.h"

class QChart;
class QChartView;

namespace consortia::console {

using SeriesByNode = std::map<std::string, std::vector<Sample>>;

class ChartsView : public QWidget {
  Q_OBJECT
 public:
  explicit ChartsView(QWidget* parent = nullptr);
  void set_series(const SeriesByNode& series);

 protected:
  void changeEvent(QEvent* e) override;

 private:
  void rebuild();
  QChart *height_chart_, *views_chart_;
  QChartView *height_view_, *views_view_;
  SeriesByNode series_;
};

}  // namespace consortia::console

Q_DECLARE_METATYPE(consortia::console::SeriesByNode)
