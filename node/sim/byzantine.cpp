#include "sim/byzantine.h"

namespace consortia::sim {

void Byzantine::send(Instance& in, const std::optional<NodeId>& to, const MessagePtr& msg, int64_t t) {
  route_(in, to, msg, t, [](const Instance&) { return true; });
}

Bytes Byzantine::garbage(size_t n) {
  Bytes b(n);
  for (auto& x : b) x = static_cast<uint8_t>(rng_.next());
  return b;
}

void Byzantine::misbehave(Instance& in, const Outgoing& o, int64_t t) {
  const Hash32& chain = in.node->chain_id();
  auto share = [](Message m) { return std::make_shared<const Message>(std::move(m)); };
  switch (in.byz) {
    case ByzantineKind::kSilent: return;
    case ByzantineKind::kForge: {
      // Garbage signatures, and votes that claim another validator.
      Message m = *o.msg;
      if (auto* v = std::get_if<Vote>(&m)) {
        v->signature = garbage(v->signature.size());
        if (rng_.chance(0.5)) v->voter = instances_[rng_.below(static_cast<uint64_t>(sc_.nodes))].id;
      } else if (auto* tm = std::get_if<TimeoutMsg>(&m)) {
        tm->signature = garbage(tm->signature.size());
      } else if (auto* p = std::get_if<Proposal>(&m)) {
        p->signature = garbage(p->signature.size());
      } else if (auto* c = std::get_if<CompactProposal>(&m)) {
        c->signature = garbage(c->signature.size());
      }
      send(in, o.to, share(std::move(m)), t);
      return;
    }
    case ByzantineKind::kEquivocate: {
      // Two blocks for one view, each to half of the network, and a vote for the second.
      auto* p = std::get_if<Proposal>(o.msg.get());
      auto* c = std::get_if<CompactProposal>(o.msg.get());
      if (!p && !c) break;
      BlockHeader h = p ? p->block->header() : c->header;
      h.timestamp_ms += 1;
      Hash32 other = Block::header_hash(crypto_, h);
      Bytes sig = in.signer->sign(proposal_payload(chain, other));
      Message second;
      if (p) {
        second = Proposal{Block::create(crypto_, h, p->block->txs()), p->tc, std::move(sig)};
      } else {
        second = CompactProposal{h, c->tx_leaves, c->prefilled, c->tc, std::move(sig)};
      }
      route_(in, o.to, o.msg, t, [](const Instance& b) { return b.index % 2 == 0; });
      route_(in, o.to, share(std::move(second)), t, [](const Instance& b) { return b.index % 2 == 1; });
      Vote v{h.view, h.height, other, in.id, in.signer->sign(vote_payload(chain, h.view, h.height, other))};
      NodeId next = in.node->consensus().current_rules_ref().leader(h.view + 1);
      send(in, next, share(std::move(v)), t);
      return;
    }
    case ByzantineKind::kDoubleVote: {
      // A second vote, for a block that does not exist.
      auto* v = std::get_if<Vote>(o.msg.get());
      if (!v) break;
      send(in, o.to, o.msg, t);
      Vote v2 = *v;
      v2.block_hash = sha256(v->block_hash.view());
      v2.signature = in.signer->sign(vote_payload(chain, v2.view, v2.height, v2.block_hash));
      send(in, o.to, share(std::move(v2)), t);
      return;
    }
    default: break;
  }
  send(in, o.to, o.msg, t);
}

}  // namespace consortia::sim
