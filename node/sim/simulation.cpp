#include "sim/simulation.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cmath>
#include <nlohmann/json.hpp>
#include <queue>
#include <set>
#include <random>
#include <sstream>
#include <unordered_set>

#include "chain/node.h"
#include "net/netem_rule.h"
#include "sim/sim_crypto.h"
#include "state/custody.h"

namespace consortia::sim {
namespace {

constexpr int64_t kUs = 1000000;
constexpr int64_t kEventCostUs = 5;       // fixed handling cost of any input
constexpr int64_t kWorkloadStepUs = 10000;

class Rng {
 public:
  explicit Rng(uint64_t seed) : g_(seed) {}
  double uniform() { return static_cast<double>(g_() >> 11) * 0x1.0p-53; }
  bool chance(double p) { return p > 0 && uniform() < p; }
  uint64_t below(uint64_t n) { return n ? g_() % n : 0; }
  uint64_t next() { return g_(); }

 private:
  std::mt19937_64 g_;
};

// netem's correlated random numbers: next = corr * last + (1 - corr) * fresh.
double correlated(Rng& rng, double& last, double corr) {
  double v = corr > 0 ? corr * last + (1 - corr) * rng.uniform() : rng.uniform();
  last = v;
  return v;
}

size_t message_size(const Message& m) {
  if (auto* p = std::get_if<Proposal>(&m)) return p->block->encoded_size() + 200;
  if (auto* b = std::get_if<TxBatch>(&m)) {
    size_t n = 8;
    for (const auto& tx : b->txs) n += tx->encoded_size();
    return n;
  }
  if (auto* r = std::get_if<BlockResponse>(&m)) {
    size_t n = 8;
    for (const auto& blk : r->blocks) n += blk->encoded_size();
    return n;
  }
  return encoded_size(m);
}

// The run's trace: every processed event folded into one 64-bit digest
// (FNV-1a), so two runs can be compared event for event.
uint64_t fold(uint64_t h, uint64_t v) {
  for (int i = 0; i < 8; ++i) {
    h ^= (v >> (8 * i)) & 0xff;
    h *= 0x100000001b3ULL;
  }
  return h;
}

Hash32 seed_for(uint64_t run_seed, const std::string& what, int i) {
  return sha256(as_bytes("consortia-sim/" + std::to_string(run_seed) + "/" + what + "/" +
                         std::to_string(i)));
}

}  // namespace

struct Simulation::Impl {
  struct Event {
    enum Kind : uint8_t { kDeliver, kTick, kWorkload, kTimeline, kCrash, kRestart, kResubmit,
                          kLivenessMark, kFlap };
    int64_t t;
    uint64_t seq;
    Kind kind;
    int target = -1;
    uint64_t incarnation = 0;
    NodeId from;
    MessagePtr msg;
    int aux = 0;
    bool operator>(const Event& o) const { return t != o.t ? t > o.t : seq > o.seq; }
  };

  struct Instance {
    int index = 0;
    int validator = 0;
    Hash32 seed;
    NodeId id;
    ByzantineKind byz = ByzantineKind::kNone;
    std::unique_ptr<MemoryBlockStore> store;
    std::unique_ptr<Node> node;
    std::unique_ptr<Signer> signer;  // the same key, for crafting Byzantine messages
    bool up = false;
    uint64_t incarnation = 0;
    int64_t busy_until = 0;
    int64_t skew_us = 0;
    int64_t tick_at = -1;
    int64_t egress_free = 0;
    uint64_t height = 0;
    LinkRule egress;  // the node's own rule (timeline), merged over the global one
    uint64_t debug_timeouts = 0;
    uint32_t max_version = kMaxProtocolVersion;  // the software it runs
    uint64_t qc_signatures = 0;  // votes of this node in committed certificates
    int64_t busy_total_us = 0;  // CPU time charged so far
    double latency_ms = 0;      // live: moving mean commit latency of the workload it took
    Bytes private_key;  // live: the member's own key instead of one from the seed
    bool honest() const { return byz == ByzantineKind::kNone; }
    std::unique_ptr<Signer> key(const CryptoSuite& c) const {
      if (private_key.empty()) return c.signer_from_seed(seed);
      auto s = c.signer_from_private(private_key);
      return s ? std::move(*s) : nullptr;
    }
  };

  struct Link {
    int64_t base_us = 0;
    double delay_last = 0, loss_last = 0, reorder_last = 0;
    uint64_t messages = 0, dropped = 0, bytes = 0;
  };

  struct Client {
    std::unique_ptr<Signer> signer;
    uint64_t next_nonce = 0;
    // custody workload: outputs the client owns, as it learned from commits
    bool deposited = false;
    std::map<OutPoint, uint64_t> owned;
    std::set<OutPoint> in_flight;
  };

  struct Pending {
    TxPtr tx;
    int64_t submitted = 0;
    int64_t last_try = 0;
    size_t entry = 0;
  };

  Scenario sc;
  Rng rng;
  std::unique_ptr<SimCrypto> crypto;
  std::unique_ptr<SimCertificateMemo> memo;
  CryptoCosts costs;
  Genesis genesis;
  NodeConfig cfg;
  std::shared_ptr<ExecutionCache> cache = std::make_shared<ExecutionCache>(512);
  std::vector<Instance> inst;
  std::vector<Link> links;
  std::vector<uint8_t> cut;
  LinkRule global_rule;
  std::priority_queue<Event, std::vector<Event>, std::greater<Event>> queue;
  uint64_t seq = 0;
  int64_t now = 0;
  int64_t end = 0;

  // checkers
  std::vector<Hash32> canon_hash{Hash32{}};
  std::vector<Hash32> canon_state{Hash32{}};
  std::unordered_set<Hash32> canon_txs;
  uint64_t canon_txs_count = 0;
  uint64_t liveness_mark_height = 0;
  double liveness_mark_s = 0;

  // workload
  std::vector<Client> clients;
  std::vector<int> entries;
  size_t next_entry = 0, next_client = 0;
  double tx_credit = 0;
  std::unordered_map<Hash32, Pending> pending;
  std::vector<double> latencies_ms;
  std::unordered_map<NodeId, size_t> client_of;
  std::unordered_map<NodeId, int> instance_of;

  // governance: one admin key per organisation; proposals in flight
  std::vector<std::unique_ptr<Signer>> admins;
  std::vector<uint64_t> admin_nonce;
  struct GovTask {
    std::string action;
    Hash32 proposal;          // the proposing transaction
    std::vector<TxPtr> txs;   // proposal, then approvals once it is committed
    bool approvals_sent = false;
    size_t outcome = 0;       // index into report.governance
  };
  std::vector<GovTask> gov;
  std::unordered_map<Hash32, size_t> gov_tx;  // governance tx id -> task

  Report report;
  bool debug_ = std::getenv("CONSORTIA_SIM_DEBUG") != nullptr;

  // live
  std::optional<LiveNetwork> live;
  int64_t epoch_ms = 0;
  Simulation::LinkPolicy link_policy;
  // live: one transaction index for every node's store (they commit one chain)
  std::shared_ptr<MemoryBlockStore::TxIndex> tx_index = std::make_shared<MemoryBlockStore::TxIndex>();
  Simulation::CommitObserver commit_observer;

