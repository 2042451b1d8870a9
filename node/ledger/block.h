// Blocks and the certificates that chain them.
//
// A block's hash covers its header; the justify QC enters the header by what it
// certifies (view, height, block hash), not by its signature list, so two
// equivalent certificates for the same parent do not make two blocks.
#pragma once

#include <memory>
#include <optional>
#include <vector>

#include "core/shared_vector.h"
#include "ledger/transaction.h"

namespace consortia {

struct SignerEntry {
  NodeId signer;
  Bytes signature;
  auto operator<=>(const SignerEntry&) const = default;
};

// 2f+1 validators' votes for one block in one view.
struct QuorumCertificate {
  uint64_t view = 0;
  uint64_t height = 0;
  Hash32 block_hash;
  SharedVector<SignerEntry> votes;  // sorted by signer, no duplicates; copies share it

  bool is_genesis() const { return view == 0 && height == 0; }
  void encode(Writer& w) const;
  static QuorumCertificate read(Reader& r);
  bool operator==(const QuorumCertificate&) const = default;
};

// 2f+1 validators' timeouts for one view; each signer states the view of its
// highest QC, and the certificate carries the highest of those QCs.
struct TimeoutCertificate {
  struct Entry {
    NodeId signer;
    uint64_t high_qc_view = 0;
    Bytes signature;
    bool operator==(const Entry&) const = default;
  };
  uint64_t view = 0;
  std::vector<Entry> entries;  // sorted by signer
  QuorumCertificate high_qc;

  uint64_t max_high_qc_view() const;
  void encode(Writer& w) const;
  static TimeoutCertificate read(Reader& r);
  bool operator==(const TimeoutCertificate&) const = default;
};

struct BlockHeader {
  static constexpr uint8_t kFormat = 1;
  uint64_t height = 0;
  uint64_t view = 0;
  Hash32 parent_hash;
  Hash32 tx_root;
  Hash32 state_root;  // state after this block's transactions
  uint32_t protocol_version = 1;
  Hash32 validator_set_hash;
  NodeId proposer;
  uint64_t timestamp_ms = 0;
  QuorumCertificate justify;  // certifies the parent
};

struct BlockLimits {
  static constexpr size_t kMaxTxs = 20000;
  static constexpr size_t kMaxQcVotes = 1024;
};

class Block {
 public:
  static std::shared_ptr<const Block> create(const CryptoSuite& suite, BlockHeader header,
                                             std::vector<TxPtr> txs);
  static Result<std::shared_ptr<const Block>> read(const CryptoSuite& suite, Reader& r);
  static Result<std::shared_ptr<const Block>> decode(const CryptoSuite& suite, ByteView in);
  void encode(Writer& w) const;
  Bytes encode() const;

  const BlockHeader& header() const { return header_; }
  const std::vector<TxPtr>& txs() const { return txs_; }
  const Hash32& hash() const { return hash_; }
  uint64_t height() const { return header_.height; }
  uint64_t view() const { return header_.view; }
  const Hash32& parent_hash() const { return header_.parent_hash; }
  size_t encoded_size() const { return encoded_size_; }

  static Hash32 header_hash(const CryptoSuite& suite, const BlockHeader& h);
  static Hash32 compute_tx_root(const CryptoSuite& suite, const std::vector<TxPtr>& txs);

 private:
  Block() = default;
  BlockHeader header_;
  std::vector<TxPtr> txs_;
  Hash32 hash_;
  size_t encoded_size_ = 0;
};

using BlockPtr = std::shared_ptr<const Block>;

void encode_header(Writer& w, const BlockHeader& h);
BlockHeader read_header(Reader& r);

}  // namespace consortia
