// The analysis rules on recordings of real runs (tests/fixtures/analysis/,
// how each was made is in tests/fixtures/analysis/README.md):
// - a simulated 31-node network with node-7 partitioned by the console;
// - the same network with eight validators cut off, which makes their turns
//   as leader time out (a view-change storm);
// - consortia-sim's twins-beyond-f run, where two twinned validators (more
//   than f) make two honest nodes commit different blocks.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include "model/analysis.h"
#include "model/recording.h"

namespace consortia::console {
namespace {

Recording load(const std::string& name) {
  std::ifstream in(std::string(CONSORTIA_SOURCE_DIR) + "/tests/fixtures/analysis/" + name);
  std::stringstream ss;
  ss << in.rdbuf();
  std::string error;
  auto r = recording_from_json(ss.str(), &error);
  EXPECT_TRUE(r) << name << ": " << error;
  return r ? *r : Recording{};
}

TEST(AnalysisFixtures, ARecordedPartitionedNodeIsTheOnlyLaggingOneAndHasNoPeers) {
  Recording r = load("lagging-partitioned-31.json");
  ASSERT_EQ(r.state.nodes.size(), 31u);
  auto found = lagging_nodes(r.state);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].nodes, std::vector<std::string>{"node-7"});
  EXPECT_EQ(found[0].cause, Finding::Cause::kNoPeers);
  EXPECT_GT(found[0].height, kLagBlocks);
  EXPECT_EQ(storm_suspects(r.state), std::vector<std::string>{"node-7"});
}

TEST(AnalysisFixtures, ARecordedStormIsFoundAndTheCutOffValidatorsAreTheSuspects) {
  Recording r = load("storm-8-isolated-31.json");
  const std::set<std::string> cut = {"node-2", "node-5", "node-8", "node-11", "node-14", "node-17", "node-20", "node-23"};
  int storms = 0;
  for (const auto& n : r.state.nodes) {
    if (cut.count(n.name)) continue;
    auto it = r.samples.find(n.name);
    ASSERT_NE(it, r.samples.end()) << n.name;
    if (auto f = view_change_storm(n.name, it->second, 10)) {
      ++storms;
      EXPECT_GT(f->figure, 10);
      EXPECT_LT(f->from_ms, f->to_ms);
    }
  }
  EXPECT_GE(storms, 20) << "of 23 connected nodes";
  auto suspects = storm_suspects(r.state);
  EXPECT_EQ(std::set<std::string>(suspects.begin(), suspects.end()), cut);
  // And at a calmer threshold than what happened, no storm.
  EXPECT_FALSE(view_change_storm("node-0", r.samples["node-0"], 1000));
}

TEST(AnalysisFixtures, TheForkBisectionAgreesWithTheSimulatorsCheckerOnARecordedFork) {
  Recording r = load("fork-twins-beyond-f.json");
  ASSERT_FALSE(r.fork_heights.empty()) << "the recording holds no fork";
  // The honest validators of that scenario (0 and 1 are twinned).
  std::vector<std::string> names = {"node-2", "node-3"};
  uint64_t up_to = UINT64_MAX;
  for (const auto& n : names) up_to = std::min<uint64_t>(up_to, r.chains.at(n).size());
  int lookups = 0;
  HashAt hash_at = [&](size_t k, uint64_t h) -> std::optional<std::string> {
    ++lookups;
    const auto& c = r.chains.at(names[k]);
    if (h == 0) return std::string("genesis");
    if (h > c.size()) return std::nullopt;
    return c[h - 1];
  };
  auto f = find_fork(names, up_to, hash_at);
  ASSERT_TRUE(f);
  uint64_t first = *std::min_element(r.fork_heights.begin(), r.fork_heights.end());
  EXPECT_EQ(f->height, first);
  EXPECT_NE(r.chains.at("node-2")[f->height - 1], r.chains.at("node-3")[f->height - 1]);
  if (f->height > 1) {
    EXPECT_EQ(r.chains.at("node-2")[f->height - 2], r.chains.at("node-3")[f->height - 2]);
  }
  EXPECT_LE(lookups, 2 * 2 * 12) << "bisection, not a scan";
}

}  // namespace
}  // namespace consortia::console
