// Alert rules and the figures the charts derive from history, on
// constructed states and samples: each rule fires past its threshold and not
// before it.
#include <gtest/gtest.h>

#include "model/alerts.h"
#include "model/series.h"

namespace consortia::console {
namespace {

NodeState node(const std::string& name, uint64_t height, int64_t now, int peers = 3) {
  NodeState n;
  n.name = name;
  n.reachable = true;
  n.polled_ms = now;
  n.height = height;
  for (int i = 0; i < 3; ++i) n.peers.push_back({"id" + std::to_string(i), "p", i < peers, 10, 0, 0, 0, 0, ""});
  return n;
}

bool has(const std::vector<Alert>& a, const std::string& node, const std::string& rule) {
  for (const auto& x : a)
    if (x.node == node && x.rule == rule) return true;
  return false;
}

// A node's certificate (or its organisation's CA) close to its end: raised
// the rule's days before, with the days left; nothing when the agent does
// not say.
TEST(Alerts, ACertificateExpiringWithinTheRulesDaysIsRaisedWithTheDaysLeft) {
  AlertRules r;  // 30 days
  const int64_t now = 1'800'000'000'000;
  const int64_t day_s = 86'400;
  NetworkState s;
  s.at_ms = now;
  s.nodes = {node("a", 100, now, 3), node("b", 100, now, 3), node("c", 100, now, 3), node("d", 100, now, 3)};
  s.nodes[0].certificate_expires_s = now / 1000 + 29 * day_s;
  s.nodes[1].certificate_expires_s = now / 1000 + 31 * day_s;
  s.nodes[2].certificate_expires_s = now / 1000 - day_s;  // expired yesterday
  auto a = evaluate_alerts(r, s, {});
  EXPECT_TRUE(has(a, "a", kAlertCertificate));
  EXPECT_FALSE(has(a, "b", kAlertCertificate));
  EXPECT_TRUE(has(a, "c", kAlertCertificate));
  EXPECT_FALSE(has(a, "d", kAlertCertificate)) << "unknown expiry";
  for (const auto& x : a) {
    if (x.node == "a" && x.rule == kAlertCertificate) EXPECT_NEAR(x.value, 29, 0.01);
    if (x.node == "c" && x.rule == kAlertCertificate) EXPECT_NEAR(x.value, -1, 0.01);
  }
  r.certificate_days = 60;
  EXPECT_TRUE(has(evaluate_alerts(r, s, {}), "b", kAlertCertificate)) << "the rule is the operator's";
}

// Evidence that a validator equivocated, as the agents report it: one alert
// for the offender (named as the console knows its id), however many nodes
// hold evidence, with the newest view; none once it is no validator, and
// none from an agent that does not answer.
TEST(Alerts, AnEquivocatingValidatorIsRaisedOnceWhateverHoldsTheEvidence) {
  AlertRules r;
  const int64_t now = 1'800'000'000'000;
  NetworkState s;
  s.at_ms = now;
  s.nodes = {node("node-0", 100, now), node("node-1", 100, now), node("node-2", 100, now), node("node-3", 100, now)};
  for (size_t i = 0; i < s.nodes.size(); ++i) s.nodes[i].id_hex = std::string(64, static_cast<char>('a' + i));
  EXPECT_FALSE(has(evaluate_alerts(r, s, {}), "node-3", kAlertEquivocation));
  EquivocationReport e{s.nodes[3].id_hex, "a name only the agent gives", "org-3", "vote", 41, true};
  s.nodes[0].equivocations = {e};
  e.view = 57;
  s.nodes[1].equivocations = {e};
  auto a = evaluate_alerts(r, s, {});
  int raised = 0;
  for (const auto& x : a)
    if (x.rule == kAlertEquivocation) {
      ++raised;
      EXPECT_EQ(x.node, "node-3") << "named as the console knows the id";
      EXPECT_EQ(x.value, 57) << "the newest view";
    }
  EXPECT_EQ(raised, 1);
  // An id the console does not know is shown as such, not by the name the agent gives.
  s.nodes[1].equivocations[0].offender_hex = std::string(64, 'f');
  EXPECT_TRUE(has(evaluate_alerts(r, s, {}), "node ffffffffffffffff", kAlertEquivocation));
  for (const auto& x : evaluate_alerts(r, s, {})) EXPECT_EQ(x.node.find("a name only"), std::string::npos);
  for (auto* n : {&s.nodes[0], &s.nodes[1]}) n->equivocations[0].offender_is_validator = false;
  EXPECT_FALSE(has(evaluate_alerts(r, s, {}), "node-3", kAlertEquivocation)) << "removed or demoted already";
  s.nodes[0].equivocations[0].offender_is_validator = true;
  s.nodes[0].reachable = false;
  EXPECT_FALSE(has(evaluate_alerts(r, s, {}), "node-3", kAlertEquivocation)) << "only answering agents count";
}

TEST(Alerts, LagPeersDiskAndUnreachableFireOnlyPastTheirThresholds) {
  AlertRules r;  // lag > 10, peers < 2, disk > 90 %
  int64_t now = 1'000'000;
  NetworkState s;
  s.at_ms = now;
  s.nodes = {node("a", 100, now), node("b", 90, now), node("c", 89, now, 1), node("d", 100, now, 2)};
  s.nodes[3].disk_total_bytes = 1000;
  s.nodes[3].disk_free_bytes = 50;  // 95 % used
  s.nodes[0].disk_total_bytes = 1000;
  s.nodes[0].disk_free_bytes = 200;  // 80 %
  NodeState gone;
  gone.name = "e";
  gone.error = "connection refused";
  s.nodes.push_back(gone);
  auto a = evaluate_alerts(r, s, {});
  EXPECT_FALSE(has(a, "b", kAlertLag));  // exactly 10 behind
  EXPECT_TRUE(has(a, "c", kAlertLag));
  EXPECT_TRUE(has(a, "c", kAlertPeers));
  EXPECT_FALSE(has(a, "d", kAlertPeers));
  EXPECT_TRUE(has(a, "d", kAlertDisk));
  EXPECT_FALSE(has(a, "a", kAlertDisk));
  EXPECT_TRUE(has(a, "e", kAlertUnreachable));
  EXPECT_FALSE(has(a, "a", kAlertUnreachable));
  // One missed poll after a good answer is not yet an outage; five seconds are.
  NodeState blip = node("f", 100, now - 1000);
  blip.reachable = false;
  s.nodes.push_back(blip);
  EXPECT_FALSE(has(evaluate_alerts(r, s, {}), "f", kAlertUnreachable));
  s.nodes.back().polled_ms = now - kStaleMs;
  EXPECT_TRUE(has(evaluate_alerts(r, s, {}), "f", kAlertUnreachable));
  r.max_lag = 20;
  EXPECT_FALSE(has(evaluate_alerts(r, s, {}), "c", kAlertLag));
}

TEST(Alerts, AStalledHeightAndAViewChangeStormNeedTheirHistory) {
  AlertRules r;  // stalled 30 s, more than 10 view changes per minute
  int64_t now = 10'000'000;
  NetworkState s;
  s.at_ms = now;
  s.nodes = {node("a", 50, now), node("b", 60, now)};
  s.nodes[1].view_changes = 30;
  std::map<std::string, std::vector<Sample>> recent;
  for (int k = 40; k >= 0; --k) {
    Sample x;
    x.t_ms = now - k * 1000;
    x.height = k <= 35 ? 50 : 49;  // a: at 50 for the last 35 s
    recent["a"].push_back(x);
    Sample y;
    y.t_ms = now - k * 1000;
    y.height = 60 - static_cast<uint64_t>(k);
    y.view_changes = 30 - static_cast<uint64_t>(k) / 4;  // 15 in the last minute's 60 s... 10 in 40 s
    recent["b"].push_back(y);
  }
  auto a = evaluate_alerts(r, s, recent);
  EXPECT_TRUE(has(a, "a", kAlertStalled));
  EXPECT_FALSE(has(a, "b", kAlertStalled));
  EXPECT_TRUE(has(a, "b", kAlertViewChanges));  // 10 in 40 s = 15 per minute
  r.stalled_after_s = 40;
  r.max_view_changes_per_min = 20;
  a = evaluate_alerts(r, s, recent);
  EXPECT_FALSE(has(a, "a", kAlertStalled));
  EXPECT_FALSE(has(a, "b", kAlertViewChanges));
}

// An agent that restarted counts view changes from zero again: no alert
// from the drop.
TEST(Alerts, AViewChangeCounterThatWentBackRaisesNothing) {
  AlertRules r;  // more than 10 view changes per minute
  int64_t now = 1'000'000;
  NetworkState s;
  s.at_ms = now;
  s.nodes = {node("a", 100, now)};
  s.nodes[0].view_changes = 2;  // after the restart
  std::vector<Sample> before;
  for (int k = 60; k >= 1; --k) {
    Sample y;
    y.t_ms = now - k * 1000;
    y.height = 100;
    y.reachable = true;
    y.view_changes = k > 30 ? 5000 : 1;  // the old agent's counter, then the new one's
    before.push_back(y);
  }
  EXPECT_FALSE(has(evaluate_alerts(r, s, {{"a", before}}), "a", kAlertViewChanges));
}

TEST(Series, RatesSkipRestartsIntervalsFollowHeightAndTheNetworkTakesTheMedian) {
  std::vector<Sample> s(5);
  uint64_t txs[] = {0, 100, 300, 20, 120};  // the agent restarted before the fourth sample
  for (size_t i = 0; i < s.size(); ++i) {
    s[i].t_ms = static_cast<int64_t>(i) * 1000;
    s[i].committed_txs = txs[i];
    s[i].height = i < 2 ? 10 : 10 + (i - 1) * 4;  // 10, 10, 14, 18, 22
  }
  auto tps = node_rate(s, &Sample::committed_txs);
  ASSERT_EQ(tps.size(), 3u);
  EXPECT_DOUBLE_EQ(tps[0].v, 100);
  EXPECT_DOUBLE_EQ(tps[1].v, 200);
  EXPECT_EQ(tps[2].t_ms, 4000);
  EXPECT_DOUBLE_EQ(tps[2].v, 100);
  auto iv = block_interval(s);
  ASSERT_EQ(iv.size(), 3u);
  EXPECT_DOUBLE_EQ(iv[0].v, 0.5);   // 4 blocks over 2 s (no step at 1 s)
  EXPECT_DOUBLE_EQ(iv[1].v, 0.25);
  auto m = network_median({{{1000, 1}}, {{1200, 5}}, {{1500, 3}}, {{2500, 9}}}, 1000);
  ASSERT_EQ(m.size(), 2u);
  EXPECT_DOUBLE_EQ(m[0].v, 3);
  EXPECT_DOUBLE_EQ(m[1].v, 9);
}

}  // namespace
}  // namespace consortia::console
