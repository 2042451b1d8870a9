#include "state/governance.h"

#include <algorithm>
#include <cstdio>
#include <map>

#include "ledger/quorum.h"
#include "state/state.h"

namespace consortia {
Status ChainParams::validate() const {
  auto bad = [](std::string what) { return make_error(ErrorCode::kInvalidArgument, what); };
  if (max_block_txs < 1 || max_block_txs > 20000) return bad("max_block_txs outside 1..20000");
  if (min_block_interval_ms < 1 || min_block_interval_ms > 60000)
    return bad("min_block_interval_ms outside 1..60000");
  if (idle_block_interval_ms < min_block_interval_ms || idle_block_interval_ms > 600000)
    return bad("idle_block_interval_ms below the minimum interval or above 600000");
  if (base_timeout_ms < 100 || base_timeout_ms > 600000) return bad("base_timeout_ms outside 100..600000");
  if (proposal_ttl_blocks < 10 || proposal_ttl_blocks > 10'000'000)
    return bad("proposal_ttl_blocks outside 10..10000000");
  return {};
}

const char* gov_action_name(GovAction::Type t) {
  switch (t) {
    case GovAction::Type::kAddObserver: return "add-observer";
    case GovAction::Type::kPromote: return "promote";
    case GovAction::Type::kDemote: return "demote";
    case GovAction::Type::kRemove: return "remove";
    case GovAction::Type::kUpgrade: return "upgrade";
    case GovAction::Type::kCancelUpgrade: return "cancel-upgrade";
    case GovAction::Type::kSetParams: return "set-params";
    case GovAction::Type::kSetCustodian: return "set-custodian";
    case GovAction::Type::kRevokeCertificate: return "revoke-certificate";
  }
  return "unknown";
}

// ---- ChainConfig ----------------------------------------------------------------

std::vector<const Member*> ChainConfig::validators() const {
  std::vector<const Member*> v;
  for (const auto& m : members)
    if (m.role == MemberRole::kValidator) v.push_back(&m);
  return v;
}

const Member* ChainConfig::member(const NodeId& id) const {
  for (const auto& m : members)
    if (m.id == id) return &m;
  return nullptr;
}

const Organisation* ChainConfig::organisation(std::string_view id) const {
  for (const auto& o : organisations)
    if (o.id == id) return &o;
  return nullptr;
}

const Organisation* ChainConfig::admin_of(const CryptoSuite& suite, const NodeId& sender) const {
  for (const auto& o : organisations)
    for (const auto& k : o.admin_keys)
      if (suite.node_id(k) == sender) return &o;
  return nullptr;
}

uint32_t ChainConfig::version_at(uint64_t height, const UpgradePlan** plan, uint64_t anchor) const {
  uint32_t v = genesis_version;
  if (plan) *plan = nullptr;
  for (const auto& p : plans) {  // by height, each version one above the last
    if (p.height > height) break;
    if (p.version <= v) continue;
    uint64_t settled = p.height - std::min(p.height, GovernanceLimits::kCancelMargin);
    if (v >= kSettledActivationVersion && anchor < settled) break;  // later plans build on it
    v = p.version;
    if (plan) *plan = &p;
  }
  return v;
}

const ChainParams& ChainConfig::params_at(uint64_t height) const {
  if (next_params && height >= next_params->first) return next_params->second;
  return params;
}

std::string config_key(uint64_t height) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "g/c/%020llu", static_cast<unsigned long long>(height));
  return buf;
}

std::shared_ptr<const ChainConfig> ConfigCache::get(const Hash32& leaf, ByteView encoded) {
  std::lock_guard lock(mu_);
  if (auto c = map_.find(leaf); c != map_.end()) return c->second;
  auto decoded = ChainConfig::decode(encoded);
  if (!decoded) return nullptr;
  auto p = std::make_shared<const ChainConfig>(std::move(*decoded));
  if (map_.size() >= 64) map_.erase(map_.begin());
  map_.emplace(leaf, p);
  return p;
}

