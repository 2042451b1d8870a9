#include "sim/simulation.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <map>

#include "chain/node.h"
#include "core/random.h"
#include "sim/byzantine.h"
#include "sim/checkers.h"
#include "sim/event.h"
#include "sim/governance_driver.h"
#include "sim/instance.h"
#include "sim/sim_crypto.h"
#include "sim/workload.h"

namespace consortia::sim {
namespace {

constexpr int64_t kEventCostUs = 5;  // fixed handling cost of any input

// What a message costs on the wire, as the simulator charges links for it.
size_t message_size(const Message& m) {
  if (auto* p = std::get_if<Proposal>(&m)) return p->block->encoded_size() + 200;
  if (auto* c = std::get_if<CompactProposal>(&m)) {
    Writer w;
    encode_header(w, c->header);
    size_t n = w.data().size() + 32 * c->tx_leaves.size() + 200;
    for (const auto& [i, tx] : c->prefilled) n += 4 + tx->encoded_size();
    return n;
  }
  if (auto* r = std::get_if<BlockTxResponse>(&m)) {
    size_t n = 40 + 4 * r->indices.size();
    for (const auto& tx : r->txs) n += tx->encoded_size();
    return n;
  }
  if (auto* b = std::get_if<TxBatch>(&m)) {
    size_t n = 8;
    for (const auto& tx : b->txs) n += tx->encoded_size();
    return n;
  }
  if (auto* b = std::get_if<TxRelay>(&m)) {
    size_t n = 8 + 32 * b->forward.size();
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

}  // namespace

struct Simulation::Impl {
  Scenario sc;
  Rng rng;
  std::unique_ptr<SimCrypto> crypto;
  std::unique_ptr<SimCertificateMemo> memo;
  BlockInterner blocks;
  CryptoCosts costs{};
  Genesis genesis;
  std::optional<Hash32> genesis_id;  // the chain id, once client_chain() needed it without a node
  NodeConfig cfg;
  std::shared_ptr<ExecutionCache> cache = std::make_shared<ExecutionCache>(512);
  std::vector<Instance> inst;
  VirtualNetwork net;
  EventQueue queue;
  int64_t now = 0;
  int64_t end = 0;
  Report report;
  ChainChecker checker{report, now};
  std::unique_ptr<Workload> workload;
  std::unique_ptr<GovernanceDriver> governance;
  std::unique_ptr<Byzantine> byzantine;
  std::unordered_map<NodeId, int> instance_of;
  bool debug = std::getenv("CONSORTIA_SIM_DEBUG") != nullptr;

  // live
  std::optional<LiveNetwork> live;
  int64_t epoch_ms = 0;
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
    checker.set_live(live.has_value());
    report.nodes = sc.nodes;
    report.seed = sc.seed;
    report.scenario = sc.name;
    report.suite = sc.suite;
    report.modelled_crypto = modelled;

    cfg.consensus = sc.consensus;
    cfg.certificate_memo = memo.get();
    cfg.block_interner = &blocks;
    blocks.skipped_hashing = [c = crypto.get()](uint64_t bytes) { c->charge_hashed(bytes); };
    cfg.mempool.max_block_txs = sc.max_block_txs;
    genesis.chain_name = "sim-" + std::to_string(sc.seed);
    genesis.suite = crypto->id();
    genesis.protocol_version = sc.protocol;
    genesis.timestamp_ms = 0;
    // Chain parameters live in genesis: every node paces blocks alike.
    genesis.params.max_block_txs = static_cast<uint32_t>(sc.max_block_txs);
    genesis.params.min_block_interval_ms = static_cast<uint32_t>(sc.consensus.min_block_interval_ms);
    genesis.params.idle_block_interval_ms = static_cast<uint32_t>(sc.consensus.idle_block_interval_ms);
    genesis.params.base_timeout_ms = static_cast<uint32_t>(sc.consensus.pacemaker.base_timeout_ms);

    workload = std::make_unique<Workload>(sc, rng, *crypto, report, inst, queue, live.has_value(),
                                          [this](Instance& in, int64_t t, const TxPtr& tx) { feed(in, t, tx); },
                                          [this] { return client_chain(); });
    governance = std::make_unique<GovernanceDriver>(
        sc, *crypto, genesis, report, [this](const TxPtr& tx, int64_t t) { submit_everywhere(tx, t); },
        [this] { return client_chain(); });
    byzantine = std::make_unique<Byzantine>(
        rng, *crypto, inst, sc,
        [this](Instance& from, const std::optional<NodeId>& to, const MessagePtr& msg, int64_t t,
               const std::function<bool(const Instance&)>& include) { route(from, to, msg, t, include); });

    if (live) return setup_live();
    genesis.organisations = governance->organisations();
    std::vector<Hash32> seeds;
    for (int v = 0; v < sc.nodes + sc.observers; ++v) {
      bool observer = v >= sc.nodes;
      seeds.push_back(key_seed(sc.seed, observer ? "observer" : "validator", v));
      auto signer = crypto->signer_from_seed(seeds.back());
      Validator m{NodeId{}, signer->public_key(), (observer ? "observer-" : "validator-") + std::to_string(v),
                  "org-" + std::to_string(v % sc.organisations)};
      (observer ? genesis.observers : genesis.validators).push_back(std::move(m));
    }

    // Byzantine roles: explicit validators first, then drawn from the seed.
    std::vector<ByzantineKind> role(static_cast<size_t>(sc.nodes), ByzantineKind::kNone);
    std::vector<int> free;
    for (int v = 0; v < sc.nodes; ++v) free.push_back(v);
    for (const auto& b : sc.byzantine) {
      for (int v : b.validators) {
        role[static_cast<size_t>(v)] = b.kind;
        free.erase(std::remove(free.begin(), free.end(), v), free.end());
      }
      for (int k = static_cast<int>(b.validators.size()); k < b.count && !free.empty(); ++k) {
        size_t pick = rng.below(free.size());
        role[static_cast<size_t>(free[pick])] = b.kind;
        free.erase(free.begin() + static_cast<long>(pick));
      }
    }
    std::vector<int> twin_of;
    for (int v = 0; v < sc.nodes; ++v) {
      add_instance(v, seeds[static_cast<size_t>(v)], role[static_cast<size_t>(v)]);
      if (role[static_cast<size_t>(v)] != ByzantineKind::kNone)
        report.byzantine.emplace_back(v, byzantine_name(role[static_cast<size_t>(v)]));
      if (role[static_cast<size_t>(v)] == ByzantineKind::kTwins) twin_of.push_back(v);
    }
    for (int v = sc.nodes; v < sc.nodes + sc.observers; ++v)
      add_instance(v, seeds[static_cast<size_t>(v)], ByzantineKind::kNone);
    for (int v : twin_of) add_instance(v, seeds[static_cast<size_t>(v)], ByzantineKind::kTwins);
    for (int x : sc.old_software) inst[static_cast<size_t>(x)].max_version = 1;
    return setup_network();
  }

  // Live: members and keys as given; no Byzantine roles or scenario
  // governance (the network governs itself through its nodes' API).
  Status setup_live() {
    genesis = live->genesis;
    epoch_ms = live->epoch_ms;
    size_t members = genesis.validators.size() + genesis.observers.size();
    if (live->private_keys.size() != members)
      return make_error(ErrorCode::kInvalidArgument,
                        std::to_string(live->private_keys.size()) + " keys for " + std::to_string(members) + " members");
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
      const auto& m =
          i < genesis.validators.size() ? genesis.validators[i] : genesis.observers[i - genesis.validators.size()];
      if (crypto->node_id(m.public_key) != in.id)
        return make_error(ErrorCode::kInvalidArgument, "member " + m.name + ": key does not match genesis");
      instance_of.emplace(in.id, in.index);
      inst.push_back(std::move(in));
    }
    return setup_network();
  }

