// The Analysis page: the findings of the fault analysis with severity,
// evidence and a suggested action; a double-click shows the charts of the
// time and nodes that show it.
#pragma once

#include <vector>

#include "common/console_page.h"
#include "model/analysis.h"

class QLabel;
class QTableWidget;

namespace consortia::console {

class AnalysisPage : public ConsolePage {
  Q_OBJECT
 public:
  explicit AnalysisPage(QWidget* parent = nullptr);
  QString title() const override;

 public slots:
  void on_findings(const std::vector<consortia::console::Finding>& found);

 signals:
  void chart_focus_requested(qint64 from_ms, qint64 to_ms, std::vector<std::string> nodes);

 protected:
  void retranslate() override;

 private:
  QLabel* empty_;
  QTableWidget* table_;
  std::vector<Finding> found_;
};

}  // namespace consortia::console