ConfigCache::Rotation ConfigCache::rotation(const Hash32& activity_leaf, const Hash32& validator_set, uint64_t height,
                                            const std::function<std::vector<uint32_t>()>& compute) {
  auto key = std::make_tuple(activity_leaf, validator_set, height);
  {
    std::lock_guard lock(mu_);
    if (auto r = rotations_.find(key); r != rotations_.end()) return r->second;
  }
  auto r = std::make_shared<const std::vector<uint32_t>>(compute());
  std::lock_guard lock(mu_);
  if (rotations_.size() >= 1024) rotations_.clear();
  rotations_.emplace(key, r);
  return r;
}

std::shared_ptr<const ChainConfig> config_at(const StateSnapshot& state, uint64_t height, ConfigCache* cache) {
  // The newest "g/c/" entry at or below the height; the oldest kept if the
  // history no longer reaches that far back.
  const StateSnapshot::Entry* e = state.floor(config_key(height));
  if (!e || e->key.rfind("g/c/", 0) != 0) {
    e = nullptr;
    state.scan("g/c/", [&](const StateSnapshot::Entry& oldest) {
      e = &oldest;
      return false;
    });
    if (!e) return nullptr;
  }
  if (cache) return cache->get(e->leaf, e->value);
  auto decoded = ChainConfig::decode(e->value);
  return decoded ? std::make_shared<const ChainConfig>(std::move(*decoded)) : nullptr;
}

// ---- execution ---------------------------------------------------------------------

namespace {

std::string seen_key(const NodeId& id) { return "g/seen/" + id.hex(); }
const std::string kValidatorChangeKey = "g/vchange";

// Validators that proposed a block recently, by block time: the chain's own
// record of who is alive. The window spans several leader rotations even on
// an idle chain. A validator never seen (e.g. one being promoted) counts as
// down.
size_t live_count(const StateSnapshot& s, const ChainConfig& cfg,
                  const std::vector<const Member*>& validators, uint64_t now_ms) {
  uint64_t window = std::max<uint64_t>(GovernanceLimits::kLiveWindowMs,
                                       3ull * validators.size() * cfg.params.idle_block_interval_ms);
  size_t live = 0;
  for (const Member* m : validators) {
    const Bytes* v = s.get(seen_key(m->id));
    if (!v) continue;
    Reader r(*v);
    uint64_t at = r.u64();
    if (r.ok() && at + window >= now_ms) ++live;
  }
  return live;
}

}  // namespace

