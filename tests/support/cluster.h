// A hand-driven cluster for node tests (NuRaft-style): real Node objects, a
// FIFO fake network the test can inspect, cut or reorder, and a manual clock.
#pragma once

#include <deque>
#include <map>
#include <stdexcept>
#include <functional>
#include <memory>
#include <vector>

#include "chain/node.h"

namespace consortia::test {

struct Envelope {
  size_t from;
  size_t to;
  MessagePtr msg;
};

class Cluster {
 public:
  // `protocol`: the genesis protocol version (3 on: leader reputation,
  // compact proposals and relayed gossip).
  // `organisations`: that many, each with one admin key (admin(i)), the
  // validators spread over them; none (the default) and nobody governs.
  explicit Cluster(size_t n, const CryptoSuite& suite = ed25519_sha256(), NodeConfig cfg = {},
                   uint32_t protocol = 1, size_t organisations = 0)
      : suite_(suite), cfg_(cfg) {
    genesis_.protocol_version = protocol;
    for (size_t o = 0; o < organisations; ++o) {
      std::string id = "org-" + std::to_string(o);
      genesis_.organisations.push_back(
          Organisation{id, "Org " + std::to_string(o), {admin(o)->public_key()}, "", false});
    }
    for (size_t i = 0; i < n; ++i) {
      Hash32 seed = sha256(as_bytes("cluster-node-" + std::to_string(i)));
      seeds_.push_back(seed);
      auto s = suite.signer_from_seed(seed);
      std::string org = organisations ? "org-" + std::to_string(i % organisations) : "org";
      genesis_.validators.push_back({NodeId{}, s->public_key(), "n" + std::to_string(i), org});
    }
    genesis_.suite = suite.id();
    for (size_t i = 0; i < n; ++i) {
      stores_.push_back(std::make_unique<MemoryBlockStore>());
      nodes_.emplace_back();
      open(i);
    }
  }

  // Node i from now on runs with its own configuration (a faulty one, say).
  void configure(size_t i, NodeConfig cfg) { own_cfg_[i] = cfg; }
  void open(size_t i) {
    auto own = own_cfg_.find(i);
    auto node = Node::open(genesis_, own == own_cfg_.end() ? cfg_ : own->second, suite_, suite_.signer_from_seed(seeds_[i]), *stores_[i],
                           nullptr, now);
    if (!node) throw std::runtime_error(node.error().to_string());
    nodes_[i] = std::move(*node);
  }
  void crash(size_t i) { nodes_[i].reset(); }

  Node& node(size_t i) { return *nodes_[i]; }
  bool up(size_t i) const { return nodes_[i] != nullptr; }
  size_t size() const { return nodes_.size(); }
  // The lowest committed height among the nodes that are up.
  uint64_t min_height() const {
    uint64_t h = UINT64_MAX;
    for (size_t i = 0; i < nodes_.size(); ++i)
      if (up(i)) h = std::min(h, nodes_[i]->status().height);
    return h;
  }
  const Genesis& genesis() const { return genesis_; }
  // What a client signs for: the chain, at the protocol of node `via`'s next block.
  TxChain chain(size_t via = 0) const {
    return TxChain{nodes_[via]->chain_id(), nodes_[via]->next_protocol_version()};
  }
  // A client's transaction for this chain.
  TxPtr tx(const Signer& s, TxKind kind, uint64_t nonce, Bytes payload = {}, size_t via = 0) const {
    return Transaction::create(suite_, s, chain(via), kind, nonce, std::move(payload));
  }
  const Hash32& seed(size_t i) const { return seeds_[i]; }
  size_t index_of(const NodeId& id) const {
    for (size_t i = 0; i < nodes_.size(); ++i)
      if (suite_.node_id(genesis_.validators[i].public_key) == id) return i;
    return SIZE_MAX;
  }

  void absorb(size_t from, NodeOutput& out) {
    for (auto& c : out.commits) commits[from].push_back(c.block);
    for (auto& e : out.equivocations) equivocations.push_back(e.evidence);
    for (auto& r : out.rejections) rejections.push_back(r);
    for (auto& m : out.messages) {
      for (size_t to = 0; to < nodes_.size(); ++to) {
        if (to == from) continue;
        if (m.to && index_of(*m.to) != to) continue;
        inflight.push_back({from, to, m.msg});
      }
    }
  }

  // Delivers queued messages (filter may drop them) until the network is quiet
  // or max messages were delivered.
  size_t deliver_all(const std::function<bool(const Envelope&)>& keep = nullptr,
                     size_t max = 100000) {
    size_t n = 0;
    while (!inflight.empty() && n < max) {
      Envelope e = inflight.front();
      inflight.pop_front();
      if (!up(e.to) || (keep && !keep(e))) continue;
      NodeOutput out;
      nodes_[e.to]->on_message(suite_.node_id(genesis_.validators[e.from].public_key), *e.msg, now,
                               out);
      absorb(e.to, out);
      ++n;
    }
    return n;
  }

  void tick_all() {
    for (size_t i = 0; i < nodes_.size(); ++i) {
      if (!up(i)) continue;
      NodeOutput out;
      nodes_[i]->on_tick(now, out);
      absorb(i, out);
    }
  }

  // Advances the clock in steps, ticking and delivering, until pred() or the
  // deadline; returns whether pred() became true.
  bool run_until(const std::function<bool()>& pred, TimeMs for_ms, TimeMs step = 10,
                 const std::function<bool(const Envelope&)>& keep = nullptr) {
    TimeMs end = now + for_ms;
    while (now < end) {
      if (pred()) return true;
      now += step;
      tick_all();
      deliver_all(keep);
    }
    return pred();
  }

  std::unique_ptr<Signer> admin(size_t organisation) const {
    return suite_.signer_from_seed(sha256(as_bytes("cluster-admin-" + std::to_string(organisation))));
  }
  std::unique_ptr<Signer> client(int i) const {
    return suite_.signer_from_seed(sha256(as_bytes("client-" + std::to_string(i))));
  }

  TimeMs now = 1000;
  std::deque<Envelope> inflight;
  std::map<size_t, std::vector<BlockPtr>> commits;
  std::vector<Equivocation> equivocations;
  std::vector<std::string> rejections;

 private:
  const CryptoSuite& suite_;
  NodeConfig cfg_;
  std::map<size_t, NodeConfig> own_cfg_;
  Genesis genesis_;
  std::vector<Hash32> seeds_;
  std::vector<std::unique_ptr<MemoryBlockStore>> stores_;
  std::vector<std::unique_ptr<Node>> nodes_;
};

}  // namespace consortia::test
