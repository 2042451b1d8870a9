#include "collector.h"

#include <chrono>
#include <map>
#include <set>

#include "client.h"
#include "consortia/v1/agent.grpc.pb.h"
#include "core/history.h"
#include "ledger/transaction.h"
#include "state/evidence.h"
#include "reasons.h"

namespace consortia::console {
namespace {

// Raw bytes from the API as hex, with the project's codec.
std::string hex(const std::string& raw) {
  return to_hex(ByteView(reinterpret_cast<const uint8_t*>(raw.data()), raw.size()));
}

int64_t now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace

struct Collector::Impl {
  std::vector<Endpoint> endpoints;
  std::shared_ptr<const agent::ClientIdentity> identity;
  OperatorFor operator_for;
  std::shared_ptr<History> history;
  std::string network;
  int64_t last_downsample = 0;
  std::vector<std::unique_ptr<v1::AgentService::Stub>> stubs;
  NetworkState last;
  std::vector<Bytes> trusted;
  const CryptoSuite* suite = nullptr;
  AlertRules rules;
  std::set<std::pair<std::string, std::string>> active;  // node, rule
  bool alerts_loaded = false;
};

namespace {
// At most `points` samples evenly spread over the series (charts over days).
std::vector<Sample> thin(std::vector<Sample> v, size_t points) {
  if (v.size() <= points) return v;
  std::vector<Sample> out;
  double step = static_cast<double>(v.size()) / static_cast<double>(points);
  for (size_t k = 0; k < points; ++k) out.push_back(v[static_cast<size_t>(static_cast<double>(k) * step)]);
  out.push_back(v.back());
  return out;
}
std::string raw(const std::string& hex_text) {
  Bytes b;
  if (!from_hex(hex_text, b)) return {};
  return std::string(b.begin(), b.end());
}
}  // namespace

Collector::Collector(std::vector<Endpoint> endpoints, std::shared_ptr<const agent::ClientIdentity> identity,
                     OperatorFor operator_for)
    : impl_(std::make_unique<Impl>()) {
  impl_->endpoints = std::move(endpoints);
  impl_->identity = std::move(identity);
  impl_->operator_for = std::move(operator_for);
  for (const auto& e : impl_->endpoints) {
    NodeState n;
    n.name = e.name;
    n.organisation = e.organisation;
    n.api_address = e.api_address;
    n.metrics_address = e.metrics_address;
    n.id_hex = e.id_hex;
    impl_->last.nodes.push_back(n);
  }
}

Collector::~Collector() = default;

void Collector::set_history(std::shared_ptr<History> history, std::string network) {
  impl_->history = std::move(history);
  impl_->network = std::move(network);
  // Start from what was last seen: an agent that does not answer keeps its
  // last known values, marked unreachable.
  NetworkState remembered = impl_->history->last_state(impl_->network);
  for (auto& n : impl_->last.nodes)
    for (const auto& r : remembered.nodes)
      if (r.name == n.name) {
        std::string api = n.api_address, metrics = n.metrics_address, id = n.id_hex;
        n = r;
        n.api_address = api;
        n.metrics_address = metrics;
        n.id_hex = id;
      }
}

void Collector::start(int interval_ms) {
  for (const auto& e : impl_->endpoints)
    impl_->stubs.push_back(v1::AgentService::NewStub(agent::agent_channel(e.api_address, e.name, *impl_->identity)));
  timer_ = new QTimer(this);
  connect(timer_, &QTimer::timeout, this, &Collector::poll_now);
  timer_->start(interval_ms);
  poll_now();
}

void Collector::poll_now() {
  NetworkState s = impl_->last;
  s.at_ms = now_ms();
  auto poll_started = std::chrono::steady_clock::now();
  for (size_t i = 0; i < s.nodes.size(); ++i) {
    NodeState& n = s.nodes[i];
    grpc::ClientContext ctx;
    ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::milliseconds(800));
    v1::NodeStatus st;
    grpc::Status rc = impl_->stubs[i]->GetStatus(&ctx, v1::StatusRequest{}, &st);
    if (!rc.ok()) {
      n.reachable = false;
      n.error = rc.error_message();
      continue;
    }
    uint64_t before_txs = n.committed_txs;
    int64_t before_ms = n.reachable ? n.polled_ms : 0;
    n.reachable = true;
    n.error.clear();
    // An inventory network's agents say who they are.
    if (n.organisation.empty()) n.organisation = impl_->endpoints[i].organisation = st.organisation();
    if (n.id_hex.empty()) n.id_hex = impl_->endpoints[i].id_hex = hex(st.node_id());
    n.polled_ms = s.at_ms;
    n.role = st.role();
    n.height = st.height();
    n.view = st.view();
    n.view_changes = st.view_changes();
    n.mempool = st.mempool_size();
    n.best_peer_height = st.best_peer_height();
    n.protocol_version = st.protocol_version();
    n.validators = st.validators();
    n.leader_hex = hex(st.leader());
    n.block_hash_hex = hex(st.block_hash());
    n.halted = st.halted();
    n.last_block_time_ms = static_cast<int64_t>(st.last_block_time_ms());
    n.peers.clear();
    for (const auto& p : st.peers())
      n.peers.push_back({hex(p.node_id()), p.name(), p.connected(), p.rtt_ms(), p.loss(), p.sent_bytes(),
                         p.received_bytes(), p.dropped(), p.fault_rule()});
    n.committed_txs = st.committed_txs();
    n.latency_ms = st.commit_latency_ms();
    n.cpu_percent = st.cpu_percent();
    n.rss_bytes = st.rss_bytes();
    n.disk_used_bytes = st.disk_used_bytes();
    n.disk_free_bytes = st.disk_free_bytes();
    n.disk_total_bytes = st.disk_total_bytes();
    if (before_ms > 0 && s.at_ms > before_ms && n.committed_txs >= before_txs)
      n.tps = static_cast<double>(n.committed_txs - before_txs) * 1000.0 / static_cast<double>(s.at_ms - before_ms);
    else
      n.tps = 0;
  }
  s.poll_ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - poll_started).count();
  impl_->last = s;
  if (impl_->history) {
    impl_->history->record(impl_->network, s);
    if (s.at_ms - impl_->last_downsample > 600'000) {  // every ten minutes
      impl_->history->downsample(s.at_ms);
      impl_->last_downsample = s.at_ms;
    }
  }
  emit snapshot(s);
  analyse(s);
}