  Status setup_network() {
    report.instances = static_cast<int>(inst.size());
    net.build(inst.size(), sc.latency_min_ms, sc.latency_max_ms, rng);
    for (const auto& r : sc.link_rules) {
      auto rule = parse_link_rule(r);
      if (!rule) return rule.error();
      net.add_rule(*rule);
    }
    for (auto& in : inst) {
      if (sc.max_clock_skew_ms > 0)
        in.skew_us = static_cast<int64_t>((rng.uniform() * 2 - 1) * static_cast<double>(sc.max_clock_skew_ms) * 1000);
      if (std::find(sc.start_down.begin(), sc.start_down.end(), in.index) != sc.start_down.end()) continue;
      if (auto st = start_node(in, 0); !st) return st;
    }
    end = static_cast<int64_t>(sc.seconds * kUs);
    workload->start(end);
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
    double mark_s = 0;
    std::vector<int> honest;
    for (auto& in : inst)
      if (in.honest() && in.index < sc.nodes) honest.push_back(in.index);
    for (int k = 0; k < sc.crash && !honest.empty(); ++k) {
      size_t pick = rng.below(honest.size());
      int who = honest[pick];
      honest.erase(honest.begin() + static_cast<long>(pick));
      double at = sc.seconds * (0.1 + 0.4 * rng.uniform());
      double back = std::min(at + 1 + 7 * rng.uniform(), sc.seconds * 0.6);
      queue.push({.t = static_cast<int64_t>(at * kUs), .kind = Event::kCrash, .target = who});
      queue.push({.t = static_cast<int64_t>(back * kUs), .kind = Event::kRestart, .target = who});
      mark_s = std::max(mark_s, back);
    }
    for (size_t i = 0; i < sc.timeline.size(); ++i) {
      const auto& e = sc.timeline[i];
      queue.push({.t = static_cast<int64_t>(e.at_s * kUs), .kind = Event::kTimeline, .timeline_index = i});
      double settled = e.type == TimelineEvent::Type::kFlap ? e.until_s : e.at_s;
      mark_s = std::max(mark_s, settled);
    }
    double mark = std::max(sc.seconds * 0.5, mark_s + 1.0);
    mark = std::min(mark, std::max(0.0, sc.seconds - 3.0));
    checker.set_liveness_mark(mark);
    queue.push({.t = static_cast<int64_t>(mark * kUs), .kind = Event::kLivenessMark});
  }

