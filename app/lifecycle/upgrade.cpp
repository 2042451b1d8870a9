#include "lifecycle/upgrade.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <fstream>
#include <functional>
#include <optional>

#include "lifecycle/steps.h"
#include "model/clock.h"
#include "node_archive.h"
#include "state/governance.h"

namespace consortia::console {
using nlohmann::json;

namespace {

using namespace step;

std::unique_ptr<pb::AgentService::Stub> client_of(const NetworkAccess& net, const std::string& name,
                                                  const std::string& role) {
  auto e = net.node(name);
  if (!e) return nullptr;
  return net.client(*e, e->organisation, role);
}

void deadline(grpc::ClientContext& ctx, double s) {
  ctx.set_deadline(std::chrono::system_clock::now() +
                   std::chrono::milliseconds(static_cast<int64_t>(s * 1000)));
}

// An agent's refusal as a step failure: its reason code leads the message.
StepResult refused_by(const std::string& node, const grpc::Status& st) {
  std::string code = reason_of(st.error_message());
  if (st.error_code() == grpc::StatusCode::PERMISSION_DENIED) code = "unauthorised";
  return fail(code, node + ": " + st.error_message());
}

std::optional<pb::Binaries> binaries_of(const NetworkAccess& net, const std::string& name) {
  auto c = client_of(net, name, "viewer");
  if (!c) return std::nullopt;
  grpc::ClientContext ctx;
  deadline(ctx, 5);
  pb::Binaries b;
  if (!c->ListBinaries(&ctx, pb::BinariesRequest{}, &b).ok()) return std::nullopt;
  return b;
}

json history_of(const pb::Binaries& b) {
  auto s = json::parse(b.supervisor_state_json(), nullptr, false);
  if (!s.is_object() || !s.contains("history") || !s["history"].is_array()) return json::array();
  return s["history"];
}

std::string staged_sha(const pb::Binaries& b, const std::string& release) {
  for (const auto& x : b.staged())
    if (x.version() == release) return x.sha256();
  return {};
}

// The chain's height as the agents report it, not trusting the f highest:
// an agent of another organisation may claim any height, and one lie must
// not move a plan's height or hold every node's gate.
uint64_t trusted_height(const NetworkState& s) {
  std::vector<uint64_t> h;
  for (const auto& n : s.nodes)
    if (n.reachable) h.push_back(n.height);
  if (h.empty()) return 0;
  std::sort(h.begin(), h.end(), std::greater<>());
  return h[(h.size() - 1) / 3];
}

bool healthy(const NodeState& n, uint64_t top) {
  return n.reachable && n.halted.empty() && n.height + kLagBlocks >= top;
}

const NodeState* find_node(const NetworkState& s, const std::string& name) {
  for (const auto& n : s.nodes)
    if (n.name == name) return &n;
  return nullptr;
}

// Switches `name` to `release` (empty: the supervisor's own binary) and
// waits until it runs it (its binary's digest is `sha` when one is given),
// is healthy, and has committed `gate` blocks since. A validator is not
// taken down while that would leave the live validators short of a quorum.
// The supervisor's switching back (the new binary did not start or was not
// healthy in time) fails the step with its reason.
StepResult switch_node(StepContext& ctx, NetworkAccess& net, const std::string& name, const std::string& release,
                       const std::string& sha, uint64_t gate, double timeout_s) {
  auto arrived = [&](const NodeState& n) {
    if (!sha.empty()) return n.binary_sha256 == sha;
    auto b = binaries_of(net, name);
    return b && b->current() == release;
  };
  NetworkState s = net.poll(3);
  const NodeState* n = find_node(s, name);
  if (!n) return fail("no_node", name);
  // A run killed while it switched this node finds it restarting under its
  // supervisor: its agent answers again before anything is judged.
  if (!n->reachable || !binaries_of(net, name)) {
    auto r = wait_for(ctx, timeout_s, name + "'s agent answering", [&](Words& note, double& f) {
      f = 0;
      note = {"waiting_api", {name}};
      s = net.poll(3);
      n = find_node(s, name);
      return n && n->reachable && static_cast<bool>(binaries_of(net, name));
    });
    if (!r.ok) return r.code == "timed_out" ? fail("unavailable", name + " does not answer") : r;
    if (!n) return fail("no_node", name);
  }
  if (n->reachable && arrived(*n) && healthy(*n, trusted_height(s))) {
    ctx.output += name + ": runs " + (release.empty() ? std::string("its supervisor's own binary") : release) + "\n";
    return StepResult::done();
  }
  if (n->role == "validator")
    if (auto r = wait_for_quorum_without(ctx, net, name, timeout_s); !r.ok) return r;
  auto before = binaries_of(net, name);
  if (!before) return fail("unavailable", name + " does not list its binaries");
  size_t history_before = history_of(*before).size();
  {
    auto op = client_of(net, name, "operator");
    if (!op) return fail("no_operator_certificate", name);
    grpc::ClientContext c;
    deadline(c, 10);
    pb::SwitchRequest req;
    req.set_version(release);
    pb::SwitchResult res;
    auto st = op->SwitchBinary(&c, req, &res);
    if (!st.ok()) return refused_by(name, st);
  }
  ctx.output += name + ": switching to " + (release.empty() ? std::string("its supervisor's own binary") : release) + "\n";
  uint64_t start = trusted_height(net.poll(3));
  std::optional<StepResult> failed;
  auto r = wait_for(ctx, timeout_s, name + " on " + release, [&](Words& note, double& f) {
    if (auto b = binaries_of(net, name)) {
      json h = history_of(*b);
      for (size_t i = history_before; i < h.size(); ++i)
        if (h[i].value("to", "") == release && h[i].value("result", "") == "rolled back") {
          failed = fail("switch_failed", name + ": " + h[i].value("reason", ""));
          return true;
        }
    }
    NetworkState now = net.poll(3);
    const NodeState* x = find_node(now, name);
    uint64_t top = trusted_height(now);
    if (x && !x->halted.empty()) {
      failed = fail("halted", name + ": " + x->halted);
      return true;
    }
    uint64_t h = x && x->reachable ? x->height : 0;
    note = {"switching", {name, std::to_string(h > start ? h - start : 0), std::to_string(gate)}};
    f = std::min(1.0, static_cast<double>(h > start ? h - start : 0) / static_cast<double>(std::max<uint64_t>(gate, 1)));
    return x && arrived(*x) && healthy(*x, top) && h >= start + gate;
  });
  if (failed) return *failed;
  if (!r.ok) return r;
  ctx.output += name + ": healthy on it\n";
  return StepResult::done();
}

std::string param(const StepContext& c, const char* k) { return c.runbook.params.value(k, ""); }

// A node whose running binary does not implement `protocol` would halt at
// the plan's height: the release is not the one the plan needs.
std::optional<StepResult> lacking(const NetworkState& s, uint32_t protocol, const std::string& only = "") {
  for (const auto& n : s.nodes)
    if ((only.empty() || n.name == only) && n.reachable && n.max_protocol < protocol)
      return fail("release_lacks_protocol", n.name + " runs a binary that implements protocols up to " +
                                                std::to_string(n.max_protocol) + ", not " + std::to_string(protocol));
  return std::nullopt;
}

}  // namespace

// ---- staging and readiness -----------------------------------------------------

json stage_release(NetworkAccess& net, const std::string& binary, const std::string& release,
                   const std::vector<std::string>& nodes,
                   const std::function<void(const std::string&, uint64_t, uint64_t)>& progress) {
  json out = json::array();
  std::ifstream in(binary, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto sum = agent::sha256_file(binary);
  for (const auto& e : net.info().nodes) {
    if (!nodes.empty() && std::find(nodes.begin(), nodes.end(), e.name) == nodes.end()) continue;
    json r{{"node", e.name}};
    if (bytes.empty() || !sum) {
      r["ok"] = false;
      r["error"] = {{"code", "no_file"}, {"message", binary}};
      out.push_back(r);
      continue;
    }
    auto op = net.client(e, e.organisation, "operator");
    if (!op) {
      r["ok"] = false;
      r["error"] = {{"code", "no_operator_certificate"}, {"message", e.organisation}};
      out.push_back(r);
      continue;
    }
    grpc::ClientContext ctx;
    deadline(ctx, 600);
    pb::StagedBinary staged;
    auto w = op->StageBinary(&ctx, &staged);
    constexpr size_t kChunk = 1 << 20;
    for (size_t at = 0; at < bytes.size(); at += kChunk) {
      pb::BinaryChunk chunk;
      if (at == 0) {
        chunk.set_version(release);
        chunk.set_sha256(*sum);
        chunk.set_size(bytes.size());
      }
      chunk.set_data(bytes.substr(at, kChunk));
      if (!w->Write(chunk)) break;
      if (progress) progress(e.name, std::min(bytes.size(), at + kChunk), bytes.size());
    }
    w->WritesDone();
    auto st = w->Finish();
    if (st.ok()) {
      r["ok"] = true;
      r["sha256"] = staged.sha256();
      r["reports"] = staged.reports();
    } else {
      r["ok"] = false;
      r["error"] = {{"code", reason_of(st.error_message())}, {"message", st.error_message()}};
    }
    out.push_back(r);
  }
  return out;
}

json readiness_matrix(NetworkAccess& net) {
  NetworkState s = net.poll(3);
  uint64_t top = trusted_height(s);
  json out = json::array();
  for (const auto& n : s.nodes) {
    json staged = json::array();
    std::string current;
    if (n.reachable)
      if (auto b = binaries_of(net, n.name)) {
        for (const auto& x : b->staged())
          staged.push_back({{"version", x.version()}, {"sha256", x.sha256()}, {"current", x.current()}});
        current = b->current();
      }
    out.push_back({{"node", n.name},
                   {"organisation", n.organisation},
                   {"role", n.role.empty() ? "unknown" : n.role},
                   {"health", health_word(n, top, wall_ms())},
                   {"height", n.height},
                   {"agent_version", n.agent_version},
                   {"binary_sha256", n.binary_sha256},
                   {"release", current},
                   {"protocol", n.protocol_version},
                   {"protocols", {n.min_protocol, n.max_protocol}},
                   {"supervised", n.supervised},
                   {"simulated", n.simulated},
                   {"staged", staged},
                   {"halted", n.halted}});
  }
  return out;
}

// ---- the upgrade runbook -----------------------------------------------------------

std::optional<RunbookRecord> find_upgrade(LifecycleEnv& env, const std::string& plan) {
  for (const auto& r : env.runbooks.list())  // newest first
    if (r.kind == "upgrade" && r.subject == plan && r.network == env.network.dir()) return r;
  return std::nullopt;
}

std::variant<int64_t, Refusal> create_upgrade(LifecycleEnv& env, const UpgradeRequest& r) {
  if (!plain_name(r.plan)) return Refusal{"bad_plan_name", r.plan};
  if (!plain_name(r.release)) return Refusal{"bad_release", r.release};
  if (auto old = find_upgrade(env, r.plan);
      old && old->state != RunbookState::kCancelled && old->state != RunbookState::kFailed)
    return Refusal{"upgrade_exists", r.plan + " (#" + std::to_string(old->id) + ")"};
  if (!r.canary.empty() && !env.network.node(r.canary)) return Refusal{"no_node", r.canary};
  // A plan name is used once on a chain, even after a cancellation.
  if (auto all = env.network.proposals())
    for (const auto& p : *all)
      if (p.action() == "upgrade" && p.plan() == r.plan && p.status() != "withdrawn" && p.status() != "expired")
        return Refusal{"plan_name_used", r.plan};
  // The release must be staged alike everywhere: its digest is what the plan names.
  std::string sha, missing;
  for (const auto& e : env.network.info().nodes) {
    auto b = binaries_of(env.network, e.name);
    std::string s = b ? staged_sha(*b, r.release) : "";
    if (s.empty()) missing += (missing.empty() ? "" : ", ") + e.name;
    else if (sha.empty()) sha = s;
    else if (s != sha) return Refusal{"staged_differs", e.name + ": " + s + ", others " + sha};
  }
  if (!missing.empty()) return Refusal{"not_staged", r.release + ": " + missing};
  if (r.height > 0) {
    uint64_t top = trusted_height(env.network.poll(3));
    if (r.height < top + kUpgradeMarginBlocks)
      return Refusal{"too_close", std::to_string(r.height) + " < " + std::to_string(top + kUpgradeMarginBlocks)};
  }
  json params{{"plan", r.plan},         {"release", r.release},   {"sha256", sha},
              {"protocol", r.protocol}, {"height", r.height},     {"in_s", r.in_s},
              {"canary", r.canary},     {"gate_blocks", r.gate_blocks}, {"timeout", r.timeout_s}};
  std::vector<std::string> names;
  for (const auto& s : upgrade_steps(env)) names.push_back(s.name);
  return env.runbooks.create("upgrade", env.network.dir(), r.plan, params, names);
}

std::vector<StepDef> upgrade_steps(LifecycleEnv& env) {
  std::vector<StepDef> s;
  auto timeout = [](const StepContext& c) { return c.runbook.params.value("timeout", 300.0); };
  s.push_back({"readiness", [&env](StepContext& c) -> StepResult {
                 json m = readiness_matrix(env.network);
                 c.vars["matrix"] = m;
                 std::string release = param(c, "release"), sha = param(c, "sha256");
                 std::vector<std::string> observers, validators;
                 uint32_t in_force = 0;
                 for (const auto& n : m) {
                   std::string name = n["node"];
                   c.output += name + ": " + n["role"].get<std::string>() + ", " + n["health"].get<std::string>() +
                               ", protocol " + std::to_string(n["protocol"].get<uint32_t>()) + ", agent " +
                               n["agent_version"].get<std::string>() + "\n";
                   if (n["health"] == "unreachable") return fail("unreachable", name);
                   if (!n["halted"].get<std::string>().empty()) return fail("halted", name + ": " + n["halted"].get<std::string>());
                   if (!n["supervised"].get<bool>()) return fail("not_supervised", name);
                   bool have = false;
                   for (const auto& x : n["staged"]) have = have || (x["version"] == release && x["sha256"] == sha);
                   if (!have) return fail("not_staged", release + ": " + name);
                   in_force = std::max(in_force, n["protocol"].get<uint32_t>());
                   (n["role"] == "validator" ? validators : observers).push_back(name);
                   // What each node ran before, for a rollback (kept from the first look).
                   if (!c.vars["before"].contains(name)) c.vars["before"][name] = n["release"];
                 }
                 uint32_t protocol = c.runbook.params.value("protocol", 0u);
                 if (protocol == 0) protocol = c.vars.value("protocol", in_force + 1);
                 // The next one; or, resumed after the activation, the one in force.
                 if (protocol > in_force + 1 || protocol < in_force)
                   return fail("bad_protocol", "the chain runs " + std::to_string(in_force) + "; the next is " +
                                                   std::to_string(in_force + 1));
                 c.vars["protocol"] = protocol;
                 // The canary first (an observer when there is one), then observers, then validators.
                 std::string canary = c.vars.value("canary", param(c, "canary"));
                 if (canary.empty()) canary = !observers.empty() ? observers.front() : validators.back();
                 json order = json::array({canary});
                 for (const auto& v : observers)
                   if (v != canary) order.push_back(v);
                 for (const auto& v : validators)
                   if (v != canary) order.push_back(v);
                 if (!c.vars.contains("order")) c.vars["order"] = order;
                 c.output += "canary: " + canary + "; then " + std::to_string(order.size() - 1) + " more, validators last\n";
                 return StepResult::done();
               }});
  s.push_back({"canary", [&env, timeout](StepContext& c) -> StepResult {
                 std::string name = c.vars["order"][0];
                 auto r = switch_node(c, env.network, name, param(c, "release"), param(c, "sha256"),
                                      c.runbook.params.value("gate_blocks", uint64_t{5}), timeout(c));
                 if (!r.ok) return r;
                 // Healthy on the old protocol is not enough: it must implement the new one.
                 if (auto bad = lacking(env.network.poll(3), c.vars["protocol"].get<uint32_t>(), name)) return *bad;
                 return r;
               }});
  s.push_back({"rolling", [&env, timeout](StepContext& c) -> StepResult {
                 const json order = c.vars["order"];
                 for (size_t i = 1; i < order.size(); ++i) {
                   std::string name = order[i];
                   c.progress(static_cast<double>(i - 1) / static_cast<double>(order.size() - 1),
                              {"switching", {name, "0", "0"}});
                   auto r = switch_node(c, env.network, name, param(c, "release"), param(c, "sha256"),
                                        c.runbook.params.value("gate_blocks", uint64_t{5}), timeout(c));
                   if (!r.ok) return r;
                 }
                 return StepResult::done();
               }});
  s.push_back({"plan", [&env, timeout](StepContext& c) -> StepResult {
                 NetworkAccess& net = env.network;
                 if (!c.vars.contains("height")) {
                   uint64_t h = c.runbook.params.value("height", uint64_t{0});
                   uint64_t top = trusted_height(net.poll(3));
                   if (h > 0 && h < top + GovernanceLimits::kMinUpgradeLead + 5)
                     return fail("too_close", std::to_string(h) + ": the chain is at " + std::to_string(top));
                   if (h == 0) {
                     // The block rate, measured now: the height `in_s` seconds ahead.
                     auto t0 = std::chrono::steady_clock::now();
                     if (!pause(c, 5)) return kCancelled;
                     uint64_t top2 = trusted_height(net.poll(3));
                     double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
                     double rate = top2 > top ? static_cast<double>(top2 - top) / secs : 0;
                     if (rate <= 0) return fail("not_committing", "no block in " + std::to_string(static_cast<int>(secs)) + " s");
                     double in_s = c.runbook.params.value("in_s", 120.0);
                     h = top2 + std::max<uint64_t>(static_cast<uint64_t>(std::ceil(in_s * rate)), kUpgradeMarginBlocks);
                     c.vars["rate"] = rate;
                     c.output += "block rate " + std::to_string(rate).substr(0, 5) + "/s: height " +
                                 std::to_string(h) + " in about " + std::to_string(static_cast<int>(in_s)) + " s\n";
                   }
                   c.vars["height"] = h;
                   c.progress(0.02, {"planned_height", {std::to_string(h)}});
                 }
                 if (auto bad = lacking(net.poll(3), c.vars["protocol"].get<uint32_t>())) return *bad;
                 pb::ProposeRequest req;
                 req.set_action("upgrade");
                 req.set_plan(param(c, "plan"));
                 req.set_height(c.vars["height"].get<uint64_t>());
                 req.set_version(c.vars["protocol"].get<uint32_t>());
                 req.set_binary_sha256(raw(param(c, "sha256")));
                 auto orgs = net.organisations();
                 if (orgs.empty()) return fail("no_admin_certificate", net.dir());
                 return govern(c, net, "plan_proposal", orgs.front(), req, timeout(c));
               }});
  s.push_back({"activate", [&env, timeout](StepContext& c) -> StepResult {
                 NetworkAccess& net = env.network;
                 uint64_t h = c.vars["height"].get<uint64_t>();
                 uint32_t protocol = c.vars["protocol"].get<uint32_t>();
                 double rate = c.vars.value("rate", 1.0);
                 // A node not on the release (switched back, restored from an old
                 // image, joined since) is switched first: one halted at the height
                 // resumes on it. Run again, this step brings such nodes forward.
                 for (const auto& n : net.poll(3).nodes) {
                   if (!n.reachable || n.binary_sha256 == param(c, "sha256")) continue;
                   auto r = switch_node(c, net, n.name, param(c, "release"), param(c, "sha256"), 1, timeout(c));
                   if (!r.ok) return r;
                 }
                 uint64_t top0 = trusted_height(net.poll(3));
                 double wait = timeout(c) + (h > top0 ? static_cast<double>(h - top0) / std::max(rate, 0.1) * 2 : 0);
                 std::optional<StepResult> failed;
                 auto r = wait_for(c, wait, "activation at height " + std::to_string(h), [&](Words& note, double& f) {
                   NetworkState now = net.poll(3);
                   uint64_t top = trusted_height(now), low = UINT64_MAX;
                   for (const auto& n : now.nodes) {
                     if (!n.halted.empty()) {
                       failed = fail("halted", n.name + ": " + n.halted);
                       return true;
                     }
                     if (n.reachable) low = std::min(low, n.height);
                   }
                   uint64_t left = h > top ? h - top : 0;
                   note = {"countdown", {std::to_string(left), std::to_string(static_cast<int>(left / std::max(rate, 0.1))),
                                         std::to_string(h)}};
                   f = top0 >= h ? 1.0 : static_cast<double>(top - std::min(top, top0)) / static_cast<double>(h - top0);
                   if (low == UINT64_MAX || low <= h) return false;
                   for (const auto& n : now.nodes)
                     if (n.reachable && n.protocol_version < protocol) return false;
                   return true;
                 });
                 if (failed) return *failed;
                 if (!r.ok) return r;
                 c.output += "every node runs protocol " + std::to_string(protocol) + " from height " +
                             std::to_string(h) + "\n";
                 return StepResult::done();
               }});
  return s;
}

// ---- rollback -------------------------------------------------------------------

std::variant<int64_t, Refusal> create_upgrade_rollback(LifecycleEnv& env, int64_t upgrade_id) {
  auto u = env.runbooks.load(upgrade_id);
  if (!u || u->kind != "upgrade") return Refusal{"no_runbook", std::to_string(upgrade_id)};
  if (u->vars.contains("height")) {
    uint64_t h = u->vars["height"].get<uint64_t>();
    uint64_t top = trusted_height(env.network.poll(3));
    if (top + GovernanceLimits::kCancelMargin + 2 > h)
      return Refusal{"after_activation", std::to_string(h)};
  }
  std::vector<std::string> names;
  for (const auto& s : rollback_steps(env)) names.push_back(s.name);
  return env.runbooks.create("rollback", env.network.dir(), u->subject, json{{"upgrade", upgrade_id}}, names);
}

std::vector<StepDef> rollback_steps(LifecycleEnv& env) {
  std::vector<StepDef> s;
  auto upgrade_of = [&env](const StepContext& c) { return env.runbooks.load(c.runbook.params.value("upgrade", int64_t{0})); };
  s.push_back({"stop-upgrade", [&env, upgrade_of](StepContext& c) -> StepResult {
                 auto u = upgrade_of(c);
                 if (!u) return fail("no_runbook", "the upgrade runbook is gone");
                 if (u->vars.contains("height")) {
                   uint64_t h = u->vars["height"].get<uint64_t>();
                   uint64_t top = trusted_height(env.network.poll(3));
                   if (top + GovernanceLimits::kCancelMargin + 2 > h) return fail("after_activation", std::to_string(h));
                 }
                 // Stop it where it is: it halts at its next safe point.
                 env.runbooks.request_cancel(u->id);
                 auto r = wait_for(c, 120, "the upgrade runbook to stop", [&](Words& note, double&) {
                   note = {"stopping", {std::to_string(u->id)}};
                   auto now = env.runbooks.load(u->id);
                   return !now || now->state != RunbookState::kRunning;
                 });
                 if (!r.ok) return r;
                 env.runbooks.set_state(u->id, RunbookState::kCancelled);
                 c.output += "upgrade runbook #" + std::to_string(u->id) + " stopped\n";
                 return StepResult::done();
               }});
  s.push_back({"cancel-plan", [&env, upgrade_of](StepContext& c) -> StepResult {
                 auto u = upgrade_of(c);
                 if (!u || !u->vars.contains("plan_proposal")) {
                   c.output += "no plan was proposed\n";
                   return StepResult::done();
                 }
                 NetworkAccess& net = env.network;
                 std::string id = raw(u->vars["plan_proposal"].get<std::string>());
                 auto p = net.proposal(id);
                 auto orgs = net.organisations();
                 if (p && p->status() == "open") {
                   auto w = net.withdraw(p->proposer_organisation(), id);
                   if (!w) return from(w.error());
                   c.output += "the plan's proposal was withdrawn\n";
                   return StepResult::done();
                 }
                 if (!p || p->status() != "enacted") {
                   c.output += "the plan's proposal is " + (p ? p->status() : std::string("not found")) + "\n";
                   return StepResult::done();
                 }
                 uint64_t top = trusted_height(net.poll(3));
                 if (top + GovernanceLimits::kCancelMargin + 2 > p->height())
                   return fail("after_activation", std::to_string(p->height()));
                 pb::ProposeRequest req;
                 req.set_action("cancel-upgrade");
                 req.set_plan(u->subject);
                 return govern(c, net, "cancel_proposal", orgs.front(), req, 300);
               }});
  s.push_back({"switch-back", [&env, upgrade_of](StepContext& c) -> StepResult {
                 auto u = upgrade_of(c);
                 if (!u || !u->vars.contains("before")) return StepResult::done();
                 // Below protocol 5 a cancelled plan can still apply to blocks whose
                 // anchor lags the cancel (docs/governance.md): the new release runs
                 // either way, so the nodes stay on it until the chain is past the height.
                 uint32_t in_force = UINT32_MAX;
                 for (const auto& n : env.network.poll(3).nodes)
                   if (n.reachable) in_force = std::min(in_force, n.protocol_version);
                 if (u->vars.contains("height") && c.vars.contains("cancel_proposal") &&
                     in_force < kSettledActivationVersion) {
                   uint64_t h = u->vars["height"].get<uint64_t>();
                   auto r = wait_for(c, 3600, "the chain past height " + std::to_string(h), [&](Words& note, double&) {
                     uint64_t top = trusted_height(env.network.poll(3));
                     note = {"past_height", {std::to_string(h), std::to_string(top)}};
                     return top > h + 2;
                   });
                   if (!r.ok) return r;
                 }
                 // In the reverse order of the switch: validators first, the canary last.
                 json order = u->vars.value("order", json::array());
                 std::vector<std::string> names;
                 for (auto it = order.rbegin(); it != order.rend(); ++it) names.push_back(*it);
                 for (const auto& [name, _] : u->vars["before"].items())
                   if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
                 for (const auto& name : names) {
                   std::string before = u->vars["before"].value(name, "");
                   auto r = switch_node(c, env.network, name, before, "", 3, 300);
                   if (!r.ok) return r;
                 }
                 return StepResult::done();
               }});
  return s;
}

// Validators live enough to keep a quorum if `leaving` goes down now.
bool quorum_without(const NetworkState& s, const std::string& leaving, std::string& why) {
  uint64_t top = trusted_height(s);
  size_t validators = 0, live = 0;
  std::vector<size_t> reported;  // the validator set's size as each answering agent knows it
  std::string down;              // validators other than `leaving` that are not live, by name
  for (const auto& n : s.nodes) {
    if (n.reachable && n.validators > 0) reported.push_back(n.validators);
    // A node that does not answer may be a validator: it is named too.
    if (n.name != leaving && (!n.reachable || (n.role == "validator" && !healthy(n, top))))
      down += (down.empty() ? "" : ", ") + n.name;
    if (n.role != "validator") continue;
    ++validators;
    if (n.name != leaving && healthy(n, top)) ++live;
  }
  // Validators that do not answer are not in the poll as validators: the
  // set's size comes from the agents too, not trusting the f largest claims.
  if (!reported.empty()) {
    std::sort(reported.begin(), reported.end(), std::greater<>());
    validators = std::max(validators, reported[(reported.size() - 1) / 3]);
  }
  size_t f = validators == 0 ? 0 : (validators - 1) / 3;
  size_t quorum = validators - f;
  why = std::to_string(live) + " of " + std::to_string(validators) + " validators live without " + leaving +
        (down.empty() ? "" : " (not live: " + down + ")") + "; a quorum is " + std::to_string(quorum);
  return live >= quorum;
}

StepResult wait_for_quorum_without(StepContext& ctx, NetworkAccess& net, const std::string& leaving, double timeout_s) {
  std::string why;
  auto r = step::wait_for(ctx, timeout_s, "a quorum without " + leaving, [&](Words& note, double& f) {
    f = 0;
    bool ok = quorum_without(net.poll(3), leaving, why);
    note = {"quorum_wait", {leaving, why}};
    return ok;
  });
  return !r.ok && r.code == "timed_out" ? step::fail("quorum_at_risk", why) : r;
}

}  // namespace consortia::console
