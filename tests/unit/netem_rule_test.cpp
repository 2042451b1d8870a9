#include <gtest/gtest.h>

#include "net/netem_rule.h"

namespace consortia {
namespace {

TEST(NetemRule, ParsesTheSeedsDelayJitterAndCorrelation) {
  auto r = parse_link_rule("delay 1000ms 300ms 30%");
  ASSERT_TRUE(r.ok()) << r.error().detail;
  EXPECT_EQ(r->delay_us, 1000000);
  EXPECT_EQ(r->jitter_us, 300000);
  EXPECT_DOUBLE_EQ(r->delay_correlation, 0.3);
}

TEST(NetemRule, ParsesLossDuplicateCorruptAndRate) {
  EXPECT_DOUBLE_EQ(parse_link_rule("loss 10%")->loss, 0.10);
  EXPECT_DOUBLE_EQ(parse_link_rule("drop 10%")->drop, 0.10);
  EXPECT_EQ(parse_link_rule("drop 5% 25%")->to_string(), "drop 5%");
  EXPECT_DOUBLE_EQ(parse_link_rule("duplicate 1%")->duplicate, 0.01);
  EXPECT_DOUBLE_EQ(parse_link_rule("corrupt 0.2%")->corrupt, 0.002);
  EXPECT_EQ(parse_link_rule("rate 2048kbit")->rate_bps, 2048000u);
  auto both = parse_link_rule("delay 100ms loss random 1% 25%");
  ASSERT_TRUE(both.ok());
  EXPECT_EQ(both->delay_us, 100000);
  EXPECT_DOUBLE_EQ(both->loss, 0.01);
  EXPECT_DOUBLE_EQ(both->loss_correlation, 0.25);
}

TEST(NetemRule, AcceptsWholeTcCommandsForNetemAndTbf) {
  auto netem = parse_link_rule("tc qdisc add dev eth0 root netem loss 10%");
  ASSERT_TRUE(netem.ok());
  EXPECT_DOUBLE_EQ(netem->loss, 0.10);
  auto tbf = parse_link_rule("tc qdisc add dev eth0 root tbf rate 2048kbit latency 50ms burst 2048");
  ASSERT_TRUE(tbf.ok()) << tbf.error().detail;
  EXPECT_EQ(tbf->rate_bps, 2048000u);
  EXPECT_EQ(tbf->queue_limit_us, 50000);
  EXPECT_EQ(tbf->burst_bytes, 2048u);
}

TEST(NetemRule, RejectsBadInputWithAReason) {
  for (const char* bad : {"", "loss", "loss 10", "loss 120%", "delay fast", "rate 10furlongs",
                          "jitter 5ms", "reorder 25%", "tc qdisc add dev eth0 root pfifo",
                          "delay -5ms", "loss 1e9%", "delay 1000", "delay 100ms 10"}) {
    auto r = parse_link_rule(bad);
    EXPECT_FALSE(r.ok()) << "accepted '" << bad << "'";
    if (!r.ok()) {
      EXPECT_FALSE(r.error().detail.empty());
    }
  }
}

TEST(NetemRule, ATimeWithoutAUnitIsRefusedBecauseTcWouldReadMicroseconds) {
  auto r = parse_link_rule("delay 1000");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().detail.find("unit"), std::string::npos) << r.error().detail;
}

TEST(NetemRule, PrintsCanonicalWordsThatParseBackToTheSameRule) {
  auto r = parse_link_rule("delay 1s 300ms 30% loss 10% duplicate 1% corrupt 0.2% rate 2048kbit");
  ASSERT_TRUE(r.ok());
  auto again = parse_link_rule(r->to_string());
  ASSERT_TRUE(again.ok()) << r->to_string();
  EXPECT_EQ(*again, *r);
}

TEST(NetemRule, LaterRulesOverrideOnlyWhatTheySet) {
  LinkRule a = *parse_link_rule("delay 100ms loss 5%");
  a.merge(*parse_link_rule("loss 1%"));
  EXPECT_EQ(a.delay_us, 100000);
  EXPECT_DOUBLE_EQ(a.loss, 0.01);
}

}  // namespace
}  // namespace consortia
