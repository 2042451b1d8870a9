// Governance: the chain's configuration (organisations, members, protocol
// upgrades, chain parameters) lives in the replicated state and changes only
// by proposals that organisations' admins sign and approve.
//
// State keys:  "g/c/<height, 20 digits>"  -> the ChainConfig in force from the
//                                            block at that height (history,
//                                            pruned; see config_at)
//              "g/p/<proposal id hex>"    -> a GovProposal and its approvals
//              "g/plan/<name>"            -> an upgrade plan name, used once
//              "g/vchange"                -> height of the last validator-set change
//              "g/seen/<node id hex>"     -> timestamp of the last block the
//                                            validator proposed (liveness)
//
// When a change takes effect. A change enacted in the block at height H is
// in the state after H. The consensus layer reads the configuration of a
// block's *anchor*: the highest ancestor that the block's own certified
// ancestry proves committed (consensus/hotstuff.h). On an undisturbed chain
// the anchor of block H+2 is H, so a change enacted at H governs H+2 onward;
// after view changes it governs the first block whose ancestry proves H
// committed. Every node derives this from the chain alone.
#pragma once

#include <algorithm>
#include <functional>
#include <map>
#include <memory>
#include <functional>
#include <mutex>
#include <tuple>
#include <optional>
#include <string>
#include <vector>

#include "ledger/transaction.h"

namespace consortia {

class StateSnapshot;

enum class MemberRole : uint8_t { kValidator = 1, kObserver = 2 };

struct Member {
  static constexpr size_t kMaxName = 64;
  NodeId id;  // node_id(public_key)
  Bytes public_key;
  std::string name;
  std::string organisation;  // an Organisation id
  MemberRole role = MemberRole::kValidator;
  bool operator==(const Member&) const = default;
};

struct Organisation {
  static constexpr size_t kMaxId = 64;
  static constexpr size_t kMaxAdmins = 16;
  static constexpr size_t kMaxCertificate = 8192;
  std::string id;
  std::string name;
  std::vector<Bytes> admin_keys;  // keys whose transactions act for the organisation
  std::string ca_certificate_pem;
  bool custodian = false;  // may deposit into custody (when any organisation is one)
  bool operator==(const Organisation&) const = default;
};

// Chain parameters: part of the replicated state, so no two nodes can run a
// chain with different values.
struct ChainParams {
  uint32_t max_block_txs = 2000;
  uint32_t min_block_interval_ms = 20;
  uint32_t idle_block_interval_ms = 500;
  uint32_t base_timeout_ms = 1000;
  uint32_t proposal_ttl_blocks = 1000;  // a proposal expires this many blocks after it is made
  Status validate() const;
  bool operator==(const ChainParams&) const = default;
};

struct UpgradePlan {
  static constexpr size_t kMaxName = 64;
  std::string name;
  uint64_t height = 0;   // first block that runs the new version
  uint32_t version = 0;  // protocol version from that height
  Hash32 binary_sha256;  // the release that implements it
  bool operator==(const UpgradePlan&) const = default;
};

struct ChainConfig {
  static constexpr size_t kMaxMembers = 512;
  static constexpr size_t kMaxOrganisations = 128;
  static constexpr size_t kMaxPlans = 8;
  static constexpr size_t kMaxRevoked = 4096;
  static constexpr uint32_t kRevocationVersion = 6;  // the protocol that adds kRevokeCertificate

  uint32_t genesis_version = 1;
  // A proposal passes when approving organisations * den > organisations * num.
  uint32_t threshold_num = 2, threshold_den = 3;
  std::vector<Organisation> organisations;
  std::vector<Member> members;  // validators in leader-rotation order, then observers
  ChainParams params;
  std::optional<std::pair<uint64_t, ChainParams>> next_params;  // (effective height, params)
  std::vector<UpgradePlan> plans;  // scheduled, by height
  // Certificates revoked by governance (SHA-256 of the DER), sorted. Encoded
  // only when there are any, so a configuration without is the same bytes
  // as before protocol 6.
  std::vector<Hash32> revoked;
  bool is_revoked(const Hash32& certificate) const {
    return std::binary_search(revoked.begin(), revoked.end(), certificate);
  }

