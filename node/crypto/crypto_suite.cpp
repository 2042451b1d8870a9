// Crypto suites over OpenSSL 3 EVP. The suite objects are immutable singletons
// shared between threads; contexts are per call or per thread, never shared.
// Message digests are fetched once and kept for the life of the process.
#include "crypto/crypto_suite.h"

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/obj_mac.h>
#include <openssl/param_build.h>
#include <openssl/rand.h>

#include <cstring>
#include <stdexcept>
#include <map>

namespace consortia {
namespace {

// ---- RAII ------------------------------------------------------------------

struct Free {
  void operator()(EVP_MD* p) const { EVP_MD_free(p); }
  void operator()(EVP_MD_CTX* p) const { EVP_MD_CTX_free(p); }
  void operator()(EVP_PKEY* p) const { EVP_PKEY_free(p); }
  void operator()(EVP_PKEY_CTX* p) const { EVP_PKEY_CTX_free(p); }
  void operator()(BIGNUM* p) const { BN_free(p); }
  void operator()(BN_CTX* p) const { BN_CTX_free(p); }
  void operator()(EC_GROUP* p) const { EC_GROUP_free(p); }
  void operator()(EC_POINT* p) const { EC_POINT_free(p); }
  void operator()(ECDSA_SIG* p) const { ECDSA_SIG_free(p); }
  void operator()(OSSL_PARAM_BLD* p) const { OSSL_PARAM_BLD_free(p); }
  void operator()(OSSL_PARAM* p) const { OSSL_PARAM_free(p); }
};
template <class T>
using Ptr = std::unique_ptr<T, Free>;

[[noreturn]] void crypto_failure(const char* what) {
  unsigned long e = ERR_get_error();
  char buf[256] = {0};
  if (e) ERR_error_string_n(e, buf, sizeof buf);
  ERR_clear_error();
  throw std::runtime_error(std::string("OpenSSL failure in ") + what + (e ? ": " : "") + buf);
}

// Fetched once (thread-safe static initialisation); EVP_MD objects are
// immutable and may be shared by any number of threads.
struct Digests {
  Ptr<EVP_MD> sha256{EVP_MD_fetch(nullptr, "SHA2-256", nullptr)};
  Ptr<EVP_MD> sm3{EVP_MD_fetch(nullptr, "SM3", nullptr)};
};
const Digests& digests() {
  static const Digests d = [] {
    Digests x;
    if (!x.sha256 || !x.sm3) crypto_failure("EVP_MD_fetch");
    return x;
  }();
  return d;
}

Hash32 digest(const EVP_MD* md, ByteView data) {
  // One context per thread, reused: EVP_Digest allocates, initialises and
  // frees a context on every call, which costs more than hashing the short
  // inputs a state trie hashes by the million.
  thread_local Ptr<EVP_MD_CTX> ctx(EVP_MD_CTX_new());
  Hash32 h;
  unsigned int n = 0;
  static const uint8_t kEmpty = 0;
  const uint8_t* p = data.empty() ? &kEmpty : data.data();
  if (!ctx || EVP_DigestInit_ex2(ctx.get(), md, nullptr) != 1 ||
      EVP_DigestUpdate(ctx.get(), p, data.size()) != 1 ||
      EVP_DigestFinal_ex(ctx.get(), h.v.data(), &n) != 1 || n != 32)
    crypto_failure("EVP_DigestFinal_ex");
  return h;
}

Bytes random_bytes(size_t n) {
  Bytes b(n);
  if (RAND_bytes(b.data(), static_cast<int>(n)) != 1) crypto_failure("RAND_bytes");
  return b;
}

// ---- Ed25519 -----------------------------------------------------------------

constexpr size_t kEdKey = 32;
constexpr size_t kEdSig = 64;

class Ed25519Signer final : public Signer {
 public:
  Ed25519Signer(Ptr<EVP_PKEY> key, Bytes pub, Bytes seed)
      : key_(std::move(key)), pub_(std::move(pub)), seed_(std::move(seed)) {}
  ~Ed25519Signer() override { OPENSSL_cleanse(seed_.data(), seed_.size()); }

  Bytes sign(ByteView msg) const override {
    Ptr<EVP_MD_CTX> ctx(EVP_MD_CTX_new());
    if (!ctx) crypto_failure("EVP_MD_CTX_new");
    if (EVP_DigestSignInit(ctx.get(), nullptr, nullptr, nullptr, key_.get()) != 1)
      crypto_failure("EVP_DigestSignInit(ed25519)");
    Bytes sig(kEdSig);
    size_t len = sig.size();
    static const uint8_t kEmpty = 0;
    if (EVP_DigestSign(ctx.get(), sig.data(), &len, msg.empty() ? &kEmpty : msg.data(),
                       msg.size()) != 1 ||
        len != kEdSig)
      crypto_failure("EVP_DigestSign(ed25519)");
    return sig;
  }
  const Bytes& public_key() const override { return pub_; }
  Bytes private_key() const override { return seed_; }

