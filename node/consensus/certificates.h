// Verification of quorum and timeout certificates. A certificate is valid when
// a quorum of distinct validators of the given set signed the same statement.
#pragma once

#include "consensus/messages.h"
#include "consensus/validator_set.h"

namespace consortia {

// A memo of quorum-certificate checks, shared by nodes that receive the very
// same certificates (the simulator shares one between its nodes). A check is a
// pure function of the certificate and the validator set, so a certificate
// that differs in any signer or signature bit is checked afresh; the
// simulator still charges every node for the signatures on its clock.
class CertificateMemo {
 public:
  virtual ~CertificateMemo() = default;
  virtual bool seen(const ValidatorSet& set, const QuorumCertificate& qc) = 0;
  virtual void remember(const ValidatorSet& set, const QuorumCertificate& qc) = 0;
};

struct CertificateContext {
  const CryptoSuite& suite;
  Hash32 chain_id;
  Hash32 genesis_hash;
  CertificateMemo* memo = nullptr;
};

Status verify_qc(const CertificateContext& ctx, const ValidatorSet& set,
                 const QuorumCertificate& qc);
Status verify_tc(const CertificateContext& ctx, const ValidatorSet& set,
                 const TimeoutCertificate& tc);
// The timeouts of a TC alone; its high QC may be signed by another
// configuration's validators (around a reconfiguration) and is checked apart.
Status verify_tc_timeouts(const CertificateContext& ctx, const ValidatorSet& set,
                          const TimeoutCertificate& tc);
QuorumCertificate genesis_qc(const Hash32& genesis_hash);

}  // namespace consortia
