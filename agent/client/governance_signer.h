// Governance signed where the admin is. An organisation's governance key
// (orgs/<org>/governance.key in the network directory) stays on the admin's
// workstation, optionally encrypted with a passphrase; the console and
// consortia-ctl sign proposals and approvals with it and hand the signed
// transaction to one of the organisation's agents (SubmitGovernance), which
// holds no governance key. Owning a node host therefore gives neither the
// organisation's vote nor its CA.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "consortia/v1/agent.grpc.pb.h"
#include "core/result.h"
#include "crypto/crypto_suite.h"
#include "ledger/transaction.h"
#include "state/governance.h"

namespace consortia::agent {

namespace pb = consortia::v1;

// What a ProposeRequest asks for, as the chain's operation; a clear error for
// an unknown action or fields of the wrong size.
Result<GovOp> governance_proposal(const pb::ProposeRequest& p);
GovOp governance_vote(const Hash32& proposal, bool withdraw);

// The passphrase for an organisation's governance key when none is given:
// the environment variable CONSORTIA_ADMIN_PASSPHRASE, or empty.
std::string admin_passphrase_from_environment();

class AdminKey {
 public:
  // Reads a governance key file. An encrypted file needs its passphrase; the
  // error then says where to give it.
  static Result<AdminKey> open(const std::string& file, std::string_view passphrase);
  // Whether the file is encrypted (so a console asks for the passphrase).
  static bool encrypted(const std::string& file);

  const CryptoSuite& suite() const { return *suite_; }
  NodeId account() const { return suite_->node_id(signer_->public_key()); }
  TxPtr sign(const GovOp& op, uint64_t nonce) const;

 private:
  const CryptoSuite* suite_ = nullptr;
  std::shared_ptr<Signer> signer_;
};

// Signs `op` with `key` at the next nonce the agent behind `stub` knows of
// (its mempool included) and submits it there: the transaction's id. A
// nonce taken meanwhile (another workstation of the organisation) is retried
// with the next one.
Result<Hash32> sign_and_submit(pb::AgentService::Stub& stub, const AdminKey& key, const GovOp& op,
                               double deadline_s = 10);

}  // namespace consortia::agent