  explicit Impl(Scenario s) : sc(std::move(s)), rng(sc.seed) {}

  // ---- set-up ------------------------------------------------------------------

  Status setup() {
    auto real = suite_by_name(sc.suite);
    if (!real) return real.error();
    // Live members hold real keys, so their signatures are real too.
    bool modelled = !live && sc.modelled_crypto.value_or(sc.nodes > 10);
    crypto = std::make_unique<SimCrypto>(**real, modelled);
    memo = std::make_unique<SimCertificateMemo>(*crypto, live.has_value());
    crypto->share_verifications(live.has_value());
    costs = CryptoCosts::for_suite((*real)->id());
    report.nodes = sc.nodes;
    report.seed = sc.seed;
    report.scenario = sc.name;
    report.suite = sc.suite;
    report.modelled_crypto = modelled;

    cfg.consensus = sc.consensus;
    cfg.certificate_memo = memo.get();
    cfg.mempool.max_block_txs = sc.max_block_txs;
    genesis.chain_name = "sim-" + std::to_string(sc.seed);
    genesis.suite = crypto->id();
    genesis.timestamp_ms = 0;
    // Chain parameters live in genesis: every node paces blocks alike.
    genesis.params.max_block_txs = static_cast<uint32_t>(sc.max_block_txs);
    genesis.params.min_block_interval_ms = static_cast<uint32_t>(sc.consensus.min_block_interval_ms);
    genesis.params.idle_block_interval_ms = static_cast<uint32_t>(sc.consensus.idle_block_interval_ms);
    genesis.params.base_timeout_ms = static_cast<uint32_t>(sc.consensus.pacemaker.base_timeout_ms);

    if (live) return setup_live();
    for (int o = 0; o < sc.organisations; ++o) {
      admins.push_back(crypto->signer_from_seed(seed_for(sc.seed, "admin", o)));
      admin_nonce.push_back(0);
      genesis.organisations.push_back(
          Organisation{"org-" + std::to_string(o), "Organisation " + std::to_string(o),
                       {admins.back()->public_key()}, "", false});
    }
    std::vector<Hash32> seeds;
    for (int v = 0; v < sc.nodes + sc.observers; ++v) {
      bool observer = v >= sc.nodes;
      seeds.push_back(seed_for(sc.seed, observer ? "observer" : "validator", v));
      auto signer = crypto->signer_from_seed(seeds.back());
      Validator m{NodeId{}, signer->public_key(),
                  (observer ? "observer-" : "validator-") + std::to_string(v),
                  "org-" + std::to_string(v % sc.organisations)};
      (observer ? genesis.observers : genesis.validators).push_back(std::move(m));
    }

    // Byzantine roles: explicit validators first, then drawn from the seed.
    std::vector<ByzantineKind> role(sc.nodes, ByzantineKind::kNone);
    std::vector<int> free;
    for (int v = 0; v < sc.nodes; ++v) free.push_back(v);
    for (const auto& b : sc.byzantine) {
      for (int v : b.validators) {
        role[v] = b.kind;
        free.erase(std::remove(free.begin(), free.end(), v), free.end());
      }
      for (int k = static_cast<int>(b.validators.size()); k < b.count && !free.empty(); ++k) {
        size_t pick = rng.below(free.size());
        role[free[pick]] = b.kind;
        free.erase(free.begin() + static_cast<long>(pick));
      }
    }
    std::vector<int> twin_of;
    for (int v = 0; v < sc.nodes; ++v) {
      add_instance(v, seeds[v], role[v]);
      if (role[v] == ByzantineKind::kTwins) twin_of.push_back(v);
    }
    for (int v = sc.nodes; v < sc.nodes + sc.observers; ++v)
      add_instance(v, seeds[v], ByzantineKind::kNone);
    for (int v : twin_of) add_instance(v, seeds[v], ByzantineKind::kTwins);
    for (int x : sc.old_software) inst[x].max_version = 1;
    return setup_network();
  }

  // Live: members and keys as given; no Byzantine roles or scenario
  // governance (the network governs itself through its nodes' API).
  Status setup_live() {
    genesis = live->genesis;
    epoch_ms = live->epoch_ms;
    size_t members = genesis.validators.size() + genesis.observers.size();
    if (live->private_keys.size() != members)
      return make_error(ErrorCode::kInvalidArgument, std::to_string(live->private_keys.size()) +
                                                         " keys for " + std::to_string(members) + " members");
    sc.nodes = static_cast<int>(genesis.validators.size());
    sc.observers = static_cast<int>(genesis.observers.size());
    report.nodes = sc.nodes;
    for (size_t i = 0; i < members; ++i) {
      Instance in;
      in.index = static_cast<int>(inst.size());
      in.validator = in.index;
      in.private_key = live->private_keys[i];
      in.store = std::make_unique<MemoryBlockStore>(tx_index);
      in.signer = in.key(*crypto);
      if (!in.signer) return make_error(ErrorCode::kInvalidArgument, "member " + std::to_string(i) + ": unreadable key");
      in.id = crypto->node_id(in.signer->public_key());
      const auto& m = i < genesis.validators.size() ? genesis.validators[i]
                                                    : genesis.observers[i - genesis.validators.size()];
      if (crypto->node_id(m.public_key) != in.id)
        return make_error(ErrorCode::kInvalidArgument, "member " + m.name + ": key does not match genesis");
      instance_of.emplace(in.id, in.index);
      inst.push_back(std::move(in));
    }
    return setup_network();
  }

  Status setup_network() {
    report.instances = static_cast<int>(inst.size());

    size_t n = inst.size();
    links.resize(n * n);
    cut.assign(n * n, 0);
    for (size_t a = 0; a < n; ++a)
      for (size_t b = 0; b < n; ++b) {
        double ms = sc.latency_min_ms + rng.uniform() * (sc.latency_max_ms - sc.latency_min_ms);
        links[a * n + b].base_us = static_cast<int64_t>(ms * 1000);
      }
    for (const auto& r : sc.link_rules) {
      auto rule = parse_link_rule(r);
      if (!rule) return rule.error();
      global_rule.merge(*rule);
    }
    for (auto& in : inst) {
      if (sc.max_clock_skew_ms > 0)
        in.skew_us = static_cast<int64_t>((rng.uniform() * 2 - 1) * sc.max_clock_skew_ms * 1000);
      if (std::find(sc.start_down.begin(), sc.start_down.end(), in.index) != sc.start_down.end())
        continue;
      if (auto st = start_node(in, 0); !st) return st;
    }

    // Workload: clients and the validators that take their transactions.
    for (auto& in : inst)
      if (in.honest() && in.index < sc.nodes) entries.push_back(in.index);
    size_t want_entries = sc.entry_nodes > 0 ? static_cast<size_t>(sc.entry_nodes)
                          : (sc.nodes <= 10 ? entries.size() : 4);
    if (entries.size() > want_entries) entries.resize(want_entries);
    int nclients = static_cast<int>(std::clamp(sc.tps / 5, 4.0, 1000.0));
    for (int c = 0; c < nclients; ++c) {
      Client cl;
      cl.signer = crypto->signer_from_seed(seed_for(sc.seed, "client", c));
      client_of[crypto->node_id(cl.signer->public_key())] = clients.size();
      clients.push_back(std::move(cl));
    }

    end = static_cast<int64_t>(sc.seconds * kUs);
    if (sc.tps > 0 && !entries.empty()) push({0, 0, Event::kWorkload});
    push({kUs, 0, Event::kResubmit});
    schedule_faults();
    return {};
  }

