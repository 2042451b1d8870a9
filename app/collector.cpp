#include "collector.h"

#include <chrono>
#include <map>
#include <set>

#include "client.h"
#include "consortia/v1/agent.grpc.pb.h"
#include "core/history.h"
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
};

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
    uint64_t before_height = n.height;
    int64_t before_ms = n.polled_ms;
    n.reachable = true;
    n.error.clear();
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
    (void)before_height;
    (void)before_ms;
  }
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
  if (impl_->history && s.at_ms - last_series_ >= 3000) {
    last_series_ = s.at_ms;
    emit series(recent);
  }
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