  Status start_node(Instance& in, int64_t t) {
    NodeConfig c = cfg;
    c.max_protocol_version = in.max_version;
    auto node = Node::open(genesis, c, *crypto, in.key(*crypto), *in.store, cache, node_ms(in, t));
    if (!node) return node.error();
    in.node = std::move(*node);
    uint64_t h = in.node->status().height;
    checker.check_restart(in, h);
    in.height = h;
    in.up = true;
    in.busy_until = t;
    in.tick_at = -1;
    schedule_tick(in, t);
    return {};
  }

  // ---- instances: clocks, CPU and events ---------------------------------------

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
    queue.push({.t = d, .kind = Event::kTick, .target = in.index, .incarnation = in.incarnation});
  }

  // Runs one input on a node at `t` and charges its CPU for the crypto it did.
  template <class Fn>
  void step(Instance& in, int64_t t, Fn&& fn) {
    CryptoCounters before = crypto->counters();
    NodeOutput out;
    fn(out, node_ms(in, t));
    const CryptoCounters& after = crypto->counters();
    int64_t cost = kEventCostUs + static_cast<int64_t>(after.verifies - before.verifies) * costs.verify_us +
                   static_cast<int64_t>(after.signs - before.signs) * costs.sign_us +
                   static_cast<int64_t>(static_cast<double>(after.hashed_bytes - before.hashed_bytes) *
                                        costs.hash_ns_per_byte / 1000);
    in.busy_until = t + cost;
    in.busy_total_us += cost;
    if (debug && in.node) {
      auto st = in.node->status();
      if (st.views_by_timeout != in.debug_timeouts) {
        in.debug_timeouts = st.views_by_timeout;
        std::fprintf(stderr, "%.3f node %d entered view %llu by timeout (h=%llu hqc=%llu) %s\n",
                     static_cast<double>(t) / 1e6, in.index, static_cast<unsigned long long>(st.view),
                     static_cast<unsigned long long>(st.height), static_cast<unsigned long long>(st.high_qc_view),
                     in.node->consensus().debug_string().c_str());
      }
    }
    dispatch(in, out, t + cost);
    schedule_tick(in, t);
  }