  Bytes encode() const;
  static Result<ChainConfig> decode(ByteView in);
  bool operator==(const ChainConfig&) const = default;

  std::vector<const Member*> validators() const;
  const Member* member(const NodeId& id) const;
  const Organisation* organisation(std::string_view id) const;
  // The organisation a key administers, if any.
  const Organisation* admin_of(const CryptoSuite& suite, const NodeId& sender) const;
  // Protocol version of a block at `height` whose anchor (the highest block
  // its ancestry proves committed, consensus/hotstuff.h) is at `anchor`, and
  // the plan that set it (null for the genesis version). From version 5
  // (kSettledActivationVersion) a plan applies only to blocks anchored at or
  // above its height less GovernanceLimits::kCancelMargin: by then the
  // anchor's configuration holds any cancel enacted in time, so a cancelled
  // plan never applies; a block anchored lower runs the version before it.
  uint32_t version_at(uint64_t height, const UpgradePlan** plan = nullptr,
                      uint64_t anchor = UINT64_MAX) const;
  const ChainParams& params_at(uint64_t height) const;
  bool passes(size_t approving_organisations) const {
    return approving_organisations * threshold_den > organisations.size() * threshold_num;
  }
};

// Decoded configurations by their state entry. A configuration entry never
// changes once written, so one cache may serve every node of a process (the
// simulator's, or an agent's node and its API); it is handed in with the
// execution cache (state/state.h). Thread-safe.
class ConfigCache {
 public:
  std::shared_ptr<const ChainConfig> get(const Hash32& leaf, ByteView encoded);

  // Leader rotations (state/leader_activity.h) by (activity entry's leaf,
  // validator set, height): every node extending the same block derives the
  // same one, so a process computes it once. `compute` runs on a miss.
  using Rotation = std::shared_ptr<const std::vector<uint32_t>>;
  Rotation rotation(const Hash32& activity_leaf, const Hash32& validator_set, uint64_t height,
                    const std::function<std::vector<uint32_t>()>& compute);

 private:
  std::mutex mu_;
  std::map<Hash32, std::shared_ptr<const ChainConfig>> map_;
  std::map<std::tuple<Hash32, Hash32, uint64_t>, Rotation> rotations_;
};

// The configuration in force at `height` as recorded in `state` (any state
// on the same chain at or after that height), decoded through `cache` when
// one is given.
std::shared_ptr<const ChainConfig> config_at(const StateSnapshot& state, uint64_t height,
                                             ConfigCache* cache = nullptr);
std::string config_key(uint64_t height);

// What a governance proposal does.
struct GovAction {
  enum class Type : uint8_t {
    kAddObserver = 1,
    kPromote = 2,
    kDemote = 3,
    kRemove = 4,
    kUpgrade = 5,
    kCancelUpgrade = 6,
    kSetParams = 7,
    kSetCustodian = 8,
    // From protocol 6: a certificate (node or client) no agent accepts any
    // longer, by the SHA-256 of its DER encoding.
    kRevokeCertificate = 9,
  };
  Type type = Type::kAddObserver;
  Member member;               // kAddObserver
  NodeId node;                 // kPromote, kDemote, kRemove
  UpgradePlan plan;            // kUpgrade; kCancelUpgrade uses plan.name
  ChainParams params;          // kSetParams
  uint64_t effective_height = 0;  // kSetParams
  std::string organisation;    // kSetCustodian; kRevokeCertificate: the organisation it names
  bool custodian = false;      // kSetCustodian
  Hash32 certificate;          // kRevokeCertificate: SHA-256 of the certificate's DER
  bool operator==(const GovAction&) const = default;
};
const char* gov_action_name(GovAction::Type t);

// The payload of a kGovernance transaction.
struct GovOp {
  enum class Kind : uint8_t { kPropose = 1, kApprove = 2, kWithdraw = 3 };
  Kind kind = Kind::kPropose;
  GovAction action;  // kPropose
  Hash32 proposal;   // kApprove, kWithdraw: the proposing transaction's id

