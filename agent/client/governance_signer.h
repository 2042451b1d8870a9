// Governance signed where the admin is. An organisation's governance key
// (orgs/<org>/governance.key in the network directory) stays on the admin's
// workstation, optionally encrypted with a passphrase; the console and
// consortia-ctl sign proposals and approvals with it and hand the signed
// transaction to one of the organisation's agents (SubmitGovernance), which
// holds no governance key. Owning a node host therefore gives neither the
// organisation's vote nor its CA.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

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
// Reads a secret from the environment and removes it there, so that no
// process this one starts (local agents, supervisors) inherits it.
std::optional<std::string> take_secret_from_environment(const char* name);

class AdminKey {
 public:
  // Reads a governance key file. An encrypted file needs its passphrase; the
  // error then says where to give it.
  static Result<AdminKey> open(const std::string& file, std::string_view passphrase);
  // Whether the file is encrypted (so a console asks for the passphrase).
  static bool encrypted(const std::string& file);

  const CryptoSuite& suite() const { return *suite_; }
  NodeId account() const { return suite_->node_id(signer_->public_key()); }
  TxPtr sign(const GovOp& op, uint64_t nonce, const TxChain& chain) const;

 private:
  const CryptoSuite* suite_ = nullptr;
  std::shared_ptr<Signer> signer_;
};

// Signs `op` once with `key` and hands the same signed bytes to `own` (the
// organisation's agents, admin certificates) in turn until one admits it:
// the transaction's id. A transaction already pending there counts as
// admitted.
//
// The nonce is the lowest next free nonce (mempools included) that the
// first answering agent of `own` and of `witnesses` (another organisation's
// agents) report, and at most kMaxPendingGovernance past the committed one:
// an agent that lies upward cannot make the workstation sign at a gap, and
// nothing is signed twice. A nonce taken meanwhile (another workstation
// signing at the same time) fails with kConflict; calling again signs anew.
//
// `chain` comes from the workstation's own copy of the genesis, never from
// an agent: its id (a transaction signed for a chain an agent named could be
// replayed on that chain; an agent that reports another chain is refused)
// and the protocol the chain started on. The transaction's version follows
// the highest of that protocol and those the first own agent and the first
// witness report: an agent under-reporting to get a version 1 signature
// (valid on other chains) must have the genesis and another organisation's
// agent agree; one over-reporting only gets the transaction refused.
inline constexpr uint64_t kMaxPendingGovernance = 16;
Result<Hash32> sign_and_submit(const std::vector<pb::AgentService::Stub*>& own,
                               const std::vector<pb::AgentService::Stub*>& witnesses, const AdminKey& key,
                               const TxChain& chain, const GovOp& op, double deadline_s = 10);

}  // namespace consortia::agent
