#include "sim/sim_crypto.h"

#include <cstring>

#include "core/codec.h"

namespace consortia::sim {
namespace {

uint64_t mix(uint64_t secret, ByteView msg) {
  // Keyed, word-at-a-time multiply-xorshift over the message (not a MAC for
  // an adversary outside the simulator: only simulated nodes sign).
  uint64_t h = secret ^ (msg.size() * 0x9E3779B97F4A7C15ULL);
  size_t i = 0;
  for (; i + 8 <= msg.size(); i += 8) {
    uint64_t w;
    std::memcpy(&w, msg.data() + i, 8);
    h = (h ^ w) * 0xBF58476D1CE4E5B9ULL;
    h ^= h >> 31;
  }
  uint64_t tail = 0;
  std::memcpy(&tail, msg.data() + i, msg.size() - i);
  h = (h ^ tail ^ secret) * 0x94D049BB133111EBULL;
  h ^= h >> 29;
  h *= 0xBF58476D1CE4E5B9ULL;
  return h ^ (h >> 32);
}

void tag_into(uint64_t secret, ByteView msg, uint8_t* out, size_t size) {
  uint64_t t = mix(secret, msg);
  for (size_t i = 0; i < size; i += 8) {
    uint64_t w = t ^ (i * 0x9E3779B97F4A7C15ULL);
    std::memcpy(out + i, &w, std::min<size_t>(8, size - i));
  }
}

Bytes tag_signature(uint64_t secret, ByteView msg, size_t size) {
  Bytes sig(size, 0);
  tag_into(secret, msg, sig.data(), size);
  return sig;
}

}  // namespace

CryptoCosts CryptoCosts::for_suite(SuiteId id) {
  // Measured on the reference machine (docs/benchmarks.md, `openssl speed`).
  if (id == SuiteId::kSm2Sm3) return {231, 206, 3.0};
  return {22, 59, 2.0};
}

class ModelledSigner final : public Signer {
 public:
  ModelledSigner(const SimCrypto& suite, const Hash32& seed) : suite_(suite) {
    Hash32 pk = suite.real_.hash(seed.view());
    public_key_.assign(pk.v.begin(), pk.v.end());
    std::memcpy(&secret_, seed.v.data(), sizeof secret_);
    secret_ |= 1;
    seed_.assign(seed.v.begin(), seed.v.end());
    suite.secrets_[pk] = secret_;
  }
  Bytes sign(ByteView msg) const override {
    ++suite_.counters_.signs;
    return tag_signature(secret_, msg, suite_.signature_size());
  }
  const Bytes& public_key() const override { return public_key_; }
  Bytes private_key() const override { return seed_; }

 private:
  const SimCrypto& suite_;
  Bytes public_key_;
  Bytes seed_;
  uint64_t secret_ = 0;
};

class CountingSigner final : public Signer {
 public:
  CountingSigner(const SimCrypto& suite, std::unique_ptr<Signer> inner)
      : suite_(suite), inner_(std::move(inner)) {}
  Bytes sign(ByteView msg) const override {
    ++suite_.counters_.signs;
    return inner_->sign(msg);
  }
  const Bytes& public_key() const override { return inner_->public_key(); }
  Bytes private_key() const override { return inner_->private_key(); }

