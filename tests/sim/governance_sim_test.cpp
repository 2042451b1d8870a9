// Governance in the simulator: membership changes and protocol upgrades run
// through the real node code with faults around them. Each failure prints
// the seed that replays it.
#include <gtest/gtest.h>

#include "sim/simulation.h"

namespace consortia::sim {
namespace {

Scenario load(const std::string& name) {
  auto s = load_scenario_file(std::string(CONSORTIA_SOURCE_DIR) + "/resources/scenarios/" + name);
  EXPECT_TRUE(s.ok()) << (s.ok() ? "" : s.error().detail);
  return s.ok() ? *s : Scenario{};
}

Report run(const Scenario& s, bool expect_pass = true) {
  Simulation sim(s);
  auto r = sim.run();
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().to_string());
  if (!r.ok()) return {};
  EXPECT_EQ(r->passed(s), expect_pass) << "seed " << s.seed << "\n" << r->to_text();
  return *r;
}

bool logged(const Report& r, const std::string& needle) {
  for (const auto& l : r.log)
    if (l.find(needle) != std::string::npos) return true;
  return false;
}

TEST(GovernanceSim, AnObserverJoinsUnderLoadIsPromotedAndVotesWhileAValidatorExits) {
  Report r = run(load("join-under-load.json"));
  ASSERT_EQ(r.governance.size(), 2u);
  EXPECT_EQ(r.governance[0].second, "enacted");
  EXPECT_EQ(r.governance[1].second, "enacted");
  ASSERT_GE(r.qc_signatures.size(), 5u);
  EXPECT_GT(r.qc_signatures[4], 100u) << "the promoted observer's votes are in certificates";
  EXPECT_EQ(r.final_validators, 4u);  // 4 + 1 promoted - 1 removed
  EXPECT_GT(r.throughput_tps, 350.0);
  EXPECT_TRUE(r.safety_violations.empty());
}

TEST(GovernanceSim, MembershipChangesDuringAPartitionAndACrashAreRefusedOrEnactedSafely) {
  Report r = run(load("membership-partition-crash.json"));
  ASSERT_EQ(r.governance.size(), 3u);
  EXPECT_EQ(r.governance[0].second, "refused:quorum_at_risk");
  EXPECT_EQ(r.final_validators, 7u);  // 7 + 1 promoted - 1 demoted
  EXPECT_TRUE(r.liveness_ok) << r.liveness_detail;
}

TEST(GovernanceSim, OneValidatorOnOldSoftwareHaltsAtTheUpgradeAndTheRestContinue) {
  Report r = run(load("upgrade-one-old.json"));
  ASSERT_EQ(r.halted.size(), 1u);
  EXPECT_EQ(r.halted[0].first, 3);
  EXPECT_NE(r.halted[0].second.find("upgrade needed: plan v2-delete, version 2"), std::string::npos)
      << r.halted[0].second;
  EXPECT_EQ(r.final_version, 2u) << "the others switched rules at the height";
  EXPECT_TRUE(r.safety_violations.empty());
}

TEST(GovernanceSim, MoreThanFOnOldSoftwareHaltTheChainSafelyUntilUpgraded) {
  Report r = run(load("upgrade-majority-old.json"));
  EXPECT_TRUE(logged(r, "node 2 halted (upgrade needed")) << r.to_text();
  EXPECT_TRUE(logged(r, "node 3 halted (upgrade needed")) << r.to_text();
  EXPECT_TRUE(r.halted.empty());
  EXPECT_EQ(r.final_version, 2u);
  EXPECT_TRUE(r.liveness_ok) << "commits resumed once they were upgraded: " << r.liveness_detail;
  EXPECT_TRUE(r.safety_violations.empty());
}

TEST(GovernanceSim, TheExpectedOutcomeCheckCanFail) {
  Scenario s;
  s.seed = 9;
  s.nodes = 4;
  s.observers = 1;
  s.seconds = 12;
  s.tps = 20;
  TimelineEvent e;
  e.at_s = 3;
  e.type = TimelineEvent::Type::kGovernance;
  e.action = "promote";
  e.nodes = {4};
  s.timeline.push_back(e);
  s.expect_governance = {"refused:quorum_at_risk"};
  Report r = run(s, false);  // it is enacted, not refused
  ASSERT_EQ(r.governance.size(), 1u);
  EXPECT_EQ(r.governance[0].second, "enacted");
}

TEST(GovernanceSim, AChainParameterChangeTakesEffectOnEveryNode) {
  Scenario s;
  s.seed = 11;
  s.nodes = 4;
  s.seconds = 20;
  s.tps = 200;
  Report before = run(s);
  TimelineEvent e;
  e.at_s = 2;
  e.type = TimelineEvent::Type::kGovernance;
  e.action = "set-params";
  e.min_block_interval_ms = 250;
  e.after_blocks = 20;
  s.timeline.push_back(e);
  s.expect_governance = {"enacted"};
  Report after = run(s);
  // 20 ms blocks before, 250 ms blocks after: far fewer blocks, the same load.
  EXPECT_LT(after.committed_blocks * 3, before.committed_blocks);
  EXPECT_GT(after.committed_txs, s.tps * s.seconds * 0.9);
}

}  // namespace
}  // namespace consortia::sim
