// Scenario runs at 31 and 101 validators (modelled crypto, real node code).
#include <gtest/gtest.h>

#include "sim/simulation.h"

namespace consortia::sim {
namespace {

Report run_file(const std::string& name, double seconds) {
  auto s = load_scenario_file(std::string(CONSORTIA_SOURCE_DIR) + "/resources/scenarios/" + name);
  EXPECT_TRUE(s.ok()) << (s.ok() ? "" : s.error().detail);
  if (!s.ok()) return {};
  s->seconds = seconds;
  Simulation sim(*s);
  auto r = sim.run();
  EXPECT_TRUE(r.ok());
  if (!r.ok()) return {};
  EXPECT_TRUE(r->passed(*s)) << "seed " << s->seed << "\n" << r->to_text();
  return *r;
}

TEST(Scale, ThirtyOneValidatorsWithACrashAndLossStayConsistent) {
  Report r = run_file("scale-31.json", 60);
  EXPECT_EQ(r.nodes, 31);
  EXPECT_GT(r.committed_txs, 0u);
}

TEST(Scale, HundredAndOneValidatorsCommitWithLinearMessagesPerBlock) {
  Report r = run_file("scale-101.json", 30);
  EXPECT_EQ(r.nodes, 101);
  EXPECT_GT(r.committed_blocks, 10u);
  // Linear normal case: a proposal to n-1 peers and n-1 votes to one leader
  // per block, plus a little sync and timeout traffic; quadratic would be ~n^2.
  EXPECT_LT(r.messages_per_block, 101.0 * 8);
}

}  // namespace
}  // namespace consortia::sim
