#include "sim/scenario.h"

#include <charconv>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "crypto/crypto_suite.h"
#include "net/netem_rule.h"

namespace consortia::sim {
namespace {

using json = nlohmann::json;

Error bad(std::string why) { return make_error(ErrorCode::kInvalidArgument, std::move(why)); }

const std::pair<const char*, ByzantineKind> kByzNames[] = {
    {"twins", ByzantineKind::kTwins},         {"equivocate", ByzantineKind::kEquivocate},
    {"doublevote", ByzantineKind::kDoubleVote}, {"silent", ByzantineKind::kSilent},
    {"forge", ByzantineKind::kForge},
};

const std::pair<const char*, TimelineEvent::Type> kEventNames[] = {
    {"partition", TimelineEvent::Type::kPartition},
    {"isolate", TimelineEvent::Type::kIsolate},
    {"isolate_leader", TimelineEvent::Type::kIsolateLeader},
    {"one_way", TimelineEvent::Type::kOneWay},
    {"heal", TimelineEvent::Type::kHeal},
    {"flap", TimelineEvent::Type::kFlap},
    {"link", TimelineEvent::Type::kLinkRule},
    {"clear_links", TimelineEvent::Type::kClearLinks},
    {"crash", TimelineEvent::Type::kCrash},
    {"restart", TimelineEvent::Type::kRestart},
    {"clock_skew", TimelineEvent::Type::kClockSkew},
    {"governance", TimelineEvent::Type::kGovernance},
    {"upgrade_software", TimelineEvent::Type::kUpgradeSoftware},
};

const char* const kGovActions[] = {"add-observer", "promote", "demote", "remove",
                                   "upgrade", "cancel-upgrade", "set-params"};

template <class T>
Status get(const json& j, const char* key, T& out) {
  if (!j.contains(key)) return {};
  try {
    out = j.at(key).get<T>();
  } catch (const json::exception&) {
    return bad(std::string("field '") + key + "' has the wrong type");
  }
  return {};
}

Result<TimelineEvent> parse_event(const json& j, int index) {
  TimelineEvent e;
  std::string where = "timeline[" + std::to_string(index) + "]";
  if (!j.is_object()) return bad(where + " is not an object");
  std::string type;
  if (auto st = get(j, "event", type); !st) return st.error();
  bool found = false;
  for (auto& [n, t] : kEventNames)
    if (type == n) e.type = t, found = true;
  if (!found) return bad(where + ": unknown event '" + type + "'");
  for (auto st : {get(j, "at", e.at_s), get(j, "groups", e.groups), get(j, "nodes", e.nodes),
                  get(j, "from", e.from), get(j, "to", e.to), get(j, "rule", e.rule),
                  get(j, "period", e.period_s), get(j, "until", e.until_s),
                  get(j, "skew_ms", e.skew_ms), get(j, "action", e.action),
                  get(j, "plan", e.plan), get(j, "version", e.version),
                  get(j, "after_blocks", e.after_blocks),
                  get(j, "min_block_interval_ms", e.min_block_interval_ms)})
    if (!st) return bad(where + ": " + st.error().detail);
  if (j.contains("node")) {
    int n = 0;
    if (auto st = get(j, "node", n); !st) return bad(where + ": " + st.error().detail);
    e.nodes.push_back(n);
  }
  if (e.at_s < 0) return bad(where + ": negative time");
  if (e.type == TimelineEvent::Type::kLinkRule) {
    auto r = parse_link_rule(e.rule);
    if (!r) return bad(where + ": " + r.error().detail);
  }
  if ((e.type == TimelineEvent::Type::kCrash || e.type == TimelineEvent::Type::kRestart ||
       e.type == TimelineEvent::Type::kIsolate || e.type == TimelineEvent::Type::kClockSkew ||
       e.type == TimelineEvent::Type::kFlap) &&
      e.nodes.empty())
    return bad(where + ": needs 'node' or 'nodes'");
  if (e.type == TimelineEvent::Type::kGovernance) {
    bool known = false;
    for (const char* a : kGovActions) known |= e.action == a;
    if (!known) return bad(where + ": unknown governance action '" + e.action + "'");
    bool on_node = e.action == "add-observer" || e.action == "promote" || e.action == "demote" ||
                   e.action == "remove";
    if (on_node && e.nodes.size() != 1) return bad(where + ": '" + e.action + "' needs one 'node'");
    if ((e.action == "upgrade" || e.action == "cancel-upgrade") && e.plan.empty())
      return bad(where + ": '" + e.action + "' needs a 'plan' name");
  }
  if (e.type == TimelineEvent::Type::kUpgradeSoftware && e.nodes.empty())
    return bad(where + ": needs 'node' or 'nodes'");
  if (e.type == TimelineEvent::Type::kPartition && e.groups.size() < 2)
    return bad(where + ": a partition needs at least two groups");
  if (e.type == TimelineEvent::Type::kFlap && e.period_s <= 0)
    return bad(where + ": flap period must be positive");
  return e;
}

Result<double> to_number(std::string_view s, const char* opt) {
  double v = 0;
  std::string str(s);
  char* end = nullptr;
  v = std::strtod(str.c_str(), &end);
  if (str.empty() || !end || *end != '\0' || !(v == v))
    return bad(std::string(opt) + " expects a number, got '" + str + "'");
  return v;
}

Status validate(const Scenario& s) {
  if (s.nodes < 1 || s.nodes > 1000) return bad("--nodes must be between 1 and 1000");
  if (s.seconds <= 0 || s.seconds > 86400) return bad("--seconds must be in (0, 86400]");
  if (s.tps < 0 || s.tps > 1e6) return bad("--tps must be in [0, 1000000]");
  if (!suite_by_name(s.suite)) return bad("unknown suite '" + s.suite + "'");
  int faulty = s.crash;
  for (const auto& b : s.byzantine) {
    if (b.count < 0) return bad("negative Byzantine count");
    faulty += b.count;
    for (int v : b.validators)
      if (v < 0 || v >= s.nodes) return bad("Byzantine validator index out of range");
  }
  if (faulty > s.nodes) return bad("more faulty nodes than nodes");
  if (faulty - s.crash >= s.nodes) return bad("every validator is Byzantine: no honest node to check");
  if (s.noop && s.custody) return bad("--noop and --custody are two workloads: choose one");
  for (const auto& r : s.link_rules)
    if (auto p = parse_link_rule(r); !p) return bad("--link '" + r + "': " + p.error().detail);
  if (s.latency_min_ms < 0 || s.latency_max_ms < s.latency_min_ms)
    return bad("latency range is invalid");
  if (s.observers < 0 || s.observers > 1000) return bad("observers must be between 0 and 1000");
  if (s.organisations < 1 || s.organisations > 100) return bad("organisations must be between 1 and 100");
  for (int x : s.start_down)
    if (x < 0 || x >= s.nodes + s.observers) return bad("start_down index out of range");
  for (int x : s.old_software)
    if (x < 0 || x >= s.nodes + s.observers) return bad("old_software index out of range");
  // Every node a timeline event names is one of the run's instances:
  // validators, observers, then the twins' second instances.
  int instances = s.nodes + s.observers;
  for (const auto& b : s.byzantine)
    if (b.kind == ByzantineKind::kTwins) instances += std::max(b.count, static_cast<int>(b.validators.size()));
  for (size_t i = 0; i < s.timeline.size(); ++i) {
    const TimelineEvent& e = s.timeline[i];
    std::vector<int> named = e.nodes;
    named.insert(named.end(), e.from.begin(), e.from.end());
    named.insert(named.end(), e.to.begin(), e.to.end());
    for (const auto& g : e.groups) named.insert(named.end(), g.begin(), g.end());
    for (int x : named)
      if (x < 0 || x >= instances)
        return bad("timeline event " + std::to_string(i + 1) + ": node " + std::to_string(x) +
                   " is not one of the " + std::to_string(instances) + " nodes");
  }
  if (s.protocol < kMinProtocolVersion || s.protocol > kMaxProtocolVersion)
    return bad("protocol must be between " + std::to_string(kMinProtocolVersion) + " and " +
               std::to_string(kMaxProtocolVersion));
  if (!s.old_software.empty() && s.protocol != 1) return bad("old_software needs protocol 1");
  return {};
}

}  // namespace

const char* byzantine_name(ByzantineKind k) {
  for (auto& [n, v] : kByzNames)
    if (v == k) return n;
  return "none";
}

Result<ByzantineKind> parse_byzantine(std::string_view name) {
  for (auto& [n, v] : kByzNames)
    if (name == n) return v;
  return bad("unknown Byzantine kind '" + std::string(name) +
             "' (twins, equivocate, doublevote, silent, forge)");
}

Result<Scenario> parse_scenario_json(const std::string& text, Scenario s) {
  json j;
  try {
    j = json::parse(text);
  } catch (const json::exception& e) {
    return bad(std::string("scenario is not valid JSON: ") + e.what());
  }
  if (!j.is_object()) return bad("scenario must be a JSON object");
  for (auto st : {get(j, "name", s.name), get(j, "nodes", s.nodes), get(j, "seconds", s.seconds),
                  get(j, "tps", s.tps), get(j, "seed", s.seed), get(j, "suite", s.suite),
                  get(j, "noop", s.noop), get(j, "payload_bytes", s.payload_bytes),
                  get(j, "custody", s.custody),
                  get(j, "entry_nodes", s.entry_nodes), get(j, "links", s.link_rules),
                  get(j, "crash", s.crash), get(j, "expect_liveness", s.expect_liveness),
                  get(j, "expect_safety", s.expect_safety),
                  get(j, "max_clock_skew_ms", s.max_clock_skew_ms),
                  get(j, "max_block_txs", s.max_block_txs), get(j, "observers", s.observers),
                  get(j, "organisations", s.organisations), get(j, "start_down", s.start_down),
                  get(j, "old_software", s.old_software), get(j, "protocol", s.protocol),
                  get(j, "expect_governance", s.expect_governance)})
    if (!st) return st.error();
  if (j.contains("expect_halted")) {
    std::vector<int> h;
    if (auto st = get(j, "expect_halted", h); !st) return st.error();
    s.expect_halted = h;
  }
  if (j.contains("crypto")) {
    std::string c;
    if (auto st = get(j, "crypto", c); !st) return st.error();
    if (c != "real" && c != "modelled") return bad("crypto must be 'real' or 'modelled'");
    s.modelled_crypto = c == "modelled";
  }
  if (j.contains("latency_ms")) {
    const json& l = j["latency_ms"];
    if (l.is_number()) {
      s.latency_min_ms = s.latency_max_ms = l.get<double>();
    } else if (l.is_array() && l.size() == 2 && l[0].is_number() && l[1].is_number()) {
      s.latency_min_ms = l[0].get<double>();
      s.latency_max_ms = l[1].get<double>();
    } else {
      return bad("latency_ms must be a number or [min, max]");
    }
  }
  if (j.contains("consensus")) {
    const json& c = j["consensus"];
    int64_t base = s.consensus.pacemaker.base_timeout_ms;
    for (auto st : {get(c, "base_timeout_ms", base),
                    get(c, "idle_block_interval_ms", s.consensus.idle_block_interval_ms),
                    get(c, "min_block_interval_ms", s.consensus.min_block_interval_ms)})
      if (!st) return st.error();
    s.consensus.pacemaker.base_timeout_ms = base;
  }
  if (j.contains("byzantine")) {
    if (!j["byzantine"].is_array()) return bad("byzantine must be a list");
    for (const auto& b : j["byzantine"]) {
      ByzantineSpec spec;
      std::string kind;
      if (auto st = get(b, "kind", kind); !st) return st.error();
      auto k = parse_byzantine(kind);
      if (!k) return k.error();
      spec.kind = *k;
      if (auto st = get(b, "count", spec.count); !st) return st.error();
      if (auto st = get(b, "validators", spec.validators); !st) return st.error();
      if (spec.count == 0) spec.count = static_cast<int>(spec.validators.size());
      s.byzantine.push_back(spec);
    }
  }
  if (j.contains("timeline")) {
    if (!j["timeline"].is_array()) return bad("timeline must be a list");
    int i = 0;
    for (const auto& e : j["timeline"]) {
      auto ev = parse_event(e, i++);
      if (!ev) return ev.error();
      s.timeline.push_back(*ev);
    }
  }
  if (auto st = validate(s); !st) return st.error();
  return s;
}

Result<Scenario> load_scenario_file(const std::string& path) {
  std::ifstream in(path);
  if (!in) return bad("cannot read scenario file '" + path + "'");
  std::stringstream ss;
  ss << in.rdbuf();
  auto s = parse_scenario_json(ss.str());
  if (!s) return bad(path + ": " + s.error().detail);
  return s;
}

const char* usage() {
  return R"(usage: consortia-sim [--scenario FILE] [--nodes N] [--seconds S] [--tps R] [--seed K]
                     [--link RULE]... [--crash K] [--byzantine KIND:K]...
                     [--suite ed25519-sha256|sm2-sm3] [--crypto real|modelled] [--protocol V]
                     [--noop | --custody] [--latency MS|MIN-MAX] [--json] [--quiet]
                     [--chains FILE]

Runs N chain nodes (the real consensus, state and mempool code) in one process
over a virtual network and clock. Same seed, same run. Defaults: 4 nodes,
30 simulated seconds, 100 tx/s, seed 1, link latency 2-10 ms, the newest
protocol version; a scenario file's values, then these options, override them.

  --nodes N            validators (1 to 1000)
  --tps R              transactions offered per second (0 to 1000000)
  --latency MS|MIN-MAX base latency of every link, uniform in the range

  --link RULE          netem-style rule on every link, e.g. "delay 1000ms 300ms 30%",
                       "loss 10%", "duplicate 1%", "corrupt 0.2%", "rate 2048kbit"
  --crash K            K honest validators crash and restart at random moments
  --byzantine KIND:K   K validators misbehave: twins, equivocate, doublevote, silent, forge
  --crypto MODE        real OpenSSL signatures, or modelled (checked by a keyed tag,
                       charged at the real cost); default modelled above 10 nodes
  --noop               8-byte no-op transactions
  --custody            fund custody transfers between clients, some of them double
                       spends; checks that value is conserved
  --protocol V         genesis protocol version
  --json               the report as JSON (no wall time: it is not part of a run)
  --quiet              print nothing; the exit status says how the run went
  --chains FILE        save each instance's committed block hashes (a console recording)
Exit status: 0 all checks passed, 1 a check failed (seed printed), 2 bad input.
)";
}

