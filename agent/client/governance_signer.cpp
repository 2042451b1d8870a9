#include "governance_signer.h"

#include <algorithm>
#include <chrono>
#include <cstdlib>

#include "crypto/key_file.h"
#include "network.h"

namespace consortia::agent {

namespace {

std::optional<Hash32> hash_of(const std::string& s) {
  if (s.size() != 32) return std::nullopt;
  Hash32 h;
  std::copy(s.begin(), s.end(), h.v.begin());
  return h;
}

Error from_status(const grpc::Status& st) {
  // Agents put the reason code first: "nonce_too_low: ...".
  const std::string& m = st.error_message();
  ErrorCode code = st.error_code() == grpc::StatusCode::PERMISSION_DENIED ? ErrorCode::kUnauthorised
                   : st.error_code() == grpc::StatusCode::INVALID_ARGUMENT ? ErrorCode::kInvalidArgument
                                                                            : ErrorCode::kUnavailable;
  for (int c = 0; c <= static_cast<int>(ErrorCode::kUnavailable); ++c) {
    std::string name = error_code_name(static_cast<ErrorCode>(c));
    if (m.rfind(name + ":", 0) == 0) code = static_cast<ErrorCode>(c);
  }
  return make_error(code, m);
}

void deadline(grpc::ClientContext& ctx, double s) {
  ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::milliseconds(static_cast<int64_t>(s * 1000)));
}

}  // namespace

Result<GovOp> governance_proposal(const pb::ProposeRequest& req) {
  GovOp op;
  GovAction& a = op.action;
  const std::string& act = req.action();
  auto node = hash_of(req.node_id());
  if (act == "promote" || act == "demote" || act == "remove") {
    if (!node) return make_error(ErrorCode::kInvalidArgument, "node_id has 32 bytes");
    a.type = act == "promote" ? GovAction::Type::kPromote
             : act == "demote" ? GovAction::Type::kDemote : GovAction::Type::kRemove;
    a.node = *node;
  } else if (act == "add-observer") {
    a.type = GovAction::Type::kAddObserver;
    a.member.public_key.assign(req.public_key().begin(), req.public_key().end());
    a.member.name = req.name();
    a.member.organisation = req.organisation();
  } else if (act == "upgrade") {
    a.type = GovAction::Type::kUpgrade;
    auto digest = hash_of(req.binary_sha256());
    if (!digest) return make_error(ErrorCode::kInvalidArgument, "binary_sha256 has 32 bytes");
    a.plan = UpgradePlan{req.plan(), req.height(), req.version(), *digest};
  } else if (act == "cancel-upgrade") {
    a.type = GovAction::Type::kCancelUpgrade;
    a.plan.name = req.plan();
  } else if (act == "revoke-certificate") {
    a.type = GovAction::Type::kRevokeCertificate;
    auto digest = hash_of(req.certificate_sha256());
    if (!digest) return make_error(ErrorCode::kInvalidArgument, "certificate_sha256 has 32 bytes");
    if (req.organisation().empty()) return make_error(ErrorCode::kInvalidArgument, "the issuing organisation is needed");
    a.certificate = *digest;
    a.organisation = req.organisation();
  } else {
    return make_error(ErrorCode::kInvalidArgument, "unknown action '" + act + "'");
  }
  return op;
}

GovOp governance_vote(const Hash32& proposal, bool withdraw) {
  GovOp op;
  op.kind = withdraw ? GovOp::Kind::kWithdraw : GovOp::Kind::kApprove;
  op.proposal = proposal;
  return op;
}

std::string admin_passphrase_from_environment() {
  const char* p = std::getenv("CONSORTIA_ADMIN_PASSPHRASE");
  return p ? p : "";
}

std::optional<std::string> take_secret_from_environment(const char* name) {
  const char* p = std::getenv(name);
  if (!p) return std::nullopt;
  std::string out = p;
  unsetenv(name);
  return out;
}

bool AdminKey::encrypted(const std::string& file) {
  auto text = read_file(file);
  return text && text->find("\ncipher ") != std::string::npos;
}

Result<AdminKey> AdminKey::open(const std::string& file, std::string_view passphrase) {
  auto text = read_file(file);
  if (!text) return make_error(ErrorCode::kNotFound, "no governance key " + file + " on this workstation");
  auto key = decode_key_file(*text, passphrase);
  if (!key) {
    std::string why = file + ": " + key.error().detail;
    if (passphrase.empty() && key.error().detail.find("encrypted") != std::string::npos)
      why += ": give its passphrase (CONSORTIA_ADMIN_PASSPHRASE for consortia-ctl; the console asks)";
    return make_error(key.error().code, why);
  }
  AdminKey k;
  k.suite_ = key->suite;
  k.signer_ = std::move(key->signer);
  return k;
}