  void add_instance(int validator, const Hash32& seed, ByzantineKind byz) {
    Instance in;
    in.index = static_cast<int>(inst.size());
    in.validator = validator;
    in.seed = seed;
    in.byz = byz;
    in.store = std::make_unique<MemoryBlockStore>(nullptr);  // runs look transactions up by themselves
    in.signer = crypto->signer_from_seed(seed);
    in.id = crypto->node_id(in.signer->public_key());
    instance_of.emplace(in.id, in.index);
    inst.push_back(std::move(in));
  }

  void schedule_faults() {
    // --crash K: K honest validators crash once and restart, at seeded moments.
    std::vector<int> honest;
    for (auto& in : inst)
      if (in.honest() && in.index < sc.nodes) honest.push_back(in.index);
    for (int k = 0; k < sc.crash && !honest.empty(); ++k) {
      size_t pick = rng.below(honest.size());
      int who = honest[pick];
      honest.erase(honest.begin() + static_cast<long>(pick));
      double at = sc.seconds * (0.1 + 0.4 * rng.uniform());
      double back = std::min(at + 1 + 7 * rng.uniform(), sc.seconds * 0.6);
      push({static_cast<int64_t>(at * kUs), 0, Event::kCrash, who});
      push({static_cast<int64_t>(back * kUs), 0, Event::kRestart, who});
      liveness_mark_s = std::max(liveness_mark_s, back);
    }
    for (size_t i = 0; i < sc.timeline.size(); ++i) {
      const auto& e = sc.timeline[i];
      push({static_cast<int64_t>(e.at_s * kUs), 0, Event::kTimeline, -1, 0, {}, nullptr,
            static_cast<int>(i)});
      double settled = e.type == TimelineEvent::Type::kFlap ? e.until_s : e.at_s;
      liveness_mark_s = std::max(liveness_mark_s, settled);
    }
    double mark = std::max(sc.seconds * 0.5, liveness_mark_s + 1.0);
    mark = std::min(mark, std::max(0.0, sc.seconds - 3.0));
    liveness_mark_s = mark;
    push({static_cast<int64_t>(mark * kUs), 0, Event::kLivenessMark});
  }

  Status start_node(Instance& in, int64_t t) {
    NodeConfig c = cfg;
    c.max_protocol_version = in.max_version;
    auto node = Node::open(genesis, c, *crypto, in.key(*crypto), *in.store, cache, node_ms(in, t));
    if (!node) return node.error();
    in.node = std::move(*node);
    uint64_t h = in.node->status().height;
    if (in.honest() && h < in.height)
      violation("acknowledged_lost", in.height,
                "node " + std::to_string(in.index) + " restarted at height " + std::to_string(h) +
                    " after acknowledging " + std::to_string(in.height));
    in.height = h;
    in.up = true;
    in.busy_until = t;
    in.tick_at = -1;
    schedule_tick(in, t);
    return {};
  }

  // ---- events ------------------------------------------------------------------

  void trace(const Event& e) {
    uint64_t h = report.trace_digest;
    h = fold(h, static_cast<uint64_t>(e.t));
    h = fold(h, e.kind);
    h = fold(h, static_cast<uint64_t>(static_cast<int64_t>(e.target)));
    h = fold(h, e.incarnation);
    h = fold(h, static_cast<uint64_t>(static_cast<int64_t>(e.aux)));
    uint64_t from = 0;
    for (int i = 0; i < 8; ++i) from = from << 8 | e.from.v[static_cast<size_t>(i)];
    h = fold(h, from);
    h = fold(h, e.msg ? e.msg->index() : 0xff);
    report.trace_digest = h;
  }

  void push(Event e) {
    e.seq = seq++;
    queue.push(std::move(e));
  }

  int64_t node_ms(const Instance& in, int64_t t) const {
    int64_t local = t + in.skew_us;
    return epoch_ms + (local >= 0 ? local / 1000 : -((-local + 999) / 1000));
  }

  void schedule_tick(Instance& in, int64_t t) {
    if (!in.up) return;
    int64_t d = (in.node->next_deadline() - epoch_ms) * 1000 - in.skew_us;
    d = std::max(d, t + 100);
    if (in.tick_at >= 0 && in.tick_at <= d && in.tick_at >= t) return;
    in.tick_at = d;
    push({d, 0, Event::kTick, in.index, in.incarnation});
  }

  template <class Fn>
  void step(Instance& in, int64_t t, Fn&& fn) {
    CryptoCounters before = crypto->counters();
    NodeOutput out;
    fn(out, node_ms(in, t));
    const CryptoCounters& after = crypto->counters();
    int64_t cost = kEventCostUs +
                   static_cast<int64_t>(after.verifies - before.verifies) * costs.verify_us +
                   static_cast<int64_t>(after.signs - before.signs) * costs.sign_us +
                   static_cast<int64_t>(static_cast<double>(after.hashed_bytes - before.hashed_bytes) *
                                        costs.hash_ns_per_byte / 1000);
    in.busy_until = t + cost;
    in.busy_total_us += cost;
    if (debug_ && in.node) {
      auto st = in.node->status();
      if (st.views_by_timeout != in.debug_timeouts) {
        in.debug_timeouts = st.views_by_timeout;
        std::fprintf(stderr, "%.3f node %d entered view %llu by timeout (h=%llu hqc=%llu) %s\n", t / 1e6,
                     in.index, (unsigned long long)st.view, (unsigned long long)st.height,
                     (unsigned long long)st.high_qc_view, in.node->consensus().debug_string().c_str());
      }
    }
    dispatch(in, out, t + cost);
    schedule_tick(in, t);
  }

  void run_event(const Event& e) {
    switch (e.kind) {
      case Event::kDeliver: {
        Instance& in = inst[e.target];
        if (!in.up || in.incarnation != e.incarnation) return;
        if (in.busy_until > e.t) {  // the node's CPU is busy: the message waits
          Event again = e;
          again.t = in.busy_until;
          push(std::move(again));
          return;
        }
        step(in, e.t, [&](NodeOutput& out, TimeMs ms) { in.node->on_message(e.from, *e.msg, ms, out); });
        return;
      }
      case Event::kTick: {
        Instance& in = inst[e.target];
        if (!in.up || in.incarnation != e.incarnation || in.tick_at != e.t) return;
        in.tick_at = -1;
        if (in.busy_until > e.t) {
          in.tick_at = in.busy_until;
          push({in.busy_until, 0, Event::kTick, in.index, in.incarnation});
          return;
        }
        step(in, e.t, [&](NodeOutput& out, TimeMs ms) { in.node->on_tick(ms, out); });
        return;
      }
      case Event::kWorkload: workload(e.t); return;
      case Event::kResubmit: resubmit(e.t); return;
      case Event::kTimeline: apply_timeline(sc.timeline[e.aux], e.t); return;
      case Event::kCrash: crash(inst[e.target]); return;
      case Event::kRestart: restart(inst[e.target], e.t); return;
      case Event::kLivenessMark: liveness_mark_height = canon_hash.size() - 1; return;
      case Event::kFlap: flap(e); return;
    }
  }

