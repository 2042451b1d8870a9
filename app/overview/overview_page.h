// The network overview: the topology (overview/topology_view.h), a time
// slider that replays it from history, and a legend.
#pragma once

#include "common/console_page.h"
#include "model/network_state.h"

class QLabel;
class QPushButton;
class QSlider;

namespace consortia::console {

class TopologyView;

class OverviewPage : public ConsolePage {
  Q_OBJECT
 public:
  explicit OverviewPage(QWidget* parent = nullptr);
  QString title() const override;
  TopologyView* topology() const { return topology_; }

 public slots:
  void on_snapshot(const consortia::console::NetworkState& s);
  void on_replayed(const consortia::console::NetworkState& s);
  void on_time_range(qint64 first_ms, qint64 last_ms);

 signals:
  void node_activated(int index);
  void replay_requested(qint64 t_ms);
  void time_range_requested();

 protected:
  void retranslate() override;

 private:
  void go_live();
  void show_replay_label();
  TopologyView* topology_;
  QLabel *legend_, *replay_label_;
  QSlider* replay_slider_;
  QPushButton* live_button_;
  NetworkState live_;
  bool replaying_ = false;
  qint64 replay_first_ = 0, replay_last_ = 0, replay_at_ = 0;
};

}  // namespace consortia::console