GovCheck check_action(const CryptoSuite& suite, const StateSnapshot& s, const ChainConfig& cfg,
                      const GovAction& a, uint64_t height, uint64_t now_ms) {
  auto refuse = [](ErrorCode c, std::string why) { return GovCheck{c, std::move(why), {}}; };
  ChainConfig next = cfg;
  // Settle parameters that have taken effect, so a new change stacks on them.
  if (next.next_params && height >= next.next_params->first) {
    next.params = next.next_params->second;
    next.next_params.reset();
  }
  auto validator_change = [&]() -> GovCheck {
    // One validator-set change at a time: any two configurations in force
    // around a change then differ by one validator (see docs/governance.md).
    if (const Bytes* last = s.get(kValidatorChangeKey)) {
      Reader r(*last);
      uint64_t at = r.u64();
      if (r.ok() && height < at + GovernanceLimits::kMembershipSpacing)
        return refuse(ErrorCode::kConflict, "the validator change at height " + std::to_string(at) +
                                                " is still taking effect; retry from height " +
                                                std::to_string(at + GovernanceLimits::kMembershipSpacing));
    }
    auto vals = next.validators();
    if (vals.size() < GovernanceLimits::kMinValidators)
      return refuse(ErrorCode::kTooFewValidators,
                    "the change leaves " + std::to_string(vals.size()) +
                        " validators; at least 4 are needed to tolerate one fault");
    size_t live = live_count(s, next, vals, now_ms);
    size_t q = quorum_size(vals.size());
    if (live < q)
      return refuse(ErrorCode::kQuorumAtRisk,
                    "after the change " + std::to_string(vals.size()) + " validators need " +
                        std::to_string(q) + " for quorum, but only " + std::to_string(live) +
                        " of them are live");
    return GovCheck{ErrorCode::kOk, {}, std::move(next)};
  };
  switch (a.type) {
    case GovAction::Type::kAddObserver: {
      const Member& m = a.member;
      if (m.public_key.empty() || m.name.empty())
        return refuse(ErrorCode::kInvalidArgument, "a member needs a public key and a name");
      NodeId id = suite.node_id(m.public_key);
      if (next.member(id)) return refuse(ErrorCode::kDuplicate, "node " + id.short_hex() + " is a member already");
      if (!next.organisation(m.organisation))
        return refuse(ErrorCode::kNotFound, "no organisation '" + m.organisation + "'");
      if (next.members.size() >= ChainConfig::kMaxMembers)
        return refuse(ErrorCode::kTooLarge, "the chain has the most members it can hold");
      Member added = m;
      added.id = id;
      added.role = MemberRole::kObserver;
      next.members.push_back(std::move(added));
      return GovCheck{ErrorCode::kOk, {}, std::move(next)};
    }
    case GovAction::Type::kPromote:
    case GovAction::Type::kDemote:
    case GovAction::Type::kRemove: {
      auto it = std::find_if(next.members.begin(), next.members.end(),
                             [&](const Member& m) { return m.id == a.node; });
      if (it == next.members.end()) return refuse(ErrorCode::kNotFound, "node " + a.node.short_hex() + " is not a member");
      bool validator = it->role == MemberRole::kValidator;
      if (a.type == GovAction::Type::kPromote) {
        if (validator) return refuse(ErrorCode::kConflict, "node " + a.node.short_hex() + " is a validator already");
        // Promoted validators join the end of the rotation.
        Member m = *it;
        m.role = MemberRole::kValidator;
        next.members.erase(it);
        auto first_observer = std::find_if(next.members.begin(), next.members.end(),
                                           [](const Member& x) { return x.role == MemberRole::kObserver; });
        next.members.insert(first_observer, std::move(m));
        return validator_change();
      }
      if (a.type == GovAction::Type::kDemote) {
        if (!validator) return refuse(ErrorCode::kConflict, "node " + a.node.short_hex() + " is not a validator");
        Member m = *it;
        m.role = MemberRole::kObserver;
        next.members.erase(it);
        next.members.push_back(std::move(m));
        return validator_change();
      }
      next.members.erase(it);
      if (validator) return validator_change();
      return GovCheck{ErrorCode::kOk, {}, std::move(next)};
    }
    case GovAction::Type::kUpgrade: {
      const UpgradePlan& p = a.plan;
      if (p.name.empty()) return refuse(ErrorCode::kInvalidArgument, "an upgrade plan needs a name");
      if (s.get("g/plan/" + p.name))
        return refuse(ErrorCode::kConflict, "upgrade plan name '" + p.name + "' was used before");
      uint32_t latest = next.version_at(UINT64_MAX);
      if (p.version != latest + 1)
        return refuse(ErrorCode::kUnsupportedVersion,
                      "plan version " + std::to_string(p.version) + " does not follow version " +
                          std::to_string(latest));
      uint64_t last_height = next.plans.empty() ? 0 : next.plans.back().height;
      if (p.height < height + GovernanceLimits::kMinUpgradeLead || p.height <= last_height)
        return refuse(ErrorCode::kTooLate,
                      "activation height " + std::to_string(p.height) + " must be at least " +
                          std::to_string(std::max(height + GovernanceLimits::kMinUpgradeLead, last_height + 1)));
      if (p.binary_sha256.is_zero()) return refuse(ErrorCode::kInvalidArgument, "the plan names no binary digest");
      if (next.plans.size() >= ChainConfig::kMaxPlans)
        return refuse(ErrorCode::kTooLarge, "too many scheduled upgrades");
      next.plans.push_back(p);
      return GovCheck{ErrorCode::kOk, {}, std::move(next)};
    }
    case GovAction::Type::kCancelUpgrade: {
      auto it = std::find_if(next.plans.begin(), next.plans.end(),
                             [&](const UpgradePlan& p) { return p.name == a.plan.name; });
      if (it == next.plans.end() || it->height <= height)
        return refuse(ErrorCode::kNotFound, "no scheduled upgrade plan '" + a.plan.name + "'");
      if (height + GovernanceLimits::kCancelMargin > it->height)
        return refuse(ErrorCode::kTooLate, "plan '" + a.plan.name + "' activates at " +
                                               std::to_string(it->height) + ": too close to cancel");
      if (it + 1 != next.plans.end())
        return refuse(ErrorCode::kConflict, "a later plan builds on '" + a.plan.name + "': cancel it first");
      next.plans.erase(it);
      return GovCheck{ErrorCode::kOk, {}, std::move(next)};
    }
    case GovAction::Type::kSetParams: {
      if (auto st = a.params.validate(); !st) return refuse(ErrorCode::kInvalidArgument, st.error().detail);
      if (a.effective_height < height + 2)
        return refuse(ErrorCode::kTooLate, "parameters can take effect from height " + std::to_string(height + 2));
      next.next_params = std::make_pair(a.effective_height, a.params);
      return GovCheck{ErrorCode::kOk, {}, std::move(next)};
    }
    case GovAction::Type::kSetCustodian: {
      for (auto& o : next.organisations)
        if (o.id == a.organisation) {
          o.custodian = a.custodian;
          return GovCheck{ErrorCode::kOk, {}, std::move(next)};
        }
      return refuse(ErrorCode::kNotFound, "no organisation '" + a.organisation + "'");
    }
    case GovAction::Type::kRevokeCertificate: {
      if (!next.organisation(a.organisation))
        return refuse(ErrorCode::kNotFound, "no organisation '" + a.organisation + "'");
      auto at = std::lower_bound(next.revoked.begin(), next.revoked.end(), a.certificate);
      if (at != next.revoked.end() && *at == a.certificate)
        return refuse(ErrorCode::kDuplicate, "certificate " + a.certificate.short_hex() + " is revoked already");
      if (next.revoked.size() >= ChainConfig::kMaxRevoked)
        return refuse(ErrorCode::kTooLarge, std::to_string(ChainConfig::kMaxRevoked) + " certificates are revoked already");
      next.revoked.insert(at, a.certificate);
      return GovCheck{ErrorCode::kOk, {}, std::move(next)};
    }
  }
  return refuse(ErrorCode::kMalformed, "unknown action");
}

