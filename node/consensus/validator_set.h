// The validators that vote at a height, their quorum and leader rotation.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "crypto/crypto_suite.h"
#include "ledger/quorum.h"
#include "state/governance.h"
#include "state/state.h"

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
  // ledger/quorum.h: any two quorums share an honest validator.
  size_t quorum() const { return quorum_size(members_.size()); }
  size_t max_faulty() const { return consortia::max_faulty(members_.size()); }
  const Validator* find(const NodeId& id) const;
  // Members in NodeId order, for walking a certificate's sorted signer list.
  const std::vector<const Validator*>& by_id() const { return by_id_; }
  bool contains(const NodeId& id) const { return find(id) != nullptr; }
  // Round-robin rotation over the genesis order (BlockRules::leader may
  // narrow it to the validators with a good record).
  const NodeId& leader(uint64_t view) const { return members_[view % members_.size()].id; }
  const std::vector<Validator>& members() const { return members_; }
  const Hash32& hash() const { return hash_; }

 private:
  std::vector<Validator> members_;
  std::unordered_map<NodeId, size_t> index_;
  std::vector<const Validator*> by_id_;
  Hash32 hash_;
};

// The consensus rules for one block: who votes, which protocol version it
// must carry and the chain parameters. They come from the chain
// configuration at the block's anchor (state/governance.h).
struct BlockRules {
  std::shared_ptr<const ValidatorSet> validators;
  uint32_t version = 1;
  std::string plan;  // the upgrade plan that introduced `version`; empty for genesis
  ChainParams params;
  // Leader reputation (protocol 3 on): the members that may lead, as indices
  // into validators->members(); empty: every member in turn.
  std::vector<uint32_t> rotation;

  // The leader of `view` for a block with these rules.
  const NodeId& leader(uint64_t view) const {
    if (rotation.empty()) return validators->leader(view);
    return validators->members()[rotation[view % rotation.size()]].id;
  }
};
using RulesPtr = std::shared_ptr<const BlockRules>;

class ChainSchedule {
 public:
  virtual ~ChainSchedule() = default;
  // Rules for the block at `height` whose anchor is at `anchor_height`.
  // `state` is any state of the same chain at or above the anchor (the
  // block's parent's, in practice): it keeps the configuration history.
  virtual RulesPtr rules(const StateSnapshot& state, uint64_t anchor_height,
                         uint64_t height) const = 0;
  // Whether this software implements a protocol version.
  virtual bool supports_protocol(uint32_t version) const = 0;
};

// Fixed rules (tests of the consensus core).
class StaticSchedule final : public ChainSchedule {
 public:
  StaticSchedule(ValidatorSet set, uint32_t version, ChainParams params = {})
      : rules_(std::make_shared<BlockRules>(
            BlockRules{std::make_shared<ValidatorSet>(std::move(set)), version, "", params})) {}
  RulesPtr rules(const StateSnapshot&, uint64_t, uint64_t) const override { return rules_; }
  bool supports_protocol(uint32_t v) const override { return v == rules_->version; }

 private:
  RulesPtr rules_;
};

// Rules read from the governed chain configuration in the state.
class GovernedSchedule final : public ChainSchedule {
 public:
  // `configs`: decoded configurations (validator sets are built once per
  // configuration, so give one unless the schedule is short-lived).
  GovernedSchedule(const CryptoSuite& suite, uint32_t min_version, uint32_t max_version,
                   ConfigCache* configs = nullptr)
      : suite_(suite), min_version_(min_version), max_version_(max_version), configs_(configs) {}
  RulesPtr rules(const StateSnapshot& state, uint64_t anchor_height,
                 uint64_t height) const override;
  bool supports_protocol(uint32_t v) const override {
    return v >= min_version_ && v <= max_version_;
  }

 private:
  const CryptoSuite& suite_;
  uint32_t min_version_, max_version_;
  ConfigCache* configs_;
  // Validator sets built per configuration, and the rules handed out last.
  mutable std::map<const ChainConfig*, std::pair<std::shared_ptr<const ChainConfig>,
                                                 std::shared_ptr<const ValidatorSet>>> sets_;
  mutable std::vector<RulesPtr> recent_;
};

ValidatorSet validator_set_of(const CryptoSuite& suite, const ChainConfig& config);

}  // namespace consortia
