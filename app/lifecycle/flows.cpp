#include "lifecycle/flows.h"

#include "lifecycle/steps.h"
#include "lifecycle/upgrade.h"

#include <charconv>
#include <chrono>
#include <ctime>
#include <filesystem>
#include <map>
#include <sstream>
#include <thread>

#include "agents/api_adapter.h"
#include "model/quorum_preview.h"
#include "model/clock.h"
#include "node_archive.h"
#include "pki.h"

namespace consortia::console {
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

using namespace step;

// Connects to the host named in vars/params; the failure as a step result.
std::unique_ptr<Host> connect(LifecycleEnv& env, const std::string& name, StepResult* failure) {
  HostError e;
  auto h = open_host(name, env.hosts, &e);
  if (!h) *failure = fail(e.code, e.detail);
  return h;
}

// Runs `consortia-agent ARGS` on a host: its JSON answer, or the failure
// with the agent's own reason code.
std::variant<json, StepResult> agent_cmd(Host& host, const std::string& agent, std::vector<std::string> args,
                                         double timeout_s, std::string& output) {
  args.insert(args.begin(), agent);
  auto r = host.run(args, timeout_s);
  if (!r) return from(r.error());
  std::string last;
  std::istringstream lines(r->out);
  for (std::string line; std::getline(lines, line);)
    if (!line.empty()) last = line;
  // The agent answers one flat object; anything long or deeply nested is not its answer.
  int depth = 0, deepest = 0;
  for (char ch : last) {
    depth += ch == '{' || ch == '[' ? 1 : ch == '}' || ch == ']' ? -1 : 0;
    deepest = std::max(deepest, depth);
  }
  json j = last.size() > 65536 || deepest > 8 ? json(json::value_t::discarded) : json::parse(last, nullptr, false);
  if (!j.is_discarded() && !j.is_object()) j = json(json::value_t::discarded);
  if (last.size() > 2000) last = last.substr(0, 2000) + "…";
  if (!j.is_discarded() && j.is_object() && j.contains("request")) {
    json shown = j;
    shown.erase("request");  // the certificate request: long, and in the certificate anyway
    output += args[1] + ": " + shown.dump() + "\n";
  } else {
    output += args[1] + ": " + last + "\n";
  }
  if (r->exit_status != 0 || j.is_discarded()) {
    if (!j.is_discarded() && j.contains("error") && j["error"].is_object())
      return fail(j["error"].value("code", "host_command_failed"), j["error"].value("message", ""));
    std::string err = r->err.empty() ? r->out : r->err;
    if (err.size() > 600) err = err.substr(err.size() - 600);
    return fail("host_command_failed", args[1] + " exited " + std::to_string(r->exit_status) + ": " + err);
  }
  return j;
}

#define AGENT_OR_RETURN(var, expr)                         \
  auto var##_v = (expr);                                   \
  if (auto* f = std::get_if<StepResult>(&var##_v)) return *f; \
  json var = std::get<json>(var##_v)

std::vector<int> pick_ports(const HostProbe& p, const NetworkAccess& net, const std::string& address) {
  std::set<int> taken = p.listening;
  for (const auto& n : net.info().nodes)
    for (const auto* a : {&n.p2p_address, &n.api_address, &n.metrics_address}) {
      auto colon = a->rfind(':');
      if (colon != std::string::npos && a->substr(0, colon) == address) taken.insert(std::atoi(a->c_str() + colon + 1));
    }
  std::vector<int> out;
  for (int port = 27100; port < 60000 && out.size() < 3; ++port)
    if (!taken.count(port)) out.push_back(port);
  return out;
}

// Checks a host before anything changes on it: the facts and the verdict,
// with the ports a node would take there (vars "ports", "address").
StepResult check_target(StepContext& ctx, LifecycleEnv& env, const std::string& host_name, const std::string& dir) {
  StepResult failure;
  auto host = connect(env, host_name, &failure);
  if (!host) return failure;
  std::string agent_path = dir + "/bin/consortia-agent";
  auto probe = probe_host(*host, dir, agent_path);
  if (!probe) return from(probe.error());
  std::vector<int> ports;
  if (ctx.vars.contains("ports")) ports = ctx.vars["ports"].get<std::vector<int>>();
  else if (ctx.runbook.params.contains("ports") && ctx.runbook.params["ports"].size() == 3)
    ports = ctx.runbook.params["ports"].get<std::vector<int>>();
  else ports = pick_ports(*probe, env.network, host->address());
  auto verdict = judge_host(*probe, ports, kMinFreeBytes, CONSORTIA_VERSION);
  ctx.output += "host " + host_name + " (" + host->address() + "): " + probe->os + ", " +
                std::to_string(probe->free_bytes >> 20) + " MiB free, clock offset " +
                std::to_string(probe->clock_offset_ms) + " ms (±" + std::to_string(probe->rtt_ms / 2) + ")\n";
  for (const auto& w : verdict.warnings) ctx.output += "warning: " + w.code + ": " + w.detail + "\n";
  if (!verdict.ok()) {
    std::string detail;
    for (const auto& r : verdict.refusals) detail += (detail.empty() ? "" : "; ") + r.detail;
    return fail(verdict.refusals.front().code, detail);
  }
  ctx.vars["ports"] = ports;
  ctx.vars["address"] = host->address();
  ctx.vars["agent"] = agent_path;
  return StepResult::done();
}

// Copies the agent, the genesis and the CA bundle to the node's directory.
StepResult provision(StepContext& ctx, LifecycleEnv& env, const std::string& host_name, const std::string& dir) {
  StepResult failure;
  auto host = connect(env, host_name, &failure);
  if (!host) return failure;
  const auto& net = env.network;
  struct Up {
    std::string local, remote;
    int mode;
  };
  std::vector<Up> files = {{net.agent_binary(), dir + "/bin/consortia-agent", 0755},
                           {net.dir() + "/genesis.json", dir + "/genesis.json", 0644},
                           {net.info().ca_bundle_path, dir + "/ca-bundle.pem", 0644}};
  for (size_t i = 0; i < files.size(); ++i) {
    if (ctx.cancelled()) return kCancelled;
    if (auto st = host->put_file(files[i].local, files[i].remote, files[i].mode); !st) return from(st.error());
    ctx.output += "copied " + files[i].remote + "\n";
    ctx.progress(static_cast<double>(i + 1) / static_cast<double>(files.size()), {"copied", {files[i].remote}});
  }
  auto r = host->run({dir + "/bin/consortia-agent", "--version"}, 30);
  if (!r || r->exit_status != 0) return fail("agent_does_not_run", "the agent copied to " + host_name + " does not run");
  ctx.output += r->out;
  return StepResult::done();
}

agent::AgentConfig node_config(const NetworkAccess& net, const std::string& name, const std::string& org,
                               const std::string& dir, const std::string& address, const std::vector<int>& ports) {
  agent::AgentConfig c;
  c.name = name;
  c.organisation = org;
  c.dir = dir;
  c.genesis = "genesis.json";
  c.ca_bundle = "ca-bundle.pem";
  c.p2p_listen = address + ":" + std::to_string(ports.at(0));
  c.api_listen = address + ":" + std::to_string(ports.at(1));
  c.metrics_listen = address + ":" + std::to_string(ports.at(2));
  for (const auto& n : net.info().nodes)
    if (n.name != name) c.peers.push_back({n.name, n.id, n.p2p_address});
  return c;
}

json node_entry(const agent::AgentConfig& c, const std::string& id_hex, const std::string& public_key,
                const std::string& host, const std::string& dir) {
  json e{{"name", c.name},       {"organisation", c.organisation}, {"id", id_hex},
         {"p2p", c.p2p_listen},  {"api", c.api_listen},            {"metrics", c.metrics_listen},
         {"host", host},         {"dir", dir},                      {"agent", dir + "/bin/consortia-agent"}};
  if (!public_key.empty()) e["public_key"] = public_key;
  return e;
}

// The node's status once its agent answers, as a viewer.
StepResult wait_answers(StepContext& ctx, LifecycleEnv& env, const std::string& name, double timeout_s) {
  return wait_for(ctx, timeout_s, name + " did not answer", [&](Words& note, double& f) {
    f = 0.5;
    note = {"waiting_api", {name}};
    return env.network.status(name, 2).ok();
  });
}

// Starts the node's agent on its host and waits until its API answers.
StepResult start_node(StepContext& c, LifecycleEnv& env, const NodePlace& place, const std::string& name) {
  StepResult failure;
  auto host = connect(env, place.host, &failure);
  if (!host) return failure;
  AGENT_OR_RETURN(r, agent_cmd(*host, place.agent, {"start", "--config", place.config(), "--wait", "30"}, 60, c.output));
  return wait_answers(c, env, name, 60);
}

StepResult wait_synced(StepContext& ctx, LifecycleEnv& env, const std::string& name, double timeout_s) {
  uint64_t target = network_height(env.network.poll(2));
  return wait_for(ctx, timeout_s, name + " did not catch up", [&](Words& note, double& f) {
    auto st = env.network.status(name, 2);
    uint64_t h = st ? st->height() : 0;
    f = target ? std::min(1.0, static_cast<double>(h) / static_cast<double>(target)) : 1.0;
    note = {"syncing", {name, std::to_string(h), std::to_string(target)}};
    return st && h >= target && st->halted().empty();
  });
}

// Synced (within the runbook's timeout), then committing new blocks with
// the network for a minute at most: what a node moved or restarted shows.
StepResult synced_and_committing(StepContext& c, LifecycleEnv& env, const std::string& name, const std::string& what) {
  if (auto r = wait_synced(c, env, name, c.runbook.params.value("timeout", 300.0)); !r.ok) return r;
  uint64_t from_height = network_height(env.network.poll(2));
  return wait_for(c, 60, what, [&](Words& note, double& f) {
    f = 0.9;
    note = {"verifying", {name}};
    auto st = env.network.status(name);
    return st && st->height() > from_height + 1;
  });
}

std::string preview_text(const QuorumPreview& p) {
  return "validators " + std::to_string(p.validators_before) + " -> " + std::to_string(p.validators_after) +
         ", f " + std::to_string(p.faulty_before) + " -> " + std::to_string(p.faulty_after) + ", quorum " +
         std::to_string(p.quorum_before) + " -> " + std::to_string(p.quorum_after) + ", live validators " +
         std::to_string(p.live_before) + " -> " + std::to_string(p.live_after);
}

StepResult preview_step(StepContext& ctx, LifecycleEnv& env, const std::string& name, MembershipChange change) {
  auto p = preview_change(env.network.poll(3), name, change, wall_ms());
  ctx.vars["preview"] = {{"validators_before", p.validators_before}, {"validators_after", p.validators_after},
                         {"f_before", p.faulty_before},              {"f_after", p.faulty_after},
                         {"quorum_before", p.quorum_before},         {"quorum_after", p.quorum_after},
                         {"live_before", p.live_before},             {"live_after", p.live_after}};
  ctx.output += "quorum preview: " + preview_text(p) + "\n";
  if (p.refusal == "too_few_validators")
    return fail(p.refusal, "the change leaves " + std::to_string(p.validators_after) +
                               " validators; at least 4 are needed to tolerate one fault");
  if (!p.ok())
    return fail(p.refusal, "after the change " + std::to_string(p.validators_after) + " validators need " +
                               std::to_string(p.quorum_after) + " for quorum, but only " +
                               std::to_string(p.live_after) + " of them are live");
  return StepResult::done();
}

pb::ProposeRequest membership(const std::string& action, const std::string& id_hex) {
  pb::ProposeRequest p;
  p.set_action(action);
  p.set_node_id(raw(id_hex));
  return p;
}

// ---- join -------------------------------------------------------------------

// Signs the certificate request a node's host made (c.vars["request"], for
// the node id in c.vars["node_id"]) with the organisation's CA, as join and
// renewal both do: the certificate (PEM), or why not.
std::variant<std::string, StepResult> sign_node_request(StepContext& c, LifecycleEnv& env, const std::string& org,
                                                        const std::string& name, std::string ca_key_file) {
  if (ca_key_file.empty()) ca_key_file = env.network.dir() + "/orgs/" + org + "/ca.key";
  auto ca_crt = agent::read_file(env.network.dir() + "/orgs/" + org + "/ca.crt");
  auto ca_key = agent::read_file(ca_key_file);
  if (!ca_crt || !ca_key) return fail("no_ca_key", org + ": " + ca_key_file);
  auto key = agent::read_private_key(*ca_key, env.ca_passphrase.value_or(""));
  if (!key) return fail("ca_key_locked", ca_key_file + ": " + key.error().detail);
  auto cert = agent::sign_request({*ca_crt, *key}, c.vars.value("request", ""), {c.vars.value("node_id", ""), org, "node"},
                                  {name + ".consortia", "localhost"});
  if (!cert) return from(cert.error());
  if (!agent::verify_issued_by(*cert, *ca_crt).ok())
    return fail("ca_key_mismatch", ca_key_file + " is not the key of " + org + "'s CA certificate");
  return *cert;
}

// The node id and public key (hex) a host's keygen answered with, the id
// computed here from the key (never taken from the host's word); or why not.
struct KeygenIdentity {
  std::string id, public_key;
};
std::variant<KeygenIdentity, StepResult> keygen_identity(LifecycleEnv& env, const json& k) {
  auto suite = suite_by_name(env.network.info().suite);
  const json public_key = k.value("public_key", json()), request = k.value("request", json());
  Bytes pk;
  if (!suite || !public_key.is_string() || !from_hex(public_key.get<std::string>(), pk) || pk.empty() ||
      pk.size() > 256)
    return fail("bad_host_answer", "keygen did not answer with a public key");
  std::string id = (*suite)->node_id(pk).hex();
  if (k.value("node_id", json()) != id) return fail("bad_host_answer", "keygen's node id is not its public key's");
  if (!request.is_string() || request.get<std::string>().size() > 16384)
    return fail("bad_host_answer", "keygen did not answer with a certificate request");
  return KeygenIdentity{id, to_hex(pk)};
}

std::vector<StepDef> join_steps(LifecycleEnv& env) {
  auto param = [](StepContext& c, const char* k) { return c.runbook.params.value(k, std::string()); };
  std::vector<StepDef> s;
  s.push_back({"check-host", [&env, param](StepContext& c) {
                 return check_target(c, env, param(c, "host"), param(c, "dir"));
               }});
  s.push_back({"provision", [&env, param](StepContext& c) { return provision(c, env, param(c, "host"), param(c, "dir")); }});
  s.push_back({"keygen", [&env, param](StepContext& c) -> StepResult {
                 StepResult failure;
                 auto host = connect(env, param(c, "host"), &failure);
                 if (!host) return failure;
                 std::string dir = param(c, "dir");
                 AGENT_OR_RETURN(k, agent_cmd(*host, dir + "/bin/consortia-agent",
                                              {"keygen", "--dir", dir, "--name", param(c, "name"), "--organisation",
                                               param(c, "organisation"), "--suite", env.network.info().suite},
                                              60, c.output));
                 // A key or id already in the network is refused (a host must not
                 // get another node's certificate).
                 auto identity = keygen_identity(env, k);
                 if (auto* failed = std::get_if<StepResult>(&identity)) return *failed;
                 const std::string& id = std::get<KeygenIdentity>(identity).id;
                 for (const auto& n : env.network.info().nodes)
                   if (n.id.hex() == id && n.name != param(c, "name"))
                     return fail("identity_taken", "the host made the key of " + n.name);
                 c.vars["node_id"] = id;
                 c.vars["public_key"] = std::get<KeygenIdentity>(identity).public_key;
                 c.vars["request"] = k.value("request", "");
                 return StepResult::done();
               }});
  s.push_back({"certify", [&env, param](StepContext& c) -> StepResult {
                 std::string org = param(c, "organisation"), name = param(c, "name"), dir = param(c, "dir");
                 auto cert = sign_node_request(c, env, org, name, param(c, "ca_key"));
                 if (auto* failed = std::get_if<StepResult>(&cert)) return *failed;
                 StepResult failure;
                 auto host = connect(env, param(c, "host"), &failure);
                 if (!host) return failure;
                 if (auto st = host->put_text(std::get<std::string>(cert), dir + "/tls.crt", 0644); !st)
                   return from(st.error());
                 auto cfg = node_config(env.network, name, org, dir, c.vars.value("address", ""),
                                        c.vars["ports"].get<std::vector<int>>());
                 if (auto st = host->put_text(agent::agent_config_text(cfg), dir + "/agent.json", 0644); !st)
                   return from(st.error());
                 if (auto st = env.network.record_node(node_entry(cfg, c.vars.value("node_id", ""),
                                                                  c.vars.value("public_key", ""), param(c, "host"), dir));
                     !st)
                   return from(st.error());
                 c.output += "certificate for " + c.vars.value("node_id", "") + " signed by " + org + "'s CA\n";
                 return StepResult::done();
               }});
  s.push_back({"add-observer", [&env, param](StepContext& c) {
                 pb::ProposeRequest p;
                 p.set_action("add-observer");
                 p.set_public_key(raw(c.vars.value("public_key", "")));
                 p.set_name(param(c, "name"));
                 p.set_organisation(param(c, "organisation"));
                 return govern(c, env.network, "add_proposal", param(c, "organisation"), p,
                               c.runbook.params.value("timeout", 300.0));
               }});
  s.push_back({"start", [&env, param](StepContext& c) {
                 std::string dir = param(c, "dir");
                 return start_node(c, env, {param(c, "host"), dir, dir + "/bin/consortia-agent"}, param(c, "name"));
               }});
  s.push_back({"sync", [&env, param](StepContext& c) {
                 return wait_synced(c, env, param(c, "name"), c.runbook.params.value("timeout", 300.0));
               }});
  s.push_back({"promote", [&env, param](StepContext& c) -> StepResult {
                 if (!c.runbook.params.value("validator", false)) {
                   c.output += "not asked: it stays an observer\n";
                   return StepResult::done();
                 }
                 std::string name = param(c, "name");
                 if (auto st = env.network.status(name); st && st->role() == "validator") return StepResult::done();
                 if (!c.vars.contains("promote_proposal"))
                   if (auto r = preview_step(c, env, name, MembershipChange::kPromote); !r.ok) return r;
                 auto r = govern(c, env.network, "promote_proposal", param(c, "organisation"),
                                 membership("promote", c.vars.value("node_id", "")),
                                 c.runbook.params.value("timeout", 300.0));
                 if (!r.ok) return r;
                 return wait_for(c, 60, name + " did not become a validator", [&](Words& note, double& f) {
                   f = 0.95;
                   note = {"waiting_role", {name, "validator"}};
                   auto st = env.network.status(name);
                   return st && st->role() == "validator";
                 });
               }});
  return s;
}

// ---- exit -------------------------------------------------------------------

StepResult stop_node(StepContext& c, LifecycleEnv& env, const std::string& name, const NodePlace& place) {
  StepResult failure;
  auto host = connect(env, place.host, &failure);
  if (!host) return failure;
  AGENT_OR_RETURN(r, agent_cmd(*host, place.agent, {"stop", "--config", place.config(), "--grace", "10"}, 60, c.output));
  (void)name;
  return StepResult::done();
}

std::vector<StepDef> exit_steps(LifecycleEnv& env) {
  auto name_of = [](StepContext& c) { return c.runbook.subject; };
  std::vector<StepDef> s;
  s.push_back({"preview", [&env, name_of](StepContext& c) -> StepResult {
                 auto n = env.network.node(name_of(c));
                 if (!n) return fail("no_node", name_of(c));
                 c.vars["node_id"] = n->id.hex();
                 c.vars["organisation"] = n->organisation;
                 c.vars["place"] = {{"host", env.network.place(n->name).host},
                                    {"dir", env.network.place(n->name).dir},
                                    {"agent", env.network.place(n->name).agent}};
                 return preview_step(c, env, name_of(c), MembershipChange::kRemove);
               }});
  s.push_back({"demote", [&env, name_of](StepContext& c) -> StepResult {
                 auto st = env.network.status(name_of(c));
                 bool validator = st ? st->role() == "validator" : c.vars.contains("demote_proposal");
                 if (!validator && !c.vars.contains("demote_proposal")) return StepResult::done();
                 return govern(c, env.network, "demote_proposal", c.vars.value("organisation", ""),
                               membership("demote", c.vars.value("node_id", "")), c.runbook.params.value("timeout", 300.0));
               }});
  s.push_back({"remove", [&env](StepContext& c) {
                 return govern(c, env.network, "remove_proposal", c.vars.value("organisation", ""),
                               membership("remove", c.vars.value("node_id", "")), c.runbook.params.value("timeout", 300.0));
               }});
  s.push_back({"stop", [&env, name_of](StepContext& c) {
                 NodePlace p{c.vars["place"].value("host", "local"), c.vars["place"].value("dir", ""),
                             c.vars["place"].value("agent", "")};
                 return stop_node(c, env, name_of(c), p);
               }});
  s.push_back({"archive", [&env, name_of](StepContext& c) -> StepResult {
                 NodePlace p{c.vars["place"].value("host", "local"), c.vars["place"].value("dir", ""),
                             c.vars["place"].value("agent", "")};
                 StepResult failure;
                 auto host = connect(env, p.host, &failure);
                 if (!host) return failure;
                 std::string remote = p.dir + "/retired-" + name_of(c) + ".tar.gz";
                 AGENT_OR_RETURN(r, agent_cmd(*host, p.agent, {"archive", "--config", p.config(), "--out", remote},
                                              600, c.output));
                 std::string local = c.runbook.params.value("archive", "");
                 if (local.empty()) local = env.archive_dir + "/" + name_of(c) + "-retired-" + std::to_string(wall_ms()) + ".tar.gz";
                 fs::create_directories(fs::path(local).parent_path());
                 if (auto st = host->get_file(remote, local); !st) return from(st.error());
                 auto m = agent::read_archive(local, "");
                 if (!m) return from(m.error());
                 c.vars["archive"] = local;
                 c.output += "archived to " + local + " (" + std::to_string((*m)["files"].size()) +
                             " files, manifest verified)\n";
                 (void)host->run({"rm", "-f", remote}, 30);
                 // Its directory stays for the record, but it never starts or signs again.
                 AGENT_OR_RETURN(f, agent_cmd(*host, p.agent, {"fence", "--config", p.config(), "--moved-to", "retirement"},
                                              60, c.output));
                 return StepResult::done();
               }});
  s.push_back({"forget", [&env, name_of](StepContext& c) -> StepResult {
                 if (auto st = env.network.forget_node(name_of(c)); !st) return from(st.error());
                 c.output += name_of(c) + " is no longer in " + env.network.dir() + "/network.json\n";
                 return StepResult::done();
               }});
  return s;
}

// ---- certificate renewal ----------------------------------------------------------

// A time as people read it in a runbook's output: 2029-03-10 12:38 UTC.
std::string utc_date(int64_t seconds) {
  std::time_t t = static_cast<std::time_t>(seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M UTC", &tm);
  return buf;
}


// The certificate a node's agent presents over TLS (PEM), as a viewer's call
// sees it; empty when it does not answer.
std::string served_certificate(NetworkAccess& net, const std::string& name) {
  auto e = net.node(name);
  if (!e) return "";
  auto stub = net.client(*e, e->organisation, "viewer");
  if (!stub) return "";
  grpc::ClientContext ctx;
  ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(5));
  pb::NodeStatus st;
  if (!stub->GetStatus(&ctx, pb::StatusRequest{}, &st).ok()) return "";
  auto auth = ctx.auth_context();
  auto pem = auth ? auth->FindPropertyValues("x509_pem_cert") : std::vector<grpc::string_ref>{};
  return pem.empty() ? "" : std::string(pem.front().data(), pem.front().size());
}

// The certificates governance revoked (enacted revoke-certificate
// proposals), by fingerprint, with the proposal that did it: what every
// node of an organisation other than `org` lists, together (a node may hide
// a revocation, not invent one that matters), or `org`'s own nodes' when
// no other answers.
std::variant<std::map<Hash32, std::string>, StepResult> revoked_certificates(NetworkAccess& net,
                                                                             const std::string& org) {
  std::map<Hash32, std::string> out;
  auto take = [&](const std::vector<pb::ProposalInfo>& ps) {
    for (const auto& p : ps)
      if (p.action() == "revoke-certificate" && p.status() == "enacted" && p.certificate_sha256().size() == 32)
        out.emplace(Hash32::from(ByteView(reinterpret_cast<const uint8_t*>(p.certificate_sha256().data()), 32)),
                    "proposal " +
                        to_hex(ByteView(reinterpret_cast<const uint8_t*>(p.id().data()), p.id().size())).substr(0, 16));
  };
  size_t answered = 0;
  std::string why;
  for (const auto& e : net.info().nodes) {
    if (e.organisation == org) continue;
    auto ps = net.proposals_on(e);
    if (!ps) {
      why = ps.error().detail;
      continue;
    }
    ++answered;
    take({ps->proposals().begin(), ps->proposals().end()});
  }
  if (answered == 0) {
    auto ps = net.proposals(org);
    if (!ps) return fail("unavailable", "the chain's revoked certificates could not be read: " + ps.error().detail);
    take(*ps);
  }
  return out;
}

// A node's TLS certificate signed again by its organisation's CA, for the
// keys the node has (no new identity, no governance): made on the node's
// host, signed here, installed beside the old one (kept), and taken into use
// by restarting the agent, never while that would leave the live validators
// short of a quorum.
std::vector<StepDef> renew_steps(LifecycleEnv& env) {
  auto name_of = [](StepContext& c) { return c.runbook.subject; };
  auto place_of = [](StepContext& c) {
    const json& p = c.vars["place"];
    return NodePlace{p.value("host", "local"), p.value("dir", ""), p.value("agent", "")};
  };
  std::vector<StepDef> s;
  s.push_back({"request", [&env, name_of](StepContext& c) -> StepResult {
                 auto n = env.network.node(name_of(c));
                 if (!n) return fail("no_node", name_of(c));
                 NodePlace p = env.network.place(n->name);
                 c.vars["place"] = {{"host", p.host}, {"dir", p.dir}, {"agent", p.agent}};
                 c.vars["organisation"] = n->organisation;
                 if (p.dir.empty() || p.dir[0] != '/') return fail("bad_dir", n->name + ": no directory recorded");
                 StepResult failure;
                 auto host = connect(env, p.host, &failure);
                 if (!host) return failure;
                 // A running node only: a stopped one may be stopped for a
                 // reason, and the new certificate is verified in use. One
                 // whose certificate expired runs but is refused by TLS: its
                 // process is asked after on its host.
                 if (!env.network.status(n->name, 5)) {
                   auto alive = host->shell("p=$(cat " + shell_quote(p.dir + "/data/agent.pid") +
                                                " 2>/dev/null) && kill -0 \"$p\"",
                                            30);
                   if (!alive || alive->exit_status != 0)
                     return fail("unavailable", n->name + " is not running: start it first (consortia-agent start), "
                                                           "then renew its certificate");
                   c.output += n->name + "'s agent runs but does not answer here (an expired certificate is "
                                         "refused by TLS)\n";
                 }
                 AGENT_OR_RETURN(k, agent_cmd(*host, p.agent,
                                              {"keygen", "--dir", p.dir, "--name", n->name, "--organisation",
                                               n->organisation, "--suite", env.network.info().suite, "--renew"},
                                              60, c.output));
                 auto identity = keygen_identity(env, k);
                 if (auto* failed = std::get_if<StepResult>(&identity)) return *failed;
                 // The host's word, checked against the record: a directory
                 // whose keys were made again (or another node's) is not
                 // certified under this node's name. The certificate itself
                 // names the node id recorded here, whatever the host says.
                 if (std::get<KeygenIdentity>(identity).id != n->id.hex())
                   return fail("identity_changed", p.dir + " on " + p.host + " holds the key of node " +
                                                       std::get<KeygenIdentity>(identity).id.substr(0, 16) + ", not " +
                                                       n->name + "'s (" + n->id.hex().substr(0, 16) + ")");
                 c.vars["node_id"] = n->id.hex();
                 c.vars["request"] = k.value("request", "");
                 return StepResult::done();
               }});
  s.push_back({"certify", [&env, name_of, place_of](StepContext& c) -> StepResult {
                 std::string org = c.vars.value("organisation", "");
                 NodePlace p = place_of(c);
                 StepResult failure;
                 auto host = connect(env, p.host, &failure);
                 if (!host) return failure;
                 // Right before signing: a node whose certificate governance
                 // revoked is not given another for the same keys. The one
                 // on its host must be readable; the one its agent presents
                 // is looked up too when it answers.
                 auto revoked = revoked_certificates(env.network, org);
                 if (auto* failed = std::get_if<StepResult>(&revoked)) return *failed;
                 const auto& list = std::get<std::map<Hash32, std::string>>(revoked);
                 auto old = host->read_text(p.dir + "/tls.crt", 64 << 10);
                 if (!old) return fail("no_identity", p.dir + "/tls.crt on " + p.host + ": " + old.error().detail);
                 if (!agent::certificate_fingerprint(*old))
                   return fail("no_identity", p.dir + "/tls.crt on " + p.host + " is not a certificate");
                 for (const std::string& pem : {*old, served_certificate(env.network, name_of(c))}) {
                   auto fp = agent::certificate_fingerprint(pem);
                   if (!fp) continue;  // not answering: its file was checked
                   if (auto it = list.find(*fp); it != list.end())
                     return fail("certificate_revoked",
                                 name_of(c) + "'s certificate " + fp->hex().substr(0, 16) +
                                     " was revoked by governance (" + it->second +
                                     "): a revoked node is not given a new certificate; once its host is trusted "
                                     "again, it joins as a new node");
                 }
                 auto cert = sign_node_request(c, env, org, name_of(c), c.runbook.params.value("ca_key", ""));
                 if (auto* failed = std::get_if<StepResult>(&cert)) return *failed;
                 const std::string& pem = std::get<std::string>(cert);
                 auto until = agent::certificate_not_after(pem);
                 if (!until) return from(until.error());
                 c.vars["new_not_after"] = *until;
                 auto fp = agent::certificate_fingerprint(pem);
                 if (!fp) return from(fp.error());
                 c.vars["new_sha256"] = fp->hex();
                 // What the agent will report: the earlier of its certificate and its CA.
                 int64_t expected = *until;
                 if (auto ca = agent::read_file(env.network.dir() + "/orgs/" + org + "/ca.crt"))
                   if (auto ca_until = agent::certificate_not_after(*ca); ca_until && *ca_until < expected) {
                     expected = *ca_until;
                     c.output += org + "'s CA expires before this certificate, on " + utc_date(*ca_until) +
                                 ": the node's certificate is good until then only\n";
                   }
                 c.vars["expected_expiry"] = expected;
                 if (auto st = host->put_text(pem, p.dir + "/tls.crt.renewed", 0644); !st) return from(st.error());
                 c.output += "certificate for " + name_of(c) + " signed by " + org + "'s CA, valid until " +
                             utc_date(*until) + "\n";
                 return StepResult::done();
               }});
  s.push_back({"restart", [&env, name_of, place_of](StepContext& c) -> StepResult {
                 // A node that answers is taken down only with a quorum left
                 // without it, unless it says it is an observer. One that
                 // does not answer within 10 s is down to the console (or
                 // refused by TLS, its certificate expired: its peers refuse
                 // it too); restarting it takes away no vote it can see, and
                 // when every certificate expired at once, no quorum is left
                 // to wait for.
                 auto me = env.network.status(name_of(c), 10);
                 if (me && me->role() != "observer")
                   if (auto r = wait_for_quorum_without(c, env.network, name_of(c),
                                                        c.runbook.params.value("timeout", 300.0));
                       !r.ok)
                     return r;
                 NodePlace p = place_of(c);
                 StepResult failure;
                 auto host = connect(env, p.host, &failure);
                 if (!host) return failure;
                 // The old certificate is kept beside it; a second run finds
                 // nothing left to move.
                 std::string d = shell_quote(p.dir);
                 std::string kept = shell_quote(p.dir + "/tls.crt.before-renewal-" + std::to_string(c.runbook.id));
                 auto moved = host->shell("if [ -f " + d + "/tls.crt.renewed ]; then cp -p " + d + "/tls.crt " + kept +
                                              " && mv -f " + d + "/tls.crt.renewed " + d + "/tls.crt; fi",
                                          30);
                 if (!moved) return from(moved.error());
                 if (moved->exit_status != 0)
                   return fail("host_command_failed", "installing the certificate: " + moved->err.substr(0, 600));
                 if (auto r = stop_node(c, env, name_of(c), p); !r.ok) return r;
                 if (auto r = start_node(c, env, p, name_of(c)); !r.ok) return r;
                 c.output += name_of(c) + " restarted with its new certificate (the old one is kept as " +
                             p.dir + "/tls.crt.before-renewal-" + std::to_string(c.runbook.id) + ")\n";
                 return StepResult::done();
               }});
  s.push_back({"verify", [&env, name_of](StepContext& c) -> StepResult {
                 // Links to its peers with the new certificate: it commits new blocks with them.
                 if (auto r = synced_and_committing(c, env, name_of(c),
                                                    "the node did not commit with the network after the restart");
                     !r.ok)
                   return r;
                 // The certificate its agent presents over TLS is the new one.
                 Result<Hash32> served = make_error(ErrorCode::kUnavailable, "none");
                 auto presented = wait_for(c, 30, "not presented", [&](Words& note, double& f) {
                   f = 0.95;
                   note = {"verifying", {name_of(c)}};
                   served = agent::certificate_fingerprint(served_certificate(env.network, name_of(c)));
                   return served && served->hex() == c.vars.value("new_sha256", "");
                 });
                 if (!presented.ok)
                   return presented.code == "cancelled"
                              ? presented
                              : fail("not_renewed", name_of(c) + "'s agent presents certificate " +
                                                        (served ? served->hex().substr(0, 16) : std::string("none")) +
                                                        ", not the new one, " +
                                                        c.vars.value("new_sha256", "").substr(0, 16));
                 auto st = env.network.status(name_of(c), 3);
                 if (!st) return fail("unavailable", name_of(c) + " does not answer");
                 int64_t expected = c.vars.value("expected_expiry", int64_t{0});
                 if (st->certificate_expires() != expected)
                   return fail("not_renewed", name_of(c) + " reports a certificate good until " +
                                                  utc_date(st->certificate_expires()) + ", not " + utc_date(expected));
                 c.output += name_of(c) + " presents its new certificate " +
                             c.vars.value("new_sha256", "").substr(0, 16) + ", good until " + utc_date(expected) + "\n";
                 return StepResult::done();
               }});
  return s;
}

// ---- backup and restore ---------------------------------------------------------

StepResult backup_to(StepContext& c, LifecycleEnv& env, const std::string& name, const std::string& local) {
  NodePlace p = env.network.place(name);
  StepResult failure;
  auto host = connect(env, p.host, &failure);
  if (!host) return failure;
  std::string remote = p.dir + "/backup-" + std::to_string(c.runbook.id) + ".tar.gz";
  AGENT_OR_RETURN(r, agent_cmd(*host, p.agent, {"backup", "--config", p.config(), "--out", remote}, 600, c.output));
  c.progress(0.6, {"copying", {local}});
  fs::create_directories(fs::path(local).parent_path());
  if (auto st = host->get_file(remote, local); !st) return from(st.error());
  (void)host->run({"rm", "-f", remote}, 30);
  auto m = agent::read_archive(local, "");
  if (!m) return from(m.error());
  c.vars["backup"] = local;
  c.vars["backup_height"] = (*m).value("height", 0);
  c.output += "backup of " + name + " at height " + std::to_string((*m).value("height", 0)) + " in " + local + "\n";
  return StepResult::done();
}

std::vector<StepDef> backup_steps(LifecycleEnv& env) {
  return {{"backup", [&env](StepContext& c) {
             return backup_to(c, env, c.runbook.subject, c.runbook.params.value("out", ""));
           }}};
}

// Uploads an archive and restores it into a node's directory on a host.
StepResult restore_on(StepContext& c, LifecycleEnv& env, const std::string& host_name, const std::string& dir,
                      const std::string& agent, const std::string& archive, uint64_t min_view, bool replace) {
  StepResult failure;
  auto host = connect(env, host_name, &failure);
  if (!host) return failure;
  std::string remote = dir + "/restore-" + std::to_string(c.runbook.id) + ".tar.gz";
  if (auto st = host->put_file(archive, remote, 0600); !st) return from(st.error());
  std::vector<std::string> args = {"restore", "--config", dir + "/agent.json", "--from", remote, "--min-view",
                                   std::to_string(min_view)};
  if (replace) args.push_back("--replace");
  AGENT_OR_RETURN(r, agent_cmd(*host, agent, args, 600, c.output));
  (void)host->run({"rm", "-f", remote}, 30);
  return StepResult::done();
}

std::vector<StepDef> restore_steps(LifecycleEnv& env) {
  auto host_of = [](StepContext& c) { return c.runbook.params.value("host", std::string("local")); };
  auto dir_of = [](StepContext& c) { return c.runbook.params.value("dir", std::string()); };
  auto agent_of = [](StepContext& c) { return c.runbook.params.value("agent", std::string()); };
  std::vector<StepDef> s;
  s.push_back({"check-archive", [&env](StepContext& c) -> StepResult {
                 auto m = agent::read_archive(c.runbook.params.value("from", ""), "");
                 if (!m) return from(m.error());
                 auto n = env.network.node(c.runbook.subject);
                 if (m->value("format", "") != "consortia-node-backup")
                   return fail("not_a_backup", c.runbook.params.value("from", ""));
                 if (m->value("node", "") != c.runbook.subject)
                   return fail("backup_of_another_node", m->value("node", std::string("?")));
                 c.output += "backup of " + m->value("node", "") + " at height " +
                             std::to_string(m->value("height", 0)) + ", sums verified\n";
                 return StepResult::done();
               }});
  s.push_back({"check-host", [&env, host_of, dir_of, agent_of](StepContext& c) -> StepResult {
                 StepResult failure;
                 auto host = connect(env, host_of(c), &failure);
                 if (!host) return failure;
                 auto r = host->run({"test", "-f", dir_of(c) + "/node.key"}, 30);
                 if (!r || r->exit_status != 0)
                   return fail("no_identity", dir_of(c) + " on " + host_of(c) +
                                                  " holds no node key: a node whose keys are lost joins again as a new "
                                                  "node, and a node moves to another host by migration");
                 auto probe = probe_host(*host, dir_of(c), agent_of(c));
                 if (!probe) return from(probe.error());
                 auto v = judge_host(*probe, {}, kMinFreeBytes, "");
                 if (!v.ok()) return fail(v.refusals.front().code, v.refusals.front().detail);
                 return StepResult::done();
               }});
  s.push_back({"stop", [&env, host_of, dir_of, agent_of](StepContext& c) {
                 NodePlace p{host_of(c), dir_of(c), agent_of(c)};
                 return stop_node(c, env, c.runbook.subject, p);
               }});
  s.push_back({"restore", [&env, host_of, dir_of, agent_of](StepContext& c) -> StepResult {
                 // The node may have voted up to the view the network is in now
                 // (its own record may be what broke): it votes only beyond it.
                 uint64_t view = 0;
                 for (const auto& n : env.network.poll(3).nodes)
                   if (n.reachable) view = std::max(view, n.view);
                 if (view == 0) return fail("unavailable", "no node answers: the network's view is unknown");
                 return restore_on(c, env, host_of(c), dir_of(c), agent_of(c), c.runbook.params.value("from", ""),
                                   view + 2, true);
               }});
  s.push_back({"start", [&env, host_of, dir_of, agent_of](StepContext& c) {
                 return start_node(c, env, {host_of(c), dir_of(c), agent_of(c)}, c.runbook.subject);
               }});
  s.push_back({"sync", [&env](StepContext& c) {
                 return wait_synced(c, env, c.runbook.subject, c.runbook.params.value("timeout", 300.0));
               }});
  return s;
}

// ---- migration ------------------------------------------------------------------

std::vector<StepDef> migrate_steps(LifecycleEnv& env) {
  auto to = [](StepContext& c) { return c.runbook.params.value("to", std::string()); };
  auto dir = [](StepContext& c) { return c.runbook.params.value("dir", std::string()); };
  std::vector<StepDef> s;
  s.push_back({"check-target", [&env, to, dir](StepContext& c) -> StepResult {
                 auto n = env.network.node(c.runbook.subject);
                 if (!n) return fail("no_node", c.runbook.subject);
                 NodePlace src = env.network.place(n->name);
                 c.vars["source"] = {{"host", src.host}, {"dir", src.dir}, {"agent", src.agent}};
                 c.vars["organisation"] = n->organisation;
                 c.vars["node_id"] = n->id.hex();
                 if (src.host == to(c) && src.dir == dir(c)) return fail("same_place", to(c) + ":" + dir(c));
                 return check_target(c, env, to(c), dir(c));
               }});
  s.push_back({"backup-source", [&env](StepContext& c) {
                 return backup_to(c, env, c.runbook.subject,
                                  env.archive_dir + "/" + c.runbook.subject + "-migration-" +
                                      std::to_string(c.runbook.id) + ".tar.gz");
               }});
  s.push_back({"provision-target", [&env, to, dir](StepContext& c) { return provision(c, env, to(c), dir(c)); }});
  s.push_back({"copy-identity", [&env, to, dir](StepContext& c) -> StepResult {
                 StepResult failure;
                 const json& src = c.vars["source"];
                 auto from_host = connect(env, src.value("host", "local"), &failure);
                 if (!from_host) return failure;
                 auto target = connect(env, to(c), &failure);
                 if (!target) return failure;
                 // Through this process's memory only: never written on the console's disk.
                 for (const char* f : {"node.key", "tls.key", "tls.crt"}) {
                   std::string remote = dir(c) + "/" + f;
                   auto there = target->run({"test", "-f", remote}, 30);
                   if (there && there->exit_status == 0) continue;  // copied before an interruption
                   auto text = from_host->read_text(src.value("dir", "") + "/" + f, 64 << 10);
                   if (!text) return fail("no_identity", text.error().detail);
                   if (auto st = target->put_text(*text, remote, std::string(f) == "tls.crt" ? 0644 : 0600); !st)
                     return from(st.error());
                 }
                 auto cfg = node_config(env.network, c.runbook.subject, c.vars.value("organisation", ""), dir(c),
                                        c.vars.value("address", ""), c.vars["ports"].get<std::vector<int>>());
                 if (auto st = target->put_text(agent::agent_config_text(cfg), dir(c) + "/agent.json", 0644); !st)
                   return from(st.error());
                 c.output += "identity and configuration of " + c.runbook.subject + " on " + to(c) + "\n";
                 return StepResult::done();
               }});
  s.push_back({"restore-target", [&env, to, dir](StepContext& c) {
                 return restore_on(c, env, to(c), dir(c), dir(c) + "/bin/consortia-agent", c.vars.value("backup", ""), 0,
                                   false);
               }});
  s.push_back({"fence-source", [&env, to](StepContext& c) -> StepResult {
                 const json& src = c.vars["source"];
                 NodePlace p{src.value("host", "local"), src.value("dir", ""), src.value("agent", "")};
                 if (auto r = stop_node(c, env, c.runbook.subject, p); !r.ok) return r;
                 StepResult failure;
                 auto host = connect(env, p.host, &failure);
                 if (!host) return failure;
                 // Read again on every attempt: the source may have run in between.
                 AGENT_OR_RETURN(safety, agent_cmd(*host, p.agent, {"safety", "--config", p.config()}, 60, c.output));
                 if (!safety["last_voted_view"].is_number_unsigned())
                   return fail("bad_host_answer", "safety did not say the last voted view");
                 c.vars["min_view"] = std::max(c.vars.value("min_view", uint64_t{0}),
                                               safety["last_voted_view"].get<uint64_t>());
                 AGENT_OR_RETURN(f, agent_cmd(*host, p.agent,
                                              {"fence", "--config", p.config(), "--moved-to",
                                               to(c) + " (" + c.vars.value("address", "") + ")"},
                                              60, c.output));
                 return StepResult::done();
               }});
  s.push_back({"start-target", [&env, to, dir](StepContext& c) -> StepResult {
                 // The last view the source voted in travels to the target first.
                 if (auto r = restore_on(c, env, to(c), dir(c), dir(c) + "/bin/consortia-agent", c.vars.value("backup", ""),
                                         c.vars.value("min_view", uint64_t{0}), false);
                     !r.ok)
                   return r;
                 auto cfg = node_config(env.network, c.runbook.subject, c.vars.value("organisation", ""), dir(c),
                                        c.vars.value("address", ""), c.vars["ports"].get<std::vector<int>>());
                 json entry = node_entry(cfg, c.vars.value("node_id", ""), "", to(c), dir(c));
                 if (auto st = env.network.record_node(entry); !st) return from(st.error());
                 return start_node(c, env, {to(c), dir(c), dir(c) + "/bin/consortia-agent"}, c.runbook.subject);
               }});
  s.push_back({"verify", [&env](StepContext& c) -> StepResult {
                 return synced_and_committing(c, env, c.runbook.subject, "the network did not commit after the move");
               }});
  return s;
}

std::vector<StepDef> steps_of(LifecycleEnv& env, const std::string& kind) {
  if (kind == "join") return join_steps(env);
  if (kind == "exit") return exit_steps(env);
  if (kind == "backup") return backup_steps(env);
  if (kind == "restore") return restore_steps(env);
  if (kind == "migrate") return migrate_steps(env);
  if (kind == "renew") return renew_steps(env);
  if (kind == "upgrade") return upgrade_steps(env);
  if (kind == "rollback") return rollback_steps(env);
  return {};
}

std::vector<std::string> names_of(const std::vector<StepDef>& steps) {
  std::vector<std::string> out;
  for (const auto& s : steps) out.push_back(s.name);
  return out;
}

}  // namespace

// ---- hosts ------------------------------------------------------------------------

Result<HostProbe> probe_host(Host& host, const std::string& dir, const std::string& agent_path) {
  std::string d = shell_quote(dir.empty() ? "/" : dir);
  std::string script =
      "d=" + d + "; while [ ! -d \"$d\" ]; do d=$(dirname \"$d\"); done\n"
      "echo \"os=$(. /etc/os-release 2>/dev/null && echo \"$PRETTY_NAME\")\"\n"
      "echo \"kernel=$(uname -sr)\"\n"
      "echo \"hostname=$(uname -n)\"\n"
      "echo \"time_ns=$(date +%s%N)\"\n"
      "echo \"free_kb=$(df -Pk \"$d\" | awk 'NR==2{print $4}')\"\n"
      "echo \"listening=$(cat /proc/net/tcp /proc/net/tcp6 2>/dev/null | awk '$4==\"0A\"{print $2}' | tr '\\n' ' ')\"\n"
      "echo \"agent=$(" + shell_quote(agent_path) + " --version 2>/dev/null)\"\n"
      "echo \"systemd=$([ -d /run/systemd/system ] && echo yes || echo no)\"\n"
      "echo \"dir_exists=$([ -d " + d + " ] && echo yes || echo no)\"\n";
  int64_t t0 = wall_ms();
  auto r = host.shell(script, 30);
  int64_t t1 = wall_ms();
  if (!r) return r.error();
  if (r->exit_status != 0) return make_error(ErrorCode::kUnavailable, "the host check did not run: " + r->err);
  HostProbe p;
  std::istringstream lines(r->out);
  for (std::string line; std::getline(lines, line);) {
    auto eq = line.find('=');
    if (eq == std::string::npos) continue;
    std::string k = line.substr(0, eq), v = line.substr(eq + 1);
    if (k == "os") p.os = v;
    else if (k == "kernel") p.kernel = v;
    else if (k == "hostname") p.hostname = v;
    else if (k == "time_ns") {
      int64_t ns = 0;
      if (std::from_chars(v.data(), v.data() + v.size(), ns).ec == std::errc()) {
        p.clock_offset_ms = ns / 1'000'000 - (t0 + t1) / 2;
        p.rtt_ms = t1 - t0;
      }
    } else if (k == "free_kb") {
      uint64_t kb = 0;
      if (std::from_chars(v.data(), v.data() + v.size(), kb).ec == std::errc() && kb < (uint64_t{1} << 50))
        p.free_bytes = kb * 1024;
    } else if (k == "listening") {
      std::istringstream ports(v);
      for (std::string a; ports >> a && p.listening.size() < 65536;)
        if (auto colon = a.rfind(':'); colon != std::string::npos) {
          unsigned port = 0;
          if (std::from_chars(a.data() + colon + 1, a.data() + a.size(), port, 16).ec == std::errc() && port < 65536)
            p.listening.insert(static_cast<int>(port));
        }
    } else if (k == "agent") {
      auto sp = v.rfind(' ');
      p.agent_version = sp == std::string::npos ? v : v.substr(sp + 1);
    } else if (k == "systemd") p.systemd = v == "yes";
    else if (k == "dir_exists") p.dir_exists = v == "yes";
  }
  return p;
}

HostVerdict judge_host(const HostProbe& p, const std::vector<int>& ports, uint64_t min_free, const std::string& ours) {
  HostVerdict v;
  if (p.free_bytes < min_free)
    v.refusals.push_back({"disk_low", std::to_string(p.free_bytes >> 20) + " MiB free, " +
                                          std::to_string(min_free >> 20) + " MiB needed"});
  for (int port : ports)
    if (p.listening.count(port)) v.refusals.push_back({"port_taken", "port " + std::to_string(port) + " is in use"});
  int64_t off = std::abs(p.clock_offset_ms) - p.rtt_ms / 2;
  if (off > kClockRefuseMs)
    v.refusals.push_back({"clock_refused", "the clock is " + std::to_string(p.clock_offset_ms / 1000) +
                                               " s off, more than a proposal's lifetime"});
  else if (off > kClockWarnMs)
    v.warnings.push_back({"clock_off", "the clock is " + std::to_string(p.clock_offset_ms) + " ms off"});
  if (!ours.empty() && !p.agent_version.empty() && p.agent_version != ours)
    v.refusals.push_back({"agent_version", "an agent of version " + p.agent_version + " is there, this is " + ours});
  return v;
}

// ---- creating and running ----------------------------------------------------------

// Why the CA key file cannot sign for `org` (missing, locked, another CA's),
// checked before a runbook is made: a runbook resumed later takes the same file.
std::optional<Refusal> check_ca_key(LifecycleEnv& env, const std::string& org, const std::string& file) {
  auto text = agent::read_file(file);
  if (!text) return Refusal{"no_ca_key", file};
  auto key = agent::read_private_key(*text, env.ca_passphrase.value_or(""));
  if (!key) return Refusal{"ca_key_locked", file + ": " + key.error().detail};
  auto ca = agent::read_file(env.network.dir() + "/orgs/" + org + "/ca.crt");
  if (!ca) return Refusal{"no_ca_key", env.network.dir() + "/orgs/" + org + "/ca.crt"};
  if (!agent::key_matches_certificate(*key, *ca).ok())
    return Refusal{"ca_key_mismatch", file + " is not the key of " + org + "'s CA certificate"};
  return std::nullopt;
}

std::variant<int64_t, Refusal> create_join(LifecycleEnv& env, const JoinRequest& r) {
  if (!plain_name(r.name)) return Refusal{"bad_name", r.name};
  if (env.network.node(r.name)) return Refusal{"name_taken", r.name};
  auto orgs = env.network.organisations();
  if (std::find(orgs.begin(), orgs.end(), r.organisation) == orgs.end()) return Refusal{"no_organisation", r.organisation};
  if (r.host != "local" && !env.hosts.find(r.host)) return Refusal{"no_host", r.host};
  std::string dir = r.dir;
  if (dir.empty()) dir = r.host == "local" ? env.network.dir() + "/nodes/" + r.name : "/var/lib/consortia/" + r.name;
  if (dir[0] != '/') return Refusal{"bad_dir", dir};
  json params{{"name", r.name},           {"organisation", r.organisation}, {"host", r.host}, {"dir", dir},
              {"validator", r.validator}, {"timeout", r.timeout_s},         {"ca_key", r.ca_key}};
  if (!r.ports.empty()) {
    if (r.ports.size() != 3 || r.ports[0] == r.ports[1] || r.ports[1] == r.ports[2] || r.ports[0] == r.ports[2])
      return Refusal{"bad_ports", ""};
    for (int p : r.ports)
      if (p < 1024 || p > 65535) return Refusal{"bad_ports", std::to_string(p)};
    params["ports"] = r.ports;
  }
  std::string ca_key = r.ca_key.empty() ? env.network.dir() + "/orgs/" + r.organisation + "/ca.key" : r.ca_key;
  if (!agent::read_file(ca_key)) return Refusal{"no_ca_key", ca_key};
  if (!r.ca_key.empty()) params["ca_key"] = fs::absolute(r.ca_key).string();
  return env.runbooks.create("join", env.network.dir(), r.name, params, names_of(join_steps(env)));
}

std::variant<int64_t, Refusal> create_exit(LifecycleEnv& env, const ExitRequest& r) {
  if (!env.network.node(r.name)) return Refusal{"no_node", r.name};
  json params{{"archive", r.archive}, {"timeout", r.timeout_s}};
  return env.runbooks.create("exit", env.network.dir(), r.name, params, names_of(exit_steps(env)));
}

std::variant<int64_t, Refusal> create_backup(LifecycleEnv& env, const BackupRequest& r) {
  if (!env.network.node(r.name)) return Refusal{"no_node", r.name};
  if (r.out.empty()) return Refusal{"bad_path", r.out};
  json params{{"out", fs::absolute(r.out).string()}};
  return env.runbooks.create("backup", env.network.dir(), r.name, params, names_of(backup_steps(env)));
}

std::variant<int64_t, Refusal> create_restore(LifecycleEnv& env, const RestoreRequest& r) {
  if (!env.network.node(r.name)) return Refusal{"no_node", r.name};
  if (!fs::exists(r.from)) return Refusal{"no_file", r.from};
  NodePlace p = env.network.place(r.name);
  std::string host = r.host.empty() ? p.host : r.host;
  std::string dir = r.dir.empty() ? p.dir : r.dir;
  if (host != "local" && !env.hosts.find(host)) return Refusal{"no_host", host};
  // The agent that runs there: the node's own where it runs now, else the one a runbook put in DIR/bin.
  std::string agent = host == p.host && dir == p.dir ? p.agent : dir + "/bin/consortia-agent";
  json params{{"from", fs::absolute(r.from).string()}, {"host", host}, {"dir", dir}, {"agent", agent},
              {"timeout", r.timeout_s}};
  return env.runbooks.create("restore", env.network.dir(), r.name, params, names_of(restore_steps(env)));
}

std::variant<int64_t, Refusal> create_migrate(LifecycleEnv& env, const MigrateRequest& r) {
  if (!env.network.node(r.name)) return Refusal{"no_node", r.name};
  if (r.to != "local" && !env.hosts.find(r.to)) return Refusal{"no_host", r.to};
  std::string dir = r.dir.empty() ? "/var/lib/consortia/" + r.name : r.dir;
  if (dir[0] != '/') return Refusal{"bad_dir", dir};
  json params{{"to", r.to}, {"dir", dir}, {"timeout", r.timeout_s}};
  return env.runbooks.create("migrate", env.network.dir(), r.name, params, names_of(migrate_steps(env)));
}

std::variant<int64_t, Refusal> create_renew(LifecycleEnv& env, const RenewRequest& r) {
  auto n = env.network.node(r.name);
  if (!n) return Refusal{"no_node", r.name};
  std::string ca_key = r.ca_key.empty() ? env.network.dir() + "/orgs/" + n->organisation + "/ca.key" : r.ca_key;
  if (auto why = check_ca_key(env, n->organisation, ca_key); why) return *why;
  NodePlace p = env.network.place(r.name);
  if (p.host != "local" && !env.hosts.find(p.host)) return Refusal{"no_host", p.host};
  // Two runbooks restarting nodes at once could each find a quorum without
  // its own node and together take it away.
  std::error_code ec;
  const std::string here = fs::weakly_canonical(env.network.dir(), ec).string();
  for (const auto& other : env.runbooks.list())
    if ((other.state == RunbookState::kRunning || other.state == RunbookState::kInterrupted) &&
        fs::weakly_canonical(other.network, ec).string() == here &&
        (other.kind == "renew" || other.kind == "upgrade" || other.kind == "rollback" || other.kind == "restore" ||
         other.kind == "migrate"))
      return Refusal{"nodes_going_down", "runbook #" + std::to_string(other.id) + ", " + other.kind + " of " +
                                             other.subject + ", is " +
                                             (other.state == RunbookState::kRunning ? "running" : "unfinished") +
                                             "; renew when it has ended (or cancel it: runbook cancel " +
                                             std::to_string(other.id) + ")"};
  json params{{"timeout", r.timeout_s}};
  if (!r.ca_key.empty()) params["ca_key"] = fs::absolute(r.ca_key).string();
  return env.runbooks.create("renew", env.network.dir(), r.name, params, names_of(renew_steps(env)));
}

RunbookState run_lifecycle(LifecycleEnv& env, int64_t id, std::string* why_not) {
  auto r = env.runbooks.load(id);
  if (!r) {
    if (why_not) *why_not = "no_runbook";
    return RunbookState::kFailed;
  }
  if (!env.runbooks.claim(id, why_not)) return r->state;
  return run_runbook(env.runbooks, id, steps_of(env, r->kind), env.changed);
}

}  // namespace consortia::console