  void crash(Instance& in) {
    if (!in.up) return;
    in.up = false;
    in.node.reset();
    ++in.incarnation;
    ++report.crashes;
  }

  void restart(Instance& in, int64_t t) {
    if (in.up) return;
    ++report.restarts;
    if (auto st = start_node(in, t); !st)
      violation("restart_failed", in.height, st.error().to_string());
  }

  // ---- network -----------------------------------------------------------------

  LinkRule rule_for(const Instance& from) const {
    LinkRule r = global_rule;
    r.merge(from.egress);
    return r;
  }

  void send_link(Instance& a, Instance& b, const MessagePtr& msg, size_t size, int64_t t) {
    size_t n = inst.size();
    Link& link = links[a.index * n + b.index];
    ++link.messages;
    link.bytes += size;
    if (cut[a.index * n + b.index]) {
      ++report.dropped;
      ++link.dropped;
      return;
    }
    bool consensus = !std::holds_alternative<TxBatch>(*msg);
    if (consensus) {
      ++report.consensus_messages;
      report.consensus_bytes += size;
    }
    LinkRule r = rule_for(a);
    if (link_policy) {
      auto extra = link_policy(a.index, b.index);
      if (!extra) {
        ++report.dropped;
        ++link.dropped;
        return;
      }
      r.merge(*extra);
    }
    if (r.loss > 0 && correlated(rng, link.loss_last, r.loss_correlation) < r.loss) {
      ++report.dropped;
      ++link.dropped;
      return;
    }
    int copies = rng.chance(r.duplicate) ? 2 : 1;
    if (copies == 2) ++report.duplicated;
    for (int c = 0; c < copies; ++c) {
      int64_t depart = t;
      if (r.rate_bps) {
        int64_t start = std::max(t, a.egress_free);
        if (r.queue_limit_us && start - t > r.queue_limit_us) {
          ++report.dropped;
          ++link.dropped;
          continue;
        }
        a.egress_free = start + static_cast<int64_t>(static_cast<double>(size) * 8 * kUs /
                                                     static_cast<double>(r.rate_bps));
        depart = a.egress_free;
      }
      int64_t delay = link.base_us;
      bool reordered = r.reorder > 0 &&
                       correlated(rng, link.reorder_last, r.reorder_correlation) < r.reorder;
      if (!reordered) {
        delay += r.delay_us;
        if (r.jitter_us) {
          double u = correlated(rng, link.delay_last, r.delay_correlation);
          delay += static_cast<int64_t>((u * 2 - 1) * static_cast<double>(r.jitter_us));
        }
      }
      delay = std::max<int64_t>(delay, 0);
      MessagePtr m = msg;
      if (rng.chance(r.corrupt)) {
        ++report.corrupted;
        Bytes raw = encode_message(*msg);
        int flips = 1 + static_cast<int>(rng.below(3));
        for (int f = 0; f < flips; ++f) raw[rng.below(raw.size())] ^= static_cast<uint8_t>(1u << rng.below(8));
        auto decoded = decode_message(*crypto, raw);
        if (!decoded) {
          ++report.corrupted_rejected;
          continue;
        }
        m = std::make_shared<const Message>(std::move(*decoded));
      }
      push({depart + delay, 0, Event::kDeliver, b.index, b.incarnation, a.id, std::move(m)});
    }
  }

  template <class Pred>
  void route(Instance& from, const std::optional<NodeId>& to, const MessagePtr& msg, int64_t t,
             Pred include) {
    size_t size = message_size(*msg);
    for (auto& b : inst) {
      if (b.index == from.index || !include(b)) continue;
      if (to && b.id != *to) continue;
      send_link(from, b, msg, size, t);
    }
  }

  void route(Instance& from, const std::optional<NodeId>& to, const MessagePtr& msg, int64_t t) {
    route(from, to, msg, t, [](const Instance&) { return true; });
  }

  Bytes garbage(size_t n) {
    Bytes b(n);
    for (auto& x : b) x = static_cast<uint8_t>(rng.next());
    return b;
  }

  // What a Byzantine node sends instead of what its honest code produced.
  void misbehave(Instance& in, const Outgoing& o, int64_t t) {
    const Hash32& chain = in.node->chain_id();
    auto share = [](Message m) { return std::make_shared<const Message>(std::move(m)); };
    switch (in.byz) {
      case ByzantineKind::kSilent: return;
      case ByzantineKind::kForge: {
        Message m = *o.msg;
        if (auto* v = std::get_if<Vote>(&m)) {
          v->signature = garbage(v->signature.size());
          if (rng.chance(0.5)) v->voter = inst[rng.below(sc.nodes)].id;  // impersonation
        } else if (auto* tm = std::get_if<TimeoutMsg>(&m)) {
          tm->signature = garbage(tm->signature.size());
        } else if (auto* p = std::get_if<Proposal>(&m)) {
          p->signature = garbage(p->signature.size());
        }
        route(in, o.to, share(std::move(m)), t);
        return;
      }
      case ByzantineKind::kEquivocate: {
        auto* p = std::get_if<Proposal>(o.msg.get());
        if (!p) break;
        BlockHeader h = p->block->header();
        h.timestamp_ms += 1;
        auto other = Block::create(*crypto, h, p->block->txs());
        Proposal p2{other, p->tc, in.signer->sign(proposal_payload(chain, other->hash()))};
        route(in, o.to, o.msg, t, [](const Instance& b) { return b.index % 2 == 0; });
        route(in, o.to, share(std::move(p2)), t, [](const Instance& b) { return b.index % 2 == 1; });
        // ... and vote for the second block as well.
        Vote v{h.view, h.height, other->hash(), in.id,
               in.signer->sign(vote_payload(chain, h.view, h.height, other->hash()))};
        NodeId next = in.node->validators().leader(h.view + 1);
        route(in, next, share(std::move(v)), t);
        return;
      }
      case ByzantineKind::kDoubleVote: {
        auto* v = std::get_if<Vote>(o.msg.get());
        if (!v) break;
        route(in, o.to, o.msg, t);
        Vote v2 = *v;
        v2.block_hash = sha256(v->block_hash.view());
        v2.signature = in.signer->sign(vote_payload(chain, v2.view, v2.height, v2.block_hash));
        route(in, o.to, share(std::move(v2)), t);
        return;
      }
      default: break;
    }
    route(in, o.to, o.msg, t);
  }

  void dispatch(Instance& in, NodeOutput& out, int64_t t) {
    for (auto& c : out.commits) on_commit(in, c, t);
    report.equivocations_detected += out.equivocations.size();
    report.rejected_inputs += out.rejections.size();
    if (debug_)
      for (auto& r : out.rejections)
        std::fprintf(stderr, "%.3f node %d rejected: %s\n", t / 1e6, in.index, r.c_str());
    for (const auto& o : out.messages) {
      if (in.honest() || in.byz == ByzantineKind::kTwins)
        route(in, o.to, o.msg, t);
      else
        misbehave(in, o, t);
    }
  }

  // ---- checkers ----------------------------------------------------------------

  void violation(std::string kind, uint64_t height, std::string detail) {
    if (report.safety_violations.size() >= 20) return;
    report.safety_violations.push_back(
        {std::move(kind), static_cast<double>(now) / kUs, height, std::move(detail)});
  }