 private:
  Ptr<EVP_PKEY> key_;
  Bytes pub_;
  Bytes seed_;
};

// Public keys decoded for verification, per thread: a node verifies the
// same senders' and validators' keys again and again, and decoding a key
// (a provider lookup and an allocation) costs about 4 % of a verification.
// An ordered map, not a hash table: the keys are chosen by whoever signs, so
// they must not be able to fall into one bucket. Bounded: forgotten
// wholesale when full. Null for bytes that are no key.
EVP_PKEY* public_key_of(ByteView raw) {
  thread_local std::map<Hash32, Ptr<EVP_PKEY>> keys;
  Hash32 k;
  std::memcpy(k.v.data(), raw.data(), kEdKey);
  if (auto it = keys.find(k); it != keys.end()) return it->second.get();
  Ptr<EVP_PKEY> key(EVP_PKEY_new_raw_public_key_ex(nullptr, "ED25519", nullptr, raw.data(), raw.size()));
  if (!key) {
    ERR_clear_error();
    return nullptr;
  }
  if (keys.size() >= 512) keys.clear();
  return keys.emplace(k, std::move(key)).first->second.get();
}

class Ed25519Suite final : public CryptoSuite {
 public:
  SuiteId id() const override { return SuiteId::kEd25519Sha256; }
  std::string_view name() const override { return "ed25519-sha256"; }
  Hash32 hash(ByteView data) const override { return digest(digests().sha256.get(), data); }

  bool verify(ByteView public_key, ByteView msg, ByteView signature) const override {
    if (public_key.size() != kEdKey || signature.size() != kEdSig) return false;
    EVP_PKEY* key = public_key_of(public_key);
    if (!key) return false;
    // One verification context per thread, reset between uses.
    thread_local Ptr<EVP_MD_CTX> ctx;
    if (!ctx) ctx.reset(EVP_MD_CTX_new());  // again next time if this fails
    if (!ctx) crypto_failure("EVP_MD_CTX_new");
    EVP_MD_CTX_reset(ctx.get());
    bool ok = EVP_DigestVerifyInit(ctx.get(), nullptr, nullptr, nullptr, key) == 1;
    static const uint8_t kEmpty = 0;
    ok = ok && EVP_DigestVerify(ctx.get(), signature.data(), signature.size(),
                                msg.empty() ? &kEmpty : msg.data(), msg.size()) == 1;
    if (!ok) ERR_clear_error();
    return ok;
  }

  std::unique_ptr<Signer> signer_from_seed(const Hash32& seed) const override {
    auto s = make(seed.view());
    if (!s) crypto_failure("ed25519 key from seed");
    return s;
  }

  Result<std::unique_ptr<Signer>> signer_from_private(ByteView private_key) const override {
    if (private_key.size() != kEdKey)
      return make_error(ErrorCode::kInvalidArgument,
                        "ed25519 private key must be 32 bytes, got " +
                            std::to_string(private_key.size()));
    auto s = make(private_key);
    if (!s) return make_error(ErrorCode::kCrypto, "ed25519: could not load private key");
    return std::unique_ptr<Signer>(std::move(s));
  }

  std::unique_ptr<Signer> generate() const override {
    Bytes seed = random_bytes(kEdKey);
    auto s = make(seed);
    OPENSSL_cleanse(seed.data(), seed.size());
    if (!s) crypto_failure("ed25519 generate");
    return s;
  }

  size_t public_key_size() const override { return kEdKey; }
  size_t signature_size() const override { return kEdSig; }

