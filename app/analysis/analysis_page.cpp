#include "analysis/analysis_page.h"

#include <QDateTime>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

#include "analysis/finding_text.h"
#include "common/tables.h"

namespace consortia::console {

AnalysisPage::AnalysisPage(QWidget* parent) : ConsolePage(parent) {
  auto* v = new QVBoxLayout(this);
  empty_ = new QLabel;
  empty_->setWordWrap(true);
  v->addWidget(empty_);
  table_ = make_table(5);
  table_->setWordWrap(true);
  for (int c = 0; c < 3; ++c) table_->horizontalHeader()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
  table_->horizontalHeader()->setSectionResizeMode(3, QHeaderView::Stretch);
  table_->horizontalHeader()->setSectionResizeMode(4, QHeaderView::Stretch);
  v->addWidget(table_);
  // A finding opens the charts on the time and nodes that show it.
  connect(table_, &QTableWidget::cellDoubleClicked, this, [this](int row, int) {
    if (row < 0 || row >= static_cast<int>(found_.size())) return;
    const Finding& f = found_[static_cast<size_t>(row)];
    int64_t now = QDateTime::currentMSecsSinceEpoch();
    int64_t from = f.from_ms ? f.from_ms : now - 600'000, to = f.to_ms ? f.to_ms : now;
    emit chart_focus_requested(from - 60'000, to + 30'000, f.nodes);
  });
  retranslate();
}

QString AnalysisPage::title() const {
  return found_.empty() ? tr("Analysis") : tr("Analysis (%1)").arg(found_.size());
}

void AnalysisPage::retranslate() {
  table_->setHorizontalHeaderLabels({tr("Severity"), tr("Finding"), tr("Nodes"), tr("Evidence"), tr("Suggested action")});
  empty_->setText(tr("No findings: every agent answers, no node lags or has halted, the nodes agree on their blocks "
                     "and views change only at their pace. Double-click a finding, when there is one, for its charts."));
  on_findings(found_);
}

void AnalysisPage::on_findings(const std::vector<Finding>& found) {
  bool count_changed = found.size() != found_.size();
  found_ = found;
  table_->setRowCount(static_cast<int>(found.size()));
  for (int r = 0; r < static_cast<int>(found.size()); ++r) {
    const Finding& f = found[static_cast<size_t>(r)];
    FindingText t = finding_text(f);
    set_row(table_, r, {t.severity, t.kind, t.nodes, t.evidence, t.action});
    table_->item(r, 0)->setForeground(f.severity == Severity::kCritical ? QColor(0xc0, 0x39, 0x2b)
                                                                        : QColor(0xe0, 0x9a, 0x1a));
  }
  table_->resizeRowsToContents();
  empty_->setVisible(found.empty());
  if (count_changed) emit title_changed();
}

}  // namespace consortia::console
