#include "explorer/explorer_query.h"

#include "agents/api_adapter.h"
#include "ledger/transaction.h"
#include "state/evidence.h"

namespace consortia::console {

void ExplorerQuery::explore(int node, QString query, bool evidence) {
  ExplorerResult r;
  r.query = query.trimmed().toStdString();
  if (node < 0 || node >= static_cast<int>(links_->size())) {
    r.error = "not_found: no such node";
    emit explored(r);
    return;
  }
  r.node = links_->endpoint(static_cast<size_t>(node)).name;
  ExplorerQueryError why{};
  auto target = parse_explorer_target(r.query, evidence, &why);
  if (!target) {
    r.query_error = why;
    emit explored(r);
    return;
  }
  auto& stub = links_->viewer(static_cast<size_t>(node));
  switch (target->kind) {
    case ExplorerTarget::Kind::kDigest: prove(stub, target->id, r); break;
    case ExplorerTarget::Kind::kHeight: {
      grpc::ClientContext ctx;
      ctx.set_deadline(AgentLinks::deadline(3000));
      v1::BlockRequest req;
      req.set_height(target->height);
      v1::BlockInfo b;
      if (auto st = stub.GetBlock(&ctx, req, &b); st.ok()) {
        r.kind = ExplorerResult::Kind::kBlock;
        r.block = block_summary(b);
      } else {
        r.error = st.error_message();
      }
      break;
    }
    case ExplorerTarget::Kind::kHashOrId: look_up(stub, target->id, r); break;
  }
  emit explored(r);
}

void ExplorerQuery::prove(v1::AgentService::Stub& stub, const std::string& digest, ExplorerResult& r) {
  grpc::ClientContext ctx;
  ctx.set_deadline(AgentLinks::deadline(3000));
  v1::EvidenceRequest req;
  req.set_digest(digest);
  v1::EvidenceProof out;
  if (auto st = stub.ProveEvidence(&ctx, req, &out); !st.ok()) {
    r.error = st.error_message();
    return;
  }
  r.kind = ExplorerResult::Kind::kEvidence;
  auto proof = EvidenceProof::from_json(out.proof_json());
  if (!proof) {
    r.verdict = {false, "the proof does not parse: " + proof.error().detail, {}};
    return;
  }
  r.proof = *proof;
  r.verdict = verify_evidence_proof(*proof, trusted_);
}

void ExplorerQuery::look_up(v1::AgentService::Stub& stub, const std::string& id, ExplorerResult& r) {
  // A block by hash, else a transaction by id.
  {
    grpc::ClientContext ctx;
    ctx.set_deadline(AgentLinks::deadline(3000));
    v1::BlockRequest req;
    req.set_hash(id);
    v1::BlockInfo b;
    if (stub.GetBlock(&ctx, req, &b).ok()) {
      r.kind = ExplorerResult::Kind::kBlock;
      r.block = block_summary(b);
      return;
    }
  }
  grpc::ClientContext ctx;
  ctx.set_deadline(AgentLinks::deadline(3000));
  v1::TransactionRequest t;
  t.set_id(id);
  v1::TransactionInfo info;
  if (auto st = stub.GetTransaction(&ctx, t, &info); !st.ok()) {
    r.error = st.error_message();
    return;
  }
  r.kind = ExplorerResult::Kind::kTransaction;
  r.tx = tx_summary(info);
  if (info.kind() == static_cast<uint32_t>(TxKind::kEvidence) && suite_) {
    const std::string& enc = info.encoded();
    if (auto tx = Transaction::decode(*suite_, ByteView(reinterpret_cast<const uint8_t*>(enc.data()), enc.size())))
      if (auto rec = EvidenceRecord::decode((*tx)->payload())) r.evidence_digest_hex = rec->digest.hex();
  }
}

}  // namespace consortia::console
