// Equivocation evidence: two statements one validator signed for one view.
// Each statement verifies with the validator's public key over the payload
// it signed (a proposal's block hash, a vote's view, height and block), so
// anyone holding the chain id and that key can check the evidence without
// trusting whoever handed it over. Nodes keep what they find or are sent
// (chain/node.h), pass it to their peers (protocol 7 on), and agents show it
// so that the organisations can remove the validator through governance.
#pragma once

#include <optional>
#include <tuple>

#include "ledger/block.h"

namespace consortia {

struct Equivocation {
  enum class Kind : uint8_t { kProposal = 1, kVote = 2 };
  static constexpr size_t kMaxEncodedBytes = 1 << 20;
  Kind kind = Kind::kVote;
  NodeId offender;
  uint64_t view = 0;
  Hash32 first, second;  // the block hashes signed
  Bytes first_signature, second_signature;
  uint64_t first_height = 0, second_height = 0;  // votes sign the height too
  // Proposals: the headers whose hashes were signed; they name the view
  // and the proposer, which the signature alone does not cover. Without
  // their certificates' votes (the hash does not cover them, so nobody
  // relaying the evidence can pad it): see without_votes.
  std::optional<BlockHeader> first_header, second_header;

  // One piece of evidence per offender, view and kind is enough.
  std::tuple<NodeId, uint64_t, Kind> key() const { return {offender, view, kind}; }
  void encode(Writer& w) const;
  Bytes encode() const;
  static Equivocation read(Reader& r);
  static Result<Equivocation> decode(ByteView in);
  // The same evidence with the headers' certificate votes left out.
  Equivocation without_votes() const;
  // kOk when both statements are the offender's (signed with public_key for
  // this chain), for this view, and differ; otherwise why not.
  Status verify(const CryptoSuite& suite, const Hash32& chain_id, ByteView public_key) const;
};

const char* equivocation_kind_name(Equivocation::Kind k);

// The protocol version from which nodes pass evidence to their peers (older
// software could not read the message).
inline constexpr uint32_t kEquivocationGossipVersion = 7;

}  // namespace consortia
