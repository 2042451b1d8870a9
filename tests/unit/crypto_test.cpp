#include <gtest/gtest.h>

#include <atomic>
#include <set>
#include <thread>

#include "crypto/crypto_suite.h"
#include "crypto/key_file.h"

namespace consortia {
namespace {

Bytes hex(std::string_view h) {
  Bytes b;
  EXPECT_TRUE(from_hex(h, b)) << h;
  return b;
}

Hash32 seed_of(uint8_t x) {
  Hash32 h;
  h.v.fill(x);
  return h;
}

// ---- digests --------------------------------------------------------------------

TEST(Sm3, MatchesStandardVectorForAbc) {
  EXPECT_EQ(sm3(as_bytes("abc")).hex(),
            "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
}

TEST(Sm3, MatchesStandardVectorFor512BitMessage) {
  // GB/T 32905 example 2: "abcd" repeated 16 times.
  std::string m;
  for (int i = 0; i < 16; ++i) m += "abcd";
  EXPECT_EQ(sm3(as_bytes(m)).hex(),
            "debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732");
}

TEST(Sm3, HashesEmptyInput) {
  EXPECT_EQ(sm3({}).hex(), "1ab21d8355cfa17f8e61194831e81a8f22bec8c728fefb747ed035eb5082aa2b");
}

TEST(Sha256, MatchesStandardVectorForAbc) {
  EXPECT_EQ(sha256(as_bytes("abc")).hex(),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(Sha256, HashesEmptyInput) {
  EXPECT_EQ(sha256({}).hex(), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST(Suites, HashIsTheSuiteDigest) {
  EXPECT_EQ(ed25519_sha256().hash(as_bytes("abc")), sha256(as_bytes("abc")));
  EXPECT_EQ(sm2_sm3().hash(as_bytes("abc")), sm3(as_bytes("abc")));
}

TEST(Suites, LookupByNameAndId) {
  auto a = suite_by_name("ed25519-sha256");
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(*a, &ed25519_sha256());
  auto b = suite_by_name("sm2-sm3");
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(*b, &sm2_sm3());
  EXPECT_EQ(*suite_by_id(1), &ed25519_sha256());
  EXPECT_EQ(*suite_by_id(2), &sm2_sm3());
  EXPECT_EQ(ed25519_sha256().id(), SuiteId::kEd25519Sha256);
  EXPECT_EQ(sm2_sm3().id(), SuiteId::kSm2Sm3);
  EXPECT_EQ(ed25519_sha256().name(), "ed25519-sha256");
  EXPECT_EQ(sm2_sm3().name(), "sm2-sm3");
}

TEST(Suites, UnknownNameIsInvalidArgument) {
  auto r = suite_by_name("rsa-md5");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
  EXPECT_NE(r.error().detail.find("rsa-md5"), std::string::npos);
  EXPECT_FALSE(suite_by_name("").ok());
  EXPECT_FALSE(suite_by_name("SM2-SM3").ok());
}

TEST(Suites, UnknownIdIsUnsupportedVersion) {
  for (uint8_t id : {0, 3, 255}) {
    auto r = suite_by_id(id);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, ErrorCode::kUnsupportedVersion);
  }
}

// ---- Ed25519 known answer ----------------------------------------------------------

TEST(Ed25519, MatchesRfc8032TestVector1) {
  const auto& suite = ed25519_sha256();
  Hash32 secret =
      Hash32::from(hex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"));
  auto signer = suite.signer_from_seed(secret);
  EXPECT_EQ(to_hex(signer->public_key()),
            "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
  EXPECT_EQ(signer->private_key(), Bytes(secret.v.begin(), secret.v.end()));
  Bytes sig = signer->sign({});
  EXPECT_EQ(to_hex(sig),
            "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e"
            "39701cf9b46bd25bf5f0595bbe24655141438e7a100b");
  EXPECT_TRUE(suite.verify(signer->public_key(), {}, sig));
  EXPECT_FALSE(suite.verify(signer->public_key(), as_bytes("x"), sig));
}

TEST(Ed25519, RejectsSmallOrderAndNonCanonicalPublicKeys) {
  const auto& suite = ed25519_sha256();
  auto signer = suite.signer_from_seed(seed_of(1));
  Bytes sig = signer->sign(as_bytes("m"));
  Bytes identity(32, 0);
  identity[0] = 1;  // the neutral element
  EXPECT_FALSE(suite.verify(identity, as_bytes("m"), sig));
  Bytes ones(32, 0xff);
  EXPECT_FALSE(suite.verify(ones, as_bytes("m"), sig));
}

// ---- both suites -------------------------------------------------------------------

std::string suite_param_name(const ::testing::TestParamInfo<const CryptoSuite*>& p) {
  return p.param->id() == SuiteId::kEd25519Sha256 ? "Ed25519Sha256" : "Sm2Sm3";
}

class SuiteTest : public ::testing::TestWithParam<const CryptoSuite*> {
 protected:
  const CryptoSuite& suite() const { return *GetParam(); }
};

TEST_P(SuiteTest, SignVerifyRoundTrip) {
  auto signer = suite().signer_from_seed(seed_of(7));
  EXPECT_EQ(signer->public_key().size(), suite().public_key_size());
  for (std::string_view m : {"", "a", "hello consortia", "longer message with some bytes"}) {
    Bytes sig = signer->sign(as_bytes(m));
    EXPECT_EQ(sig.size(), suite().signature_size());
    EXPECT_TRUE(suite().verify(signer->public_key(), as_bytes(m), sig)) << m;
  }
  Bytes big(100000, 0x5a);
  EXPECT_TRUE(suite().verify(signer->public_key(), big, signer->sign(big)));
}

TEST_P(SuiteTest, WrongKeyRejected) {
  auto a = suite().signer_from_seed(seed_of(1));
  auto b = suite().signer_from_seed(seed_of(2));
  Bytes sig = a->sign(as_bytes("msg"));
  EXPECT_FALSE(suite().verify(b->public_key(), as_bytes("msg"), sig));
}

TEST_P(SuiteTest, EveryFlippedSignatureByteRejected) {
  auto s = suite().signer_from_seed(seed_of(3));
  Bytes sig = s->sign(as_bytes("msg"));
  for (size_t i = 0; i < sig.size(); ++i) {
    Bytes bad = sig;
    bad[i] ^= 0x01;
    EXPECT_FALSE(suite().verify(s->public_key(), as_bytes("msg"), bad)) << "byte " << i;
  }
}

TEST_P(SuiteTest, FlippedMessageByteRejected) {
  auto s = suite().signer_from_seed(seed_of(4));
  Bytes msg = {1, 2, 3, 4, 5, 6, 7, 8};
  Bytes sig = s->sign(msg);
  for (size_t i = 0; i < msg.size(); ++i) {
    Bytes bad = msg;
    bad[i] ^= 0x80;
    EXPECT_FALSE(suite().verify(s->public_key(), bad, sig)) << "byte " << i;
  }
  Bytes longer = msg;
  longer.push_back(0);
  EXPECT_FALSE(suite().verify(s->public_key(), longer, sig));
}

TEST_P(SuiteTest, FlippedPublicKeyByteRejected) {
  auto s = suite().signer_from_seed(seed_of(5));
  Bytes sig = s->sign(as_bytes("msg"));
  for (size_t i = 0; i < s->public_key().size(); ++i) {
    Bytes bad = s->public_key();
    bad[i] ^= 0x04;
    EXPECT_FALSE(suite().verify(bad, as_bytes("msg"), sig)) << "byte " << i;
  }
}

TEST_P(SuiteTest, GarbageOfAnyLengthRejectedWithoutCrashing) {
  auto s = suite().signer_from_seed(seed_of(6));
  Bytes msg = {9, 9, 9};
  Bytes sig = s->sign(msg);
  const Bytes& pk = s->public_key();
  // Truncated and extended signatures and keys.
  EXPECT_FALSE(suite().verify(pk, msg, Bytes(sig.begin(), sig.end() - 1)));
  Bytes longer_sig = sig;
  longer_sig.push_back(0);
  EXPECT_FALSE(suite().verify(pk, msg, longer_sig));
  EXPECT_FALSE(suite().verify(Bytes(pk.begin(), pk.end() - 1), msg, sig));
  Bytes longer_pk = pk;
  longer_pk.push_back(0);
  EXPECT_FALSE(suite().verify(longer_pk, msg, sig));
  // Empty inputs.
  EXPECT_FALSE(suite().verify(pk, msg, {}));
  EXPECT_FALSE(suite().verify({}, msg, sig));
  EXPECT_FALSE(suite().verify({}, {}, {}));
  // All-zero and all-one values of the right size and of many sizes.
  for (size_t n : {size_t{0}, size_t{1}, size_t{31}, size_t{32}, size_t{33}, size_t{63},
                   size_t{64}, size_t{65}, size_t{66}, size_t{72}, size_t{128}, size_t{1000}}) {
    for (uint8_t fill : {0x00, 0x04, 0xff}) {
      Bytes g(n, fill);
      EXPECT_FALSE(suite().verify(pk, msg, g));
      EXPECT_FALSE(suite().verify(g, msg, sig));
      EXPECT_FALSE(suite().verify(g, msg, g));
    }
  }
  // Pseudo-random garbage.
  uint64_t x = 0x9e3779b97f4a7c15ull;
  auto next = [&] {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    return static_cast<uint8_t>(x);
  };
  for (int round = 0; round < 200; ++round) {
    Bytes gk(suite().public_key_size()), gs(suite().signature_size());
    for (auto& b : gk) b = next();
    for (auto& b : gs) b = next();
    if (round % 2) gk[0] = 0x04;
    EXPECT_FALSE(suite().verify(gk, msg, gs));
    EXPECT_FALSE(suite().verify(pk, msg, gs));
  }
}

TEST_P(SuiteTest, SignerFromSeedIsDeterministic) {
  auto a = suite().signer_from_seed(seed_of(42));
  auto b = suite().signer_from_seed(seed_of(42));
  auto c = suite().signer_from_seed(seed_of(43));
  EXPECT_EQ(a->public_key(), b->public_key());
  EXPECT_EQ(a->private_key(), b->private_key());
  EXPECT_NE(a->public_key(), c->public_key());
  // A signature by one verifies under the other's public key.
  EXPECT_TRUE(suite().verify(b->public_key(), as_bytes("m"), a->sign(as_bytes("m"))));
}

TEST_P(SuiteTest, SignerFromPrivateRestoresTheSameKey) {
  auto a = suite().signer_from_seed(seed_of(11));
  auto b = suite().signer_from_private(a->private_key());
  ASSERT_TRUE(b.ok()) << b.error().to_string();
  EXPECT_EQ((*b)->public_key(), a->public_key());
  EXPECT_TRUE(suite().verify(a->public_key(), as_bytes("m"), (*b)->sign(as_bytes("m"))));
}

TEST_P(SuiteTest, SignerFromPrivateRejectsWrongLength) {
  for (size_t n : {0, 1, 31, 33, 64}) {
    auto r = suite().signer_from_private(Bytes(n, 1));
    ASSERT_FALSE(r.ok()) << n;
    EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
  }
}

TEST_P(SuiteTest, GeneratedKeysAreDistinctAndWork) {
  auto a = suite().generate();
  auto b = suite().generate();
  EXPECT_NE(a->public_key(), b->public_key());
  EXPECT_TRUE(suite().verify(a->public_key(), as_bytes("m"), a->sign(as_bytes("m"))));
}

TEST_P(SuiteTest, NodeIdIsHashOfPublicKey) {
  auto a = suite().signer_from_seed(seed_of(8));
  EXPECT_EQ(suite().node_id(a->public_key()), suite().hash(a->public_key()));
}

TEST_P(SuiteTest, ConcurrentSignAndVerifyFromManyThreads) {
  auto signer = suite().signer_from_seed(seed_of(9));
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 50; ++i) {
        Bytes msg = {static_cast<uint8_t>(t), static_cast<uint8_t>(i)};
        Bytes sig = signer->sign(msg);
        if (!suite().verify(signer->public_key(), msg, sig)) ++failures;
        sig[3] ^= 1;
        if (suite().verify(signer->public_key(), msg, sig)) ++failures;
        (void)suite().hash(msg);
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(failures.load(), 0);
}

INSTANTIATE_TEST_SUITE_P(AllSuites, SuiteTest,
                         ::testing::Values(&ed25519_sha256(), &sm2_sm3()),
                         suite_param_name);

// ---- SM2 specifics -----------------------------------------------------------------

constexpr std::string_view kSm2Order =
    "fffffffeffffffffffffffffffffffff7203df6b21c6052b53bbf40939d54123";

TEST(Sm2, PublicKeyIsUncompressedPoint) {
  auto s = sm2_sm3().signer_from_seed(seed_of(1));
  ASSERT_EQ(s->public_key().size(), 65u);
  EXPECT_EQ(s->public_key()[0], 0x04);
  EXPECT_EQ(s->private_key().size(), 32u);
}

TEST(Sm2, SignaturesAreRandomizedButAllVerify) {
  auto s = sm2_sm3().signer_from_seed(seed_of(1));
  Bytes a = s->sign(as_bytes("m"));
  Bytes b = s->sign(as_bytes("m"));
  EXPECT_NE(a, b);
  EXPECT_TRUE(sm2_sm3().verify(s->public_key(), as_bytes("m"), a));
  EXPECT_TRUE(sm2_sm3().verify(s->public_key(), as_bytes("m"), b));
}

TEST(Sm2, SignatureWithAnotherSignerIdRejected) {
  auto s = sm2_sm3().signer_from_seed(seed_of(2));
  Bytes other = sm2_sign_with_id(*s, as_bytes("m"), "alice@bank.example");
  ASSERT_EQ(other.size(), 64u);
  EXPECT_FALSE(sm2_sm3().verify(s->public_key(), as_bytes("m"), other));
  EXPECT_TRUE(sm2_verify_with_id(s->public_key(), as_bytes("m"), other, "alice@bank.example"));
  // And the other way round: a default-ID signature does not pass under another ID.
  Bytes dflt = s->sign(as_bytes("m"));
  EXPECT_FALSE(sm2_verify_with_id(s->public_key(), as_bytes("m"), dflt, "alice@bank.example"));
  EXPECT_TRUE(sm2_verify_with_id(s->public_key(), as_bytes("m"), dflt, kSm2DefaultId));
}

TEST(Sm2, SignWithIdRequiresAnSm2Signer) {
  auto ed = ed25519_sha256().signer_from_seed(seed_of(2));
  EXPECT_TRUE(sm2_sign_with_id(*ed, as_bytes("m"), kSm2DefaultId).empty());
}

TEST(Sm2, SignatureComponentsOutOfRangeRejected) {
  auto s = sm2_sm3().signer_from_seed(seed_of(3));
  Bytes sig = s->sign(as_bytes("m"));
  Bytes order = hex(kSm2Order);
  auto with_r = [&](const Bytes& r) {
    Bytes b = sig;
    std::copy(r.begin(), r.end(), b.begin());
    return b;
  };
  auto with_s = [&](const Bytes& v) {
    Bytes b = sig;
    std::copy(v.begin(), v.end(), b.begin() + 32);
    return b;
  };
  EXPECT_FALSE(sm2_sm3().verify(s->public_key(), as_bytes("m"), with_r(Bytes(32, 0))));
  EXPECT_FALSE(sm2_sm3().verify(s->public_key(), as_bytes("m"), with_s(Bytes(32, 0))));
  EXPECT_FALSE(sm2_sm3().verify(s->public_key(), as_bytes("m"), with_r(order)));
  EXPECT_FALSE(sm2_sm3().verify(s->public_key(), as_bytes("m"), with_s(order)));
  EXPECT_FALSE(sm2_sm3().verify(s->public_key(), as_bytes("m"), with_r(Bytes(32, 0xff))));
}

TEST(Sm2, CompressedOrOffCurvePublicKeyRejected) {
  auto s = sm2_sm3().signer_from_seed(seed_of(4));
  Bytes sig = s->sign(as_bytes("m"));
  Bytes pk = s->public_key();
  Bytes compressed(pk.begin(), pk.begin() + 33);
  compressed[0] = 0x02 | (pk[64] & 1);
  EXPECT_FALSE(sm2_sm3().verify(compressed, as_bytes("m"), sig));
  Bytes off = pk;
  off[64] ^= 0x01;  // y no longer matches x
  EXPECT_FALSE(sm2_sm3().verify(off, as_bytes("m"), sig));
  Bytes hybrid = pk;
  hybrid[0] = 0x06;
  EXPECT_FALSE(sm2_sm3().verify(hybrid, as_bytes("m"), sig));
}

TEST(Sm2, PrivateScalarOutOfRangeRejected) {
  Bytes order = hex(kSm2Order);
  Bytes n_minus_1 = order;
  n_minus_1.back() -= 1;
  Bytes n_minus_2 = order;
  n_minus_2.back() -= 2;
  for (const Bytes& bad : {Bytes(32, 0), order, n_minus_1, Bytes(32, 0xff)}) {
    auto r = sm2_sm3().signer_from_private(bad);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
  }
  Bytes one(32, 0);
  one.back() = 1;
  for (const Bytes& good : {one, n_minus_2}) {
    auto r = sm2_sm3().signer_from_private(good);
    ASSERT_TRUE(r.ok()) << r.error().to_string();
    EXPECT_TRUE(sm2_sm3().verify((*r)->public_key(), as_bytes("m"), (*r)->sign(as_bytes("m"))));
  }
}

TEST(Sm2, SeedOutsideScalarRangeStillGivesAKey) {
  auto a = sm2_sm3().signer_from_seed(seed_of(0xff));  // >= n, re-hashed
  auto b = sm2_sm3().signer_from_seed(seed_of(0xff));
  EXPECT_EQ(a->public_key(), b->public_key());
  auto z = sm2_sm3().signer_from_seed(seed_of(0));  // zero, re-hashed
  EXPECT_TRUE(sm2_sm3().verify(z->public_key(), as_bytes("m"), z->sign(as_bytes("m"))));
}

// ---- key files ----------------------------------------------------------------------

class KeyFileTest : public SuiteTest {};

TEST_P(KeyFileTest, PlainRoundTrip) {
  auto s = suite().signer_from_seed(seed_of(21));
  std::string text = encode_key_file(suite(), *s, "");
  EXPECT_NE(text.find("private "), std::string::npos);
  EXPECT_EQ(text.find("cipher "), std::string::npos);
  auto loaded = decode_key_file(text, "");
  ASSERT_TRUE(loaded.ok()) << loaded.error().to_string();
  EXPECT_EQ(loaded->suite, &suite());
  EXPECT_EQ(loaded->signer->public_key(), s->public_key());
  EXPECT_EQ(loaded->signer->private_key(), s->private_key());
}

TEST_P(KeyFileTest, EncryptedRoundTripHidesThePrivateKey) {
  auto s = suite().signer_from_seed(seed_of(22));
  std::string text = encode_key_file(suite(), *s, "correct horse");
  EXPECT_EQ(text.find("private "), std::string::npos);
  EXPECT_NE(text.find("cipher sm4-cbc pbkdf2-sm3 "), std::string::npos);
  EXPECT_EQ(text.find(to_hex(s->private_key())), std::string::npos);
  auto loaded = decode_key_file(text, "correct horse");
  ASSERT_TRUE(loaded.ok()) << loaded.error().to_string();
  EXPECT_EQ(loaded->suite, &suite());
  EXPECT_EQ(loaded->signer->public_key(), s->public_key());
  EXPECT_TRUE(
      suite().verify(s->public_key(), as_bytes("m"), loaded->signer->sign(as_bytes("m"))));
}

TEST_P(KeyFileTest, WrongPassphraseIsInvalidArgument) {
  auto s = suite().signer_from_seed(seed_of(23));
  std::string text = encode_key_file(suite(), *s, "right");
  auto loaded = decode_key_file(text, "wrong");
  ASSERT_FALSE(loaded.ok());
  EXPECT_EQ(loaded.error().code, ErrorCode::kInvalidArgument);
  EXPECT_NE(loaded.error().detail.find("wrong passphrase"), std::string::npos);
}

TEST_P(KeyFileTest, EncryptedFileWithoutPassphraseIsInvalidArgument) {
  auto s = suite().signer_from_seed(seed_of(24));
  auto loaded = decode_key_file(encode_key_file(suite(), *s, "pw"), "");
  ASSERT_FALSE(loaded.ok());
  EXPECT_EQ(loaded.error().code, ErrorCode::kInvalidArgument);
}

TEST_P(KeyFileTest, DamagedFilesRejectedAsMalformed) {
  auto s = suite().signer_from_seed(seed_of(25));
  std::string plain = encode_key_file(suite(), *s, "");
  auto other = suite().signer_from_seed(seed_of(26));
  auto replace = [](std::string t, std::string_view from, std::string_view to) {
    auto p = t.find(from);
    EXPECT_NE(p, std::string::npos) << from;
    if (p != std::string::npos) t.replace(p, from.size(), to);
    return t;
  };
  std::vector<std::string> damaged = {
      "",
      "hello\n",
      plain.substr(0, plain.size() / 2),
      replace(plain, "consortia-key v1", "consortia-kee v1"),
      replace(plain, "suite ", "suit "),
      replace(plain, std::string(suite().name()), "nope-suite"),
      replace(plain, "public ", "publik "),
      replace(plain, "private ", "privat "),
      replace(plain, to_hex(s->public_key()), to_hex(s->public_key()).substr(2)),
      replace(plain, to_hex(s->public_key()), to_hex(other->public_key())),
      replace(plain, to_hex(s->private_key()), to_hex(s->private_key()).substr(1)),
      replace(plain, to_hex(s->private_key()), "zz" + to_hex(s->private_key()).substr(2)),
      replace(plain, to_hex(s->private_key()), to_hex(s->private_key()).substr(2)),
      plain + "extra line\n",
  };
  for (size_t i = 0; i < damaged.size(); ++i) {
    auto r = decode_key_file(damaged[i], "");
    ASSERT_FALSE(r.ok()) << "case " << i;
    EXPECT_EQ(r.error().code, ErrorCode::kMalformed) << "case " << i << ": "
                                                     << r.error().to_string();
  }
}

TEST_P(KeyFileTest, DamagedCipherLineRejected) {
  auto s = suite().signer_from_seed(seed_of(27));
  std::string text = encode_key_file(suite(), *s, "pw");
  auto pos = text.find("cipher ");
  ASSERT_NE(pos, std::string::npos);
  std::string line = text.substr(pos);
  // Malformed fields.
  for (std::string bad : {std::string("cipher aes-cbc pbkdf2-sm3 1 00 00 00\n"),
                          std::string("cipher sm4-cbc pbkdf2-sm3 0 ") + line.substr(line.find(' ', 27)),
                          std::string("cipher sm4-cbc pbkdf2-sm3 x 00 00 00\n"),
                          std::string("cipher sm4-cbc pbkdf2-sm3 99999999999 00 00 00\n")}) {
    auto r = decode_key_file(text.substr(0, pos) + bad, "pw");
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.error().code, ErrorCode::kMalformed) << bad;
  }
  // A flipped ciphertext byte (last hex digit): either the padding or the
  // key check catches it.
  std::string flipped = text;
  size_t last = flipped.find_last_not_of("\n");
  flipped[last] = flipped[last] == '0' ? '1' : '0';
  auto r = decode_key_file(flipped, "pw");
  ASSERT_FALSE(r.ok());
  // Truncated ciphertext.
  auto t = decode_key_file(text.substr(0, last - 1) + "\n", "pw");
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.error().code, ErrorCode::kMalformed);
}

TEST_P(KeyFileTest, ToleratesCrLfAndComments) {
  auto s = suite().signer_from_seed(seed_of(28));
  std::string text = encode_key_file(suite(), *s, "");
  std::string crlf = "# node key\r\n";
  for (char c : text) {
    if (c == '\n') crlf += '\r';
    crlf += c;
  }
  auto r = decode_key_file(crlf, "");
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  EXPECT_EQ(r->signer->public_key(), s->public_key());
}

TEST(KeyFile, UnknownVersionIsUnsupported) {
  auto s = ed25519_sha256().signer_from_seed(seed_of(29));
  std::string text = encode_key_file(ed25519_sha256(), *s, "");
  text.replace(text.find("v1"), 2, "v2");
  auto r = decode_key_file(text, "");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kUnsupportedVersion);
}

INSTANTIATE_TEST_SUITE_P(AllSuites, KeyFileTest,
                         ::testing::Values(&ed25519_sha256(), &sm2_sm3()),
                         suite_param_name);

}  // namespace
}  // namespace consortia
