// The seed sweep: hundreds of seeded random fault schedules over n in
// {4, 7, 10} (packet loss or message drop up to 30 %, duplication,
// reordering, corruption, partitions that heal, up to f crash-restarts, up to
// f Byzantine including Twins). Every run must be safe and live after
// healing; the degraded sweep below never heals. A failure prints its seed and the
// schedule; replay it with SweepReplay below or consortia-sim. A third of the
// runs use the custody workload (value conservation, double spends refused).
#include <gtest/gtest.h>

#include <cstdlib>

#include "sim/random_schedule.h"
#include "sim/simulation.h"

namespace consortia::sim {
namespace {

constexpr uint64_t kShards = 10;
constexpr uint64_t kSeedsPerShard = 50;  // 500 seeds in all

uint64_t first_seed() {
  const char* s = std::getenv("CONSORTIA_SWEEP_BASE");
  return s ? std::strtoull(s, nullptr, 10) : 1;
}

class SeedSweep : public ::testing::TestWithParam<uint64_t> {};

TEST_P(SeedSweep, RandomFaultSchedulesAreSafeAndLive) {
  uint64_t base = first_seed() + GetParam() * kSeedsPerShard;
  uint64_t failures = 0;
  for (uint64_t seed = base; seed < base + kSeedsPerShard; ++seed) {
    Scenario s = random_schedule(seed);
    Simulation sim(s);
    auto r = sim.run();
    ASSERT_TRUE(r.ok()) << "seed " << seed << ": " << r.error().to_string();
    if (!r->passed(s)) {
      ++failures;
      ADD_FAILURE() << "seed " << seed << " failed (" << describe(s) << ")\n"
                    << r->to_text()
                    << "replay: CONSORTIA_SWEEP_SEED=" << seed
                    << " ctest -R SweepReplay --output-on-failure";
    }
  }
  EXPECT_EQ(failures, 0u);
}

INSTANTIATE_TEST_SUITE_P(Shards, SeedSweep, ::testing::Range<uint64_t>(0, kShards));

// Networks that stay degraded to the end (degraded_schedule): up to f silent
// validators and crash-restarts, lossy, dropping or rate-limited links,
// overload, 4 to 31 nodes. Safe, and committing until the end.
constexpr uint64_t kDegradedShards = 4;
constexpr uint64_t kDegradedPerShard = 25;  // 100 seeds

class DegradedSweep : public ::testing::TestWithParam<uint64_t> {};

TEST_P(DegradedSweep, SilentAndCrashingValidatorsOnBadLinksStaySafeAndLive) {
  uint64_t base = first_seed() + GetParam() * kDegradedPerShard;
  uint64_t failures = 0;
  for (uint64_t seed = base; seed < base + kDegradedPerShard; ++seed) {
    Scenario s = degraded_schedule(seed);
    Simulation sim(s);
    auto r = sim.run();
    ASSERT_TRUE(r.ok()) << "seed " << seed << ": " << r.error().to_string();
    if (!r->passed(s)) {
      ++failures;
      ADD_FAILURE() << "seed " << seed << " failed (" << describe(s) << ")\n"
                    << r->to_text() << "replay: CONSORTIA_DEGRADED_SEED=" << seed
                    << " ctest -R DegradedReplay --output-on-failure";
    }
  }
  EXPECT_EQ(failures, 0u);
}

INSTANTIATE_TEST_SUITE_P(Shards, DegradedSweep, ::testing::Range<uint64_t>(0, kDegradedShards));

TEST(DegradedReplay, ReplaysOneSeedFromTheEnvironment) {
  const char* s = std::getenv("CONSORTIA_DEGRADED_SEED");
  if (!s) GTEST_SKIP() << "set CONSORTIA_DEGRADED_SEED to replay a degraded-sweep seed";
  uint64_t seed = std::strtoull(s, nullptr, 10);
  Scenario sc = degraded_schedule(seed);
  Simulation sim(sc);
  auto r = sim.run();
  ASSERT_TRUE(r.ok());
  std::cout << describe(sc) << "\n" << r->to_text();
  EXPECT_TRUE(r->passed(sc)) << "seed " << seed;
}

TEST(SweepReplay, ReplaysOneSeedFromTheEnvironment) {
  const char* s = std::getenv("CONSORTIA_SWEEP_SEED");
  if (!s) GTEST_SKIP() << "set CONSORTIA_SWEEP_SEED to replay a sweep seed";
  uint64_t seed = std::strtoull(s, nullptr, 10);
  Scenario sc = random_schedule(seed);
  Simulation sim(sc);
  auto r = sim.run();
  ASSERT_TRUE(r.ok());
  std::cout << describe(sc) << "\n" << r->to_text();
  EXPECT_TRUE(r->passed(sc)) << "seed " << seed;
}

}  // namespace
}  // namespace consortia::sim
