#include "overview/topology_view.h"

#include <QEvent>
#include <QGraphicsEllipseItem>
#include <QGraphicsRectItem>
#include <QGraphicsScene>
#include <QGraphicsSimpleTextItem>
#include <QMouseEvent>
#include <QResizeEvent>
#include <QWheelEvent>
#include <algorithm>
#include <cmath>
#include <map>

#include "common/health.h"

namespace consortia::console {
namespace {

QColor rtt_color(double ms) {
  if (ms < 50) return QColor(0x2e, 0x9d, 0x5b);
  if (ms < 200) return QColor(0xe0, 0x9a, 0x1a);
  return QColor(0xc0, 0x39, 0x2b);
}

}  // namespace

TopologyView::TopologyView(QWidget* parent) : QGraphicsView(parent) {
  setScene(new QGraphicsScene(this));
  setRenderHint(QPainter::Antialiasing);
  setDragMode(QGraphicsView::ScrollHandDrag);
  setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
  setBackgroundBrush(QColor(0xfa, 0xfb, 0xfc));
}

void TopologyView::set_state(const NetworkState& s) {
  state_ = s;
  rebuild();
}

void TopologyView::changeEvent(QEvent* e) {
  if (e->type() == QEvent::LanguageChange) rebuild();
  QGraphicsView::changeEvent(e);
}

void TopologyView::wheelEvent(QWheelEvent* e) {
  double f = e->angleDelta().y() > 0 ? 1.15 : 1 / 1.15;
  scale(f, f);
  zoomed_ = true;
}

void TopologyView::paintEvent(QPaintEvent* e) {
  QGraphicsView::paintEvent(e);
  if (!painted_ && !state_.nodes.empty()) {
    painted_ = true;
    emit first_painted();
  }
}

void TopologyView::resizeEvent(QResizeEvent* e) {
  QGraphicsView::resizeEvent(e);
  // Until the user zooms, the whole network fills the view.
  if (!zoomed_ && !scene()->items().isEmpty()) fitInView(scene()->sceneRect(), Qt::KeepAspectRatio);
}

void TopologyView::mouseDoubleClickEvent(QMouseEvent* e) {
  if (auto* item = itemAt(e->pos()); item && item->data(0).isValid()) emit node_activated(item->data(0).toInt());
  QGraphicsView::mouseDoubleClickEvent(e);
}

void TopologyView::rebuild() {
  QGraphicsScene* sc = scene();
  sc->clear();
  const auto& nodes = state_.nodes;
  if (nodes.empty()) return;
  // Organisations in order of first appearance, each a cluster on a ring.
  std::vector<std::string> orgs;
  std::map<std::string, std::vector<int>> members;
  for (int i = 0; i < static_cast<int>(nodes.size()); ++i) {
    const auto& o = nodes[static_cast<size_t>(i)].organisation;
    if (!members.count(o)) orgs.push_back(o);
    members[o].push_back(i);
  }
  size_t biggest = 1;
  for (auto& [o, m] : members) biggest = std::max(biggest, m.size());
  const double node_r = nodes.size() > 40 ? 9 : 16;
  const double cluster_r = std::max(45.0, node_r * 2.6 * static_cast<double>(biggest) / (2 * M_PI) + 30);
  const double ring_r = orgs.size() == 1 ? 0 : std::max(180.0, cluster_r * 2.4 * static_cast<double>(orgs.size()) / (2 * M_PI));
  std::vector<QPointF> pos(nodes.size());
  std::map<std::string, QPointF> centre;
  for (size_t k = 0; k < orgs.size(); ++k) {
    double a = 2 * M_PI * static_cast<double>(k) / static_cast<double>(orgs.size()) - M_PI / 2;
    QPointF c(ring_r * std::cos(a), ring_r * std::sin(a));
    centre[orgs[k]] = c;
    const auto& m = members[orgs[k]];
    for (size_t j = 0; j < m.size(); ++j) {
      double b = 2 * M_PI * static_cast<double>(j) / static_cast<double>(m.size()) - M_PI / 2;
      double r = m.size() == 1 ? 0 : cluster_r - 22;
      pos[static_cast<size_t>(m[j])] = c + QPointF(r * std::cos(b), r * std::sin(b));
    }
  }
  // Organisation groups.
  for (const auto& o : orgs) {
    QPointF c = centre[o];
    auto* g = sc->addEllipse(c.x() - cluster_r, c.y() - cluster_r, 2 * cluster_r, 2 * cluster_r,
                             QPen(QColor(0x9a, 0xa5, 0xb1), 1, Qt::DashLine), QBrush(QColor(0xee, 0xf2, 0xf6)));
    g->setZValue(-2);
    auto* label = sc->addSimpleText(QString::fromStdString(o));
    QFont f = label->font();
    f.setBold(true);
    label->setFont(f);
    label->setBrush(QColor(0x4a, 0x55, 0x60));
    label->setPos(c.x() - label->boundingRect().width() / 2, c.y() - cluster_r - 22);
  }
  // Links: each node's view of its peers. A large network draws one bundle
  // per pair of organisations (its colour the worst of the typical RTT and
  // loss, its width the number of links) and only the links in trouble (down,
  // lossy, slow or under a fault rule) one by one.
  std::map<std::string, int> by_id;
  for (int i = 0; i < static_cast<int>(nodes.size()); ++i) by_id[nodes[static_cast<size_t>(i)].id_hex] = i;
  const bool bundle = nodes.size() > 30;
  struct Bundle {
    int links = 0, down = 0;
    std::vector<double> rtt;
    double worst_loss = 0;
  };
  std::map<std::pair<std::string, std::string>, Bundle> bundles;
  auto link_colour = [](const PeerState& p) {
    QColor colour = rtt_color(p.rtt_ms);
    if (p.loss > 0.2) colour = QColor(0xc0, 0x39, 0x2b);
    else if (p.loss > 0.05 && colour == QColor(0x2e, 0x9d, 0x5b)) colour = QColor(0xe0, 0x9a, 0x1a);
    return p.connected ? colour : QColor(0xc0, 0x39, 0x2b);
  };
  for (int i = 0; i < static_cast<int>(nodes.size()); ++i) {
    const auto& n = nodes[static_cast<size_t>(i)];
    if (!n.reachable) continue;
    for (const auto& p : n.peers) {
      auto it = by_id.find(p.id_hex);
      if (it == by_id.end() || it->second < i) continue;  // once per pair
      const auto& other = nodes[static_cast<size_t>(it->second)];
      bool trouble = !p.connected || p.loss > 0.05 || p.rtt_ms >= 200 || !p.fault_rule.empty();
      if (bundle && !trouble) {
        if (n.organisation == other.organisation) continue;  // the group shows them
        auto key = std::minmax(n.organisation, other.organisation);
        Bundle& b = bundles[{key.first, key.second}];
        ++b.links;
        b.rtt.push_back(p.rtt_ms);
        b.worst_loss = std::max(b.worst_loss, p.loss);
        continue;
      }
      QPen pen(link_colour(p), bundle ? 1.2 : 1.6);
      if (!p.connected) pen.setStyle(Qt::DashLine);
      if (!p.fault_rule.empty()) pen.setStyle(Qt::DotLine);
      auto* l = sc->addLine(QLineF(pos[static_cast<size_t>(i)], pos[static_cast<size_t>(it->second)]), pen);
      l->setZValue(-0.5);
      l->setToolTip(tr("%1 ↔ %2: RTT %3 ms, loss %4%%5")
                        .arg(QString::fromStdString(n.name), QString::fromStdString(p.name))
                        .arg(p.rtt_ms, 0, 'f', 1)
                        .arg(p.loss * 100, 0, 'f', 0)
                        .arg(p.fault_rule.empty() ? QString() : tr(", fault: %1").arg(QString::fromStdString(p.fault_rule))));
    }
  }
  for (auto& [key, b] : bundles) {
    std::sort(b.rtt.begin(), b.rtt.end());
    double median = b.rtt.empty() ? 0 : b.rtt[b.rtt.size() / 2];
    PeerState typical;
    typical.connected = true;
    typical.rtt_ms = median;
    typical.loss = b.worst_loss;
    QColor c = link_colour(typical);
    c.setAlpha(170);
    QPen pen(c, std::min(7.0, 1.0 + std::log2(1.0 + b.links)));
    pen.setCapStyle(Qt::RoundCap);
    auto* l = sc->addLine(QLineF(centre[key.first], centre[key.second]), pen);
    l->setZValue(-1.5);
    l->setToolTip(tr("%1 ↔ %2: %3 links, median RTT %4 ms, worst loss %5%")
                      .arg(QString::fromStdString(key.first), QString::fromStdString(key.second))
                      .arg(b.links)
                      .arg(median, 0, 'f', 1)
                      .arg(b.worst_loss * 100, 0, 'f', 0));
  }
  // Nodes.
  uint64_t top = state_.max_height();
  std::string leader = consensus_leader(state_);
  for (int i = 0; i < static_cast<int>(nodes.size()); ++i) {
    const auto& n = nodes[static_cast<size_t>(i)];
    Health h = health_of(n, top, state_.at_ms);
    QPointF p = pos[static_cast<size_t>(i)];
    QRectF r(p.x() - node_r, p.y() - node_r, 2 * node_r, 2 * node_r);
    bool is_leader = !leader.empty() && n.id_hex == leader;
    QPen pen(QColor(0x2c, 0x3e, 0x50), 1.2);
    if (is_leader) {
      auto* halo = sc->addEllipse(r.adjusted(-5, -5, 5, 5), QPen(QColor(0xf1, 0xc4, 0x0f), 3.5), Qt::NoBrush);
      halo->setZValue(0.5);
    }
    QAbstractGraphicsShapeItem* item;
    if (n.role == "observer")
      item = sc->addRect(r, pen, health_color(h));
    else
      item = sc->addEllipse(r, pen, health_color(h));
    item->setData(0, i);
    item->setToolTip(tr("%1 (%2)\n%3, height %4, view %5%6")
                         .arg(QString::fromStdString(n.name), QString::fromStdString(n.organisation),
                              health_text(h))
                         .arg(n.height)
                         .arg(n.view)
                         .arg(is_leader ? tr("\nleader") : QString()));
    if (nodes.size() <= 40) {
      auto* t = sc->addSimpleText(QString::fromStdString(n.name));
      t->setPos(p.x() - t->boundingRect().width() / 2, p.y() + node_r + 2);
      t->setData(0, i);
    }
  }
  sc->setSceneRect(sc->itemsBoundingRect().adjusted(-30, -30, 30, 30));
  if (!fitted_ || !zoomed_) {
    fitInView(sc->sceneRect(), Qt::KeepAspectRatio);
    fitted_ = true;
  }
}

}  // namespace consortia::console