  // A transaction handed to a node (as soon as its CPU is free).
  // What the clients sign for: the first running node's chain and next
  // protocol (every honest node computes the same), else the genesis.
  TxChain client_chain() {
    for (const auto& in : inst)
      if (in.up && in.node && in.byz == ByzantineKind::kNone)
        return {in.node->chain_id(), in.node->next_protocol_version()};
    if (!genesis_id) genesis_id = genesis.block(*crypto)->hash();
    return {*genesis_id, genesis.protocol_version};
  }

  void feed(Instance& in, int64_t t, const TxPtr& tx) {
    step(in, std::max(t, in.busy_until), [&](NodeOutput& out, TimeMs ms) { (void)in.node->submit(tx, ms, out); });
  }

  // Governance transactions go to every running honest node, so a crash or a
  // partition does not lose them.
  void submit_everywhere(const TxPtr& tx, int64_t t) {
    for (auto& in : inst)
      if (in.up && in.honest()) feed(in, t, tx);
  }

  void run_event(const Event& e) {
    switch (e.kind) {
      case Event::kDeliver: {
        Instance& in = inst[static_cast<size_t>(e.target)];
        if (!in.up || in.incarnation != e.incarnation) return;
        if (in.busy_until > e.t) {  // the node's CPU is busy: the message waits
          Event again = e;
          again.t = in.busy_until;
          queue.push(std::move(again));
          return;
        }
        step(in, e.t, [&](NodeOutput& out, TimeMs ms) { in.node->on_message(e.from, *e.msg, ms, out); });
        return;
      }
      case Event::kTick: {
        Instance& in = inst[static_cast<size_t>(e.target)];
        if (!in.up || in.incarnation != e.incarnation || in.tick_at != e.t) return;
        in.tick_at = -1;
        if (in.busy_until > e.t) {
          in.tick_at = in.busy_until;
          queue.push({.t = in.busy_until, .kind = Event::kTick, .target = in.index, .incarnation = in.incarnation});
          return;
        }
        step(in, e.t, [&](NodeOutput& out, TimeMs ms) { in.node->on_tick(ms, out); });
        return;
      }
      case Event::kWorkload: workload->step(e.t); return;
      case Event::kResubmit: workload->resubmit(e.t); return;
      case Event::kTimeline: apply_timeline(sc.timeline[e.timeline_index], e.timeline_index, e.t); return;
      case Event::kCrash: crash(inst[static_cast<size_t>(e.target)]); return;
      case Event::kRestart: restart(inst[static_cast<size_t>(e.target)], e.t); return;
      case Event::kLivenessMark: checker.reach_liveness_mark(); return;
      case Event::kFlap: flap(e); return;
    }
  }

  void crash(Instance& in) {
    if (!in.up) return;
    in.up = false;
    report.reoffered_txs += in.node->reoffered();  // what a crashed node offered still counts
    in.node.reset();
    ++in.incarnation;
    ++report.crashes;
  }

  void restart(Instance& in, int64_t t) {
    if (in.up) return;
    ++report.restarts;
    if (auto st = start_node(in, t); !st) checker.violation("restart_failed", in.height, st.error().to_string());
  }

  // ---- messages ----------------------------------------------------------------

