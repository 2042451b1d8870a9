#include "overview/overview_page.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSlider>
#include <QVBoxLayout>

#include "overview/topology_view.h"

namespace consortia::console {

OverviewPage::OverviewPage(QWidget* parent) : ConsolePage(parent) {
  auto* v = new QVBoxLayout(this);
  topology_ = new TopologyView;
  legend_ = new QLabel;
  legend_->setWordWrap(true);
  v->addWidget(topology_, 1);
  // The time slider: replay the topology and health from history.
  auto* replay = new QHBoxLayout;
  replay_label_ = new QLabel;
  replay_slider_ = new QSlider(Qt::Horizontal);
  replay_slider_->setRange(0, 1000);
  replay_slider_->setValue(1000);
  live_button_ = new QPushButton;
  live_button_->setEnabled(false);
  replay->addWidget(replay_label_);
  replay->addWidget(replay_slider_, 1);
  replay->addWidget(live_button_);
  v->addLayout(replay);
  v->addWidget(legend_);
  connect(replay_slider_, &QSlider::sliderPressed, this, [this] { emit time_range_requested(); });
  connect(replay_slider_, &QSlider::valueChanged, this, [this](int value) {
    if (!replay_slider_->isSliderDown() && !replaying_) return;
    if (value >= 1000) {
      go_live();
      return;
    }
    if (replay_last_ <= replay_first_) return;
    replaying_ = true;
    live_button_->setEnabled(true);
    replay_at_ = replay_first_ + (replay_last_ - replay_first_) * value / 1000;
    emit replay_requested(replay_at_);
  });
  connect(live_button_, &QPushButton::clicked, this, [this] { go_live(); });
  connect(topology_, &TopologyView::node_activated, this, &OverviewPage::node_activated);
  retranslate();
}

QString OverviewPage::title() const { return tr("Overview"); }

void OverviewPage::retranslate() {
  show_replay_label();
  live_button_->setText(tr("Live"));
  legend_->setText(tr("● validator   ■ observer   gold ring: leader   colours: green synced, amber lagging, "
                      "purple halted, red unreachable   links: RTT green < 50 ms, amber < 200 ms, red above; "
                      "dashed: down, dotted: fault rule applied; above 30 nodes one bundle per pair of "
                      "organisations, and only troubled links one by one   wheel: zoom, drag: pan, "
                      "double-click: node detail"));
}

void OverviewPage::show_replay_label() {
  replay_label_->setText(replaying_ ? tr("Replaying %1").arg(QDateTime::fromMSecsSinceEpoch(replay_at_).toString("MM-dd HH:mm:ss"))
                                    : tr("Live · drag to replay history"));
}

void OverviewPage::on_snapshot(const NetworkState& s) {
  live_ = s;
  if (!replaying_) topology_->set_state(s);
}

void OverviewPage::on_replayed(const NetworkState& s) {
  if (!replaying_) return;
  topology_->set_state(s);
  show_replay_label();
}

void OverviewPage::on_time_range(qint64 first_ms, qint64 last_ms) {
  replay_first_ = first_ms;
  replay_last_ = last_ms;
}

void OverviewPage::go_live() {
  replaying_ = false;
  replay_slider_->blockSignals(true);
  replay_slider_->setValue(1000);
  replay_slider_->blockSignals(false);
  live_button_->setEnabled(false);
  show_replay_label();
  topology_->set_state(live_);
}

}  // namespace consortia::console
