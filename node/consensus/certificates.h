// Verification of quorum and timeout certificates. A certificate is valid when
// a quorum of distinct validators of the given set signed the same statement.
#pragma once

#include "consensus/messages.h"
#include "consensus/validator_set.h"

namespace consortia {

struct CertificateContext {
  const CryptoSuite& suite;
  Hash32 chain_id;
  Hash32 genesis_hash;
};

Status verify_qc(const CertificateContext& ctx, const ValidatorSet& set,
                 const QuorumCertificate& qc);
Status verify_tc(const CertificateContext& ctx, const ValidatorSet& set,
                 const TimeoutCertificate& tc);
QuorumCertificate genesis_qc(const Hash32& genesis_hash);

}  // namespace consortia
