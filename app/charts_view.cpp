#include "charts_view.h"

#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QEvent>
#include <QLineSeries>
#include <QValueAxis>
#include <QVBoxLayout>

namespace consortia::console {

ChartsView::ChartsView(QWidget* parent) : QWidget(parent) {
  auto* layout = new QVBoxLayout(this);
  height_chart_ = new QChart;
  views_chart_ = new QChart;
  height_view_ = new QChartView(height_chart_);
  views_view_ = new QChartView(views_chart_);
  for (auto* v : {height_view_, views_view_}) {
    v->setRenderHint(QPainter::Antialiasing);
    layout->addWidget(v, 1);
  }
  rebuild();
}

void ChartsView::set_series(const SeriesByNode& series) {
  series_ = series;
  rebuild();
}

void ChartsView::changeEvent(QEvent* e) {
  if (e->type() == QEvent::LanguageChange) rebuild();
  QWidget::changeEvent(e);
}

void ChartsView::rebuild() {
  auto fill = [&](QChart* chart, const QString& title, const QString& unit, auto value) {
    chart->removeAllSeries();
    for (auto* a : chart->axes()) chart->removeAxis(a);
    chart->setTitle(title);
    auto* x = new QDateTimeAxis;
    x->setFormat("HH:mm:ss");
    x->setTitleText(tr("Time"));
    auto* y = new QValueAxis;
    y->setTitleText(unit);
    y->setLabelFormat("%d");
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    double lo = 1e300, hi = -1e300;
    qint64 t0 = 0, t1 = 0;
    for (const auto& [node, samples] : series_) {
      auto* s = new QLineSeries;
      s->setName(QString::fromStdString(node));
      for (const auto& p : samples) {
        double v = value(p);
        s->append(static_cast<qreal>(p.t_ms), v);
        lo = std::min(lo, v);
        hi = std::max(hi, v);
        t0 = t0 ? std::min<qint64>(t0, p.t_ms) : p.t_ms;
        t1 = std::max<qint64>(t1, p.t_ms);
      }
      chart->addSeries(s);
      s->attachAxis(x);
      s->attachAxis(y);
    }
    if (t0 && t1 > t0) x->setRange(QDateTime::fromMSecsSinceEpoch(t0), QDateTime::fromMSecsSinceEpoch(t1));
    if (hi >= lo) {
      y->setRange(lo, hi > lo ? hi : lo + 1);
      y->applyNiceNumbers();
    }
    chart->legend()->setVisible(series_.size() <= 12);
  };
  fill(height_chart_, tr("Block height per node"), tr("height"),
       [](const Sample& s) { return static_cast<double>(s.height); });
  fill(views_chart_, tr("View changes per node (cumulative)"), tr("view changes"),
       [](const Sample& s) { return static_cast<double>(s.view_changes); });
}

}  // namespace consortia::console