void Collector::analyse(const NetworkState& s) {
  std::vector<Finding> found = lagging_nodes(s);
  // Nodes at one height reporting different blocks: bisect for the fork.
  std::map<uint64_t, std::set<std::string>> hashes;
  for (const auto& n : s.nodes)
    if (n.reachable && !n.block_hash_hex.empty()) hashes[n.height].insert(n.block_hash_hex);
  bool split = false;
  for (const auto& [h, set] : hashes) split |= set.size() > 1;
  if (split) {
    std::vector<std::string> names;
    std::vector<size_t> live;
    uint64_t common = UINT64_MAX;
    for (size_t i = 0; i < s.nodes.size(); ++i)
      if (s.nodes[i].reachable) {
        names.push_back(s.nodes[i].name);
        live.push_back(i);
        common = std::min(common, s.nodes[i].height);
      }
    HashAt hash_at = [&](size_t k, uint64_t height) -> std::optional<std::string> {
      grpc::ClientContext ctx;
      ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::milliseconds(800));
      v1::BlockRequest r;
      r.set_height(height);
      v1::BlockInfo b;
      if (!impl_->stubs[live[k]]->GetBlock(&ctx, r, &b).ok()) return std::nullopt;
      return b.hash();
    };
    if (auto f = find_fork(names, common == UINT64_MAX ? 0 : common, hash_at)) found.push_back(*f);
  }
  // One read of each node's recent samples serves the storm rule and the charts.
  std::map<std::string, std::vector<Sample>> recent;
  if (impl_->history) {
    std::string suspects;
    for (const auto& name : storm_suspects(s)) suspects += (suspects.empty() ? "" : ", ") + name;
    for (const auto& n : s.nodes) {
      auto& samples = recent[n.name] = impl_->history->samples(impl_->network, n.name, s.at_ms - 600'000, s.at_ms);
      if (auto f = view_change_storm(n.name, samples, kStormPerMinute)) {
        f->detail = suspects;
        found.push_back(*f);
      }
    }
  }
  emit findings(found);
  check_alerts(s, recent);
  if (impl_->history && s.at_ms - last_series_ >= 3000) {
    last_series_ = s.at_ms;
    if (chart_range_ms_ <= 600'000) {
      emit series(recent);
    } else {
      std::map<std::string, std::vector<Sample>> longer;
      for (const auto& n : s.nodes)
        longer[n.name] = thin(impl_->history->samples(impl_->network, n.name, s.at_ms - chart_range_ms_, s.at_ms), 600);
      emit series(longer);
    }
  }
}