  void on_commit(Instance& in, const Commit& c, int64_t t) {
    uint64_t h = c.block->height();
    in.height = h;
    if (commit_observer) commit_observer(in.index, c);
    if (!in.honest()) return;
    if (c.block->header().protocol_version > in.max_version)
      violation("unsupported_version", h, "node " + std::to_string(in.index) + " committed a version " +
                                              std::to_string(c.block->header().protocol_version) + " block");
    if (h < canon_hash.size()) {
      if (canon_hash[h] != c.block->hash())
        violation("fork", h, "node " + std::to_string(in.index) + " committed " +
                                 c.block->hash().short_hex() + ", another honest node " +
                                 canon_hash[h].short_hex());
      else if (canon_state[h] != c.state->root())
        violation("state_root", h, "node " + std::to_string(in.index) + " computed another state");
      return;
    }
    if (h != canon_hash.size()) {
      violation("gap", h, "node " + std::to_string(in.index) + " committed out of order");
      return;
    }
    canon_hash.push_back(c.block->hash());
    canon_state.push_back(c.state->root());
    report.final_version = c.block->header().protocol_version;
    for (const auto& v : c.block->header().justify.votes)
      if (auto i = instance_of.find(v.signer); i != instance_of.end()) ++inst[i->second].qc_signatures;
    for (const auto& tx : c.block->txs())
      if (tx->kind() == TxKind::kGovernance) learn_governance(*tx, *c.state, h, t);
    if (sc.custody) {
      for (const auto& tx : c.block->txs())
        if (tx->kind() == TxKind::kCustody) learn_custody(*tx, *c.state);
      uint64_t unspent = custody_unspent_total(*c.state), supply = custody_supply(*c.state);
      if (unspent != supply)
        violation("value_not_conserved", h,
                  "unspent outputs " + std::to_string(unspent) + ", supply " + std::to_string(supply));
    }
    for (const auto& tx : c.block->txs()) {
      // A live run has no end: it does not keep every id it ever saw.
      if (!live && !canon_txs.insert(tx->id()).second)
        violation("applied_twice", h, "transaction " + tx->id().short_hex());
      ++canon_txs_count;
      auto p = pending.find(tx->id());
      if (p != pending.end()) {
        double ms = static_cast<double>(t - p->second.submitted) / 1000.0;
        if (!live) latencies_ms.push_back(ms);  // a live run has no end to report on
        if (live && !entries.empty()) {
          double& l = inst[static_cast<size_t>(entries[p->second.entry % entries.size()])].latency_ms;
          l = l == 0 ? ms : l * 0.95 + ms * 0.05;
        }
        pending.erase(p);
      }
    }
  }

  // ---- workload ------------------------------------------------------------------

  void submit(Pending& p, int64_t t) {
    for (size_t tries = 0; tries < entries.size(); ++tries) {
      Instance& in = inst[entries[(p.entry + tries) % entries.size()]];
      if (!in.up) continue;
      p.entry = (p.entry + tries) % entries.size();
      p.last_try = t;
      step(in, std::max(t, in.busy_until), [&](NodeOutput& out, TimeMs ms) {
        (void)in.node->submit(p.tx, ms, out);
      });
      return;
    }
    p.last_try = t;
  }

  void workload(int64_t t) {
    if (t >= end) return;
    tx_credit += sc.tps * kWorkloadStepUs / kUs;
    if (pending.size() > 200000) tx_credit = 0;  // clients back off when nothing commits
    while (tx_credit >= 1) {
      tx_credit -= 1;
      Client& c = clients[next_client++ % clients.size()];
      Bytes payload;
      TxKind kind = TxKind::kNoop;
      if (sc.custody) {
        auto ops = custody_ops(c);
        for (auto& op : ops) {
          auto tx = Transaction::create(*crypto, *c.signer, TxKind::kCustody, c.next_nonce++, op.encode());
          ++report.submitted_txs;
          Pending p{tx, t, t, next_entry++ % entries.size()};
          submit(p, t);
          pending.emplace(tx->id(), std::move(p));
        }
        continue;
      }
      if (sc.noop) {
        payload.assign(8, 0);
      } else {
        kind = TxKind::kPut;
        Bytes value(sc.payload_bytes, static_cast<uint8_t>(c.next_nonce));
        payload = Transaction::put_payload("slot-" + std::to_string(c.next_nonce % 8), value);
      }
      auto tx = Transaction::create(*crypto, *c.signer, kind, c.next_nonce++, std::move(payload));
      ++report.submitted_txs;
      Pending p{tx, t, t, next_entry++ % entries.size()};
      submit(p, t);
      pending.emplace(tx->id(), std::move(p));
    }
    push({t + kWorkloadStepUs, 0, Event::kWorkload});
  }

  // A client's next custody operations: a deposit first, then transfers of
  // outputs it owns; one in twenty is followed by a double spend of the same
  // output to someone else (a misbehaving client), which must be refused.
  std::vector<CustodyOp> custody_ops(Client& c) {
    std::vector<CustodyOp> ops;
    if (!c.deposited) {
      c.deposited = true;
      CustodyOp d;
      d.amount = 1000 + rng.below(1000);
      ops.push_back(d);
      return ops;
    }
    for (auto& [point, amount] : c.owned) {
      if (c.in_flight.count(point)) continue;
      c.in_flight.insert(point);
      CustodyOp t;
      t.kind = CustodyOp::Kind::kTransfer;
      t.inputs = {point};
      const NodeId& to = crypto->node_id(clients[rng.below(clients.size())].signer->public_key());
      if (amount >= 2 && rng.chance(0.5)) {
        t.outputs = {{to, amount / 2},
                     {crypto->node_id(c.signer->public_key()), amount - amount / 2}};
      } else {
        t.outputs = {{to, amount}};
      }
      ops.push_back(t);
      if (rng.chance(0.05)) {
        CustodyOp twice = t;
        twice.outputs = {{crypto->node_id(clients[rng.below(clients.size())].signer->public_key()), amount}};
        ops.push_back(twice);
      }
      break;
    }
    return ops;
  }

  // What the clients learn from a committed custody transaction.
  void learn_custody(const Transaction& tx, const StateSnapshot& state) {
    auto op = CustodyOp::decode(tx.payload());
    auto sender = client_of.find(tx.sender_id());
    if (!op || sender == client_of.end()) return;
    Client& c = clients[sender->second];
    for (const auto& in : op->inputs) c.in_flight.erase(in);
    if (state.get(StateSnapshot::receipt_key(tx.id()))) {
      ++report.refused_txs;
      return;
    }
    for (const auto& in : op->inputs) c.owned.erase(in);
    if (op->kind == CustodyOp::Kind::kDeposit) c.owned[{tx.id(), 0}] = op->amount;
    for (uint32_t i = 0; i < op->outputs.size(); ++i) {
      auto owner = client_of.find(op->outputs[i].owner);
      if (owner != client_of.end()) clients[owner->second].owned[{tx.id(), i}] = op->outputs[i].amount;
    }
  }