  Bytes encode() const;
  static Result<GovOp> decode(ByteView payload);
};

struct GovProposal {
  enum class Status : uint8_t { kOpen = 0, kEnacted = 1, kWithdrawn = 2 };
  GovAction action;
  std::string proposer_organisation;
  uint64_t created = 0, expires = 0;  // heights; approvals after `expires` are refused
  std::vector<std::string> approvals;  // organisation ids, proposer's first
  Status status = Status::kOpen;
  uint64_t enacted_at = 0;

  Bytes encode() const;
  static Result<GovProposal> decode(ByteView in);
  static std::string key_for(const Hash32& id) { return "g/p/" + id.hex(); }
};

struct GovernanceLimits {
  // An upgrade must be scheduled at least this many blocks after the block
  // that enacts it, and cancelled at least kCancelMargin blocks before it.
  static constexpr uint64_t kMinUpgradeLead = 10;
  static constexpr uint64_t kCancelMargin = 3;
  static constexpr size_t kMinValidators = 4;
  // Validator-set changes are at least this many blocks apart.
  static constexpr uint64_t kMembershipSpacing = 10;
  // History of configurations kept in the state (blocks back from the tip).
  static constexpr uint64_t kHistoryBlocks = 1024;
  // A validator counts as live if it proposed a block this recently (block
  // time), or within three leader rotations at the idle interval if longer.
  static constexpr uint64_t kLiveWindowMs = 20'000;
};

// Outcome of checking or applying a governance action: kOk with the new
// configuration (when the action changes it), or why it is refused.
struct GovCheck {
  ErrorCode code = ErrorCode::kOk;
  std::string detail;
  std::optional<ChainConfig> config;
};

using StateWrite = std::function<void(std::string key, std::optional<Bytes> value)>;

// Whether `action` can be enacted on `cfg` in the block at `height`, and the
// configuration it would produce.
GovCheck check_action(const CryptoSuite& suite, const StateSnapshot& s, const ChainConfig& cfg,
                      const GovAction& action, uint64_t height, uint64_t now_ms);
// Executes a kGovernance transaction in the block at `height`: writes
// through `write` and returns kOk, or returns why it is refused having
// written nothing.
// `protocol` is the block's: below 6 a kRevokeCertificate proposal is
// refused as the software of those versions refuses it (an unknown action,
// kMalformed), so every node computes the same state whatever it runs.
GovCheck apply_governance(const CryptoSuite& suite, const StateSnapshot& s, const Transaction& tx,
                          uint64_t height, uint64_t now_ms, uint32_t protocol, const StateWrite& write,
                          ConfigCache* configs = nullptr);
// Every block records its proposer as alive at its timestamp.
void record_proposer(const NodeId& proposer, uint64_t timestamp_ms, const StateWrite& write);

// The protocol versions this software implements. Version 2 adds kDelete;
// version 3 chooses leaders by their record (state/leader_activity.h);
// version 4 commits to the state with the state trie (state/state_tree.h);
// version 5 activates the plans that follow it only once they can no longer
// be cancelled (ChainConfig::version_at); version 6 takes only transactions
// whose signature covers the chain id (Transaction::version_for), so none
// signed for another chain can be replayed on it; version 7 passes
// equivocation evidence between nodes (consensus/equivocation.h), a message
// older software cannot read.
inline constexpr uint32_t kMinProtocolVersion = 1;
inline constexpr uint32_t kMaxProtocolVersion = 7;
inline constexpr uint32_t kSettledActivationVersion = 5;

}  // namespace consortia