GovCheck apply_governance(const CryptoSuite& suite, const StateSnapshot& s, const Transaction& tx,
                          uint64_t height, uint64_t now_ms, uint32_t protocol, const StateWrite& write,
                          ConfigCache* configs) {
  auto refuse = [](ErrorCode c, std::string why) { return GovCheck{c, std::move(why), {}}; };
  auto op = GovOp::decode(tx.payload());
  if (!op) return refuse(op.error().code, op.error().detail);
  if (op->kind == GovOp::Kind::kPropose && op->action.type == GovAction::Type::kRevokeCertificate &&
      protocol < ChainConfig::kRevocationVersion)
    return refuse(ErrorCode::kMalformed, "unknown governance action 9 before protocol 6");
  auto cfg = config_at(s, height, configs);
  if (!cfg) return refuse(ErrorCode::kStorageCorrupt, "no chain configuration in the state");
  const Organisation* org = cfg->admin_of(suite, tx.sender_id());
  if (!org) return refuse(ErrorCode::kUnauthorised, "the sender is not an organisation admin");

  auto enact = [&](GovProposal& p, const Hash32& id) -> GovCheck {
    auto checked = check_action(suite, s, *cfg, p.action, height, now_ms);
    if (checked.code != ErrorCode::kOk) return checked;
    p.status = GovProposal::Status::kEnacted;
    p.enacted_at = height;
    if (p.action.type == GovAction::Type::kUpgrade) write("g/plan/" + p.action.plan.name, Bytes{1});
    auto before = cfg->validators(), after = checked.config->validators();
    if (!std::equal(before.begin(), before.end(), after.begin(), after.end(),
                    [](const Member* a, const Member* b) { return a->id == b->id; })) {
      Writer w;
      w.u64(height);
      write(kValidatorChangeKey, w.take());
    }
    write(config_key(height), checked.config->encode());
    // Forget configurations that no longer govern any block in the window.
    std::vector<std::string> old;
    s.scan("g/c/", [&](const StateSnapshot::Entry& e) {
      old.push_back(e.key);
      return true;
    });
    for (size_t i = 0; i + 1 < old.size(); ++i) {
      uint64_t successor = std::stoull(old[i + 1].substr(4));
      if (successor + GovernanceLimits::kHistoryBlocks < height) write(old[i], std::nullopt);
    }
    write(GovProposal::key_for(id), p.encode());
    return checked;
  };

  switch (op->kind) {
    case GovOp::Kind::kPropose: {
      // Refuse now what could never be enacted as things stand.
      auto checked = check_action(suite, s, *cfg, op->action, height, now_ms);
      if (checked.code != ErrorCode::kOk) return checked;
      GovProposal p;
      p.action = op->action;
      p.proposer_organisation = org->id;
      p.created = height;
      p.expires = height + cfg->params_at(height).proposal_ttl_blocks;
      p.approvals.push_back(org->id);
      if (cfg->passes(p.approvals.size())) return enact(p, tx.id());
      write(GovProposal::key_for(tx.id()), p.encode());
      return GovCheck{ErrorCode::kOk, {}, {}};
    }
    case GovOp::Kind::kApprove:
    case GovOp::Kind::kWithdraw: {
      const Bytes* v = s.get(GovProposal::key_for(op->proposal));
      if (!v) return refuse(ErrorCode::kNotFound, "no proposal " + op->proposal.short_hex());
      auto p = GovProposal::decode(*v);
      if (!p) return refuse(ErrorCode::kStorageCorrupt, p.error().detail);
      if (p->status == GovProposal::Status::kEnacted)
        return refuse(ErrorCode::kConflict, "proposal " + op->proposal.short_hex() + " was enacted");
      if (p->status == GovProposal::Status::kWithdrawn)
        return refuse(ErrorCode::kConflict, "proposal " + op->proposal.short_hex() + " was withdrawn");
      if (height > p->expires)
        return refuse(ErrorCode::kExpired, "proposal " + op->proposal.short_hex() + " expired at " +
                                               std::to_string(p->expires));
      if (op->kind == GovOp::Kind::kWithdraw) {
        if (org->id != p->proposer_organisation)
          return refuse(ErrorCode::kUnauthorised, "only the proposing organisation may withdraw");
        p->status = GovProposal::Status::kWithdrawn;
        write(GovProposal::key_for(op->proposal), p->encode());
        return GovCheck{ErrorCode::kOk, {}, {}};
      }
      if (std::find(p->approvals.begin(), p->approvals.end(), org->id) != p->approvals.end())
        return refuse(ErrorCode::kDuplicate, "organisation '" + org->id + "' approved already");
      p->approvals.push_back(org->id);
      if (cfg->passes(p->approvals.size())) return enact(*p, op->proposal);
      write(GovProposal::key_for(op->proposal), p->encode());
      return GovCheck{ErrorCode::kOk, {}, {}};
    }
  }
  return refuse(ErrorCode::kMalformed, "unknown governance operation");
}

void record_proposer(const NodeId& proposer, uint64_t timestamp_ms, const StateWrite& write) {
  if (proposer.is_zero()) return;
  Writer w;
  w.u64(timestamp_ms);
  write(seen_key(proposer), w.take());
}

}  // namespace consortia
