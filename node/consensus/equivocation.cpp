#include "consensus/equivocation.h"

#include "consensus/messages.h"

namespace consortia {
namespace {
constexpr size_t kMaxSignature = 128;

void write_opt_header(Writer& w, const std::optional<BlockHeader>& h) {
  w.u8(h ? 1 : 0);
  if (h) encode_header(w, *h);
}

std::optional<BlockHeader> read_opt_header(Reader& r) {
  uint8_t has = r.u8();
  if (has > 1) r.fail("bad optional flag");
  if (has != 1) return std::nullopt;
  return read_header(r);
}
}  // namespace

const char* equivocation_kind_name(Equivocation::Kind k) {
  return k == Equivocation::Kind::kProposal ? "proposal" : "vote";
}

void Equivocation::encode(Writer& w) const {
  w.u8(static_cast<uint8_t>(kind));
  w.hash(offender);
  w.u64(view);
  w.hash(first);
  w.u64(first_height);
  w.bytes(first_signature);
  write_opt_header(w, first_header);
  w.hash(second);
  w.u64(second_height);
  w.bytes(second_signature);
  write_opt_header(w, second_header);
}

Bytes Equivocation::encode() const {
  Writer w;
  encode(w);
  return w.take();
}

Equivocation Equivocation::read(Reader& r) {
  Equivocation e;
  uint8_t kind = r.u8();
  if (r.ok() && kind != static_cast<uint8_t>(Kind::kProposal) && kind != static_cast<uint8_t>(Kind::kVote))
    r.fail("unknown equivocation kind " + std::to_string(kind));
  e.kind = static_cast<Kind>(kind);
  e.offender = r.hash();
  e.view = r.u64();
  e.first = r.hash();
  e.first_height = r.u64();
  e.first_signature = r.bytes(kMaxSignature);
  e.first_header = read_opt_header(r);
  e.second = r.hash();
  e.second_height = r.u64();
  e.second_signature = r.bytes(kMaxSignature);
  e.second_header = read_opt_header(r);
  return e;
}

Result<Equivocation> Equivocation::decode(ByteView in) {
  if (in.size() > kMaxEncodedBytes)
    return make_error(ErrorCode::kTooLarge, "equivocation evidence of " + std::to_string(in.size()) + " bytes");
  Reader r(in);
  Equivocation e = read(r);
  if (auto st = r.finish("equivocation evidence"); !st) return st.error();
  return e;
}

Equivocation Equivocation::without_votes() const {
  Equivocation e = *this;
  for (auto* h : {&e.first_header, &e.second_header})
    if (*h) (*h)->justify.votes.clear();
  return e;
}

Status Equivocation::verify(const CryptoSuite& suite, const Hash32& chain_id, ByteView public_key) const {
  auto bad = [](std::string why) { return Status(make_error(ErrorCode::kBadSignature, std::move(why))); };
  if (suite.node_id(public_key) != offender) return bad("the key given is not the offender's");
  if (kind == Kind::kVote) {
    if (first_header || second_header) return bad("vote evidence carries no headers");
    if (first == second && first_height == second_height) return bad("the two votes are for the same block");
    if (!suite.verify(public_key, vote_payload(chain_id, view, first_height, first), first_signature) ||
        !suite.verify(public_key, vote_payload(chain_id, view, second_height, second), second_signature))
      return bad("a vote's signature does not verify with the offender's key");
    return {};
  }
  if (!first_header || !second_header) return bad("proposal evidence needs both headers");
  if (first == second) return bad("the two proposals are the same block");
  for (const BlockHeader* h : {&*first_header, &*second_header})
    if (h->view != view || h->proposer != offender)
      return bad("a header is not the offender's proposal for view " + std::to_string(view));
  if (!first_header->justify.votes.empty() || !second_header->justify.votes.empty())
    return bad("the headers carry their certificates' votes (evidence leaves them out)");
  if (first_header->height != first_height || second_header->height != second_height)
    return bad("a height is not its header's");
  if (Block::header_hash(suite, *first_header) != first || Block::header_hash(suite, *second_header) != second)
    return bad("a header does not hash to the block signed");
  if (!suite.verify(public_key, proposal_payload(chain_id, first), first_signature) ||
      !suite.verify(public_key, proposal_payload(chain_id, second), second_signature))
    return bad("a proposal's signature does not verify with the offender's key");
  return {};
}

}  // namespace consortia