  void send_link(Instance& a, Instance& b, const MessagePtr& msg, size_t size, int64_t t, bool bulk = false) {
    bool consensus = !bulk && !is_bulk(*msg);
    std::vector<MessagePtr> corrupted;  // by copy: the corrupted message that still decodes, or null
    auto copies = net.transmit(a.index, b.index, size, consensus, t, rng, [&](size_t copy, Rng& g) {
      Bytes raw = encode_message(*msg);
      LinkShaper::flip_bits(raw, g);
      auto decoded = decode_message(*crypto, raw);
      corrupted.resize(copy + 1);
      if (decoded) corrupted[copy] = std::make_shared<const Message>(std::move(*decoded));
    });
    for (size_t c = 0; c < copies.size(); ++c) {
      MessagePtr m = msg;
      if (copies[c].corrupted) {
        m = c < corrupted.size() ? corrupted[c] : nullptr;
        if (!m) {  // the receiver cannot even decode it
          ++report.corrupted_rejected;
          continue;
        }
      }
      queue.push({.t = copies[c].due, .kind = Event::kDeliver, .target = b.index, .incarnation = b.incarnation,
                  .from = a.id, .msg = std::move(m)});
    }
  }

  void route(Instance& from, const std::optional<NodeId>& to, const MessagePtr& msg, int64_t t,
             const std::function<bool(const Instance&)>& include, bool bulk = false) {
    size_t size = message_size(*msg);
    auto& by_type = report.traffic_by_type[message_type_name(*msg)];
    for (auto& b : inst) {
      if (b.index == from.index || (include && !include(b))) continue;
      if (to && b.id != *to) continue;
      ++by_type.first;
      by_type.second += size;
      send_link(from, b, msg, size, t, bulk);
    }
  }

  void dispatch(Instance& in, NodeOutput& out, int64_t t) {
    for (auto& c : out.commits) on_commit(in, c, t);
    report.equivocations_detected += out.equivocations.size();
    report.rejected_inputs += out.rejections.size();
    if (debug)
      for (auto& r : out.rejections)
        std::fprintf(stderr, "%.3f node %d rejected: %s\n", static_cast<double>(t) / 1e6, in.index, r.c_str());
    for (const auto& o : out.messages) {
      if (in.honest() || in.byz == ByzantineKind::kTwins)
        route(in, o.to, o.msg, t, nullptr, o.bulk);
      else
        byzantine->misbehave(in, o, t);
    }
  }

  void on_commit(Instance& in, const Commit& c, int64_t t) {
    uint64_t h = c.block->height();
    in.height = h;
    if (commit_observer) commit_observer(in.index, c);
    if (!in.honest() || !checker.on_commit(in, c)) return;
    // The chain grew: what the clients and the governance driver learn.
    report.final_version = c.block->header().protocol_version;
    for (const auto& v : c.block->header().justify.votes)
      if (auto i = instance_of.find(v.signer); i != instance_of.end()) ++inst[static_cast<size_t>(i->second)].qc_signatures;
    for (const auto& tx : c.block->txs())
      if (tx->kind() == TxKind::kGovernance) governance->learn(*tx, *c.state, h, t);
    if (sc.custody) {
      for (const auto& tx : c.block->txs())
        if (tx->kind() == TxKind::kCustody) workload->learn_custody(*tx, *c.state);
      checker.check_conservation(*c.state, h);
    }
    for (const auto& tx : c.block->txs()) {
      checker.applied(*tx, h);
      workload->committed(*tx, t);
    }
  }

  // ---- the fault timeline --------------------------------------------------------

  // The listed instance indices that exist (a scenario may name too many).
  std::vector<int> existing(const std::vector<int>& nodes) const {
    std::vector<int> out;
    for (int x : nodes)
      if (x >= 0 && x < static_cast<int>(inst.size())) out.push_back(x);
    return out;
  }

  void flap(const Event& e) {
    const auto& ev = sc.timeline[e.timeline_index];
    int64_t until = static_cast<int64_t>(ev.until_s * kUs);
    bool cut = !e.flap_restore;
    if (e.t >= until) {
      net.isolate(existing(ev.nodes), false);
      return;
    }
    net.isolate(existing(ev.nodes), cut);
    queue.push({.t = e.t + static_cast<int64_t>(ev.period_s * kUs), .kind = Event::kFlap,
                .timeline_index = e.timeline_index, .flap_restore = cut});
  }