 private:
  static std::unique_ptr<Signer> make(ByteView seed) {
    Ptr<EVP_PKEY> key(
        EVP_PKEY_new_raw_private_key_ex(nullptr, "ED25519", nullptr, seed.data(), seed.size()));
    if (!key) {
      ERR_clear_error();
      return nullptr;
    }
    Bytes pub(kEdKey);
    size_t len = pub.size();
    if (EVP_PKEY_get_raw_public_key(key.get(), pub.data(), &len) != 1 || len != kEdKey) {
      ERR_clear_error();
      return nullptr;
    }
    return std::make_unique<Ed25519Signer>(std::move(key), std::move(pub),
                                           Bytes(seed.begin(), seed.end()));
  }
};

// ---- SM2 ---------------------------------------------------------------------

constexpr size_t kSm2Scalar = 32;
constexpr size_t kSm2Pub = 65;  // 0x04 || x || y
constexpr size_t kSm2Sig = 64;  // r || s

// The SM2 group and its order, built once; both are only read afterwards.
struct Sm2Curve {
  Ptr<EC_GROUP> group{EC_GROUP_new_by_curve_name(NID_sm2)};
  Ptr<BIGNUM> order{BN_new()};
  Ptr<BIGNUM> order_minus_1{BN_new()};
};
const Sm2Curve& sm2_curve() {
  static const Sm2Curve c = [] {
    Sm2Curve x;
    if (!x.group || !x.order || !x.order_minus_1) crypto_failure("SM2 group");
    if (EC_GROUP_get_order(x.group.get(), x.order.get(), nullptr) != 1)
      crypto_failure("EC_GROUP_get_order");
    if (!BN_copy(x.order_minus_1.get(), x.order.get()) || !BN_sub_word(x.order_minus_1.get(), 1))
      crypto_failure("BN_sub_word");
    return x;
  }();
  return c;
}

// A private scalar must lie in [1, n-2] (SM2 signing uses (1 + d)^-1).
bool sm2_scalar_in_range(const BIGNUM* d) {
  return !BN_is_zero(d) && !BN_is_negative(d) && BN_cmp(d, sm2_curve().order_minus_1.get()) < 0;
}

// Builds an EVP_PKEY from a public point and, optionally, the private scalar.
Ptr<EVP_PKEY> sm2_pkey(ByteView pub, const BIGNUM* priv) {
  Ptr<OSSL_PARAM_BLD> bld(OSSL_PARAM_BLD_new());
  if (!bld) return nullptr;
  if (OSSL_PARAM_BLD_push_utf8_string(bld.get(), OSSL_PKEY_PARAM_GROUP_NAME, "SM2", 0) != 1 ||
      OSSL_PARAM_BLD_push_octet_string(bld.get(), OSSL_PKEY_PARAM_PUB_KEY, pub.data(),
                                       pub.size()) != 1)
    return nullptr;
  if (priv && OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_PRIV_KEY, priv) != 1)
    return nullptr;
  Ptr<OSSL_PARAM> params(OSSL_PARAM_BLD_to_param(bld.get()));
  if (!params) return nullptr;
  Ptr<EVP_PKEY_CTX> ctx(EVP_PKEY_CTX_new_from_name(nullptr, "SM2", nullptr));
  if (!ctx || EVP_PKEY_fromdata_init(ctx.get()) != 1) return nullptr;
  EVP_PKEY* raw = nullptr;
  if (EVP_PKEY_fromdata(ctx.get(), &raw, priv ? EVP_PKEY_KEYPAIR : EVP_PKEY_PUBLIC_KEY,
                        params.get()) != 1)
    return nullptr;
  return Ptr<EVP_PKEY>(raw);
}

// Digest-sign/verify context with the signer ID bound before initialisation
// (the ID enters the Z value that SM2 hashes in front of the message).
// The pkey ctx is owned by the caller: EVP_MD_CTX_set_pkey_ctx does not take it.
struct Sm2Ctx {
  Ptr<EVP_PKEY_CTX> pctx;
  Ptr<EVP_MD_CTX> mctx;  // declared last: freed first, while pctx still lives
};

bool sm2_init(Sm2Ctx& c, EVP_PKEY* key, std::string_view id, bool sign) {
  c.pctx.reset(EVP_PKEY_CTX_new_from_pkey(nullptr, key, nullptr));
  c.mctx.reset(EVP_MD_CTX_new());
  if (!c.pctx || !c.mctx) return false;
  if (EVP_PKEY_CTX_set1_id(c.pctx.get(), id.data(), id.size()) <= 0) return false;
  EVP_MD_CTX_set_pkey_ctx(c.mctx.get(), c.pctx.get());
  const EVP_MD* md = digests().sm3.get();
  int rc = sign ? EVP_DigestSignInit(c.mctx.get(), nullptr, md, nullptr, key)
                : EVP_DigestVerifyInit(c.mctx.get(), nullptr, md, nullptr, key);
  return rc == 1;
}

Bytes sm2_sign(EVP_PKEY* key, ByteView msg, std::string_view id) {
  Sm2Ctx c;
  if (!sm2_init(c, key, id, true)) crypto_failure("SM2 sign init");
  if (!msg.empty() && EVP_DigestSignUpdate(c.mctx.get(), msg.data(), msg.size()) != 1)
    crypto_failure("EVP_DigestSignUpdate(sm2)");
  size_t len = 0;
  if (EVP_DigestSignFinal(c.mctx.get(), nullptr, &len) != 1) crypto_failure("SM2 sign size");
  Bytes der(len);
  if (EVP_DigestSignFinal(c.mctx.get(), der.data(), &len) != 1) crypto_failure("SM2 sign");
  der.resize(len);
  const unsigned char* p = der.data();
  Ptr<ECDSA_SIG> sig(d2i_ECDSA_SIG(nullptr, &p, static_cast<long>(der.size())));
  if (!sig) crypto_failure("d2i_ECDSA_SIG");
  const BIGNUM* r = nullptr;
  const BIGNUM* s = nullptr;
  ECDSA_SIG_get0(sig.get(), &r, &s);
  Bytes out(kSm2Sig);
  if (BN_bn2binpad(r, out.data(), 32) != 32 || BN_bn2binpad(s, out.data() + 32, 32) != 32)
    crypto_failure("SM2 signature to r||s");
  return out;
}

bool sm2_verify(ByteView public_key, ByteView msg, ByteView signature, std::string_view id) {
  if (public_key.size() != kSm2Pub || public_key[0] != 0x04 || signature.size() != kSm2Sig)
    return false;
  const Sm2Curve& curve = sm2_curve();
  Ptr<BIGNUM> r(BN_bin2bn(signature.data(), 32, nullptr));
  Ptr<BIGNUM> s(BN_bin2bn(signature.data() + 32, 32, nullptr));
  if (!r || !s) crypto_failure("BN_bin2bn");
  if (BN_is_zero(r.get()) || BN_is_zero(s.get()) || BN_cmp(r.get(), curve.order.get()) >= 0 ||
      BN_cmp(s.get(), curve.order.get()) >= 0)
    return false;
  Ptr<ECDSA_SIG> sig(ECDSA_SIG_new());
  if (!sig) crypto_failure("ECDSA_SIG_new");
  if (ECDSA_SIG_set0(sig.get(), r.get(), s.get()) != 1) crypto_failure("ECDSA_SIG_set0");
  r.release();  // now owned by sig
  s.release();
  unsigned char* der = nullptr;
  int der_len = i2d_ECDSA_SIG(sig.get(), &der);
  if (der_len <= 0) crypto_failure("i2d_ECDSA_SIG");
  Bytes der_bytes(der, der + der_len);
  OPENSSL_free(der);

  Ptr<EVP_PKEY> key = sm2_pkey(public_key, nullptr);  // rejects points off the curve
  if (!key) {
    ERR_clear_error();
    return false;
  }
  Sm2Ctx c;
  bool ok = sm2_init(c, key.get(), id, false);
  ok = ok && (msg.empty() || EVP_DigestVerifyUpdate(c.mctx.get(), msg.data(), msg.size()) == 1);
  ok = ok && EVP_DigestVerifyFinal(c.mctx.get(), der_bytes.data(), der_bytes.size()) == 1;
  if (!ok) ERR_clear_error();
  return ok;
}

class Sm2Signer final : public Signer {
 public:
  Sm2Signer(Ptr<EVP_PKEY> key, Bytes pub, Bytes priv)
      : key_(std::move(key)), pub_(std::move(pub)), priv_(std::move(priv)) {}
  ~Sm2Signer() override { OPENSSL_cleanse(priv_.data(), priv_.size()); }
  Bytes sign(ByteView msg) const override { return sm2_sign(key_.get(), msg, kSm2DefaultId); }
  const Bytes& public_key() const override { return pub_; }
  Bytes private_key() const override { return priv_; }
  EVP_PKEY* pkey() const { return key_.get(); }

