// Node-to-node messages of the consensus protocol, block sync and
// transaction gossip, with their canonical encoding.
//
// Every field that influences a decision is authenticated: proposals, votes and
// timeouts are signed; certificates carry signatures; blocks are verified by
// hash against a certificate; transactions carry their own signatures. A
// corrupted message either fails to decode or fails one of these checks.
#pragma once

#include <memory>
#include <optional>
#include <variant>

#include "consensus/equivocation.h"
#include "ledger/block.h"

namespace consortia {

struct Proposal {
  BlockPtr block;
  std::optional<TimeoutCertificate> tc;  // present when the view was entered by timeout
  Bytes signature;                       // proposer's, over the block hash
};

struct Vote {
  uint64_t view = 0;
  uint64_t height = 0;
  Hash32 block_hash;
  NodeId voter;
  Bytes signature;
};

struct TimeoutMsg {
  uint64_t view = 0;
  QuorumCertificate high_qc;
  std::optional<TimeoutCertificate> last_tc;  // for view-1, helps a lagging peer advance
  NodeId sender;
  Bytes signature;  // over (view, high_qc.view)
};

// Sent to a peer that is behind: our highest certificates.
struct SyncInfo {
  QuorumCertificate high_qc;
  std::optional<TimeoutCertificate> high_tc;
};

struct BlockRequest {
  Hash32 hash;
  uint32_t max_count = 1;  // the block and up to max_count-1 ancestors
};

struct BlockResponse {
  std::vector<BlockPtr> blocks;  // newest first, each the parent of the one before
};

struct TxBatch {
  std::vector<TxPtr> txs;
};

// A proposal as it goes to every peer from protocol 3 on: the block's header
// and its transactions' Merkle leaves (each covers the whole transaction,
// signature included, and together they make the header's tx_root), since
// peers hold the transactions from gossip.
// The receiving node rebuilds the block and asks the sender for what it
// lacks (chain/node.cpp); the consensus core only ever sees whole blocks.
struct CompactProposal {
  BlockHeader header;
  std::vector<Hash32> tx_leaves;
  // Transactions the leader received so recently that peers may not have
  // them yet, whole, by position in the block.
  std::vector<std::pair<uint32_t, TxPtr>> prefilled;
  std::optional<TimeoutCertificate> tc;
  Bytes signature;
};

// Some transactions of a block, by position, asked of a peer that has it.
struct BlockTxRequest {
  Hash32 block;
  std::vector<uint32_t> indices;  // strictly increasing
};

struct BlockTxResponse {
  Hash32 block;
  std::vector<uint32_t> indices;
  std::vector<TxPtr> txs;  // txs[i] is the block's transaction indices[i]
};

// Transaction gossip through a relay (protocol 3 on): the receiver admits
// the transactions and passes them on to each peer in `forward`, so that
// the node where they entered does not send every transaction to every peer.
struct TxRelay {
  std::vector<TxPtr> txs;
  std::vector<NodeId> forward;
};

// Evidence that a validator equivocated (protocol 7 on), passed on once by
// each node that finds it new and valid.
struct EquivocationEvidence {
  Equivocation evidence;
};

using Message = std::variant<Proposal, Vote, TimeoutMsg, SyncInfo, BlockRequest, BlockResponse, TxBatch,
                             CompactProposal, BlockTxRequest, BlockTxResponse, TxRelay, EquivocationEvidence>;
using MessagePtr = std::shared_ptr<const Message>;

struct MessageLimits {
  static constexpr uint8_t kWireVersion = 1;
  static constexpr size_t kMaxMessageBytes = 32 * 1024 * 1024;
  // What a node builds stays well inside kMaxMessageBytes however large the
  // transactions: a message too large to deliver would be rebuilt and
  // resent for good (an operator's large transactions could stop the chain).
  static constexpr size_t kMaxBlockTxBytes = 8 * 1024 * 1024;     // a block's transactions
  static constexpr size_t kMaxGossipBytes = 4 * 1024 * 1024;      // a gossip batch's
  static constexpr size_t kMaxSyncAnswerBytes = 16 * 1024 * 1024; // the blocks of a sync answer
  static constexpr uint32_t kMaxSyncBlocks = 64;
  static constexpr size_t kMaxBatchTxs = 20000;
  static constexpr size_t kMaxRelayTargets = 64;
};

const char* message_type_name(const Message& m);
// Transaction gossip.
inline bool is_gossip(const Message& m) {
  return std::holds_alternative<TxBatch>(m) || std::holds_alternative<TxRelay>(m);
}
// What only validators send: their votes and timeouts, and proposals (the
// leader's, passed on by the next leader).
inline bool is_validator_statement(const Message& m) {
  return std::holds_alternative<Vote>(m) || std::holds_alternative<TimeoutMsg>(m) ||
         std::holds_alternative<Proposal>(m) || std::holds_alternative<CompactProposal>(m);
}
// The transactions gossip carries (TxBatch, TxRelay), whose signatures a
// host may check before the node sees the message. Not those in blocks,
// which the node checks itself after its cheaper checks (the proposer is
// the leader, the blocks were asked for, the leaves match), and which are
// mostly transactions it already has.
std::vector<TxPtr> gossiped_transactions(const Message& m);
// What yields to consensus messages on a busy link.
inline bool is_bulk(const Message& m) { return is_gossip(m); }
Bytes encode_message(const Message& m);
// Decodes one message; any byte string yields either a message or an error.
Result<Message> decode_message(const CryptoSuite& suite, ByteView in);
size_t encoded_size(const Message& m);

// Domain-separated payloads that validators sign.
Bytes vote_payload(const Hash32& chain_id, uint64_t view, uint64_t height, const Hash32& block);
Bytes timeout_payload(const Hash32& chain_id, uint64_t view, uint64_t high_qc_view);
Bytes proposal_payload(const Hash32& chain_id, const Hash32& block);

}  // namespace consortia
