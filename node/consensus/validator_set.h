// The validators that vote at a height, their quorum and leader rotation.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "crypto/crypto_suite.h"

namespace consortia {

struct Validator {
  NodeId id;
  Bytes public_key;
  std::string name;
  std::string organisation;
};

class ValidatorSet {
 public:
  ValidatorSet() = default;
  ValidatorSet(const CryptoSuite& suite, std::vector<Validator> members);

  size_t size() const { return members_.size(); }
  // n - f with f = floor((n-1)/3): any two quorums share an honest validator.
  size_t quorum() const { return members_.size() - max_faulty(); }
  size_t max_faulty() const { return members_.empty() ? 0 : (members_.size() - 1) / 3; }
  const Validator* find(const NodeId& id) const;
  // Members in NodeId order, for walking a certificate's sorted signer list.
  const std::vector<const Validator*>& by_id() const { return by_id_; }
  bool contains(const NodeId& id) const { return find(id) != nullptr; }
  // Round-robin rotation over the genesis order.
  const NodeId& leader(uint64_t view) const { return members_[view % members_.size()].id; }
  const std::vector<Validator>& members() const { return members_; }
  const Hash32& hash() const { return hash_; }

 private:
  std::vector<Validator> members_;
  std::unordered_map<NodeId, size_t> index_;
  std::vector<const Validator*> by_id_;
  Hash32 hash_;
};

// Per-height inputs of the consensus rules. Governance (membership and
// upgrades) changes them at chosen heights; the core asks, never assumes.
class ChainSchedule {
 public:
  virtual ~ChainSchedule() = default;
  virtual const ValidatorSet& validators_at(uint64_t height) const = 0;
  virtual uint32_t protocol_version_at(uint64_t height) const = 0;
  virtual bool supports_protocol(uint32_t version) const = 0;
};

class StaticSchedule final : public ChainSchedule {
 public:
  StaticSchedule(ValidatorSet set, uint32_t version) : set_(std::move(set)), version_(version) {}
  const ValidatorSet& validators_at(uint64_t) const override { return set_; }
  uint32_t protocol_version_at(uint64_t) const override { return version_; }
  bool supports_protocol(uint32_t v) const override { return v == version_; }

 private:
  ValidatorSet set_;
  uint32_t version_;
};

}  // namespace consortia