 private:
  Ptr<EVP_PKEY> key_;
  Bytes pub_;
  Bytes priv_;
};

// Builds a signer from a 32-byte big-endian scalar; nullptr if out of range.
std::unique_ptr<Sm2Signer> sm2_make(ByteView scalar) {
  if (scalar.size() != kSm2Scalar) return nullptr;
  const Sm2Curve& curve = sm2_curve();
  Ptr<BIGNUM> d(BN_secure_new());
  if (!d || !BN_bin2bn(scalar.data(), static_cast<int>(scalar.size()), d.get()))
    crypto_failure("BN_bin2bn");
  BN_set_flags(d.get(), BN_FLG_CONSTTIME);
  if (!sm2_scalar_in_range(d.get())) return nullptr;
  Ptr<BN_CTX> bctx(BN_CTX_new());
  Ptr<EC_POINT> point(EC_POINT_new(curve.group.get()));
  if (!bctx || !point) crypto_failure("EC_POINT_new");
  if (EC_POINT_mul(curve.group.get(), point.get(), d.get(), nullptr, nullptr, bctx.get()) != 1)
    crypto_failure("EC_POINT_mul");
  Bytes pub(kSm2Pub);
  if (EC_POINT_point2oct(curve.group.get(), point.get(), POINT_CONVERSION_UNCOMPRESSED,
                         pub.data(), pub.size(), bctx.get()) != kSm2Pub)
    crypto_failure("EC_POINT_point2oct");
  Ptr<EVP_PKEY> key = sm2_pkey(pub, d.get());
  if (!key) crypto_failure("EVP_PKEY_fromdata(sm2)");
  return std::make_unique<Sm2Signer>(std::move(key), std::move(pub),
                                     Bytes(scalar.begin(), scalar.end()));
}

class Sm2Suite final : public CryptoSuite {
 public:
  SuiteId id() const override { return SuiteId::kSm2Sm3; }
  std::string_view name() const override { return "sm2-sm3"; }
  Hash32 hash(ByteView data) const override { return digest(digests().sm3.get(), data); }

