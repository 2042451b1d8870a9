// The simulator's view of a crypto suite. It counts every signature, check
// and hashed byte so the virtual clock can charge each node for them. In
// modelled mode signing and checking are replaced by a keyed 64-bit tag over
// the message (a real check still happens: a wrong key, a forged or corrupted
// signature fails), which lets 101+ nodes run on one machine; the clock charges
// the real suite's measured cost either way.
#pragma once

#include <unordered_map>
#include <unordered_set>

#include "consensus/certificates.h"
#include "crypto/crypto_suite.h"

namespace consortia::sim {

struct CryptoCosts {
  int64_t sign_us;
  int64_t verify_us;
  double hash_ns_per_byte;
  static CryptoCosts for_suite(SuiteId id);
};

struct CryptoCounters {
  uint64_t signs = 0;
  uint64_t verifies = 0;
  uint64_t hashed_bytes = 0;
};

class SimCrypto final : public CryptoSuite {
 public:
  SimCrypto(const CryptoSuite& real, bool modelled) : real_(real), modelled_(modelled) {}

  SuiteId id() const override { return real_.id(); }
  std::string_view name() const override { return real_.name(); }
  Hash32 hash(ByteView data) const override;
  bool verify(ByteView public_key, ByteView msg, ByteView signature) const override;
  std::unique_ptr<Signer> signer_from_seed(const Hash32& seed) const override;
  Result<std::unique_ptr<Signer>> signer_from_private(ByteView private_key) const override;
  std::unique_ptr<Signer> generate() const override;
  size_t public_key_size() const override { return modelled_ ? 32 : real_.public_key_size(); }
  size_t signature_size() const override { return real_.signature_size(); }

  bool modelled() const { return modelled_; }
  const CryptoCounters& counters() const { return counters_; }
  void charge_verifies(uint64_t n) const { counters_.verifies += n; }
  void charge_hashed(uint64_t bytes) const { counters_.hashed_bytes += bytes; }
  // Live networks of 100+ nodes on one machine: a real signature found valid
  // once is not checked again by the next node that receives the same bytes
  // (each check is still charged to the node's clock).
  void share_verifications(bool on) { share_ = on; }

 private:
  friend class ModelledSigner;
  friend class CountingSigner;
  const CryptoSuite& real_;
  bool modelled_;
  mutable CryptoCounters counters_;
  mutable std::unordered_map<Hash32, uint64_t> secrets_;  // modelled public key -> secret
  bool share_ = false;
  mutable std::unordered_set<Hash32> verified_;  // digests of (key, message, signature) found valid
};

// The certificate memo the simulator's nodes share. A hit charges the node
// for every signature it would have checked.
class SimCertificateMemo final : public CertificateMemo {
 public:
  // With real signatures a certificate is checked by every node, as it would
  // be on its own host, unless `share_real`: then the bytes of a certificate
  // found valid once are not checked again in this process (live networks
  // of 100+ nodes on one machine).
  explicit SimCertificateMemo(SimCrypto& crypto, bool share_real = false)
      : crypto_(crypto), share_real_(share_real) {}
  bool seen(const ValidatorSet& set, const QuorumCertificate& qc) override;
  void remember(const ValidatorSet& set, const QuorumCertificate& qc) override;
  uint64_t hits() const { return hits_; }

 private:
  static uint64_t key(const ValidatorSet& set, const QuorumCertificate& qc);
  bool seen_before(const ValidatorSet& set, const QuorumCertificate& qc);
  SimCrypto& crypto_;
  bool share_real_;
  std::unordered_map<uint64_t, uint64_t> seen_;  // key -> view, pruned by view
  // Certificates found valid, by their shared vote list: the simulated nodes
  // pass one another the same objects, so most checks are of a copy that
  // shares the list with one checked before, and need no encoding to key it.
  struct Shared {
    std::shared_ptr<const std::vector<SignerEntry>> votes;  // held: its contents stay as checked
    Hash32 set_hash, block_hash;
    uint64_t view = 0, height = 0;
  };
  std::unordered_map<const void*, Shared> shared_;
  uint64_t hits_ = 0;
  uint64_t max_view_ = 0;
};

}  // namespace consortia::sim