  void resubmit(int64_t t) {
    int64_t after = static_cast<int64_t>(sc.resubmit_after_s * kUs);
    std::vector<Pending*> due;
    for (auto& [id, p] : pending)
      if (t - p.last_try >= after) due.push_back(&p);
    std::sort(due.begin(), due.end(), [](const Pending* a, const Pending* b) {
      return a->tx->sender_id() != b->tx->sender_id() ? a->tx->sender_id() < b->tx->sender_id()
                                                      : a->tx->nonce() < b->tx->nonce();
    });
    for (Pending* p : due) {
      p->entry = (p->entry + 1) % entries.size();
      submit(*p, t);
    }
    if (t + kUs < end) push({t + kUs, 0, Event::kResubmit});
  }

  // ---- faults --------------------------------------------------------------------

  void set_cut(int a, int b, bool v) { cut[a * inst.size() + b] = v; }

  // The listed instance indices that exist (a scenario may name too many).
  std::vector<int> existing(const std::vector<int>& nodes) const {
    std::vector<int> out;
    for (int x : nodes) {
      if (x < 0 || x >= static_cast<int>(inst.size())) continue;
      out.push_back(x);
    }
    return out;
  }

  void isolate(const std::vector<int>& nodes, bool v) {
    for (int x : existing(nodes))
      for (size_t y = 0; y < inst.size(); ++y)
        if (static_cast<int>(y) != x) set_cut(x, static_cast<int>(y), v), set_cut(static_cast<int>(y), x, v);
  }

  void flap(const Event& e) {
    const auto& ev = sc.timeline[e.aux];
    int64_t until = static_cast<int64_t>(ev.until_s * kUs);
    bool down = e.incarnation == 0;
    if (e.t >= until) {
      isolate(ev.nodes, false);
      return;
    }
    isolate(ev.nodes, down);
    push({e.t + static_cast<int64_t>(ev.period_s * kUs), 0, Event::kFlap, -1, down ? 1u : 0u, {},
          nullptr, e.aux});
  }

  void apply_timeline(const TimelineEvent& ev, int64_t t) {
    using T = TimelineEvent::Type;
    size_t n = inst.size();
    switch (ev.type) {
      case T::kPartition: {
        std::vector<int> group(n, static_cast<int>(ev.groups.size()));
        for (size_t g = 0; g < ev.groups.size(); ++g)
          for (int x : existing(ev.groups[g])) group[x] = static_cast<int>(g);
        for (size_t a = 0; a < n; ++a)
          for (size_t b = 0; b < n; ++b)
            cut[a * n + b] = group[a] != group[b];
        break;
      }
      case T::kIsolate: isolate(ev.nodes, true); break;
      case T::kIsolateLeader: {
        std::map<NodeId, int> votes;
        for (auto& in : inst)
          if (in.up && in.honest()) ++votes[in.node->status().leader];
        if (votes.empty()) break;
        NodeId leader = std::max_element(votes.begin(), votes.end(), [](auto& a, auto& b) {
                          return a.second < b.second;
                        })->first;
        std::vector<int> who;
        for (auto& in : inst)
          if (in.id == leader) who.push_back(in.index);
        isolate(who, true);
        break;
      }
      case T::kOneWay:
        for (int a : existing(ev.from))
          for (int b : existing(ev.to)) set_cut(a, b, true);
        break;
      case T::kHeal: std::fill(cut.begin(), cut.end(), 0); break;
      case T::kFlap:
        push({t, 0, Event::kFlap, -1, 0, {}, nullptr,
              static_cast<int>(&ev - sc.timeline.data())});
        break;
      case T::kLinkRule: {
        auto r = parse_link_rule(ev.rule);
        if (!r) break;  // validated when the scenario was read
        if (ev.nodes.empty())
          global_rule.merge(*r);
        else
          for (int x : existing(ev.nodes)) inst[x].egress.merge(*r);
        break;
      }
      case T::kClearLinks:
        global_rule = LinkRule{};
        for (auto& in : inst) in.egress = LinkRule{};
        break;
      case T::kCrash:
        for (int x : existing(ev.nodes)) crash(inst[x]);
        break;
      case T::kRestart:
        for (int x : existing(ev.nodes)) restart(inst[x], t);
        break;
      case T::kClockSkew:
        for (int x : existing(ev.nodes)) inst[x].skew_us += ev.skew_ms * 1000;
        break;
      case T::kGovernance: propose(ev, t); break;
      case T::kUpgradeSoftware:
        for (int x : existing(ev.nodes)) {
          Instance& in = inst[x];
          if (in.up) {
            std::string halted = in.node->status().halted;
            if (!halted.empty())
              report.log.push_back(at_s(t) + " node " + std::to_string(x) + " halted (" + halted +
                                   ") at height " + std::to_string(in.height) + "; upgraded");
          }
          in.max_version = kMaxProtocolVersion;
          crash(in);
          restart(in, t);
        }
        break;
    }
  }

  static std::string at_s(int64_t t) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1fs", static_cast<double>(t) / kUs);
    return buf;
  }

  // ---- governance ----------------------------------------------------------------

  TxPtr admin_tx(int org, const GovOp& op) {
    return Transaction::create(*crypto, *admins[org], TxKind::kGovernance, admin_nonce[org]++, op.encode());
  }

  // Governance transactions go to every running honest node, so a crash or a
  // partition does not lose them.
  void submit_everywhere(const TxPtr& tx, int64_t t) {
    for (auto& in : inst) {
      if (!in.up || !in.honest()) continue;
      step(in, std::max(t, in.busy_until),
           [&](NodeOutput& out, TimeMs ms) { (void)in.node->submit(tx, ms, out); });
    }
  }

  void propose(const TimelineEvent& ev, int64_t t) {
    GovOp op;
    op.kind = GovOp::Kind::kPropose;
    GovAction& a = op.action;
    const Instance* target = ev.nodes.empty() ? nullptr : &inst[ev.nodes[0]];
    if (ev.action == "add-observer") {
      a.type = GovAction::Type::kAddObserver;
      a.member = Member{target->id, target->signer->public_key(), "node-" + std::to_string(target->index),
                        "org-0", MemberRole::kObserver};
    } else if (ev.action == "promote" || ev.action == "demote" || ev.action == "remove") {
      a.type = ev.action == "promote" ? GovAction::Type::kPromote
               : ev.action == "demote" ? GovAction::Type::kDemote : GovAction::Type::kRemove;
      a.node = target->id;
    } else if (ev.action == "upgrade") {
      a.type = GovAction::Type::kUpgrade;
      a.plan = UpgradePlan{ev.plan, canon_hash.size() - 1 + ev.after_blocks, ev.version,
                           sha256(as_bytes("consortia-node " + ev.plan))};
    } else if (ev.action == "cancel-upgrade") {
      a.type = GovAction::Type::kCancelUpgrade;
      a.plan.name = ev.plan;
    } else if (ev.action == "set-params") {
      a.type = GovAction::Type::kSetParams;
      a.params = genesis.params;
      if (ev.min_block_interval_ms) a.params.min_block_interval_ms = ev.min_block_interval_ms;
      if (a.params.idle_block_interval_ms < a.params.min_block_interval_ms)
        a.params.idle_block_interval_ms = a.params.min_block_interval_ms;
      a.effective_height = canon_hash.size() - 1 + ev.after_blocks;
    }
    TxPtr tx = admin_tx(0, op);
    GovTask task;
    task.action = ev.action + (target ? " node " + std::to_string(target->index) : " " + ev.plan);
    task.proposal = tx->id();
    task.txs.push_back(tx);
    task.outcome = report.governance.size();
    report.governance.push_back({at_s(t) + " " + task.action, "submitted"});
    gov_tx[tx->id()] = gov.size();
    gov.push_back(std::move(task));
    submit_everywhere(tx, t);
  }

