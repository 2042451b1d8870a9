#include "governance_signer.h"

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

TxPtr AdminKey::sign(const GovOp& op, uint64_t nonce) const {
  return Transaction::create(*suite_, *signer_, TxKind::kGovernance, nonce, op.encode());
}

Result<Hash32> sign_and_submit(pb::AgentService::Stub& stub, const AdminKey& key, const GovOp& op, double deadline_s) {
  NodeId account = key.account();
  pb::AccountRequest areq;
  areq.set_account(std::string(account.v.begin(), account.v.end()));
  uint64_t floor = 0;
  for (int attempt = 0; attempt < 3; ++attempt) {
    grpc::ClientContext actx;
    deadline(actx, deadline_s);
    pb::Account acc;
    if (auto st = stub.GetAccount(&actx, areq, &acc); !st.ok()) return from_status(st);
    uint64_t nonce = std::max(acc.pool_next_nonce(), floor);
    TxPtr tx = key.sign(op, nonce);
    Bytes raw = tx->encode();
    pb::GovernanceSubmission sub;
    sub.set_transaction(std::string(raw.begin(), raw.end()));
    grpc::ClientContext sctx;
    deadline(sctx, deadline_s);
    pb::GovernanceResult res;
    auto st = stub.SubmitGovernance(&sctx, sub, &res);
    if (st.ok()) return tx->id();
    Error e = from_status(st);
    // Another of the organisation's workstations took the nonce: the next.
    bool taken = e.code == ErrorCode::kNonceTooLow ||
                 (e.code == ErrorCode::kDuplicate && e.detail.find("another transaction") != std::string::npos);
    if (!taken) return e;
    floor = nonce + 1;
  }
  return make_error(ErrorCode::kConflict, "the governance key's nonce kept being taken; try again");
}

}  // namespace consortia::agent
