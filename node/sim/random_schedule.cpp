#include "sim/random_schedule.h"
#include <algorithm>

#include <random>
#include <sstream>

#include "ledger/quorum.h"

namespace consortia::sim {

Scenario random_schedule(uint64_t seed, const SweepShape& shape) {
  std::mt19937_64 g(seed * 0x9E3779B97F4A7C15ULL + 17);
  auto uniform = [&] { return static_cast<double>(g() >> 11) * 0x1.0p-53; };
  auto below = [&](uint64_t n) { return static_cast<int>(g() % n); };
  auto pct = [](double p) {
    std::ostringstream o;
    o << p << "%";
    return o.str();
  };
  Scenario s;
  s.name = "sweep";
  s.seed = seed;
  s.nodes = shape.sizes[below(shape.sizes.size())];
  s.seconds = shape.seconds;
  s.tps = shape.tps;
  s.modelled_crypto = true;
  s.latency_min_ms = 1;
  s.latency_max_ms = 1 + 30 * uniform();
  s.max_clock_skew_ms = static_cast<int64_t>(200 * uniform());
  int f = static_cast<int>(max_faulty(static_cast<size_t>(s.nodes)));

  int byz = below(f + 1);
  if (byz > 0) {
    static const ByzantineKind kinds[] = {ByzantineKind::kTwins, ByzantineKind::kEquivocate,
                                          ByzantineKind::kDoubleVote, ByzantineKind::kSilent,
                                          ByzantineKind::kForge};
    for (int i = 0; i < byz; ++i) s.byzantine.push_back({kinds[below(5)], 1, {}});
  }
  s.crash = below(f + 1);

  // Link faults on all links or on some nodes' egress, from 2 s to the heal.
  std::ostringstream rule;
  if (uniform() < 0.6) rule << (uniform() < 0.5 ? " loss " : " drop ") << pct(std::round(300 * uniform()) / 10);
  if (uniform() < 0.4) rule << " duplicate " << pct(std::round(50 * uniform()) / 10);
  if (uniform() < 0.4) rule << " corrupt " << pct(std::round(50 * uniform()) / 10);
  if (uniform() < 0.5) {
    int d = 20 + below(300);
    rule << " delay " << d << "ms " << below(d) << "ms " << pct(below(50));
    if (uniform() < 0.5) rule << " reorder " << pct(5 + below(40));
  }
  if (uniform() < 0.2) rule << " rate " << 1 + below(20) << "mbit";
  if (!rule.str().empty()) {
    TimelineEvent e;
    e.at_s = 2;
    e.type = TimelineEvent::Type::kLinkRule;
    e.rule = rule.str().substr(1);
    if (uniform() < 0.5)
      for (int k = 0, m = 1 + below(s.nodes); k < m; ++k) e.nodes.push_back(below(s.nodes));
    s.timeline.push_back(e);
    TimelineEvent clear;
    clear.at_s = shape.heal_at;
    clear.type = TimelineEvent::Type::kClearLinks;
    s.timeline.push_back(clear);
  }

  // Partitions that heal.
  if (uniform() < 0.6) {
    TimelineEvent p;
    p.at_s = 3 + (shape.heal_at - 8) * uniform();
    switch (below(5)) {
      case 0: {  // two random sides
        p.type = TimelineEvent::Type::kPartition;
        p.groups.resize(2);
        for (int v = 0; v < s.nodes; ++v) p.groups[below(2)].push_back(v);
        if (p.groups[0].empty() || p.groups[1].empty()) p.groups = {{0}, {}};
        for (int v = 1; v < s.nodes && p.groups[1].empty(); ++v) p.groups[1].push_back(v);
        break;
      }
      case 1: p.type = TimelineEvent::Type::kIsolateLeader; break;
      case 2: {  // a minority of up to f cut off
        p.type = TimelineEvent::Type::kIsolate;
        for (int k = 0, m = 1 + below(std::max(1, f)); k < m; ++k) p.nodes.push_back(below(s.nodes));
        break;
      }
      case 3: {
        p.type = TimelineEvent::Type::kOneWay;
        p.from.push_back(below(s.nodes));
        for (int v = 0; v < s.nodes; ++v)
          if (uniform() < 0.5) p.to.push_back(v);
        break;
      }
      default: {
        p.type = TimelineEvent::Type::kFlap;
        p.nodes.push_back(below(s.nodes));
        p.period_s = 0.5 + 2 * uniform();
        p.until_s = shape.heal_at;
        break;
      }
    }
    s.timeline.push_back(p);
    TimelineEvent heal;
    heal.at_s = shape.heal_at;
    heal.type = TimelineEvent::Type::kHeal;
    s.timeline.push_back(heal);
  }
  // A third of the runs move funds (custody) instead of writing keys, so value
  // conservation and double-spend refusal are checked under the same faults.
  s.custody = uniform() < 0.3;
  // A quarter of the runs change membership under the same faults: an
  // observer is promoted, and sometimes a validator is demoted later. The
  // outcome may be a refusal (e.g. quorum at risk); safety and liveness must
  // hold either way.
  if (uniform() < 0.25) {
    s.observers = 1;
    TimelineEvent promote;
    promote.at_s = 3 + (shape.heal_at - 3) * uniform();
    promote.type = TimelineEvent::Type::kGovernance;
    promote.action = "promote";
    promote.nodes = {s.nodes};
    s.timeline.push_back(promote);
    if (uniform() < 0.5) {
      TimelineEvent demote = promote;
      demote.at_s = promote.at_s + 5 * uniform();
      demote.action = "demote";
      demote.nodes = {below(s.nodes)};
      s.timeline.push_back(demote);
    }
  }
  return s;
}

Scenario degraded_schedule(uint64_t seed, const DegradedShape& shape) {
  std::mt19937_64 g(seed * 0xD1B54A32D192ED03ULL + 29);
  auto uniform = [&] { return static_cast<double>(g() >> 11) * 0x1.0p-53; };
  auto below = [&](uint64_t n) { return static_cast<int>(g() % n); };
  auto pct = [](double p) {
    std::ostringstream o;
    o << p << "%";
    return o.str();
  };
  Scenario s;
  s.name = "degraded";
  s.seed = seed;
  s.nodes = shape.sizes[static_cast<size_t>(below(shape.sizes.size()))];
  s.seconds = shape.seconds;
  bool overload = uniform() < 0.3;
  double loss = shape.max_loss_percent * 10;
  s.tps = overload ? shape.overload_tps : shape.tps;
  s.modelled_crypto = true;
  s.latency_min_ms = 1;
  s.latency_max_ms = 1 + 30 * uniform();
  int f = static_cast<int>(max_faulty(static_cast<size_t>(s.nodes)));
  int silent = below(f + 1);
  if (silent > 0) s.byzantine.push_back({ByzantineKind::kSilent, silent, {}});
  s.crash = below(f - silent + 1);
  std::ostringstream rule;
  switch (below(4)) {
    case 0: rule << "loss " << pct(std::round(loss * uniform()) / 10); break;
    // Message drop with f silent needs every live validator's vote through
    // a link that loses whole messages: votes are sent again, and the next
    // leader relays the proposal again, while the view lasts.
    case 1: rule << "drop " << pct(std::round(loss * uniform()) / 10); break;
    case 2: rule << "rate " << 1024 + 256 * below(13) << "kbit"; break;
    default:
      rule << "delay " << 10 + below(90) << "ms " << below(10) << "ms loss " << pct(std::round(100 * uniform()) / 10)
           << " rate " << 2 + below(9) << "mbit";
      break;
  }
  s.link_rules.push_back(rule.str());
  return s;
}

std::string describe(const Scenario& s) {
  std::ostringstream o;
  o << "n=" << s.nodes << " tps=" << s.tps << " crash=" << s.crash;
  for (const auto& r : s.link_rules) o << " links='" << r << "'";
  for (const auto& b : s.byzantine) o << " byzantine=" << byzantine_name(b.kind) << ":" << b.count;
  for (const auto& e : s.timeline) {
    if (!e.rule.empty()) o << " link='" << e.rule << "'";
    if (e.type == TimelineEvent::Type::kPartition) o << " partition";
    if (e.type == TimelineEvent::Type::kIsolateLeader) o << " isolate-leader";
    if (e.type == TimelineEvent::Type::kIsolate) o << " isolate";
    if (e.type == TimelineEvent::Type::kOneWay) o << " one-way";
    if (e.type == TimelineEvent::Type::kFlap) o << " flap";
  }
  o << " skew<=" << s.max_clock_skew_ms << "ms";
  if (s.custody) o << " custody";
  for (const auto& e : s.timeline)
    if (e.type == TimelineEvent::Type::kGovernance) o << " " << e.action << ":" << e.nodes[0];
  return o.str();
}

}  // namespace consortia::sim
