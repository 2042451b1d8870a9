// One netem link model for the simulator and the agent: the same rule, seed
// and frames give the same decisions in the simulator's virtual network and
// in the agent's fault layer, on the same clock.
#include <gtest/gtest.h>

#include "fault_layer.h"
#include "net/link_shaper.h"
#include "sim/network.h"

namespace consortia {
namespace {

struct Decision {
  int64_t due_us;
  Bytes data;
  bool operator==(const Decision&) const = default;
};

Bytes frame(int i) { return Bytes(static_cast<size_t>(100 + 37 * (i % 11)), static_cast<uint8_t>(i)); }

std::vector<std::vector<Decision>> through_simulator(const LinkRule& rule, uint64_t seed, int frames) {
  sim::VirtualNetwork net;
  net.build(2, std::vector<int64_t>(4, 0));
  net.add_rule(rule);
  Rng rng(seed);
  std::vector<std::vector<Decision>> out;
  for (int i = 0; i < frames; ++i) {
    Bytes f = frame(i);
    std::vector<Bytes> corrupted;
    auto copies = net.transmit(0, 1, f.size(), true, i * 1000, rng, [&](size_t copy, Rng& g) {
      corrupted.resize(copy + 1);
      corrupted[copy] = f;
      LinkShaper::flip_bits(corrupted[copy], g);
    });
    std::vector<Decision> d;
    for (size_t c = 0; c < copies.size(); ++c)
      d.push_back({copies[c].due, copies[c].corrupted ? corrupted[c] : f});
    out.push_back(d);
  }
  return out;
}

std::vector<std::vector<Decision>> through_agent(const LinkRule& rule, uint64_t seed, int frames) {
  agent::LinkEgress egress(seed, 1'000'000);  // the simulator's microseconds
  std::vector<std::vector<Decision>> out;
  for (int i = 0; i < frames; ++i) {
    std::vector<Decision> d;
    for (auto& c : egress.shape(rule, frame(i), i * 1000)) d.push_back({c.due, c.data});
    out.push_back(d);
  }
  return out;
}

class OneLinkModel : public ::testing::TestWithParam<const char*> {};

TEST_P(OneLinkModel, SimulatorAndAgentMakeTheSameDecisions) {
  auto rule = parse_link_rule(GetParam());
  ASSERT_TRUE(rule.ok()) << GetParam();
  for (uint64_t seed : {1u, 7u, 2024u}) {
    auto sim = through_simulator(*rule, seed, 2000);
    auto agent = through_agent(*rule, seed, 2000);
    ASSERT_EQ(sim.size(), agent.size());
    size_t lost = 0, doubled = 0, changed = 0;
    for (size_t i = 0; i < sim.size(); ++i) {
      // The same fate: lost, one or two copies, the same bits flipped, the same time.
      ASSERT_EQ(sim[i], agent[i]) << "frame " << i << ", rule '" << GetParam() << "', seed " << seed;
      lost += sim[i].empty();
      doubled += sim[i].size() == 2;
      for (const auto& c : sim[i]) changed += c.data != frame(static_cast<int>(i));
    }
    // The rule did something (each one shapes, drops, doubles or corrupts).
    bool delayed = false;
    for (size_t i = 0; i < sim.size(); ++i)
      for (const auto& c : sim[i]) delayed |= c.due_us > static_cast<int64_t>(i) * 1000;
    EXPECT_TRUE(lost + doubled + changed > 0 || delayed) << GetParam();
  }
}

INSTANTIATE_TEST_SUITE_P(NetemRules, OneLinkModel,
                         ::testing::Values("loss 10% 25%", "drop 10% 25%", "delay 100ms 30ms 25%", "delay 50ms 10ms reorder 25% 50%",
                                           "duplicate 5% corrupt 2%", "rate 2048kbit",
                                           "tbf rate 256kbit latency 20ms burst 2048",
                                           "delay 20ms 5ms loss 3% duplicate 1% corrupt 0.5% rate 1mbit"));

TEST(LinkShaper, DropLosesAboutItsShareAndARateLimitSpacesFrames) {
  LinkShaper s;
  Rng rng(11);
  LinkShaper::Egress egress;
  auto drop = *parse_link_rule("drop 10%");
  int lost = 0;
  for (int i = 0; i < 20000; ++i) lost += s.shape(drop, 100, i, 0, rng, egress).lost;
  EXPECT_NEAR(lost / 20000.0, 0.10, 0.01);
  // 1000 bytes at 8 Mbit/s take 1 ms each: back to back, they leave 1 ms apart.
  auto rate = *parse_link_rule("rate 8mbit");
  LinkShaper r;
  egress = {};
  auto a = r.shape(rate, 1000, 0, 0, rng, egress), b = r.shape(rate, 1000, 0, 0, rng, egress);
  ASSERT_EQ(a.copies.size(), 1u);
  ASSERT_EQ(b.copies.size(), 1u);
  EXPECT_EQ(b.copies[0].due - a.copies[0].due, 1000);
}

// `loss` is packet loss as the agents' TCP links live it: nothing is lost,
// a frame whose packet was lost arrives late (fast retransmit, or the
// retransmission timeout), and the frames behind it on the link wait for it.
TEST(LinkShaper, PacketLossDelaysFramesInOrderAndLosesNone) {
  LinkShaper s;
  Rng rng(12);
  LinkShaper::Egress egress;
  auto loss = *parse_link_rule("loss 30%");
  int lost = 0, late = 0, retransmissions = 0;
  int64_t last_due = 0;
  for (int i = 0; i < 5000; ++i) {
    int64_t now = i * 1000;  // a frame a millisecond, 5 ms of propagation
    auto o = s.shape(loss, 3000, now, 5000, rng, egress);
    lost += o.lost;
    retransmissions += o.retransmissions;
    if (o.copies.empty()) continue;
    int64_t due = o.copies[0].due;
    EXPECT_GE(due, last_due) << "frame " << i << " overtook the one before it";
    last_due = due;
    late += due > now + 5000;
  }
  EXPECT_EQ(lost, 0);
  // A 3-packet frame loses at least one packet with probability 1 - 0.7^3.
  EXPECT_NEAR(retransmissions / (5000.0 * 3), 0.30 / 0.70, 0.05);
  EXPECT_GT(late, 5000 * 0.6);
  // A single-packet frame whose packet and its retransmission are both lost
  // waits for the retransmission timeout, at least 200 ms.
  LinkShaper one;
  Rng all_lost(1);
  LinkShaper::Egress e2;
  auto certain = *parse_link_rule("loss 100%");
  auto gone = one.shape(certain, 100, 0, 5000, all_lost, e2);
  EXPECT_TRUE(gone.lost) << "after its retransmissions TCP gives up";
  EXPECT_EQ(gone.retransmissions, LinkShaper::kMaxRetransmissions);
}

// Under a rate limit, consensus messages wait only behind each other; the
// gossip queued before them is what waits.
TEST(LinkShaper, ConsensusMessagesGoAheadOfGossipUnderARateLimit) {
  LinkShaper s;
  Rng rng(13);
  LinkShaper::Egress egress;
  auto rate = *parse_link_rule("rate 8mbit");  // 1000 bytes a millisecond
  for (int i = 0; i < 100; ++i) s.shape(rate, 1000, 0, 0, rng, egress);  // 100 ms of gossip queued
  auto vote = s.shape(rate, 1000, 0, 0, rng, egress, /*priority=*/true);
  ASSERT_EQ(vote.copies.size(), 1u);
  EXPECT_EQ(vote.copies[0].due, 1000) << "the vote does not wait behind the gossip";
  auto gossip = s.shape(rate, 1000, 0, 0, rng, egress);
  ASSERT_EQ(gossip.copies.size(), 1u);
  EXPECT_EQ(gossip.copies[0].due, 102'000) << "the gossip lost the vote's millisecond";
}

// At a high rate a small frame still takes its time on the wire: the agent's
// egress keeps nanoseconds, so votes are spaced too.
TEST(LinkShaper, TheAgentSpacesSmallFramesAtAGigabit) {
  agent::LinkEgress egress(3);  // nanoseconds
  auto rule = *parse_link_rule("rate 1gbit");
  auto a = egress.shape(rule, Bytes(100), 0), b = egress.shape(rule, Bytes(100), 0);
  ASSERT_EQ(a.size(), 1u);
  ASSERT_EQ(b.size(), 1u);
  EXPECT_EQ(b[0].due - a[0].due, 800);  // 800 bits at 1 Gbit/s
  // Delays are the rule's, at that resolution.
  auto delayed = agent::LinkEgress(3).shape(*parse_link_rule("delay 20ms"), Bytes(100), 1000);
  ASSERT_EQ(delayed.size(), 1u);
  EXPECT_EQ(delayed[0].due, 1000 + 20'000'000);
}

}  // namespace
}  // namespace consortia
