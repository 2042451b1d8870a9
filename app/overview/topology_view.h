// The network overview: organisations as groups, nodes coloured by health,
// shaped by role (validator: circle, observer: square), the leader ringed,
// links coloured by round-trip time (dashed: down). Wheel zooms, drag pans;
// the layout (organisations on a ring, their nodes around each) stays
// readable at 101+ nodes.
#pragma once

#include <QGraphicsView>

#include "model/network_state.h"

namespace consortia::console {

class TopologyView : public QGraphicsView {
  Q_OBJECT
 public:
  explicit TopologyView(QWidget* parent = nullptr);
  void set_state(const NetworkState& s);

 signals:
  void node_activated(int index);
  // The first time nodes were painted (start-up measurement).
  void first_painted();

 protected:
  void wheelEvent(QWheelEvent* e) override;
  void resizeEvent(QResizeEvent* e) override;
  void mouseDoubleClickEvent(QMouseEvent* e) override;
  void changeEvent(QEvent* e) override;
  void paintEvent(QPaintEvent* e) override;

 private:
  void rebuild();
  NetworkState state_;
  bool fitted_ = false;
  bool zoomed_ = false;  // the user chose a zoom: keep it
  bool painted_ = false;
};

}  // namespace consortia::console
