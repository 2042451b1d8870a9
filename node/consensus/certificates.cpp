#include "consensus/certificates.h"

namespace consortia {

QuorumCertificate genesis_qc(const Hash32& genesis_hash) {
  QuorumCertificate qc;
  qc.block_hash = genesis_hash;
  return qc;
}

template <class Entries, class PayloadFn>
static Status check_signers(const CertificateContext& ctx, const ValidatorSet& set,
                            const Entries& entries, PayloadFn payload, const char* what) {
  if (entries.size() < set.quorum())
    return make_error(ErrorCode::kBadCertificate,
                      std::string(what) + " has " + std::to_string(entries.size()) +
                          " signatures, quorum is " + std::to_string(set.quorum()));
  // Signers are sorted, and so is the set: one merge walk finds them all.
  const auto& members = set.by_id();
  size_t m = 0;
  for (size_t i = 0; i < entries.size(); ++i) {
    const auto& e = entries[i];
    if (i > 0 && !(entries[i - 1].signer < e.signer))
      return make_error(ErrorCode::kBadCertificate, std::string(what) + " signers not distinct");
    while (m < members.size() && members[m]->id < e.signer) ++m;
    const Validator* v = m < members.size() && members[m]->id == e.signer ? members[m] : nullptr;
    if (!v)
      return make_error(ErrorCode::kBadCertificate,
                        std::string(what) + " signed by non-validator " + e.signer.short_hex());
    if (!ctx.suite.verify(v->public_key, payload(e), e.signature))
      return make_error(ErrorCode::kBadSignature,
                        std::string(what) + " has a bad signature by " + e.signer.short_hex());
  }
  return {};
}

Status verify_qc(const CertificateContext& ctx, const ValidatorSet& set,
                 const QuorumCertificate& qc) {
  if (qc.is_genesis()) {
    if (qc.block_hash == ctx.genesis_hash && qc.votes.empty()) return {};
    return make_error(ErrorCode::kBadCertificate, "view-0 certificate is not the genesis one");
  }
  if (ctx.memo && ctx.memo->seen(set, qc)) return {};
  // Every signer signed the same statement.
  const Bytes payload = vote_payload(ctx.chain_id, qc.view, qc.height, qc.block_hash);
  auto st = check_signers(ctx, set, qc.votes.items(),
                          [&](const SignerEntry&) -> const Bytes& { return payload; }, "QC");
  if (st && ctx.memo) ctx.memo->remember(set, qc);
  return st;
}

Status verify_tc(const CertificateContext& ctx, const ValidatorSet& set,
                 const TimeoutCertificate& tc) {
  auto st = verify_tc_timeouts(ctx, set, tc);
  if (!st) return st;
  return verify_qc(ctx, set, tc.high_qc);
}

Status verify_tc_timeouts(const CertificateContext& ctx, const ValidatorSet& set,
                          const TimeoutCertificate& tc) {
  if (tc.high_qc.view != tc.max_high_qc_view())
    return make_error(ErrorCode::kBadCertificate, "TC does not carry its highest QC");
  if (tc.high_qc.view >= tc.view)
    return make_error(ErrorCode::kBadCertificate, "TC high QC is not below its view");
  auto st = check_signers(ctx, set, tc.entries,
                          [&](const TimeoutCertificate::Entry& e) {
                            return timeout_payload(ctx.chain_id, tc.view, e.high_qc_view);
                          },
                          "TC");
  return st;
}

}  // namespace consortia