  void apply_timeline(const TimelineEvent& ev, size_t index, int64_t t) {
    using T = TimelineEvent::Type;
    switch (ev.type) {
      case T::kPartition: {
        std::vector<int> group(inst.size(), static_cast<int>(ev.groups.size()));
        for (size_t g = 0; g < ev.groups.size(); ++g)
          for (int x : existing(ev.groups[g])) group[static_cast<size_t>(x)] = static_cast<int>(g);
        net.partition(group);
        break;
      }
      case T::kIsolate: net.isolate(existing(ev.nodes), true); break;
      case T::kIsolateLeader: {
        std::map<NodeId, int> votes;
        for (auto& in : inst)
          if (in.up && in.honest()) ++votes[in.node->status().leader];
        if (votes.empty()) break;
        NodeId leader =
            std::max_element(votes.begin(), votes.end(), [](auto& a, auto& b) { return a.second < b.second; })->first;
        std::vector<int> who;
        for (auto& in : inst)
          if (in.id == leader) who.push_back(in.index);
        net.isolate(who, true);
        break;
      }
      case T::kOneWay:
        for (int a : existing(ev.from))
          for (int b : existing(ev.to)) net.set_cut(a, b, true);
        break;
      case T::kHeal: net.heal(); break;
      case T::kFlap: queue.push({.t = t, .kind = Event::kFlap, .timeline_index = index}); break;
      case T::kLinkRule: {
        auto r = parse_link_rule(ev.rule);
        if (!r) break;  // validated when the scenario was read
        if (ev.nodes.empty())
          net.add_rule(*r);
        else
          for (int x : existing(ev.nodes)) net.add_egress_rule(x, *r);
        break;
      }
      case T::kClearLinks: net.clear_rules(); break;
      case T::kCrash:
        for (int x : existing(ev.nodes)) crash(inst[static_cast<size_t>(x)]);
        break;
      case T::kRestart:
        for (int x : existing(ev.nodes)) restart(inst[static_cast<size_t>(x)], t);
        break;
      case T::kClockSkew:
        for (int x : existing(ev.nodes)) inst[static_cast<size_t>(x)].skew_us += ev.skew_ms * 1000;
        break;
      case T::kGovernance: governance->propose(ev, t, inst, checker.height()); break;
      case T::kUpgradeSoftware:
        for (int x : existing(ev.nodes)) {
          Instance& in = inst[static_cast<size_t>(x)];
          if (in.up) {
            std::string halted = in.node->status().halted;
            if (!halted.empty())
              report.log.push_back(at_seconds(t) + " node " + std::to_string(x) + " halted (" + halted +
                                   ") at height " + std::to_string(in.height) + "; upgraded");
          }
          in.max_version = kMaxProtocolVersion;
          crash(in);
          restart(in, t);
        }
        break;
    }
  }

  // ---- run -------------------------------------------------------------------------

  void run_until(int64_t until) {
    while (!queue.empty() && queue.top().t <= until) {
      Event e = queue.pop(report.trace_digest);
      now = e.t;
      ++report.events;
      run_event(e);
    }
  }

  Report run() {
    run_until(end);
    now = end;
    finish();
    return report;
  }

