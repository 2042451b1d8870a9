// Any byte string decodes to a valid message or a clear error: mutated and
// random inputs never crash, and what decodes re-encodes to the same bytes.
// (The libFuzzer target in tests/fuzz explores the same property without bound.)
#include <gtest/gtest.h>

#include <random>

#include "../support/cluster.h"

namespace consortia {
namespace {

std::vector<Bytes> sample_messages() {
  test::Cluster c(4);
  std::vector<Bytes> out;
  auto client = c.client(0);
  NodeOutput o;
  (void)c.node(0).submit(c.tx(*client, TxKind::kPut, 0, Transaction::put_payload("k", Bytes(16, 2))),
                         c.now, o);
  c.absorb(0, o);
  c.run_until([&] { return c.node(0).status().height >= 3; }, 20000, 10,
              [&](const test::Envelope& e) {
                if (out.size() < 64) out.push_back(encode_message(*e.msg));
                return true;
              });
  out.push_back(encode_message(BlockRequest{Hash32{}, 4}));
  return out;
}

TEST(DecodeRobustness, MutatedMessagesDecodeOrFailCleanly) {
  const CryptoSuite& suite = ed25519_sha256();
  auto samples = sample_messages();
  ASSERT_GT(samples.size(), 5u);
  std::mt19937_64 rng(20261127);
  size_t decoded = 0, refused = 0;
  for (int round = 0; round < 20000; ++round) {
    Bytes b = samples[rng() % samples.size()];
    switch (rng() % 4) {
      case 0: b[rng() % b.size()] ^= static_cast<uint8_t>(1 + rng() % 255); break;
      case 1: b.resize(rng() % b.size()); break;
      case 2: b.insert(b.begin() + static_cast<long>(rng() % b.size()), static_cast<uint8_t>(rng())); break;
      default:
        for (int k = 0; k < 4; ++k) b[rng() % b.size()] = static_cast<uint8_t>(rng());
    }
    auto m = decode_message(suite, b);
    if (m.ok()) {
      ++decoded;
      EXPECT_EQ(encode_message(*m), b) << "round " << round << ": decoding is not canonical";
    } else {
      ++refused;
      EXPECT_FALSE(m.error().detail.empty());
    }
  }
  EXPECT_GT(refused, 0u);
}

TEST(DecodeRobustness, ValidMessagesRoundTrip) {
  for (const auto& b : sample_messages()) {
    auto m = decode_message(ed25519_sha256(), b);
    ASSERT_TRUE(m.ok()) << m.error().to_string();
    EXPECT_EQ(encode_message(*m), b);
  }
}

TEST(DecodeRobustness, OversizedAndForeignInputIsRefused) {
  Bytes huge(MessageLimits::kMaxMessageBytes + 1, 0);
  auto r = decode_message(ed25519_sha256(), huge);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kTooLarge);
  Bytes future{9, 1, 2, 3};
  auto f = decode_message(ed25519_sha256(), future);
  ASSERT_FALSE(f.ok());
  EXPECT_EQ(f.error().code, ErrorCode::kUnsupportedVersion);
  std::mt19937_64 rng(7);
  for (int i = 0; i < 5000; ++i) {
    Bytes b(rng() % 300);
    for (auto& x : b) x = static_cast<uint8_t>(rng());
    if (!b.empty()) b[0] = MessageLimits::kWireVersion;
    (void)decode_message(ed25519_sha256(), b);
  }
}

}  // namespace
}  // namespace consortia