  // The outcome of a committed governance transaction (canonical chain).
  void learn_governance(const Transaction& tx, const StateSnapshot& state, uint64_t h, int64_t t) {
    auto it = gov_tx.find(tx.id());
    if (it == gov_tx.end()) return;
    GovTask& task = gov[it->second];
    auto& outcome = report.governance[task.outcome];
    if (const Bytes* r = state.get(StateSnapshot::receipt_key(tx.id())); r && r->size() == 1) {
      outcome.second = std::string("refused:") + error_code_name(static_cast<ErrorCode>((*r)[0]));
      report.log.push_back(at_s(t) + " " + task.action + " refused at height " + std::to_string(h) +
                           ": " + error_code_name(static_cast<ErrorCode>((*r)[0])));
      return;
    }
    const Bytes* pv = state.get(GovProposal::key_for(task.proposal));
    auto p = pv ? GovProposal::decode(*pv) : Result<GovProposal>(make_error(ErrorCode::kNotFound, ""));
    if (p && p->status == GovProposal::Status::kEnacted) {
      if (outcome.second == "enacted") return;
      outcome.second = "enacted";
      report.log.push_back(at_s(t) + " " + task.action + " enacted at height " + std::to_string(h));
      return;
    }
    outcome.second = "open";
    if (!task.approvals_sent) {
      // As many other organisations approve as the threshold needs.
      task.approvals_sent = true;
      for (int org = 1; org < sc.organisations && !genesis.config(*crypto).passes(static_cast<size_t>(org));
           ++org) {
        GovOp approve;
        approve.kind = GovOp::Kind::kApprove;
        approve.proposal = task.proposal;
        TxPtr a = admin_tx(org, approve);
        gov_tx[a->id()] = it->second;
        task.txs.push_back(a);
        submit_everywhere(a, t);
      }
    }
  }

  // ---- run -------------------------------------------------------------------------

  Report run() {
    auto wall0 = std::chrono::steady_clock::now();
    while (!queue.empty()) {
      Event e = queue.top();
      if (e.t > end) break;
      queue.pop();
      now = e.t;
      ++report.events;
      trace(e);
      run_event(e);
    }
    now = end;
    finish(std::chrono::duration<double>(std::chrono::steady_clock::now() - wall0).count());
    return report;
  }

  void finish(double wall) {
    report.wall_seconds = wall;
    report.simulated_seconds = sc.seconds;
    report.committed_blocks = canon_hash.size() - 1;
    report.committed_txs = canon_txs_count;
    report.throughput_tps = static_cast<double>(canon_txs_count) / sc.seconds;
    if (!latencies_ms.empty()) {
      std::sort(latencies_ms.begin(), latencies_ms.end());
      auto pct = [&](double q) {
        return latencies_ms[std::min(latencies_ms.size() - 1,
                                     static_cast<size_t>(q * static_cast<double>(latencies_ms.size())))];
      };
      report.latency_p50_ms = pct(0.5);
      report.latency_p99_ms = pct(0.99);
      report.latency_max_ms = latencies_ms.back();
    }
    if (report.committed_blocks > 0) {
      report.messages_per_block =
          static_cast<double>(report.consensus_messages) / static_cast<double>(report.committed_blocks);
      report.bytes_per_block =
          static_cast<double>(report.consensus_bytes) / static_cast<double>(report.committed_blocks);
    }
    uint64_t min_height = UINT64_MAX;
    std::vector<std::string> stalled;
    for (auto& in : inst) {
      if (!in.honest() || !in.up) continue;
      report.view_changes = std::max(report.view_changes, in.node->status().views_by_timeout);
      min_height = std::min(min_height, in.height);
      // What the node acknowledged is in its store and matches everyone's chain.
      for (uint64_t h = 1; h <= in.store->tip_height(); ++h) {
        auto b = in.store->block_at(h);
        if (!b || h >= canon_hash.size() || (*b)->hash() != canon_hash[h]) {
          violation("acknowledged_lost", h,
                    "node " + std::to_string(in.index) + " store differs at height " + std::to_string(h));
          break;
        }
      }
      std::string halted = in.node->status().halted;
      if (!halted.empty()) {
        report.halted.emplace_back(in.index, halted);
        continue;  // stopped on purpose: not a liveness failure
      }
      if (report.final_validators == 0)
        if (auto cfg = in.node->config()) report.final_validators = cfg->validators().size();
      if (in.height <= liveness_mark_height)
        stalled.push_back(std::to_string(in.index) + "@" + std::to_string(in.height));
    }
    for (auto& in : inst) report.qc_signatures.push_back(in.qc_signatures);
    if (sc.keep_chains)
      for (auto& in : inst) {
        std::vector<Hash32> hashes;
        for (uint64_t h = 1; h <= in.store->tip_height(); ++h)
          if (auto b = in.store->block_at(h)) hashes.push_back((*b)->hash());
        std::string name = in.index < sc.nodes + sc.observers ? "node-" + std::to_string(in.index)
                                                               : "twin-of-node-" + std::to_string(in.validator);
        report.chains.emplace_back(std::move(name), std::move(hashes));
      }
    if (std::getenv("CONSORTIA_SIM_DEBUG"))
      for (auto& in : inst)
        if (in.up) {
          auto st = in.node->status();
          std::fprintf(stderr, "node %d h=%llu view=%llu hqc=%llu pending=%zu mempool=%zu timeouts=%llu\n", in.index,
                       (unsigned long long)st.height, (unsigned long long)st.view,
                       (unsigned long long)st.high_qc_view, in.node->consensus().pending_blocks(), st.mempool_size,
                       (unsigned long long)st.views_by_timeout);
          std::fprintf(stderr, "   %s\n", in.node->consensus().debug_string().c_str());
        }
    report.min_honest_height = min_height == UINT64_MAX ? 0 : min_height;
    if (!stalled.empty()) {
      report.liveness_ok = false;
      std::ostringstream o;
      o << "no commit after " << liveness_mark_s << " s (height " << liveness_mark_height
        << ") on node(s):";
      for (auto& s : stalled) o << ' ' << s;
      report.liveness_detail = o.str();
    }
  }
};

Simulation::Simulation(Scenario s) : impl_(std::make_unique<Impl>(std::move(s))) {}
Simulation::Simulation(Scenario s, LiveNetwork net) : impl_(std::make_unique<Impl>(std::move(s))) {
  impl_->live = std::move(net);
}
Simulation::~Simulation() = default;

Status Simulation::start() { return impl_->setup(); }

void Simulation::advance_to(double seconds) {
  Impl& m = *impl_;
  int64_t until = static_cast<int64_t>(seconds * kUs);
  while (!m.queue.empty() && m.queue.top().t <= until) {
    Impl::Event e = m.queue.top();
    m.queue.pop();
    m.now = e.t;
    ++m.report.events;
    m.trace(e);
    m.run_event(e);
  }
  m.now = std::max(m.now, until);
}