 private:
  const SimCrypto& suite_;
  std::unique_ptr<Signer> inner_;
};

Hash32 SimCrypto::hash(ByteView data) const {
  counters_.hashed_bytes += data.size();
  return real_.hash(data);
}

bool SimCrypto::verify(ByteView public_key, ByteView msg, ByteView signature) const {
  ++counters_.verifies;
  if (!modelled_ && share_) {
    Bytes all;
    all.reserve(public_key.size() + msg.size() + signature.size() + 24);
    for (ByteView part : {public_key, signature, msg}) {  // length-prefixed: no two splits alike
      uint64_t n = part.size();
      for (int b = 0; b < 8; ++b) all.push_back(static_cast<uint8_t>(n >> (8 * b)));
      all.insert(all.end(), part.begin(), part.end());
    }
    Hash32 key = real_.hash(all);  // not charged: the real node would not do this
    if (verified_.count(key)) return true;
    if (!real_.verify(public_key, msg, signature)) return false;
    if (verified_.size() > 2'000'000) verified_.clear();
    verified_.insert(key);
    return true;
  }
  if (!modelled_) return real_.verify(public_key, msg, signature);
  if (public_key.size() != 32 || signature.size() != signature_size() || signature.size() > 128)
    return false;
  auto it = secrets_.find(Hash32::from(public_key));
  if (it == secrets_.end()) return false;
  uint8_t expect[128];
  tag_into(it->second, msg, expect, signature.size());
  return std::memcmp(expect, signature.data(), signature.size()) == 0;
}

std::unique_ptr<Signer> SimCrypto::signer_from_seed(const Hash32& seed) const {
  if (modelled_) return std::make_unique<ModelledSigner>(*this, seed);
  return std::make_unique<CountingSigner>(*this, real_.signer_from_seed(seed));
}

Result<std::unique_ptr<Signer>> SimCrypto::signer_from_private(ByteView private_key) const {
  if (modelled_) {
    if (private_key.size() != 32)
      return make_error(ErrorCode::kInvalidArgument, "modelled key must be 32 bytes");
    return std::unique_ptr<Signer>(std::make_unique<ModelledSigner>(*this, Hash32::from(private_key)));
  }
  auto s = real_.signer_from_private(private_key);
  if (!s) return s.error();
  return std::unique_ptr<Signer>(std::make_unique<CountingSigner>(*this, std::move(*s)));
}

std::unique_ptr<Signer> SimCrypto::generate() const {
  if (modelled_) {
    static uint64_t counter = 0;
    Hash32 seed = real_.hash(as_bytes("modelled-key-" + std::to_string(++counter)));
    return std::make_unique<ModelledSigner>(*this, seed);
  }
  return std::make_unique<CountingSigner>(*this, real_.generate());
}

uint64_t SimCertificateMemo::key(const ValidatorSet& set, const QuorumCertificate& qc) {
  Writer w;
  w.hash(set.hash());
  qc.encode(w);
  // Two independent 64-bit digests of everything the check depends on.
  return mix(0x243F6A8885A308D3ULL, w.data()) ^ (mix(0x13198A2E03707344ULL, w.data()) << 1);
}

bool SimCertificateMemo::seen_before(const ValidatorSet& set, const QuorumCertificate& qc) {
  auto votes = qc.votes.buffer();
  if (votes) {
    auto it = shared_.find(votes.get());
    if (it != shared_.end()) {
      const Shared& s = it->second;
      if (s.set_hash == set.hash() && s.view == qc.view && s.height == qc.height && s.block_hash == qc.block_hash)
        return true;
    }
  }
  return seen_.count(key(set, qc)) > 0;
}

bool SimCertificateMemo::seen(const ValidatorSet& set, const QuorumCertificate& qc) {
  if (!crypto_.modelled() && !share_real_) return false;  // with real signatures, check for real
  if (!seen_before(set, qc)) return false;
  ++hits_;
  crypto_.charge_verifies(qc.votes.size());
  return true;
}

void SimCertificateMemo::remember(const ValidatorSet& set, const QuorumCertificate& qc) {
  if (!crypto_.modelled() && !share_real_) return;
  seen_[key(set, qc)] = qc.view;
  if (auto votes = qc.votes.buffer())
    shared_[votes.get()] = Shared{votes, set.hash(), qc.block_hash, qc.view, qc.height};
  if (qc.view > max_view_) max_view_ = qc.view;
  if (seen_.size() > 4096)
    std::erase_if(seen_, [&](const auto& kv) { return kv.second + 64 < max_view_; });
  if (shared_.size() > 4096)
    std::erase_if(shared_, [&](const auto& kv) { return kv.second.view + 64 < max_view_; });
}

}  // namespace consortia::sim