  void finish() {
    report.simulated_seconds = sc.seconds;
    report.committed_blocks = checker.height();
    report.committed_txs = checker.committed_txs();
    report.throughput_tps = static_cast<double>(report.committed_txs) / sc.seconds;
    const TrafficCounters& traffic = net.counters();
    report.dropped = traffic.dropped;
    report.retransmitted = traffic.retransmitted;
    report.duplicated = traffic.duplicated;
    report.corrupted = traffic.corrupted;
    report.consensus_messages = traffic.consensus_messages;
    report.consensus_bytes = traffic.consensus_bytes;
    workload->finish();
    if (report.committed_blocks > 0) {
      report.messages_per_block =
          static_cast<double>(report.consensus_messages) / static_cast<double>(report.committed_blocks);
      report.bytes_per_block = static_cast<double>(report.consensus_bytes) / static_cast<double>(report.committed_blocks);
    }
    uint64_t min_height = UINT64_MAX;
    std::vector<std::string> stalled;
    for (auto& in : inst)
      if (in.node) report.reoffered_txs += in.node->reoffered();
    for (auto& in : inst) {
      if (!in.honest() || !in.up) continue;
      report.view_changes = std::max(report.view_changes, in.node->status().views_by_timeout);
      min_height = std::min(min_height, in.height);
      checker.check_store(in);
      std::string halted = in.node->status().halted;
      if (!halted.empty()) {
        report.halted.emplace_back(in.index, halted);
        continue;  // stopped on purpose: not a liveness failure
      }
      if (report.final_validators == 0)
        if (auto config = in.node->config()) report.final_validators = config->validators().size();
      if (in.height <= checker.liveness_mark_height())
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
    if (debug)
      for (auto& in : inst)
        if (in.up) {
          auto st = in.node->status();
          std::fprintf(stderr, "node %d h=%llu view=%llu hqc=%llu pending=%zu mempool=%zu timeouts=%llu\n   %s\n",
                       in.index, static_cast<unsigned long long>(st.height), static_cast<unsigned long long>(st.view),
                       static_cast<unsigned long long>(st.high_qc_view), in.node->consensus().pending_blocks(),
                       st.mempool_size, static_cast<unsigned long long>(st.views_by_timeout),
                       in.node->consensus().debug_string().c_str());
        }
    report.min_honest_height = min_height == UINT64_MAX ? 0 : min_height;
    checker.judge_liveness(stalled);
  }
};

Simulation::Simulation(Scenario s) : impl_(std::make_unique<Impl>(std::move(s))) {}
Simulation::Simulation(Scenario s, LiveNetwork net) : impl_(std::make_unique<Impl>(std::move(s))) {
  impl_->live = std::move(net);
}
Simulation::~Simulation() = default;

Status Simulation::start() { return impl_->setup(); }

void Simulation::advance_to(double seconds) {
  int64_t until = static_cast<int64_t>(seconds * kUs);
  impl_->run_until(until);
  impl_->now = std::max(impl_->now, until);
}

double Simulation::now_s() const { return static_cast<double>(impl_->now) / kUs; }
int Simulation::instances() const { return static_cast<int>(impl_->inst.size()); }
NodeId Simulation::id(int i) const { return impl_->inst.at(static_cast<size_t>(i)).id; }
Node* Simulation::node(int i) {
  auto& in = impl_->inst.at(static_cast<size_t>(i));
  return in.up ? in.node.get() : nullptr;
}
BlockStore& Simulation::store(int i) { return *impl_->inst.at(static_cast<size_t>(i)).store; }
double Simulation::commit_latency_ms(int i) const { return impl_->inst.at(static_cast<size_t>(i)).latency_ms; }
double Simulation::busy_seconds(int i) const {
  return static_cast<double>(impl_->inst.at(static_cast<size_t>(i)).busy_total_us) / kUs;
}
const CryptoSuite& Simulation::crypto() const { return *impl_->crypto; }

Status Simulation::submit(int i, const TxPtr& tx) {
  Impl& m = *impl_;
  auto& in = m.inst.at(static_cast<size_t>(i));
  if (!in.up) return make_error(ErrorCode::kUnavailable, "the node is down");
  Status result;
  m.step(in, std::max(m.now, in.busy_until), [&](NodeOutput& out, TimeMs ms) { result = in.node->submit(tx, ms, out); });
  return result;
}

void Simulation::set_link_policy(LinkPolicy p) { impl_->net.set_policy(std::move(p)); }
void Simulation::set_commit_observer(CommitObserver o) { impl_->commit_observer = std::move(o); }
LinkStats Simulation::link_stats(int from, int to) const { return impl_->net.stats(from, to); }

Result<Report> Simulation::run() {
  if (auto st = impl_->setup(); !st) return st.error();
  return impl_->run();
}

}  // namespace consortia::sim