double Simulation::now_s() const { return static_cast<double>(impl_->now) / kUs; }
int Simulation::instances() const { return static_cast<int>(impl_->inst.size()); }
NodeId Simulation::id(int i) const { return impl_->inst.at(static_cast<size_t>(i)).id; }
Node* Simulation::node(int i) {
  auto& in = impl_->inst.at(static_cast<size_t>(i));
  return in.up ? in.node.get() : nullptr;
}
BlockStore& Simulation::store(int i) { return *impl_->inst.at(static_cast<size_t>(i)).store; }
double Simulation::commit_latency_ms(int i) const {
  return impl_->inst.at(static_cast<size_t>(i)).latency_ms;
}
double Simulation::busy_seconds(int i) const {
  return static_cast<double>(impl_->inst.at(static_cast<size_t>(i)).busy_total_us) / kUs;
}
const CryptoSuite& Simulation::crypto() const { return *impl_->crypto; }

Status Simulation::submit(int i, const TxPtr& tx) {
  Impl& m = *impl_;
  auto& in = m.inst.at(static_cast<size_t>(i));
  if (!in.up) return make_error(ErrorCode::kUnavailable, "the node is down");
  Status result;
  m.step(in, std::max(m.now, in.busy_until),
         [&](NodeOutput& out, TimeMs ms) { result = in.node->submit(tx, ms, out); });
  return result;
}

void Simulation::set_link_policy(LinkPolicy p) { impl_->link_policy = std::move(p); }
void Simulation::set_commit_observer(CommitObserver o) { impl_->commit_observer = std::move(o); }

LinkStats Simulation::link_stats(int from, int to) const {
  const Impl& m = *impl_;
  size_t n = m.inst.size();
  const auto& ab = m.links.at(static_cast<size_t>(from) * n + static_cast<size_t>(to));
  const auto& ba = m.links.at(static_cast<size_t>(to) * n + static_cast<size_t>(from));
  return {static_cast<double>(ab.base_us + ba.base_us) / 1000.0, ab.messages, ab.dropped, ab.bytes};
}

Result<Report> Simulation::run() {
  if (auto st = impl_->setup(); !st) return st.error();
  return impl_->run();
}

bool Report::passed(const Scenario& s) const {
  bool safe = safety_violations.empty();
  if (s.expect_safety && !safe) return false;
  if (s.expect_liveness && !liveness_ok) return false;
  if (!s.expect_governance.empty()) {
    if (governance.size() != s.expect_governance.size()) return false;
    for (size_t i = 0; i < governance.size(); ++i)
      if (governance[i].second != s.expect_governance[i]) return false;
  }
  if (s.expect_halted) {
    std::vector<int> got;
    for (const auto& [i, why] : halted) got.push_back(i);
    std::vector<int> want = *s.expect_halted;
    std::sort(want.begin(), want.end());
    if (got != want) return false;
  }
  return true;
}

std::string Report::to_json() const {
  nlohmann::json j;
  j["nodes"] = nodes;
  j["instances"] = instances;
  j["seed"] = seed;
  j["scenario"] = scenario;
  j["suite"] = suite;
  j["crypto"] = modelled_crypto ? "modelled" : "real";
  j["simulated_seconds"] = simulated_seconds;
  j["wall_seconds"] = wall_seconds;
  j["committed_blocks"] = committed_blocks;
  j["committed_txs"] = committed_txs;
  j["submitted_txs"] = submitted_txs;
  j["throughput_tps"] = throughput_tps;
  j["latency_ms"] = {{"p50", latency_p50_ms}, {"p99", latency_p99_ms}, {"max", latency_max_ms}};
  j["view_changes"] = view_changes;
  j["messages_per_block"] = messages_per_block;
  j["bytes_per_block"] = bytes_per_block;
  j["network"] = {{"dropped", dropped},
                  {"duplicated", duplicated},
                  {"corrupted", corrupted},
                  {"corrupted_undecodable", corrupted_rejected}};
  j["rejected_inputs"] = rejected_inputs;
  j["equivocations_detected"] = equivocations_detected;
  j["refused_txs"] = refused_txs;
  j["crashes"] = crashes;
  j["restarts"] = restarts;
  j["events"] = events;
  char digest[17];
  std::snprintf(digest, sizeof digest, "%016llx", static_cast<unsigned long long>(trace_digest));
  j["trace_digest"] = digest;
  j["min_honest_height"] = min_honest_height;
  nlohmann::json v = nlohmann::json::array();
  for (const auto& x : safety_violations)
    v.push_back({{"kind", x.kind}, {"at_s", x.at_s}, {"height", x.height}, {"detail", x.detail}});
  j["safety_violations"] = v;
  j["liveness_ok"] = liveness_ok;
  if (!liveness_ok) j["liveness_detail"] = liveness_detail;
  nlohmann::json g = nlohmann::json::array();
  for (const auto& [what, result] : governance) g.push_back({{"proposal", what}, {"result", result}});
  j["governance"] = g;
  nlohmann::json hj = nlohmann::json::array();
  for (const auto& [i, why] : halted) hj.push_back({{"instance", i}, {"reason", why}});
  j["halted"] = hj;
  j["log"] = log;
  j["final_protocol_version"] = final_version;
  j["final_validators"] = final_validators;
  j["qc_signatures"] = qc_signatures;
  return j.dump();
}

std::string Report::to_text() const {
  std::ostringstream o;
  o.setf(std::ios::fixed);
  o.precision(1);
  o << "scenario " << scenario << ": " << nodes << " validators (" << instances
    << " instances), suite " << suite << (modelled_crypto ? " (modelled crypto)" : "")
    << ", seed " << seed << "\n";
  o << "  simulated " << simulated_seconds << " s in " << wall_seconds << " s wall, " << events
    << " events\n";
  o << "  committed " << committed_blocks << " blocks, " << committed_txs << " of "
    << submitted_txs << " transactions; throughput " << throughput_tps << " tx/s\n";
  o << "  latency p50 " << latency_p50_ms << " ms, p99 " << latency_p99_ms << " ms, max "
    << latency_max_ms << " ms\n";
  o << "  view changes " << view_changes << ", " << messages_per_block
    << " consensus messages and " << bytes_per_block / 1024 << " KiB per block\n";
  o << "  network: " << dropped << " dropped, " << duplicated << " duplicated, " << corrupted
    << " corrupted; " << rejected_inputs << " inputs rejected, " << equivocations_detected
    << " equivocations detected; " << refused_txs << " transactions refused; " << crashes << " crashes, " << restarts << " restarts\n";
  if (safety_violations.empty()) o << "  safety: ok\n";
  for (const auto& v : safety_violations)
    o << "  SAFETY VIOLATION " << v.kind << " at height " << v.height << " (" << v.at_s
      << " s): " << v.detail << "\n";
  o << "  liveness: " << (liveness_ok ? "ok" : "FAILED: " + liveness_detail) << "\n";
  for (const auto& [what, result] : governance) o << "  governance " << what << ": " << result << "\n";
  for (const auto& [i, why] : halted) o << "  node " << i << " halted: " << why << "\n";
  for (const auto& l : log) o << "  " << l << "\n";
  if (!governance.empty() || !halted.empty())
    o << "  ended with " << final_validators << " validators at protocol version " << final_version << "\n";
  return o.str();
}

}  // namespace consortia::sim
