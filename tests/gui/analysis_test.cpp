// Fault analysis rules on constructed histories: a fork is bisected to its
// first divergent height with logarithmically many lookups; lagging nodes
// get their likely cause; a view-change storm is found with its window.
#include <gtest/gtest.h>

#include "model/alerts.h"
#include "model/analysis.h"

namespace consortia::console {
namespace {

TEST(Analysis, ForkBisectionFindsTheFirstDivergentHeightAndTheOddNode) {
  std::vector<std::string> names = {"node-0", "node-1", "node-2", "node-3"};
  const uint64_t top = 1000, diverge = 637;
  int lookups = 0;
  HashAt hash_at = [&](size_t node, uint64_t h) -> std::optional<std::string> {
    ++lookups;
    if (node == 2 && h >= diverge) return "b" + std::to_string(h);
    return "a" + std::to_string(h);
  };
  auto f = find_fork(names, top, hash_at);
  ASSERT_TRUE(f);
  EXPECT_EQ(f->kind, Finding::Kind::kFork);
  EXPECT_EQ(f->severity, Severity::kCritical);
  EXPECT_EQ(f->height, diverge);
  EXPECT_EQ(f->nodes, std::vector<std::string>{"node-2"});
  EXPECT_LE(lookups, 4 * 13) << "bisection, not a walk over every height";
  // Every possible divergence point is found exactly.
  for (uint64_t d : {1ull, 2ull, 500ull, 999ull, 1000ull}) {
    HashAt at = [&](size_t node, uint64_t h) -> std::optional<std::string> {
      return (node >= 2 && h >= d ? "x" : "a") + std::to_string(h);
    };
    auto g = find_fork({"a", "b", "c", "d", "e"}, top, at);
    ASSERT_TRUE(g) << d;
    EXPECT_EQ(g->height, d);
    EXPECT_EQ(g->nodes, (std::vector<std::string>{"a", "b"})) << "the minority is odd";
  }
}

TEST(Analysis, NoForkWhenHashesAgreeOrAreUnknown) {
  HashAt agree = [](size_t, uint64_t h) -> std::optional<std::string> { return std::to_string(h); };
  EXPECT_FALSE(find_fork({"a", "b", "c"}, 500, agree));
  HashAt silent = [](size_t node, uint64_t h) -> std::optional<std::string> {
    if (node == 1) return std::nullopt;  // unreachable: no evidence either way
    return std::to_string(h);
  };
  EXPECT_FALSE(find_fork({"a", "b", "c"}, 500, silent));
}

NodeState node(std::string name, uint64_t height, int peers_up, uint64_t best_peer) {
  NodeState n;
  n.name = name;
  n.reachable = true;
  n.polled_ms = 10'000;
  n.height = height;
  n.best_peer_height = best_peer;
  for (int i = 0; i < 3; ++i) n.peers.push_back({"p", "p", i < peers_up, 1, 0, 0, 0, 0, ""});
  return n;
}

TEST(Analysis, LaggingNodesGetTheirLikelyCause) {
  NetworkState s;
  s.at_ms = 10'500;
  s.nodes = {node("ok", 500, 3, 500), node("isolated", 420, 0, 0), node("slow-source", 300, 2, 310),
             node("catching-up", 450, 3, 500)};
  NodeState halted = node("old", 480, 3, 500);
  halted.halted = "upgrade needed: plan v2, version 2 from height 481";
  NodeState gone = node("gone", 0, 0, 0);
  gone.reachable = false;
  gone.error = "connection refused";
  s.nodes.push_back(halted);
  s.nodes.push_back(gone);
  auto found = lagging_nodes(s);
  ASSERT_EQ(found.size(), 5u);
  auto by = [&](const std::string& name) -> const Finding& {
    for (const auto& f : found)
      if (f.nodes.front() == name) return f;
    ADD_FAILURE() << "no finding for " << name;
    return found.front();
  };
  EXPECT_EQ(by("isolated").cause, Finding::Cause::kNoPeers);
  EXPECT_EQ(by("isolated").height, 80u);
  EXPECT_EQ(by("slow-source").cause, Finding::Cause::kPeersBehind);
  EXPECT_EQ(by("slow-source").figure, 310);  // its best peer's height
  EXPECT_EQ(by("slow-source").severity, Severity::kCritical);  // 200 behind
  EXPECT_EQ(by("catching-up").cause, Finding::Cause::kSyncing);
  EXPECT_EQ(by("old").kind, Finding::Kind::kHalted);
  EXPECT_EQ(by("gone").kind, Finding::Kind::kUnreachableAgent);
  EXPECT_EQ(by("gone").cause, Finding::Cause::kAgentDown);
  EXPECT_EQ(by("gone").detail, "connection refused");
}

TEST(Analysis, AViewChangeStormIsFoundWithItsWindow) {
  std::vector<Sample> calm, storm;
  for (int t = 0; t < 600; ++t) {
    calm.push_back({t * 1000LL, static_cast<uint64_t>(t * 2), 0, static_cast<uint64_t>(t / 120), 0, true, ""});
    uint64_t vc = t < 300 ? 0 : static_cast<uint64_t>(t - 300) / 2;  // from 300 s: one every 2 s
    storm.push_back({t * 1000LL, static_cast<uint64_t>(t), 0, vc, 0, true, ""});
  }
  EXPECT_FALSE(view_change_storm("n", calm, 10));
  auto f = view_change_storm("n", storm, 10);
  ASSERT_TRUE(f);
  EXPECT_EQ(f->kind, Finding::Kind::kViewChangeStorm);
  EXPECT_GE(f->from_ms, 240'000);  // the window lies in the storm
  EXPECT_NEAR(f->figure, 30, 1);  // one every 2 s
}

// A restarted agent (or a simulated network started afresh) counts view
// changes from zero again: the drop is a reset, never a huge rate.
TEST(Analysis, AViewChangeCounterThatGoesBackIsAResetNotAStorm) {
  std::vector<Sample> restarted;
  for (int t = 0; t < 120; ++t) {
    uint64_t vc = t < 60 ? 5000 + static_cast<uint64_t>(t / 30) : static_cast<uint64_t>((t - 60) / 30);
    restarted.push_back({t * 1000LL, static_cast<uint64_t>(t), 0, vc, 0, true, ""});
  }
  EXPECT_FALSE(view_change_storm("n", restarted, 10)) << "a reset read as a storm";
  // A real storm after the restart is still found.
  for (int t = 120; t < 180; ++t)
    restarted.push_back({t * 1000LL, static_cast<uint64_t>(t), 0, static_cast<uint64_t>(2 + (t - 120)), 0, true, ""});
  auto f = view_change_storm("n", restarted, 10);
  ASSERT_TRUE(f);
  EXPECT_NEAR(f->figure, 60, 2);
}

TEST(Analysis, StormSuspectsAreTheValidatorsNotKeepingUp) {
  NetworkState s;
  s.at_ms = 10'500;
  s.nodes = {node("a", 500, 3, 500), node("b", 500, 3, 500), node("slow", 400, 3, 500)};
  NodeState down = node("down", 0, 0, 0);
  down.reachable = false;
  NodeState watcher = node("watcher", 100, 3, 500);
  watcher.role = "observer";  // never leads: not a suspect
  s.nodes.push_back(down);
  s.nodes.push_back(watcher);
  for (auto& n : s.nodes)
    if (n.role.empty()) n.role = "validator";
  EXPECT_EQ(storm_suspects(s), (std::vector<std::string>{"slow", "down"}));
}

TEST(Analysis, AFullDiskIsTheCauseAndADownNodeIsToldFromADownAgent) {
  NetworkState s;
  s.at_ms = 1'000'000;
  for (int i = 0; i < 4; ++i) {
    NodeState n;
    n.name = "node-" + std::to_string(i);
    n.reachable = true;
    n.polled_ms = s.at_ms;
    n.height = 100;
    n.best_peer_height = 100;
    n.peers = {{"x", "p", true, 1, 0, 0, 0, 0, ""}};
    s.nodes.push_back(n);
  }
  s.nodes[1].height = 80;  // behind, with peers, on a full disk
  s.nodes[1].disk_total_bytes = 1000;
  s.nodes[1].disk_free_bytes = 10;
  s.nodes[2].reachable = false;  // the agent answers, the node is down
  s.nodes[2].polled_ms = s.at_ms - 10'000;
  s.nodes[2].error = "unavailable: node-2 is not running";
  s.nodes[3].reachable = false;  // nothing answers
  s.nodes[3].polled_ms = s.at_ms - 10'000;
  s.nodes[3].error = "failed to connect to all addresses";
  std::map<std::string, Finding> by_node;
  for (const auto& f : lagging_nodes(s)) by_node[f.nodes.front()] = f;
  ASSERT_TRUE(by_node.count("node-1"));
  EXPECT_EQ(by_node["node-1"].cause, Finding::Cause::kDiskFull);
  EXPECT_EQ(by_node["node-2"].cause, Finding::Cause::kNodeDown);
  EXPECT_EQ(by_node["node-2"].severity, Severity::kCritical);
  EXPECT_EQ(by_node["node-3"].cause, Finding::Cause::kAgentDown);
  // With room on the disk the same lag is plain syncing.
  s.nodes[1].disk_free_bytes = 500;
  for (const auto& f : lagging_nodes(s))
    if (f.nodes.front() == "node-1") {
      EXPECT_EQ(f.cause, Finding::Cause::kSyncing);
    }
}

// One node identity seen from two addresses at once (an old copy of a
// migrated node started again): a critical finding naming both addresses,
// once however many peers report it, and an alert.
TEST(Analysis, DuplicateIdentityNamesBothAddresses) {
  NetworkState s;
  s.at_ms = 5000;
  for (int i = 0; i < 3; ++i) {
    NodeState n;
    n.name = "node-" + std::to_string(i);
    n.reachable = true;
    n.polled_ms = 5000;
    PeerState p;
    p.name = "node-9";
    p.address = "10.0.0.9:7001";
    p.duplicate_address = i < 2 ? "10.0.0.3:7001" : "";
    n.peers.push_back(p);
    s.nodes.push_back(n);
  }
  auto found = duplicate_identities(s);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].kind, Finding::Kind::kDuplicateIdentity);
  EXPECT_EQ(found[0].severity, Severity::kCritical);
  EXPECT_EQ(found[0].nodes, std::vector<std::string>{"node-9"});
  EXPECT_EQ(found[0].detail, "10.0.0.9:7001 10.0.0.3:7001");
  EXPECT_STREQ(finding_kind_name(found[0].kind), "duplicate_identity");
  auto alerts = evaluate_alerts(AlertRules{}, s, {});
  int dup = 0;
  for (const auto& a : alerts) dup += a.rule == kAlertDuplicateIdentity && a.node == "node-9";
  EXPECT_EQ(dup, 1);
  for (auto& n : s.nodes) n.peers[0].duplicate_address.clear();
  EXPECT_TRUE(duplicate_identities(s).empty());
}

}  // namespace
}  // namespace consortia::console
