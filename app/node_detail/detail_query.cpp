#include "node_detail/detail_query.h"

#include "agents/api_adapter.h"
#include "agents/collector.h"

namespace consortia::console {

void DetailQuery::fetch(int node, QString min_level) {
  if (node < 0 || node >= static_cast<int>(links_->size())) return;
  const NodeState& known = collector_->last().nodes.at(static_cast<size_t>(node));
  NodeDetail d;
  d.node = node;
  // An agent that does not answer status will not answer this either: do
  // not spend seconds of this thread (and the next polls) on it.
  if (!known.reachable) {
    d.error = known.error;
    emit detail(std::move(d));
    return;
  }
  auto& stub = links_->viewer(static_cast<size_t>(node));
  {
    grpc::ClientContext ctx;
    ctx.set_deadline(AgentLinks::deadline(1500));
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
    ctx.set_deadline(AgentLinks::deadline(1500));
    v1::LogRequest r;
    r.set_lines(100);
    r.set_audit(true);
    v1::LogLines out;
    if (stub.TailLog(&ctx, r, &out).ok())
      for (const auto& line : out.lines()) d.audit.push_back(audit_entry(line));
  }
  {
    grpc::ClientContext ctx;
    ctx.set_deadline(AgentLinks::deadline(1500));
    v1::HostInfo host;
    if (stub.GetHostInfo(&ctx, v1::HostInfoRequest{}, &host).ok()) d.host = host_facts(host);
  }
  uint64_t top = known.height;
  for (uint64_t h = top; h > 0 && h + 10 > top; --h) {
    grpc::ClientContext ctx;
    ctx.set_deadline(AgentLinks::deadline(1500));
    v1::BlockRequest r;
    r.set_height(h);
    v1::BlockInfo b;
    if (!stub.GetBlock(&ctx, r, &b).ok()) break;
    d.blocks.push_back(block_summary(b));
  }
  emit detail(std::move(d));
}

void DetailQuery::set_log_level(int node, QString level) {
  if (node < 0 || node >= static_cast<int>(links_->size())) return;
  ControlOutcome o{ControlOutcome::Action::kSetLogLevel, {links_->endpoint(static_cast<size_t>(node)).name}, "",
                   level.toStdString(), {}};
  links_->control(static_cast<size_t>(node), [&](v1::AgentService::Stub& s, grpc::ClientContext& ctx) {
    v1::LogLevelRequest req;
    req.set_level(o.argument);
    v1::LogLevel out;
    return s.SetLogLevel(&ctx, req, &out);
  }, o);
  emit control_done(o);
  fetch(node, level);
}

}  // namespace consortia::console