  bool verify(ByteView public_key, ByteView msg, ByteView signature) const override {
    return sm2_verify(public_key, msg, signature, kSm2DefaultId);
  }

  // The seed itself if it is a valid scalar, else SM3 of it, repeatedly:
  // deterministic and (with overwhelming probability) one step.
  std::unique_ptr<Signer> signer_from_seed(const Hash32& seed) const override {
    Hash32 candidate = seed;
    for (int i = 0; i < 1000; ++i) {
      if (auto s = sm2_make(candidate.view())) return s;
      candidate = sm3(candidate.view());
    }
    crypto_failure("SM2 key from seed");
  }

  Result<std::unique_ptr<Signer>> signer_from_private(ByteView private_key) const override {
    if (private_key.size() != kSm2Scalar)
      return make_error(ErrorCode::kInvalidArgument,
                        "sm2 private key must be 32 bytes, got " +
                            std::to_string(private_key.size()));
    auto s = sm2_make(private_key);
    if (!s)
      return make_error(ErrorCode::kInvalidArgument, "sm2 private key out of range [1, n-2]");
    return std::unique_ptr<Signer>(std::move(s));
  }

  std::unique_ptr<Signer> generate() const override {
    for (;;) {
      Bytes d = random_bytes(kSm2Scalar);
      auto s = sm2_make(d);
      OPENSSL_cleanse(d.data(), d.size());
      if (s) return s;
    }
  }

  size_t public_key_size() const override { return kSm2Pub; }
  size_t signature_size() const override { return kSm2Sig; }
};

}  // namespace

const CryptoSuite& ed25519_sha256() {
  static const Ed25519Suite s;
  return s;
}

const CryptoSuite& sm2_sm3() {
  static const Sm2Suite s;
  return s;
}

Result<const CryptoSuite*> suite_by_name(std::string_view name) {
  if (name == ed25519_sha256().name()) return &ed25519_sha256();
  if (name == sm2_sm3().name()) return &sm2_sm3();
  return make_error(ErrorCode::kInvalidArgument,
                    "unknown crypto suite '" + std::string(name) +
                        "' (known: ed25519-sha256, sm2-sm3)");
}

Result<const CryptoSuite*> suite_by_id(uint8_t id) {
  switch (static_cast<SuiteId>(id)) {
    case SuiteId::kEd25519Sha256: return &ed25519_sha256();
    case SuiteId::kSm2Sm3: return &sm2_sm3();
  }
  return make_error(ErrorCode::kUnsupportedVersion,
                    "unknown crypto suite id " + std::to_string(id) +
                        " (known: 1 = ed25519-sha256, 2 = sm2-sm3)");
}

Hash32 sha256(ByteView data) { return digest(digests().sha256.get(), data); }
Hash32 sm3(ByteView data) { return digest(digests().sm3.get(), data); }

Bytes sm2_sign_with_id(const Signer& signer, ByteView msg, std::string_view id) {
  if (auto* s = dynamic_cast<const Sm2Signer*>(&signer)) return sm2_sign(s->pkey(), msg, id);
  return {};
}

bool sm2_verify_with_id(ByteView public_key, ByteView msg, ByteView signature,
                        std::string_view id) {
  return sm2_verify(public_key, msg, signature, id);
}

}  // namespace consortia