Result<CliOptions> parse_command_line(int argc, const char* const* argv) {
  CliOptions o;
  std::vector<std::string> args(argv + 1, argv + argc);
  // The scenario file is the base; the other options override it.
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--scenario") {
      if (i + 1 >= args.size()) return bad("--scenario needs a file");
      auto s = load_scenario_file(args[i + 1]);
      if (!s) return s.error();
      o.scenario = *s;
    }
  }
  bool link_reset = false, byz_reset = false;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&]() -> Result<std::string> {
      if (i + 1 >= args.size()) return bad(a + " needs a value");
      return args[++i];
    };
    auto number = [&]() -> Result<double> {
      auto v = value();
      if (!v) return v.error();
      return to_number(*v, a.c_str());
    };
    if (a == "--scenario") {
      ++i;
    } else if (a == "--json") {
      o.json = true;
    } else if (a == "--quiet") {
      o.quiet = true;
    } else if (a == "--chains") {
      if (i + 1 >= args.size()) return bad("--chains needs a file");
      o.chains_file = args[++i];
      o.scenario.keep_chains = true;
    } else if (a == "--help" || a == "-h") {
      o.help = true;
    } else if (a == "--noop") {
      o.scenario.noop = true;
    } else if (a == "--custody") {
      o.scenario.custody = true;
    } else if (a == "--protocol") {
      auto v = number();
      if (!v) return v.error();
      if (*v != static_cast<uint32_t>(*v)) return bad("--protocol expects a version number");
      o.scenario.protocol = static_cast<uint32_t>(*v);
    } else if (a == "--nodes" || a == "--seconds" || a == "--tps" || a == "--seed" ||
               a == "--crash") {
      auto v = number();
      if (!v) return v.error();
      if (a == "--nodes") {
        if (*v != static_cast<int>(*v)) return bad("--nodes expects a whole number");
        o.scenario.nodes = static_cast<int>(*v);
      } else if (a == "--seconds") {
        o.scenario.seconds = *v;
      } else if (a == "--tps") {
        o.scenario.tps = *v;
      } else if (a == "--seed") {
        if (*v < 0 || *v != static_cast<double>(static_cast<uint64_t>(*v)))
          return bad("--seed expects a non-negative whole number");
        o.scenario.seed = static_cast<uint64_t>(*v);
      } else {
        if (*v < 0 || *v != static_cast<int>(*v)) return bad("--crash expects a count");
        o.scenario.crash = static_cast<int>(*v);
      }
    } else if (a == "--link") {
      auto v = value();
      if (!v) return v.error();
      if (!link_reset) o.scenario.link_rules.clear(), link_reset = true;
      o.scenario.link_rules.push_back(*v);
    } else if (a == "--byzantine") {
      auto v = value();
      if (!v) return v.error();
      auto colon = v->find(':');
      if (colon == std::string::npos) return bad("--byzantine expects KIND:K, e.g. twins:1");
      auto kind = parse_byzantine(v->substr(0, colon));
      if (!kind) return kind.error();
      auto count = to_number(v->substr(colon + 1), "--byzantine");
      if (!count || *count < 0 || *count != static_cast<int>(*count))
        return bad("--byzantine count must be a whole number");
      if (!byz_reset) o.scenario.byzantine.clear(), byz_reset = true;
      o.scenario.byzantine.push_back({*kind, static_cast<int>(*count), {}});
    } else if (a == "--suite") {
      auto v = value();
      if (!v) return v.error();
      o.scenario.suite = *v;
    } else if (a == "--crypto") {
      auto v = value();
      if (!v) return v.error();
      if (*v != "real" && *v != "modelled") return bad("--crypto must be real or modelled");
      o.scenario.modelled_crypto = *v == "modelled";
    } else if (a == "--latency") {
      auto v = value();
      if (!v) return v.error();
      auto dash = v->find('-');
      auto lo = to_number(v->substr(0, dash), "--latency");
      if (!lo) return lo.error();
      o.scenario.latency_min_ms = o.scenario.latency_max_ms = *lo;
      if (dash != std::string::npos) {
        auto hi = to_number(v->substr(dash + 1), "--latency");
        if (!hi) return hi.error();
        o.scenario.latency_max_ms = *hi;
      }
    } else {
      return bad("unknown option '" + a + "'");
    }
  }
  if (auto st = validate(o.scenario); !st) return st.error();
  return o;
}

}  // namespace consortia::sim