TxPtr AdminKey::sign(const GovOp& op, uint64_t nonce, const TxChain& chain) const {
  return Transaction::create(*suite_, *signer_, chain, TxKind::kGovernance, nonce, op.encode());
}

Result<Hash32> sign_and_submit(const std::vector<pb::AgentService::Stub*>& own,
                               const std::vector<pb::AgentService::Stub*>& witnesses, const AdminKey& key,
                               const TxChain& chain, const GovOp& op, double deadline_s) {
  const Hash32& chain_id = chain.id;
  if (own.empty()) return make_error(ErrorCode::kUnavailable, "no agent of the organisation to hand it to");
  std::optional<pb::NodeStatus> status;
  std::optional<Error> unreachable;
  for (auto* stub : own) {
    grpc::ClientContext ctx;
    deadline(ctx, deadline_s);
    pb::NodeStatus st;
    auto rpc = stub->GetStatus(&ctx, pb::StatusRequest{}, &st);
    if (rpc.ok()) {
      status = std::move(st);
      break;
    }
    unreachable = from_status(rpc);
  }
  if (!status) return unreachable.value_or(make_error(ErrorCode::kUnavailable, "no agent answers"));
  if (hash_of(status->chain_id()) != chain_id)
    return make_error(ErrorCode::kConflict, "agent " + status->name() + " runs another chain than this network's genesis (" +
                                                chain_id.short_hex() + "): nothing was signed");
  NodeId account = key.account();
  pb::AccountRequest areq;
  areq.set_account(std::string(account.v.begin(), account.v.end()));
  // The first answer of each group.
  auto ask = [&](const std::vector<pb::AgentService::Stub*>& group, std::optional<Error>& failed, size_t tries,
                 double wait_s) {
    std::optional<pb::Account> out;
    for (size_t i = 0; i < group.size() && i < tries; ++i) {
      auto* stub = group[i];
      grpc::ClientContext ctx;
      deadline(ctx, wait_s);
      pb::Account acc;
      auto st = stub->GetAccount(&ctx, areq, &acc);
      if (st.ok()) return std::optional<pb::Account>(acc);
      failed = from_status(st);
    }
    return out;
  };
  std::optional<Error> failed;
  auto mine = ask(own, failed, own.size(), deadline_s);
  if (!mine) return failed.value_or(make_error(ErrorCode::kUnavailable, "no agent answers"));
  std::optional<Error> ignored;
  auto theirs = ask(witnesses, ignored, 3, std::min(deadline_s, 3.0));
  uint64_t committed = mine->next_nonce(), nonce = mine->pool_next_nonce();
  if (theirs) {
    committed = std::min(committed, theirs->next_nonce());
    nonce = std::min(nonce, theirs->pool_next_nonce());
  }
  if (nonce < committed) nonce = committed;
  if (nonce - committed > kMaxPendingGovernance)
    return make_error(ErrorCode::kConflict, std::to_string(nonce - committed) +
                                                " governance transactions of this key wait uncommitted; "
                                                "wait for them before signing more");
  uint32_t protocol = std::max(chain.protocol, status->protocol_version());
  for (size_t i = 0; i < witnesses.size() && i < 3; ++i) {
    grpc::ClientContext ctx;
    deadline(ctx, std::min(deadline_s, 3.0));
    pb::NodeStatus st;
    if (!witnesses[i]->GetStatus(&ctx, pb::StatusRequest{}, &st).ok()) continue;
    if (hash_of(st.chain_id()) == chain_id) protocol = std::max(protocol, st.protocol_version());
    break;
  }
  TxPtr tx = key.sign(op, nonce, TxChain{chain_id, protocol});
  Bytes raw = tx->encode();
  pb::GovernanceSubmission sub;
  sub.set_transaction(std::string(raw.begin(), raw.end()));
  Error last = make_error(ErrorCode::kUnavailable, "no agent answers");
  for (auto* stub : own) {
    grpc::ClientContext ctx;
    deadline(ctx, deadline_s);
    pb::GovernanceResult res;
    auto st = stub->SubmitGovernance(&ctx, sub, &res);
    if (st.ok()) return tx->id();
    last = from_status(st);
    // These very bytes are there already (a retry, or gossip from another agent).
    if (last.code == ErrorCode::kDuplicate && last.detail.find("already pending") != std::string::npos)
      return tx->id();
    if (last.code == ErrorCode::kNonceTooLow ||
        (last.code == ErrorCode::kDuplicate && last.detail.find("another transaction") != std::string::npos))
      return make_error(ErrorCode::kConflict, "nonce " + std::to_string(nonce) +
                                                  " of this governance key was taken meanwhile (another workstation "
                                                  "signing at the same time?); nothing was admitted: try again");
    // The same bytes to the next agent; the transaction is never signed twice.
    if (last.code != ErrorCode::kUnavailable) return last;
  }
  return last;
}

}  // namespace consortia::agent
