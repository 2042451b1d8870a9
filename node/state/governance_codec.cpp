// The canonical encoding of governance data: the chain configuration kept
// in the state, governance transaction payloads and proposals. Every decoder
// bounds what it reads and refuses trailing bytes.
#include "state/governance.h"

#include <algorithm>

namespace consortia {
namespace {

constexpr uint8_t kConfigFormat = 1;
constexpr uint8_t kOpFormat = 1;

void write_member(Writer& w, const Member& m) {
  w.hash(m.id);
  w.bytes(m.public_key);
  w.str(m.name);
  w.str(m.organisation);
  w.u8(static_cast<uint8_t>(m.role));
}

Member read_member(Reader& r) {
  Member m;
  m.id = r.hash();
  m.public_key = r.bytes(TxLimits::kMaxPublicKey);
  m.name = r.str(Member::kMaxName);
  m.organisation = r.str(Organisation::kMaxId);
  uint8_t role = r.u8();
  if (role != 1 && role != 2) r.fail("unknown member role");
  m.role = static_cast<MemberRole>(role);
  return m;
}

void write_params(Writer& w, const ChainParams& p) {
  w.u32(p.max_block_txs);
  w.u32(p.min_block_interval_ms);
  w.u32(p.idle_block_interval_ms);
  w.u32(p.base_timeout_ms);
  w.u32(p.proposal_ttl_blocks);
}

ChainParams read_params(Reader& r) {
  ChainParams p;
  p.max_block_txs = r.u32();
  p.min_block_interval_ms = r.u32();
  p.idle_block_interval_ms = r.u32();
  p.base_timeout_ms = r.u32();
  p.proposal_ttl_blocks = r.u32();
  return p;
}

void write_plan(Writer& w, const UpgradePlan& p) {
  w.str(p.name);
  w.u64(p.height);
  w.u32(p.version);
  w.hash(p.binary_sha256);
}

UpgradePlan read_plan(Reader& r) {
  UpgradePlan p;
  p.name = r.str(UpgradePlan::kMaxName);
  p.height = r.u64();
  p.version = r.u32();
  p.binary_sha256 = r.hash();
  return p;
}

void write_action(Writer& w, const GovAction& a) {
  w.u8(static_cast<uint8_t>(a.type));
  switch (a.type) {
    case GovAction::Type::kAddObserver: write_member(w, a.member); break;
    case GovAction::Type::kPromote:
    case GovAction::Type::kDemote:
    case GovAction::Type::kRemove: w.hash(a.node); break;
    case GovAction::Type::kUpgrade: write_plan(w, a.plan); break;
    case GovAction::Type::kCancelUpgrade: w.str(a.plan.name); break;
    case GovAction::Type::kSetParams:
      write_params(w, a.params);
      w.u64(a.effective_height);
      break;
    case GovAction::Type::kSetCustodian:
      w.str(a.organisation);
      w.u8(a.custodian ? 1 : 0);
      break;
    case GovAction::Type::kRevokeCertificate:
      w.str(a.organisation);
      w.hash(a.certificate);
      break;
  }
}

GovAction read_action(Reader& r) {
  GovAction a;
  uint8_t t = r.u8();
  if (t < 1 || t > 9) {
    r.fail("unknown governance action " + std::to_string(t));
    return a;
  }
  a.type = static_cast<GovAction::Type>(t);
  switch (a.type) {
    case GovAction::Type::kAddObserver: a.member = read_member(r); break;
    case GovAction::Type::kPromote:
    case GovAction::Type::kDemote:
    case GovAction::Type::kRemove: a.node = r.hash(); break;
    case GovAction::Type::kUpgrade: a.plan = read_plan(r); break;
    case GovAction::Type::kCancelUpgrade: a.plan.name = r.str(UpgradePlan::kMaxName); break;
    case GovAction::Type::kSetParams:
      a.params = read_params(r);
      a.effective_height = r.u64();
      break;
    case GovAction::Type::kSetCustodian: {
      a.organisation = r.str(Organisation::kMaxId);
      uint8_t c = r.u8();
      if (c > 1) r.fail("custodian flag is not 0 or 1");
      a.custodian = c == 1;
      break;
    }
    case GovAction::Type::kRevokeCertificate:
      a.organisation = r.str(Organisation::kMaxId);
      a.certificate = r.hash();
      break;
  }
  return a;
}

}  // namespace

// ---- ChainConfig -------------------------------------------------------------------

Bytes ChainConfig::encode() const {
  Writer w;
  w.u8(kConfigFormat);
  w.u32(genesis_version);
  w.u32(threshold_num);
  w.u32(threshold_den);
  w.varint(organisations.size());
  for (const auto& o : organisations) {
    w.str(o.id);
    w.str(o.name);
    w.varint(o.admin_keys.size());
    for (const auto& k : o.admin_keys) w.bytes(k);
    w.str(o.ca_certificate_pem);
    w.u8(o.custodian ? 1 : 0);
  }
  w.varint(members.size());
  for (const auto& m : members) write_member(w, m);
  write_params(w, params);
  w.u8(next_params ? 1 : 0);
  if (next_params) {
    w.u64(next_params->first);
    write_params(w, next_params->second);
  }
  w.varint(plans.size());
  for (const auto& p : plans) write_plan(w, p);
  if (!revoked.empty()) {
    w.varint(revoked.size());
    for (const auto& h : revoked) w.hash(h);
  }
  return w.take();
}

Result<ChainConfig> ChainConfig::decode(ByteView in) {
  Reader r(in);
  ChainConfig c;
  if (r.u8() != kConfigFormat) r.fail("unknown chain config format");
  c.genesis_version = r.u32();
  c.threshold_num = r.u32();
  c.threshold_den = r.u32();
  size_t no = r.count(kMaxOrganisations, 4);
  for (size_t i = 0; i < no && r.ok(); ++i) {
    Organisation o;
    o.id = r.str(Organisation::kMaxId);
    o.name = r.str(Member::kMaxName);
    size_t nk = r.count(Organisation::kMaxAdmins, 1);
    for (size_t k = 0; k < nk && r.ok(); ++k) o.admin_keys.push_back(r.bytes(TxLimits::kMaxPublicKey));
    o.ca_certificate_pem = r.str(Organisation::kMaxCertificate);
    uint8_t cust = r.u8();
    if (cust > 1) r.fail("custodian flag is not 0 or 1");
    o.custodian = cust == 1;
    c.organisations.push_back(std::move(o));
  }
  size_t nm = r.count(kMaxMembers, 36);
  for (size_t i = 0; i < nm && r.ok(); ++i) c.members.push_back(read_member(r));
  c.params = read_params(r);
  uint8_t has_next = r.u8();
  if (has_next > 1) r.fail("bad next-params flag");
  if (has_next == 1) {
    uint64_t at = r.u64();
    c.next_params = std::make_pair(at, read_params(r));
  }
  size_t np = r.count(kMaxPlans, 13);
  for (size_t i = 0; i < np && r.ok(); ++i) c.plans.push_back(read_plan(r));
  if (r.ok() && r.remaining() > 0) {
    size_t nr = r.count(kMaxRevoked, 32);
    if (r.ok() && nr == 0) r.fail("an empty revocation list is not encoded");
    for (size_t i = 0; i < nr && r.ok(); ++i) c.revoked.push_back(r.hash());
    if (r.ok() && !std::is_sorted(c.revoked.begin(), c.revoked.end())) r.fail("revocations out of order");
  }
  if (auto st = r.finish("chain config"); !st) return st.error();
  if (c.threshold_den == 0 || c.threshold_num >= c.threshold_den)
    return make_error(ErrorCode::kMalformed, "chain config threshold must be below 1");
  return c;
}

// ---- GovOp and GovProposal -----------------------------------------------------------

Bytes GovOp::encode() const {
  Writer w;
  w.u8(kOpFormat);
  w.u8(static_cast<uint8_t>(kind));
  if (kind == Kind::kPropose) {
    write_action(w, action);
  } else {
    w.hash(proposal);
  }
  return w.take();
}

Result<GovOp> GovOp::decode(ByteView payload) {
  Reader r(payload);
  GovOp op;
  if (r.u8() != kOpFormat) r.fail("unknown governance format");
  uint8_t k = r.u8();
  if (k < 1 || k > 3) r.fail("unknown governance operation " + std::to_string(k));
  op.kind = static_cast<Kind>(k);
  if (r.ok() && op.kind == Kind::kPropose) {
    op.action = read_action(r);
  } else {
    op.proposal = r.hash();
  }
  if (auto st = r.finish("governance operation"); !st) return st.error();
  if (op.kind == Kind::kPropose && op.action.type == GovAction::Type::kSetParams)
    if (auto st = op.action.params.validate(); !st) return st.error();
  return op;
}

Bytes GovProposal::encode() const {
  Writer w;
  write_action(w, action);
  w.str(proposer_organisation);
  w.u64(created);
  w.u64(expires);
  w.varint(approvals.size());
  for (const auto& a : approvals) w.str(a);
  w.u8(static_cast<uint8_t>(status));
  w.u64(enacted_at);
  return w.take();
}

Result<GovProposal> GovProposal::decode(ByteView in) {
  Reader r(in);
  GovProposal p;
  p.action = read_action(r);
  p.proposer_organisation = r.str(Organisation::kMaxId);
  p.created = r.u64();
  p.expires = r.u64();
  size_t n = r.count(ChainConfig::kMaxOrganisations, 1);
  for (size_t i = 0; i < n && r.ok(); ++i) p.approvals.push_back(r.str(Organisation::kMaxId));
  uint8_t s = r.u8();
  if (s > 2) r.fail("unknown proposal status");
  p.status = static_cast<Status>(s);
  p.enacted_at = r.u64();
  if (auto st = r.finish("proposal"); !st) return st.error();
  return p;
}

}  // namespace consortia
