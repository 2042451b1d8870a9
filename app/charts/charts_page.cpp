#include "charts/charts_page.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLegendMarker>
#include <QLineSeries>
#include <QPushButton>
#include <QValueAxis>
#include <QVBoxLayout>
#include <algorithm>

namespace consortia::console {

namespace {
constexpr qint64 kRanges[] = {600'000, 3600'000, 6 * 3600'000LL, 24 * 3600'000LL, 7 * 24 * 3600'000LL,
                              30 * 24 * 3600'000LL};

QChartView* chart_view(QChart* c) {
  auto* v = new QChartView(c);
  v->setRenderHint(QPainter::Antialiasing);
  v->setMinimumHeight(180);
  return v;
}
}  // namespace

ChartsPage::ChartsPage(QWidget* parent) : ConsolePage(parent) {
  auto* layout = new QVBoxLayout(this);
  auto* bar = new QHBoxLayout;
  range_label_ = new QLabel;
  range_ = new QComboBox;
  figure_label_ = new QLabel;
  figure_ = new QComboBox;
  focus_label_ = new QLabel;
  focus_label_->setTextFormat(Qt::PlainText);
  clear_focus_ = new QPushButton;
  clear_focus_->hide();
  bar->addWidget(range_label_);
  bar->addWidget(range_);
  bar->addSpacing(16);
  bar->addWidget(figure_label_);
  bar->addWidget(figure_);
  bar->addSpacing(16);
  bar->addWidget(focus_label_, 1);
  bar->addWidget(clear_focus_);
  layout->addLayout(bar);
  auto* grid = new QGridLayout;
  tps_chart_ = new QChart;
  interval_chart_ = new QChart;
  latency_chart_ = new QChart;
  node_chart_ = new QChart;
  grid->addWidget(chart_view(tps_chart_), 0, 0);
  grid->addWidget(chart_view(interval_chart_), 0, 1);
  grid->addWidget(chart_view(latency_chart_), 1, 0);
  grid->addWidget(chart_view(node_chart_), 1, 1);
  layout->addLayout(grid, 1);
  connect(range_, &QComboBox::activated, this, [this](int i) {
    focus_from_ = focus_to_ = 0;
    emit range_changed(kRanges[i]);
  });
  connect(figure_, &QComboBox::activated, this, [this] { rebuild(); });
  connect(clear_focus_, &QPushButton::clicked, this, [this] {
    focus_from_ = focus_to_ = 0;
    focus_nodes_.clear();
    rebuild();
  });
  retranslate();
}

void ChartsPage::set_series(const SeriesByNode& series) {
  series_ = series;
  rebuild();
}

void ChartsPage::focus(int64_t from_ms, int64_t to_ms, const std::vector<std::string>& nodes) {
  focus_from_ = from_ms;
  focus_to_ = std::max(to_ms, from_ms + 60'000);
  focus_nodes_ = nodes;
  // Widen the range enough to hold the window.
  int64_t span = QDateTime::currentMSecsSinceEpoch() - from_ms;
  for (int i = 0; i < range_->count(); ++i)
    if (kRanges[i] >= span) {
      if (range_->currentIndex() != i) {
        range_->setCurrentIndex(i);
        emit range_changed(kRanges[i]);
      }
      break;
    }
  rebuild();
}

QString ChartsPage::title() const { return tr("Charts"); }

void ChartsPage::retranslate() {
  int r = std::max(0, range_->currentIndex()), f = std::max(0, figure_->currentIndex());
  range_->clear();
  range_->addItems({tr("10 minutes"), tr("1 hour"), tr("6 hours"), tr("24 hours"), tr("7 days"), tr("30 days")});
  range_->setCurrentIndex(r);
  figure_->clear();
  figure_->addItems({tr("Height"), tr("View changes"), tr("Bytes sent per second"), tr("Bytes received per second"),
                     tr("CPU (%)"), tr("Connected peers")});
  figure_->setCurrentIndex(f);
  range_label_->setText(tr("Time range:"));
  figure_label_->setText(tr("Per node:"));
  clear_focus_->setText(tr("Show everything"));
  rebuild();
}

void ChartsPage::rebuild() {
  auto wanted = [&](const std::string& node) {
    return focus_nodes_.empty() || std::find(focus_nodes_.begin(), focus_nodes_.end(), node) != focus_nodes_.end();
  };
  bool focused = focus_from_ > 0;
  clear_focus_->setVisible(focused);
  focus_label_->setText(focused ? tr("Focused on %1–%2%3")
                                      .arg(QDateTime::fromMSecsSinceEpoch(focus_from_).toString("MM-dd HH:mm:ss"),
                                           QDateTime::fromMSecsSinceEpoch(focus_to_).toString("HH:mm:ss"))
                                      .arg(focus_nodes_.empty() ? QString() : tr(" · nodes: %1").arg([&] {
                                        QStringList l;
                                        for (const auto& n : focus_nodes_) l << QString::fromStdString(n);
                                        return l.join(", ");
                                      }()))
                                : QString());
  int64_t t0 = 0, t1 = 0;
  for (const auto& [n, v] : series_)
    if (!v.empty()) {
      t0 = t0 ? std::min(t0, v.front().t_ms) : v.front().t_ms;
      t1 = std::max(t1, v.back().t_ms);
    }
  if (focused) {
    t0 = focus_from_;
    t1 = focus_to_;
  }
  auto in_range = [&](int64_t t) { return !focused || (t >= t0 && t <= t1); };
  int64_t bucket = std::max<int64_t>(1000, (t1 - t0) / 300);
  auto draw = [&](QChart* chart, const QString& title, const QString& unit,
                  const std::vector<std::pair<QString, std::vector<Point>>>& lines) {
    chart->removeAllSeries();
    for (auto* a : chart->axes()) chart->removeAxis(a);
    chart->setTitle(title);
    auto* x = new QDateTimeAxis;
    x->setFormat(t1 - t0 > 24 * 3600'000LL ? "MM-dd HH:mm" : "HH:mm:ss");
    auto* y = new QValueAxis;
    y->setTitleText(unit);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    double lo = 1e300, hi = -1e300;
    // Where history has a gap (the console was closed) the line breaks.
    const int64_t gap = std::max<int64_t>(15'000, 4 * bucket);
    for (const auto& [name, pts] : lines) {
      QList<QPointF> list;
      QColor colour;
      auto flush = [&](bool named) {
        if (list.isEmpty()) return;
        auto* s = new QLineSeries;
        s->setName(name);
        s->replace(list);
        chart->addSeries(s);
        s->attachAxis(x);
        s->attachAxis(y);
        if (colour.isValid()) s->setColor(colour);
        else colour = s->color();
        if (!named)
          for (auto* m : chart->legend()->markers(s)) m->setVisible(false);
        list.clear();
      };
      int64_t last = 0;
      bool named = true;
      for (const auto& p : pts) {
        if (!in_range(p.t_ms)) continue;
        if (last && p.t_ms - last > gap) {
          flush(named);
          named = false;
        }
        last = p.t_ms;
        list.append(QPointF(static_cast<qreal>(p.t_ms), p.v));
        lo = std::min(lo, p.v);
        hi = std::max(hi, p.v);
      }
      flush(named);
    }
    if (t0 && t1 > t0) x->setRange(QDateTime::fromMSecsSinceEpoch(t0), QDateTime::fromMSecsSinceEpoch(t1));
    if (hi >= lo) {
      y->setRange(std::min(0.0, lo), hi > lo ? hi * 1.05 : lo + 1);
      y->applyNiceNumbers();
    } else {
      y->setRange(0, 1);
    }
    chart->legend()->setVisible(lines.size() > 1 && lines.size() <= 12);
  };
  // The network's figures: medians over the nodes.
  std::vector<std::vector<Point>> tps, interval, latency;
  for (const auto& [node, samples] : series_) {
    if (!wanted(node)) continue;
    tps.push_back(node_rate(samples, &Sample::committed_txs));
    interval.push_back(block_interval(samples));
    std::vector<Point> l;
    for (const auto& s : samples)
      if (s.latency_ms > 0) l.push_back({s.t_ms, s.latency_ms});
    latency.push_back(std::move(l));
  }
  draw(tps_chart_, tr("Network throughput (committed transactions per second)"), tr("tx/s"),
       {{tr("network"), network_median(tps, bucket)}});
  draw(interval_chart_, tr("Block interval"), tr("seconds"), {{tr("network"), network_median(interval, bucket)}});
  draw(latency_chart_, tr("Commit latency (submitted to committed)"), tr("ms"),
       {{tr("network"), network_median(latency, bucket)}});
  std::vector<std::pair<QString, std::vector<Point>>> per_node;
  int f = figure_->currentIndex();
  for (const auto& [node, samples] : series_) {
    if (!wanted(node)) continue;
    std::vector<Point> pts;
    if (f == 2) pts = node_rate(samples, &Sample::sent_bytes);
    else if (f == 3) pts = node_rate(samples, &Sample::received_bytes);
    else
      for (const auto& s : samples)
        pts.push_back({s.t_ms, f == 0   ? static_cast<double>(s.height)
                               : f == 1 ? static_cast<double>(s.view_changes)
                               : f == 4 ? s.cpu_percent
                                        : static_cast<double>(s.peers)});
    per_node.push_back({QString::fromStdString(node), std::move(pts)});
  }
  draw(node_chart_, figure_->currentText() + tr(" per node"), figure_->currentText(), per_node);
}

}  // namespace consortia::console
