#include "consensus/validator_set.h"

#include <algorithm>

#include "core/codec.h"
#include "state/leader_activity.h"

namespace consortia {

ValidatorSet::ValidatorSet(const CryptoSuite& suite, std::vector<Validator> members)
    : members_(std::move(members)) {
  Writer w;
  w.raw(as_bytes("consortia/validators/v1"));
  w.varint(members_.size());
  for (size_t i = 0; i < members_.size(); ++i) {
    auto& m = members_[i];
    m.id = suite.node_id(m.public_key);
    index_.emplace(m.id, i);
    w.bytes(m.public_key);
    w.str(m.organisation);
  }
  hash_ = suite.hash(w.data());
  for (const auto& m : members_) by_id_.push_back(&m);
  std::sort(by_id_.begin(), by_id_.end(),
            [](const Validator* a, const Validator* b) { return a->id < b->id; });
}

const Validator* ValidatorSet::find(const NodeId& id) const {
  auto it = index_.find(id);
  return it == index_.end() ? nullptr : &members_[it->second];
}

ValidatorSet validator_set_of(const CryptoSuite& suite, const ChainConfig& config) {
  std::vector<Validator> v;
  for (const Member* m : config.validators())
    v.push_back({m->id, m->public_key, m->name, m->organisation});
  return ValidatorSet(suite, std::move(v));
}

RulesPtr GovernedSchedule::rules(const StateSnapshot& state, uint64_t anchor_height,
                                 uint64_t height) const {
  auto config = config_at(state, anchor_height, configs_);
  if (!config) {
    // A state without configuration cannot come from a valid chain; an empty
    // validator set makes every block at this height invalid.
    static const RulesPtr none = std::make_shared<BlockRules>(
        BlockRules{std::make_shared<ValidatorSet>(), 0, "", ChainParams{}});
    return none;
  }
  auto it = sets_.find(config.get());
  if (it == sets_.end()) {
    if (sets_.size() >= 16) sets_.clear();
    it = sets_.emplace(config.get(), std::make_pair(config, std::make_shared<const ValidatorSet>(
                                                                validator_set_of(suite_, *config))))
             .first;
  }
  const UpgradePlan* plan = nullptr;
  uint32_t version = config->version_at(height, &plan, anchor_height);
  const ChainParams& params = config->params_at(height);
  std::vector<uint32_t> rotation;
  if (version >= LeaderActivity::kFirstVersion) {
    const ValidatorSet& set = *it->second.second;
    auto compute = [&] {
      std::vector<NodeId> ids;
      ids.reserve(set.members().size());
      for (const auto& m : set.members()) ids.push_back(m.id);
      return LeaderActivity::read(state).rotation(ids, height);
    };
    const auto* entry = state.find(LeaderActivity::kKey);
    if (configs_ && entry)
      rotation = *configs_->rotation(entry->leaf, set.hash(), height, compute);
    else
      rotation = compute();
  }
  for (const auto& r : recent_)
    if (r->validators == it->second.second && r->version == version && r->params == params &&
        r->rotation == rotation)
      return r;
  auto r = std::make_shared<const BlockRules>(
      BlockRules{it->second.second, version, plan ? plan->name : "", params, std::move(rotation)});
  if (recent_.size() >= 8) recent_.erase(recent_.begin());
  recent_.push_back(r);
  return r;
}

}  // namespace consortia