void Collector::check_alerts(const NetworkState& s, const std::map<std::string, std::vector<Sample>>& recent) {
  if (!impl_->history) return;
  if (!impl_->alerts_loaded) {  // alerts still open from an earlier session
    for (const auto& a : impl_->history->alerts(impl_->network, s.at_ms))
      if (a.cleared_ms == 0) impl_->active.insert({a.node, a.rule});
    impl_->alerts_loaded = true;
  }
  std::set<std::pair<std::string, std::string>> now;
  bool changed = false;
  for (const auto& a : evaluate_alerts(impl_->rules, s, recent)) {
    now.insert({a.node, a.rule});
    if (!impl_->active.count({a.node, a.rule})) {
      impl_->history->raise_alert(impl_->network, {a.node, a.rule, "", s.at_ms, 0, a.value});
      changed = true;
    }
  }
  for (const auto& [node, rule] : impl_->active)
    if (!now.count({node, rule})) {
      impl_->history->clear_alert(impl_->network, node, rule, s.at_ms);
      changed = true;
    }
  impl_->active = now;
  if (changed || s.at_ms - last_alerts_emit_ > 5000) {
    last_alerts_emit_ = s.at_ms;
    emit alerts({impl_->history->alerts(impl_->network, s.at_ms - 24 * 3600'000LL), impl_->rules});
  }
}

void Collector::set_alert_rules(AlertRules rules) { impl_->rules = rules; }
void Collector::set_alert_rules_now(const AlertRules& r) { impl_->rules = r; }
void Collector::set_trusted_validators(std::vector<Bytes> keys, const CryptoSuite* suite) {
  impl_->trusted = std::move(keys);
  impl_->suite = suite;
}
void Collector::set_chart_range(qint64 range_ms) {
  chart_range_ms_ = std::max<qint64>(60'000, range_ms);
  last_series_ = 0;
  analyse(impl_->last);
}

void Collector::replay_at(qint64 t_ms) {
  if (!impl_->history) return;
  // Beyond the full-rate hour history keeps a sample a minute.
  int64_t window = t_ms < now_ms() - History::kFullRateMs ? 90'000 : 5'000;
  NetworkState past = impl_->history->state_at(impl_->network, t_ms, window);
  // In the live view's order, with only today's inventory: node i is the
  // same node in both, whatever else history remembers.
  NetworkState s;
  s.at_ms = t_ms;
  for (const auto& live : impl_->last.nodes) {
    NodeState n = live;
    n.reachable = false;
    n.peers.clear();
    n.error = "no sample at that time";
    for (const auto& p : past.nodes)
      if (p.name == live.name && p.reachable) {
        n.reachable = true;
        n.error.clear();
        n.polled_ms = p.polled_ms;
        n.height = p.height;
        n.view = p.view;
        n.view_changes = p.view_changes;
        n.halted = p.halted;
        n.mempool = p.mempool;
        n.committed_txs = p.committed_txs;
        n.cpu_percent = p.cpu_percent;
      }
    s.nodes.push_back(std::move(n));
  }
  emit replayed(s);
}

void Collector::query_time_range() {
  if (!impl_->history) return;
  auto [a, b] = impl_->history->time_range(impl_->network);
  emit time_range(a, b);
}

void Collector::fetch_detail(int node, QString min_level) {
  if (node < 0 || node >= static_cast<int>(impl_->stubs.size())) return;
  // An agent that does not answer status will not answer this either: do
  // not spend seconds of this thread (and the next polls) on it.
  if (!impl_->last.nodes[static_cast<size_t>(node)].reachable) {
    NodeDetail d;
    d.node = node;
    d.error = impl_->last.nodes[static_cast<size_t>(node)].error;
    emit detail(std::move(d));
    return;
  }
  NodeDetail d;
  d.node = node;
  auto& stub = *impl_->stubs[static_cast<size_t>(node)];
  auto deadline = [] { return std::chrono::system_clock::now() + std::chrono::milliseconds(1500); };
  {
    grpc::ClientContext ctx;
    ctx.set_deadline(deadline());
    v1::LogRequest r;
    r.set_lines(200);
    r.set_min_level(min_level.toStdString());
    v1::LogLines out;
    if (auto st = stub.TailLog(&ctx, r, &out); st.ok())
      d.log.assign(out.lines().begin(), out.lines().end());
    else
      d.error = st.error_message();
  }
  {
    grpc::ClientContext ctx;
    ctx.set_deadline(deadline());
    v1::LogRequest r;
    r.set_lines(100);
    r.set_audit(true);
    v1::LogLines out;
    if (stub.TailLog(&ctx, r, &out).ok()) d.audit.assign(out.lines().begin(), out.lines().end());
  }
  {
    grpc::ClientContext ctx;
    ctx.set_deadline(deadline());
    (void)stub.GetHostInfo(&ctx, v1::HostInfoRequest{}, &d.host);
  }
  uint64_t top = impl_->last.nodes[static_cast<size_t>(node)].height;
  for (uint64_t h = top; h > 0 && h + 10 > top; --h) {
    grpc::ClientContext ctx;
    ctx.set_deadline(deadline());
    v1::BlockRequest r;
    r.set_height(h);
    v1::BlockInfo b;
    if (!stub.GetBlock(&ctx, r, &b).ok()) break;
    b.clear_encoded();
    d.blocks.push_back(std::move(b));
  }
  emit detail(std::move(d));
}

void Collector::explore(int node, QString query, bool evidence) {
  ExplorerResult r;
  r.query = query.trimmed().toStdString();
  if (node < 0 || node >= static_cast<int>(impl_->stubs.size())) {
    r.error = "no such node";
    emit explored(r);
    return;
  }
  r.node = impl_->endpoints[static_cast<size_t>(node)].name;
  auto& stub = *impl_->stubs[static_cast<size_t>(node)];
  auto call = [](auto&& fn) {
    grpc::ClientContext ctx;
    ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(3));
    return fn(ctx);
  };
  std::string q = r.query;
  bool number = !q.empty() && q.size() < 20 && std::all_of(q.begin(), q.end(), [](char c) { return c >= '0' && c <= '9'; });
  std::string id = raw(q.size() == 64 ? q : std::string());
  if (evidence) {
    if (id.size() != 32) {
      r.error = "invalid_argument: a document digest is 64 hex digits";
    } else {
      v1::EvidenceRequest req;
      req.set_digest(id);
      v1::EvidenceProof out;
      auto st = call([&](grpc::ClientContext& ctx) { return stub.ProveEvidence(&ctx, req, &out); });
      if (!st.ok()) {
        r.error = st.error_message();
      } else if (auto proof = EvidenceProof::from_json(out.proof_json()); !proof) {
        r.kind = ExplorerResult::Kind::kEvidence;
        r.verdict = {false, "the proof does not parse: " + proof.error().detail, {}};
      } else {
        r.kind = ExplorerResult::Kind::kEvidence;
        r.proof = *proof;
        r.verdict = verify_evidence_proof(*proof, impl_->trusted);
      }
    }
  } else if (number) {
    v1::BlockRequest req;
    req.set_height(std::stoull(q));
    auto st = call([&](grpc::ClientContext& ctx) { return stub.GetBlock(&ctx, req, &r.block); });
    if (st.ok()) r.kind = ExplorerResult::Kind::kBlock;
    else r.error = st.error_message();
  } else if (id.size() == 32) {
    v1::BlockRequest req;
    req.set_hash(id);
    auto st = call([&](grpc::ClientContext& ctx) { return stub.GetBlock(&ctx, req, &r.block); });
    if (st.ok()) {
      r.kind = ExplorerResult::Kind::kBlock;
    } else {
      v1::TransactionRequest t;
      t.set_id(id);
      auto st2 = call([&](grpc::ClientContext& ctx) { return stub.GetTransaction(&ctx, t, &r.tx); });
      if (st2.ok()) {
        r.kind = ExplorerResult::Kind::kTransaction;
        if (r.tx.kind() == static_cast<uint32_t>(TxKind::kEvidence)) {
          const std::string& enc = r.tx.encoded();
          if (impl_->suite)
            if (auto tx = Transaction::decode(*impl_->suite, ByteView(reinterpret_cast<const uint8_t*>(enc.data()), enc.size())))
              if (auto rec = EvidenceRecord::decode((*tx)->payload())) r.evidence_digest_hex = rec->digest.hex();
        }
      } else {
        r.error = st2.error_message();
      }
    }
  } else {
    r.error = "invalid_argument: enter a height, or a block hash or transaction id of 64 hex digits";
  }
  r.block.clear_encoded();
  emit explored(r);
}

namespace {

// A control call as the node's organisation's operator, with a deadline.
template <class Call>
std::pair<bool, QString> control(const Endpoint& e, const Collector::OperatorFor& operator_for, Call call) {
  auto id = operator_for ? operator_for(e.organisation) : nullptr;
  if (!id)
    return {false, QObject::tr("No operator certificate for %1: the console can only watch this node.")
                       .arg(QString::fromStdString(e.organisation))};
  auto stub = v1::AgentService::NewStub(agent::agent_channel(e.api_address, e.name, *id));
  grpc::ClientContext ctx;
  ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(3));
  grpc::Status st = call(*stub, ctx);
  if (st.ok()) return {true, {}};
  return {false, translate_agent_error(QString::fromStdString(st.error_message()))};
}

}  // namespace

void Collector::apply_fault(int node, QString rule) {
  if (node < 0 || node >= static_cast<int>(impl_->endpoints.size())) return;
  const Endpoint& e = impl_->endpoints[static_cast<size_t>(node)];
  auto [ok, why] = control(e, impl_->operator_for, [&](v1::AgentService::Stub& s, grpc::ClientContext& ctx) {
    v1::SetFaultsRequest req;
    req.add_rules()->set_rule(rule.toStdString());
    v1::FaultRules out;
    return s.SetFaults(&ctx, req, &out);
  });
  emit control_done(ok, ok ? QObject::tr("Applied “%1” on %2").arg(rule, QString::fromStdString(e.name))
                           : QObject::tr("Could not apply “%1” on %2: %3").arg(rule, QString::fromStdString(e.name), why));
  poll_now();
}

void Collector::apply_link_fault(int node, QString peer_hex, QString rule) {
  if (node < 0 || node >= static_cast<int>(impl_->endpoints.size())) return;
  const Endpoint& e = impl_->endpoints[static_cast<size_t>(node)];
  QString peer_name = peer_hex.left(12);
  for (const auto& n : impl_->last.nodes)
    if (QString::fromStdString(n.id_hex) == peer_hex) peer_name = QString::fromStdString(n.name);
  auto [ok, why] = control(e, impl_->operator_for, [&](v1::AgentService::Stub& s, grpc::ClientContext& ctx) {
    v1::SetFaultsRequest req;
    auto* r = req.add_rules();
    r->set_peer(raw(peer_hex.toStdString()));
    r->set_rule(rule.toStdString());
    v1::FaultRules out;
    return s.SetFaults(&ctx, req, &out);
  });
  emit control_done(ok, ok ? QObject::tr("Applied “%1” on the link %2 → %3").arg(rule, QString::fromStdString(e.name), peer_name)
                           : QObject::tr("Could not apply “%1” on the link %2 → %3: %4")
                                 .arg(rule, QString::fromStdString(e.name), peer_name, why));
  poll_now();
}

void Collector::set_log_level(int node, QString level) {
  if (node < 0 || node >= static_cast<int>(impl_->endpoints.size())) return;
  const Endpoint& e = impl_->endpoints[static_cast<size_t>(node)];
  auto [ok, why] = control(e, impl_->operator_for, [&](v1::AgentService::Stub& s, grpc::ClientContext& ctx) {
    v1::LogLevelRequest req;
    req.set_level(level.toStdString());
    v1::LogLevel out;
    return s.SetLogLevel(&ctx, req, &out);
  });
  emit control_done(ok, ok ? QObject::tr("%1 now logs from level %2").arg(QString::fromStdString(e.name), level)
                           : QObject::tr("Could not set the log level of %1: %2").arg(QString::fromStdString(e.name), why));
  fetch_detail(node, level);
}

void Collector::clear_faults(int node) {
  if (node < 0 || node >= static_cast<int>(impl_->endpoints.size())) return;
  const Endpoint& e = impl_->endpoints[static_cast<size_t>(node)];
  auto [ok, why] = control(e, impl_->operator_for, [&](v1::AgentService::Stub& s, grpc::ClientContext& ctx) {
    v1::FaultRules out;
    return s.ClearFaults(&ctx, v1::ClearFaultsRequest{}, &out);
  });
  emit control_done(ok, ok ? QObject::tr("Cleared the faults on %1").arg(QString::fromStdString(e.name))
                           : QObject::tr("Could not clear the faults on %1: %2").arg(QString::fromStdString(e.name), why));
  poll_now();
}

void Collector::partition(QList<int> group) {
  QStringList failed;
  auto raw = [](const std::string& hex) {
    Bytes b;
    from_hex(hex, b);
    return std::string(b.begin(), b.end());
  };
  for (int i = 0; i < static_cast<int>(impl_->endpoints.size()); ++i) {
    bool inside = group.contains(i);
    const Endpoint& e = impl_->endpoints[static_cast<size_t>(i)];
    auto [ok, why] = control(e, impl_->operator_for, [&](v1::AgentService::Stub& s, grpc::ClientContext& ctx) {
      v1::SetFaultsRequest req;
      for (int j = 0; j < static_cast<int>(impl_->endpoints.size()); ++j)
        if (group.contains(j) != inside) req.add_partition(raw(impl_->endpoints[static_cast<size_t>(j)].id_hex));
      v1::FaultRules out;
      return s.SetFaults(&ctx, req, &out);
    });
    if (!ok) failed << QString::fromStdString(e.name) + ": " + why;
  }
  QStringList names;
  for (int i : group) names << QString::fromStdString(impl_->endpoints[static_cast<size_t>(i)].name);
  emit control_done(failed.isEmpty(), failed.isEmpty()
                                          ? QObject::tr("Partitioned %1 from the rest").arg(names.join(", "))
                                          : QObject::tr("The partition is incomplete: %1").arg(failed.join("; ")));
  poll_now();
}

void Collector::clear_all_faults() {
  QStringList failed;
  for (const auto& e : impl_->endpoints) {
    auto [ok, why] = control(e, impl_->operator_for, [&](v1::AgentService::Stub& s, grpc::ClientContext& ctx) {
      v1::FaultRules out;
      return s.ClearFaults(&ctx, v1::ClearFaultsRequest{}, &out);
    });
    if (!ok) failed << QString::fromStdString(e.name) + ": " + why;
  }
  emit control_done(failed.isEmpty(), failed.isEmpty() ? QObject::tr("Cleared all faults on every node")
                                                       : QObject::tr("Some faults remain: %1").arg(failed.join("; ")));
  poll_now();
}

}  // namespace consortia::console
