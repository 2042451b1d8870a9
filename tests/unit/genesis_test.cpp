// A genesis is checked against what every node's decoder accepts before a
// node starts from it: each field out of bounds is refused by name.
#include <gtest/gtest.h>

#include "chain/genesis.h"

using namespace consortia;

namespace {

Genesis sample() {
  const CryptoSuite& c = ed25519_sha256();
  Genesis g;
  g.chain_name = "test";
  g.protocol_version = kMaxProtocolVersion;
  for (int i = 0; i < 4; ++i) {
    std::string org = "org-" + std::to_string(i);
    Hash32 seed{};
    seed.v[0] = static_cast<uint8_t>(i + 1);
    auto s = c.signer_from_seed(seed);
    g.validators.push_back({c.node_id(s->public_key()), s->public_key(), "node-" + std::to_string(i), org});
    seed.v[1] = 9;
    g.organisations.push_back({org, org, {c.signer_from_seed(seed)->public_key()}, "", false});
  }
  return g;
}

std::string refusal(const Genesis& g) {
  auto st = g.validate();
  return st ? "" : st.error().detail;
}

}  // namespace

TEST(Genesis, AValidGenesisPasses) { EXPECT_EQ(refusal(sample()), ""); }

TEST(Genesis, EachFieldOutsideTheDecodersLimitsIsRefusedByName) {
  auto expect = [](const std::function<void(Genesis&)>& change, const std::string& words) {
    Genesis g = sample();
    change(g);
    std::string why = refusal(g);
    EXPECT_NE(why.find(words), std::string::npos) << "expected '" << words << "', got '" << why << "'";
  };
  expect([](Genesis& g) { g.organisations[1].id = std::string(65, 'o'); }, "has 1 to 64 bytes");
  expect([](Genesis& g) { g.organisations[1].ca_certificate_pem = std::string(8193, 'c'); }, "larger than 8192");
  expect([](Genesis& g) { g.organisations[1].admin_keys.resize(17, g.organisations[1].admin_keys[0]); },
         "17 admin keys");
  expect([](Genesis& g) { g.threshold_num = 3, g.threshold_den = 3; }, "threshold 3/3");
  expect([](Genesis& g) { g.threshold_num = 4, g.threshold_den = 3; }, "threshold 4/3");
  expect([](Genesis& g) { g.threshold_num = 0, g.threshold_den = 1; }, "threshold 0/1");
  expect([](Genesis& g) { g.threshold_num = 1, g.threshold_den = 0; }, "threshold 1/0");
  expect([](Genesis& g) { g.threshold_num = 1, g.threshold_den = 3; }, "at least 1/2");
  expect([](Genesis& g) { g.validators.clear(); }, "no validators");
  expect([](Genesis& g) { g.validators[2].name = g.validators[1].name; }, "listed twice");
  expect([](Genesis& g) { g.validators[2].public_key = g.validators[1].public_key; }, "another member's key");
  expect([](Genesis& g) { g.validators[2].public_key.resize(5); }, "not a ed25519-sha256 public key");
  expect([](Genesis& g) { g.validators[2].organisation = "org-9"; }, "'org-9', which is not listed");
  expect([](Genesis& g) { g.validators[2].name = std::string(65, 'n'); }, "member name");
  expect([](Genesis& g) { g.chain_name.clear(); }, "chain_name");
  expect([](Genesis& g) { g.protocol_version = kMaxProtocolVersion + 1; }, "protocol_version");
  expect([](Genesis& g) { g.organisations.push_back(g.organisations[0]); }, "listed twice");
  expect([](Genesis& g) { g.params.max_block_txs = 0; }, "params");
  // At the limits, it passes.
  Genesis g = sample();
  g.organisations[1].id = std::string(64, 'o');
  g.validators[1].organisation = g.organisations[1].id;
  g.organisations[1].admin_keys.resize(16, g.organisations[1].admin_keys[0]);
  g.threshold_num = 1, g.threshold_den = 2;
  EXPECT_EQ(refusal(g), "");
}
