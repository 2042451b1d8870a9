// consortia-ctl: the console's engine without widgets, for scripts and for
// servers without a display: status, hosts, the node lifecycle runbooks.
// Exit status: 0 done, 1 refused or failed (the reason code and a sentence;
// with --json {"error": {"code", "message"}}), 2 usage or bad input.
#include <unistd.h>

#include <QCoreApplication>
#include <QDir>
#include <QLocale>
#include <QStandardPaths>
#include <QTranslator>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "agents/api_adapter.h"
#include "audit_chain.h"
#include "channel.h"
#include "pki.h"
#include "lifecycle/flows.h"
#include "lifecycle/lifecycle_text.h"
#include "lifecycle/upgrade.h"
#include "model/inventory.h"
#include "model/clock.h"
#include "sandbox_launcher.h"
#include "state/governance.h"

using namespace consortia;
using namespace consortia::console;
using nlohmann::json;

namespace {

const char* kUsage = R"(usage: consortia-ctl [--network NAME | --sandbox DIR] [--json] [--lang en|zh_CN] COMMAND ...
  status                                        nodes: name, organisation, role, height, health, address
  host add NAME --ssh USER@HOST[:PORT] --key FILE [--fingerprint SHA256:...]
  host check NAME [--dir PATH]                  reachable, OS, free disk, clock offset, ports, agent version
  host list
  node join NAME --org ORG --host HOST [--dir PATH] [--validator] [--timeout S] [--ca-key FILE]
            [--ports P2P,API,METRICS]
  node exit NAME [--archive FILE]
  node backup NAME --out FILE
  node restore NAME --from FILE [--host HOST] [--dir PATH]
  node migrate NAME --to HOST [--dir PATH]
  node renew NAME [--ca-key FILE] [--timeout S] sign the running node's TLS certificate again for
                                                its keys and restart its agent with it (S: how long
                                                to wait for a quorum without it, default 300)
  runbook list | runbook show ID | runbook resume ID | runbook cancel ID
                                                (list: the --sandbox network's runbooks, or every network's)
  upgrade stage --binary FILE --version V [--nodes N1,N2,...]
                                                stream release V (its label; --release V too) to the nodes' agents
  upgrade readiness                             nodes x (version, binary, protocols, staged, supervised, health)
  upgrade plan NAME --version V [--protocol P] [--height H | --in SECONDS] [--canary NODE] [--timeout S]
                                                V: the staged release; P: the protocol (default: the next)
  upgrade run NAME [--canary NODE]              readiness, canary, one node at a time, governance, activation
  upgrade status NAME
  upgrade rollback NAME                         before activation: cancel the plan, switch the nodes back
  proposal list [--open]                        governance proposals, newest first: id, status, what they
                                                do, proposer, approvals, heights made and expiring
  proposal propose promote|demote|remove NODE --org ORG
  proposal propose cancel-upgrade PLAN --org ORG
  proposal propose revoke-certificate CERT.pem --org ORG
                                                no agent accepts that node or client certificate
                                                any longer (protocol 6 on)
  proposal approve ID --org ORG                 sign ORG's approval here with orgs/ORG/governance.key
  proposal withdraw ID --org ORG                withdraw a proposal ORG made
  equivocations [--out DIR]                     validators that signed two proposals or votes for one
                                                view, the evidence checked here against this directory's
                                                genesis and keys; --out writes each verified piece as a
                                                binary .evidence file (consortia-verify --equivocation)
  audit verify FILE...                          check an agent's audit log (rotated files oldest first):
                                                exit 0 intact, 1 naming the first changed, removed or
                                                reordered entry

--sandbox DIR is a network directory (the sandbox's by default); --network
NAME an inventory network (status only). Host "local" is this machine.
The organisation CA key's passphrase, if it has one, is read from the
environment variable CONSORTIA_CA_PASSPHRASE. Governance is signed here,
on the admin's workstation, with orgs/ORG/governance.key of the network
directory (agents hold no governance key); an encrypted one is opened with
CONSORTIA_ADMIN_PASSPHRASE.
)";

struct Options {
  std::string network, sandbox, lang;
  bool json = false;
  std::vector<std::string> args;
};

bool g_json = false;
bool g_key_passphrase_given = false;  // CONSORTIA_KEY_PASSPHRASE, the agents' variable, is set

int usage(const std::string& why) {
  if (g_json) std::printf("%s\n", json{{"error", {{"code", "usage"}, {"message", why}}}}.dump().c_str());
  std::fprintf(stderr, "consortia-ctl: %s\n(consortia-ctl --help lists the commands)\n", why.c_str());
  return 2;
}

// Refusals of what the user typed (a name, a path, ports): bad input, exit 2.
bool bad_input(const std::string& code) {
  return code == "bad_name" || code == "bad_dir" || code == "bad_ports" || code == "bad_path" || code == "no_file" ||
         code == "key_locked" || code == "no_organisation";
}

std::string text(const QString& s) { return s.toStdString(); }

int refused(const std::string& code, const std::string& detail) {
  std::string message = text(refusal_text(code, detail));
  if (g_json) std::printf("%s\n", json{{"error", {{"code", code}, {"message", message}}}}.dump().c_str());
  else std::fprintf(stderr, "consortia-ctl: %s [%s]\n", message.c_str(), code.c_str());
  return bad_input(code) ? 2 : 1;
}

std::string data_dir() {
  QString d = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
  QDir().mkpath(d);
  return d.toStdString();
}

// Options after the command: --flag VALUE and bare flags.
struct Flags {
  std::map<std::string, std::string> values;
  std::vector<std::string> positional;
  std::string bad;
  bool has(const std::string& k) const { return values.count(k) > 0; }
  std::string get(const std::string& k) const {
    auto it = values.find(k);
    return it == values.end() ? "" : it->second;
  }
};
Flags parse_flags(const std::vector<std::string>& a, size_t from, const std::vector<std::string>& with_value,
                  const std::vector<std::string>& bare) {
  Flags f;
  for (size_t i = from; i < a.size(); ++i) {
    const std::string& x = a[i];
    if (x.rfind("--", 0) == 0) {
      if (std::find(bare.begin(), bare.end(), x) != bare.end()) f.values[x] = "1";
      else if (std::find(with_value.begin(), with_value.end(), x) != with_value.end() && i + 1 < a.size())
        f.values[x] = a[++i];
      else f.bad = x;
    } else {
      f.positional.push_back(x);
    }
  }
  return f;
}

// What a proposal does, in words: the action and what it acts on.
std::string proposal_subject(const pb::ProposalInfo& p, const NetworkAccess& net) {
  const std::string& a = p.action();
  if (a == "promote" || a == "demote" || a == "remove") {
    std::string id = hex_of(p.node_id());
    for (const auto& n : net.info().nodes)
      if (n.id.hex() == id) return a + " " + n.name;
    return a + " node " + id.substr(0, 16);
  }
  if (a == "add-observer") return a + " " + p.name() + " of " + p.organisation();
  if (a == "upgrade")
    return a + " " + p.plan() + " to protocol " + std::to_string(p.version()) + " at " + std::to_string(p.height());
  if (a == "cancel-upgrade") return a + " " + p.plan();
  if (a == "revoke-certificate") return a + " " + hex_of(p.certificate_sha256()) + " of " + p.organisation();
  return a;
}

json proposal_row(const pb::ProposalInfo& p, const NetworkAccess& net) {
  std::vector<std::string> approvals(p.approvals().begin(), p.approvals().end());
  json r{{"id", hex_of(p.id())}, {"action", p.action()}, {"subject", proposal_subject(p, net)},
         {"proposer", p.proposer_organisation()}, {"approvals", approvals}, {"status", p.status()},
         {"created_height", p.created()}, {"expires_height", p.expires()}};
  if (!p.node_id().empty()) r["node_id"] = hex_of(p.node_id());
  if (!p.public_key().empty()) r["public_key"] = hex_of(p.public_key());
  if (!p.name().empty()) r["name"] = p.name();
  if (!p.organisation().empty()) r["organisation"] = p.organisation();
  if (!p.plan().empty()) r["plan"] = p.plan();
  if (p.action() == "upgrade") {
    r["height"] = p.height();
    r["version"] = p.version();
    r["binary_sha256"] = hex_of(p.binary_sha256());
  }
  if (!p.certificate_sha256().empty()) r["certificate_sha256"] = hex_of(p.certificate_sha256());
  return r;
}

// A governance transaction not made: which refusal (a key that cannot be
// used here says what to do), and the exit status.
int governance_refusal(const Error& e) {
  std::string detail = e.detail;
  if (e.code == ErrorCode::kNotFound && detail.find("no governance key") != std::string::npos)
    return refused("no_governance_key", detail + "; its admin signs on their own workstation");
  if (detail.find("passphrase") != std::string::npos) {
    if (g_key_passphrase_given && detail.find("required") != std::string::npos)
      detail += "; CONSORTIA_KEY_PASSPHRASE is the agents' variable: consortia-ctl reads CONSORTIA_ADMIN_PASSPHRASE";
    return refused("key_locked", detail);
  }
  return refused(error_code_name(e.code), detail);
}

// consortia-ctl proposal list | propose | approve | withdraw
int proposal_command(const NetworkAccess& net, const std::vector<std::string>& a) {
  if (a.size() < 2) return usage("proposal list | propose ACTION ... --org ORG | approve ID --org ORG | withdraw ID --org ORG");
  if (a[1] == "list") {
    Flags f = parse_flags(a, 2, {}, {"--open"});
    if (!f.bad.empty() || !f.positional.empty()) return usage("proposal list [--open]");
    auto all = net.proposals();
    if (!all) return refused(error_code_name(all.error().code), all.error().detail);
    std::vector<pb::ProposalInfo> shown;
    for (const auto& p : *all)
      if (!f.has("--open") || p.status() == "open") shown.push_back(p);
    std::stable_sort(shown.begin(), shown.end(),
                     [](const pb::ProposalInfo& x, const pb::ProposalInfo& y) { return x.created() > y.created(); });
    json out = json::array();
    for (const auto& p : shown) out.push_back(proposal_row(p, net));
    if (g_json) {
      std::printf("%s\n", out.dump(2).c_str());
      return 0;
    }
    if (out.empty()) {
      std::printf(f.has("--open") ? "no open proposals\n" : "no proposals\n");
      return 0;
    }
    std::printf("%-64s  %-9s %-36s %-10s %-20s %s\n", "ID", "STATUS", "WHAT", "PROPOSER", "APPROVED BY",
                "MADE AT / EXPIRES AT (HEIGHT)");
    for (const auto& r : out) {
      std::string approvals;
      for (const auto& o : r["approvals"]) approvals += (approvals.empty() ? "" : ",") + o.get<std::string>();
      std::printf("%-64s  %-9s %-36s %-10s %-20s %llu / %llu\n", r["id"].get<std::string>().c_str(),
                  r["status"].get<std::string>().c_str(), r["subject"].get<std::string>().c_str(),
                  r["proposer"].get<std::string>().c_str(), approvals.c_str(),
                  static_cast<unsigned long long>(r["created_height"].get<uint64_t>()),
                  static_cast<unsigned long long>(r["expires_height"].get<uint64_t>()));
    }
    return 0;
  }
  if (a[1] != "approve" && a[1] != "withdraw" && a[1] != "propose")
    return usage("unknown proposal command '" + a[1] + "'");
  Flags f = parse_flags(a, 2, {"--org"}, {});
  size_t want = a[1] == "propose" ? 2 : 1;
  if (!f.bad.empty() || f.positional.size() != want)
    return usage(a[1] == "propose" ? "proposal propose promote|demote|remove NODE --org ORG, cancel-upgrade PLAN --org ORG, "
                                     "or revoke-certificate CERT.pem --org ORG"
                                   : "proposal " + a[1] + " ID --org ORG");
  if (!f.has("--org")) return usage("proposal " + a[1] + " needs --org ORG (whose governance key signs)");
  std::string org = f.get("--org");
  auto orgs = net.organisations();
  if (std::find(orgs.begin(), orgs.end(), org) == orgs.end())
    return refused("no_organisation", org + " (the network's: " + [&] {
                     std::string all;
                     for (const auto& o : orgs) all += (all.empty() ? "" : ", ") + o;
                     return all;
                   }() + ")");
  // Waits for the chain's verdict on a transaction: "" when none in 30 s.
  auto verdict_of = [&](const std::string& tx) {
    std::string verdict;
    for (int i = 0; i < 300 && verdict.empty(); ++i) {
      verdict = net.verdict(tx);
      if (verdict.empty()) std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return verdict;
  };

  if (a[1] == "propose") {
    const std::string& action = f.positional[0];
    pb::ProposeRequest req;
    req.set_action(action);
    std::string subject_text;  // what approvers check, when the argument alone does not say
    if (action == "promote" || action == "demote" || action == "remove") {
      auto n = net.node(f.positional[1]);
      if (!n) return refused("no_node", f.positional[1]);
      req.set_node_id(std::string(n->id.v.begin(), n->id.v.end()));
    } else if (action == "cancel-upgrade") {
      req.set_plan(f.positional[1]);
    } else if (action == "revoke-certificate") {
      // A node's or a person's certificate; the organisation is its issuer.
      auto pem = agent::read_file(f.positional[1]);
      if (!pem) return refused("not_found", f.positional[1] + ": " + pem.error().detail);
      auto fingerprint = agent::certificate_fingerprint(*pem);
      auto subject = agent::certificate_subject(*pem);
      if (!fingerprint || !subject) return refused("malformed", f.positional[1] + " is not a PEM certificate");
      // Refused before a nonce is spent: the chain takes it from protocol 6.
      for (const auto& n : net.info().nodes)
        if (auto st = net.status(n.name)) {
          if (st->protocol_version() < ChainConfig::kRevocationVersion)
            return refused("unsupported_in_version",
                           "revoking a certificate needs protocol " + std::to_string(ChainConfig::kRevocationVersion) +
                               "; this chain runs " + std::to_string(st->protocol_version()) +
                               ": upgrade it first (docs/governance.md)");
          break;
        }
      req.set_certificate_sha256(std::string(fingerprint->v.begin(), fingerprint->v.end()));
      req.set_organisation(subject->organisation);
      subject_text = "certificate SHA-256 " + fingerprint->hex() + " (" + subject->common_name + ", " +
                     subject->unit + " of " + subject->organisation + ")";
    } else {
      return usage("proposal propose takes promote, demote, remove, cancel-upgrade or revoke-certificate (joining "
                   "nodes and upgrades propose through their runbooks: node join, upgrade plan)");
    }
    auto tx = net.propose(org, req);
    if (!tx) return governance_refusal(tx.error());
    std::string verdict = verdict_of(*tx);
    if (verdict.empty()) return refused("unavailable", "transaction " + hex_of(*tx) + " not committed within 30 s");
    if (verdict != "ok") return refused(verdict, org + " propose " + action + " " + f.positional[1]);
    json out{{"id", hex_of(*tx)}, {"action", action}, {"proposer", org}};
    if (!req.certificate_sha256().empty()) {
      out["certificate_sha256"] = hex_of(req.certificate_sha256());
      out["organisation"] = req.organisation();
    }
    if (g_json) {
      std::printf("%s\n", out.dump(2).c_str());
    } else {
      std::printf("%s proposed %s %s: proposal %s; other organisations approve it with\n"
                  "  consortia-ctl proposal approve %s --org ORG\n",
                  org.c_str(), action.c_str(), f.positional[1].c_str(), hex_of(*tx).c_str(), hex_of(*tx).c_str());
      if (!subject_text.empty())
        std::printf("%s; approvers can check it with: openssl x509 -in CERT.pem -outform DER | sha256sum\n",
                    subject_text.c_str());
    }
    return 0;
  }

  Bytes id;
  if (!from_hex(f.positional[0], id) || id.size() != 32) return usage("a proposal id is 64 hex digits");
  std::string raw(id.begin(), id.end());
  // What the organisation's own nodes say it is: another's may lie.
  auto seen = net.proposal_seen_by(org, raw);
  if (!seen) return refused(error_code_name(seen.error().code), seen.error().detail);
  // Refusals the chain would give, without spending a nonce on them.
  bool approved = std::find(seen->approvals().begin(), seen->approvals().end(), org) != seen->approvals().end();
  if (seen->status() != "open") return refused("proposal_closed", f.positional[0] + " is " + seen->status());
  if (a[1] == "approve" && approved) return refused("already_approved", org + " " + f.positional[0]);
  if (a[1] == "withdraw" && seen->proposer_organisation() != org)
    return refused("not_proposer", f.positional[0] + " was proposed by " + seen->proposer_organisation());
  auto tx = a[1] == "approve" ? net.approve(org, raw) : net.withdraw(org, raw);
  if (!tx) return governance_refusal(tx.error());
  std::string verdict = verdict_of(*tx);
  if (verdict.empty()) return refused("unavailable", "transaction " + hex_of(*tx) + " not committed within 30 s");
  if (verdict != "ok") return refused(verdict, org + " " + a[1] + " " + f.positional[0]);
  // As the organisation's own nodes show it, once they committed it too.
  auto after = net.proposal_seen_by(org, raw);
  auto shows = [&](const Result<pb::ProposalInfo>& p) {
    if (!p) return false;
    bool in = std::find(p->approvals().begin(), p->approvals().end(), org) != p->approvals().end();
    return a[1] == "approve" ? in : p->status() != "open";
  };
  for (int i = 0; i < 100 && !shows(after); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    after = net.proposal_seen_by(org, raw);
  }
  json out = proposal_row(after ? *after : *seen, net);
  out["transaction"] = hex_of(*tx);
  if (g_json) std::printf("%s\n", out.dump(2).c_str());
  else if (a[1] == "approve")
    std::printf("%s approved %s (%s): %s, approved by %zu of %zu organisations\n", org.c_str(), f.positional[0].c_str(),
                out["subject"].get<std::string>().c_str(), out["status"].get<std::string>().c_str(),
                out["approvals"].size(), orgs.size());
  else
    std::printf("%s withdrew its proposal %s (%s): %s\n", org.c_str(), f.positional[0].c_str(),
                out["subject"].get<std::string>().c_str(), out["status"].get<std::string>().c_str());
  return 0;
}


// ---- status ----

int status_of(const NetworkState& s) {
  uint64_t top = 0;
  for (const auto& n : s.nodes) top = std::max(top, n.reachable ? n.height : 0);
  std::string leader_hex = consensus_leader(s), leader;
  for (const auto& n : s.nodes)
    if (n.id_hex == leader_hex) leader = n.name;
  int64_t t = wall_ms();
  if (g_json) {
    json nodes = json::array();
    for (const auto& n : s.nodes)
      nodes.push_back({{"name", n.name},
                       {"organisation", n.organisation},
                       {"role", n.role.empty() ? "unknown" : n.role},
                       {"height", n.height},
                       {"health", health_word(n, top, t)},
                       {"address", n.api_address},
                       {"agent_version", n.agent_version},
                       {"binary_sha256", n.binary_sha256},
                       {"protocol", {{"in_force", n.protocol_version},
                                     {"min", n.min_protocol},
                                     {"max", n.max_protocol}}},
                       {"staged", n.staged_versions},
                       {"supervised", n.supervised},
                       // Unix seconds (the first of its TLS certificate and its CA); 0: not known.
                       {"certificate_expires", n.certificate_expires_s}});
    std::printf("%s\n", json{{"height", top}, {"leader", leader}, {"nodes", nodes}}.dump(2).c_str());
    return 0;
  }
  std::printf("%s %llu   %s %s\n", text(QCoreApplication::translate("Ctl", "height")).c_str(),
              static_cast<unsigned long long>(top), text(QCoreApplication::translate("Ctl", "leader")).c_str(),
              leader.empty() ? "-" : leader.c_str());
  std::printf("%-12s %-10s %-10s %8s  %-12s %-9s %s\n", "name", "org", "role", "height", "health", "cert", "address");
  for (const auto& n : s.nodes) {
    // Days until the first of its TLS certificate and its CA expires.
    std::string cert = "-";
    if (n.certificate_expires_s > 0) {
      int64_t left = n.certificate_expires_s - t / 1000;
      cert = left < 0 ? "expired" : std::to_string(left / 86400) + "d";
    }
    std::printf("%-12s %-10s %-10s %8llu  %-12s %-9s %s\n", n.name.c_str(), n.organisation.c_str(),
                n.role.empty() ? "-" : n.role.c_str(), static_cast<unsigned long long>(n.height),
                health_word(n, top, t).c_str(), cert.c_str(), n.api_address.c_str());
  }
  return 0;
}

// consortia-ctl equivocations [--out DIR]: the evidence the agents hold,
// each piece checked here (NetworkAccess::equivocations).
int equivocations_command(const NetworkAccess& net, const std::vector<std::string>& a) {
  Flags f = parse_flags(a, 1, {"--out"}, {});
  if (!f.bad.empty() || !f.positional.empty()) return usage("equivocations [--out DIR]");
  auto all = net.equivocations();
  if (f.has("--out")) {
    std::error_code ec;
    std::filesystem::create_directories(f.get("--out"), ec);
    if (ec) return refused("bad_path", f.get("--out") + ": " + ec.message());
  }
  json rows = json::array();
  for (const auto& r : all.pieces) {
    json row{{"offender", r.offender_name},
             {"offender_id", r.offender_hex},
             {"organisation", r.organisation},
             {"offender_is_validator", r.offender_is_validator},
             {"kind", r.kind},
             {"view", r.view},
             {"held_by", r.held_by},
             {"verified", r.verified}};
    if (r.verified) {
      row["first_block"] = r.first_block_hex;
      row["second_block"] = r.second_block_hex;
      row["first_height"] = r.first_height;
      row["second_height"] = r.second_height;
    } else {
      row["why_not_verified"] = r.why_not;
    }
    if (f.has("--out") && r.verified) {
      // Binary, the canonical encoding: consortia-verify --equivocation FILE checks it.
      bool known = !r.organisation.empty();
      std::string file = f.get("--out") + "/" + (known ? r.offender_name : r.offender_hex.substr(0, 16)) + "-view" +
                         std::to_string(r.view) + "-" + r.kind + ".evidence";
      std::ofstream out(file, std::ios::binary);
      out.write(r.encoded.data(), static_cast<std::streamsize>(r.encoded.size()));
      if (!out) return refused("bad_path", file + ": cannot be written");
      row["file"] = file;
    }
    rows.push_back(row);
  }
  size_t asked = net.info().nodes.size(), answered = asked - all.not_answering.size();
  if (g_json) {
    std::printf("%s\n", json{{"equivocations", rows}, {"agents_answered", answered}, {"agents_asked", asked},
                             {"not_answering", all.not_answering}}.dump(2).c_str());
    return 0;
  }
  std::string missing;
  for (const auto& n : all.not_answering) missing += (missing.empty() ? "" : ", ") + n;
  std::string coverage = std::to_string(answered) + " of " + std::to_string(asked) + " agents answered" +
                         (missing.empty() ? "" : "; not answering: " + missing);
  if (rows.empty()) {
    std::printf("no equivocation evidence (%s)\n", coverage.c_str());
    return 0;
  }
  std::set<std::string> hinted;
  for (const auto& row : rows) {
    std::string held;
    for (const auto& h : row["held_by"]) held += (held.empty() ? "" : ",") + h.get<std::string>();
    std::string offender = row["offender"].get<std::string>();
    std::string org = row["organisation"].get<std::string>();
    std::string kind = row["kind"].get<std::string>();
    unsigned long long view = row["view"].get<uint64_t>();
    if (row["verified"].get<bool>()) {
      std::printf("%s%s signed two %ss in view %llu: blocks %s (height %llu) and %s (height %llu); held by %s; "
                  "verified here\n",
                  offender.c_str(), org.empty() ? "" : (" of " + org).c_str(), kind.c_str(), view,
                  row["first_block"].get<std::string>().substr(0, 16).c_str(),
                  static_cast<unsigned long long>(row["first_height"].get<uint64_t>()),
                  row["second_block"].get<std::string>().substr(0, 16).c_str(),
                  static_cast<unsigned long long>(row["second_height"].get<uint64_t>()), held.c_str());
    } else {
      std::printf("%s: %s evidence in view %llu reported by %s; NOT verified here: %s\n", offender.c_str(), kind.c_str(),
                  view, held.c_str(), row["why_not_verified"].get<std::string>().c_str());
    }
    if (row.contains("file")) std::printf("  evidence written to %s\n", row["file"].get<std::string>().c_str());
    if (row["verified"].get<bool>() && row["offender_is_validator"].get<bool>() && hinted.insert(offender).second)
      std::printf("  to remove it: consortia-ctl proposal propose remove %s --org ORG\n", offender.c_str());
  }
  std::printf("(%s)\n", coverage.c_str());
  return 0;
}

// ---- runbooks: printing ----

json runbook_json(const RunbookRecord& r) {
  json steps = json::array();
  for (const auto& s : r.steps)
    steps.push_back({{"name", s.name},
                     {"title", text(step_title(s.name))},
                     {"state", step_state_name(s.state)},
                     {"started_ms", s.started_ms},
                     {"ended_ms", s.ended_ms},
                     {"output", s.output},
                     {"error", s.error_code.empty() ? json() : json{{"code", s.error_code},
                                                                     {"message", text(refusal_text(s.error_code, s.error))}}}});
  return {{"id", r.id},         {"kind", r.kind},     {"node", r.subject},           {"network", r.network},
          {"state", runbook_state_name(r.state)},   {"created_ms", r.created_ms}, {"updated_ms", r.updated_ms},
          {"progress", r.progress()}, {"steps", steps}};
}

void print_runbook(const RunbookRecord& r) {
  std::printf("#%lld %s %s: %s (%d%%)\n", static_cast<long long>(r.id), text(runbook_kind_title(r.kind)).c_str(),
              r.subject.c_str(), text(runbook_state_title(r.state)).c_str(), static_cast<int>(r.progress() * 100));
  for (size_t i = 0; i < r.steps.size(); ++i) {
    const auto& s = r.steps[i];
    std::printf("  %zu. %-10s %s\n", i + 1, text(step_state_title(s.state)).c_str(), text(step_title(s.name)).c_str());
    std::string out = s.output;
    while (!out.empty() && out.back() == '\n') out.pop_back();
    for (size_t p = 0; !out.empty() && p != std::string::npos;) {
      size_t nl = out.find('\n', p);
      std::printf("       %s\n", out.substr(p, nl == std::string::npos ? nl : nl - p).c_str());
      p = nl == std::string::npos ? nl : nl + 1;
    }
    if (s.state == StepState::kFailed)
      std::printf("       %s [%s]\n", text(refusal_text(s.error_code, s.error)).c_str(), s.error_code.c_str());
  }
}

// Progress on the terminal: a line per step, the latest note in place.
struct Progress {
  bool tty = ::isatty(2);
  std::string last_line;
  size_t last_step = SIZE_MAX;
  void operator()(const RunbookRecord& r) {
    if (g_json) return;
    size_t i = r.next_step();
    for (size_t k = 0; k < r.steps.size(); ++k)
      if (r.steps[k].state == StepState::kRunning || r.steps[k].state == StepState::kFailed) i = k;
    if (i >= r.steps.size()) return;
    const auto& s = r.steps[i];
    std::string line = "[" + std::to_string(i + 1) + "/" + std::to_string(r.steps.size()) + "] " +
                       text(step_title(s.name));
    if (!s.note.code.empty()) line += ": " + text(note_text(s.note));
    if (i != last_step && last_step != SIZE_MAX && tty) std::fprintf(stderr, "\n");
    last_step = i;
    if (line == last_line) return;
    last_line = line;
    if (tty) std::fprintf(stderr, "\r\033[K%s", line.c_str());
    else std::fprintf(stderr, "%s\n", line.c_str());
  }
  void end() {
    if (tty && !g_json && last_step != SIZE_MAX) std::fprintf(stderr, "\n");
  }
};

int finish(LifecycleEnv& env, int64_t id, Progress& progress) {
  std::string why;
  RunbookState st = run_lifecycle(env, id, &why);
  progress.end();
  auto r = env.runbooks.load(id);
  if (!why.empty()) return refused(why, "#" + std::to_string(id));
  if (!r) return refused("no_runbook", std::to_string(id));
  std::fflush(stdout);
  if (g_json) {
    json out = runbook_json(*r);
    for (const auto& s : r->steps)
      if (s.state == StepState::kFailed)
        out = json{{"error", {{"code", s.error_code}, {"message", text(refusal_text(s.error_code, s.error))}}},
                   {"runbook", out}};
    if (st == RunbookState::kCancelled)
      out = json{{"error", {{"code", "runbook_cancelled"}, {"message", text(refusal_text("runbook_cancelled", ""))}}},
                 {"runbook", out}};
    std::printf("%s\n", out.dump(2).c_str());
  }
  if (st == RunbookState::kDone) {
    if (!g_json) print_runbook(*r);
    return 0;
  }
  if (st == RunbookState::kCancelled) {
    if (!g_json) print_runbook(*r);
    return 1;
  }
  for (const auto& s : r->steps)
    if (s.state == StepState::kFailed) {
      if (!g_json) {
        print_runbook(*r);
        std::fprintf(stderr, "consortia-ctl: runbook #%lld stopped at \"%s\": %s [%s]; `consortia-ctl --sandbox %s runbook "
                             "resume %lld` retries it\n",
                     static_cast<long long>(id), text(step_title(s.name)).c_str(),
                     text(refusal_text(s.error_code, s.error)).c_str(), s.error_code.c_str(), r->network.c_str(),
                     static_cast<long long>(id));
      }
      return 1;
    }
  return 1;
}

// ---- upgrades ----

void print_matrix(const json& m) {
  std::printf("%-12s %-10s %-11s %8s %-8s %-14s %-9s %-5s %s\n", "node", "role", "health", "height", "protocol",
              "binary", "release", "sup", "staged");
  for (const auto& n : m) {
    std::string staged;
    for (const auto& x : n["staged"]) staged += (staged.empty() ? "" : ",") + x["version"].get<std::string>();
    auto p = n["protocols"];
    std::string proto = std::to_string(n["protocol"].get<uint32_t>()) + " (" + std::to_string(p[0].get<uint32_t>()) +
                        "-" + std::to_string(p[1].get<uint32_t>()) + ")";
    std::printf("%-12s %-10s %-11s %8llu %-8s %-14s %-9s %-5s %s\n", n["node"].get<std::string>().c_str(),
                n["role"].get<std::string>().c_str(), n["health"].get<std::string>().c_str(),
                static_cast<unsigned long long>(n["height"].get<uint64_t>()), proto.c_str(),
                n["binary_sha256"].get<std::string>().substr(0, 12).c_str(),
                n["release"].get<std::string>().empty() ? "-" : n["release"].get<std::string>().c_str(),
                n["supervised"].get<bool>() ? "yes" : "no", staged.empty() ? "-" : staged.c_str());
  }
}

int upgrade_command(const std::vector<std::string>& a, LifecycleEnv& env, Progress& progress) {
  if (a.size() < 2) return usage("upgrade stage | readiness | plan | run | status | rollback");
  const std::string& sub = a[1];
  auto number = [](const std::string& s, double& out) {
    char* end = nullptr;
    out = std::strtod(s.c_str(), &end);
    return !s.empty() && end && !*end && out >= 0;
  };
  if (sub == "stage") {
    Flags f = parse_flags(a, 2, {"--binary", "--version", "--release", "--nodes"}, {});
    if (!f.bad.empty() || !f.positional.empty()) return usage("upgrade stage: bad option '" + f.bad + "'");
    if (f.has("--release")) f.values["--version"] = f.get("--release");  // the same: the release's label
    if (!f.has("--binary") || !f.has("--version")) return usage("upgrade stage needs --binary FILE and --version V");
    if (!std::filesystem::is_regular_file(f.get("--binary"))) return refused("no_file", f.get("--binary"));
    std::vector<std::string> nodes;
    for (std::string rest = f.get("--nodes"); !rest.empty();) {
      auto comma = rest.find(',');
      nodes.push_back(rest.substr(0, comma));
      rest = comma == std::string::npos ? "" : rest.substr(comma + 1);
    }
    for (const auto& n : nodes)
      if (!env.network.node(n)) return refused("no_node", n);
    std::string last;
    json r = stage_release(env.network, f.get("--binary"), f.get("--version"), nodes,
                           [&](const std::string& node, uint64_t sent, uint64_t total) {
                             if (g_json || !::isatty(2)) return;
                             std::fprintf(stderr, "\r\033[K%s %llu/%llu MiB", node.c_str(),
                                          static_cast<unsigned long long>(sent >> 20),
                                          static_cast<unsigned long long>(total >> 20));
                           });
    if (!g_json && ::isatty(2)) std::fprintf(stderr, "\r\033[K");
    bool ok = true;
    for (const auto& x : r) ok = ok && x["ok"].get<bool>();
    if (g_json) {
      json out{{"release", f.get("--version")}, {"nodes", r}};
      if (!ok) out["error"] = {{"code", "stage_failed"}, {"message", text(refusal_text("stage_failed", ""))}};
      std::printf("%s\n", out.dump(2).c_str());
    } else {
      for (const auto& x : r)
        if (x["ok"].get<bool>())
          std::printf("%-12s staged %s (%s)\n", x["node"].get<std::string>().c_str(), f.get("--version").c_str(),
                      x["sha256"].get<std::string>().substr(0, 16).c_str());
        else
          std::printf("%-12s %s [%s]\n", x["node"].get<std::string>().c_str(),
                      text(refusal_text(x["error"]["code"].get<std::string>(), x["error"]["message"].get<std::string>()))
                          .c_str(),
                      x["error"]["code"].get<std::string>().c_str());
    }
    return ok ? 0 : 1;
  }
  if (sub == "readiness") {
    json m = readiness_matrix(env.network);
    // Exit 1 when a node could not take part: unreachable, halted, or no supervisor.
    std::string not_ready;
    for (const auto& n : m)
      if (n["health"] == "unreachable" || !n["halted"].get<std::string>().empty() ||
          (!n["supervised"].get<bool>() && !n.value("simulated", false)))
        not_ready += (not_ready.empty() ? "" : ", ") + n["node"].get<std::string>();
    if (g_json) {
      json out{{"nodes", m}};
      if (!not_ready.empty()) out["error"] = {{"code", "not_ready"}, {"message", text(refusal_text("not_ready", not_ready))}};
      std::printf("%s\n", out.dump(2).c_str());
    } else {
      print_matrix(m);
      if (!not_ready.empty()) std::fprintf(stderr, "consortia-ctl: %s [not_ready]\n", text(refusal_text("not_ready", not_ready)).c_str());
    }
    return not_ready.empty() ? 0 : 1;
  }
  if (a.size() < 3) return usage("upgrade " + sub + " needs the plan's NAME");
  const std::string& name = a[2];
  if (sub == "plan") {
    Flags f = parse_flags(a, 3, {"--version", "--release", "--protocol", "--height", "--in", "--canary", "--timeout"}, {});
    if (!f.bad.empty() || !f.positional.empty()) return usage("upgrade plan: bad option '" + f.bad + "'");
    if (f.has("--release")) f.values["--version"] = f.get("--release");
    if (!f.has("--version")) return usage("upgrade plan needs --version V (the staged release)");
    if (f.has("--height") && f.has("--in")) return usage("--height and --in both say when: give one");
    UpgradeRequest r;
    r.plan = name;
    r.release = f.get("--version");
    r.canary = f.get("--canary");
    double d = 0;
    if (f.has("--protocol")) {
      if (!number(f.get("--protocol"), d) || d < 2 || d > 1000) return usage("--protocol takes a version number");
      r.protocol = static_cast<uint32_t>(d);
    }
    if (f.has("--height")) {
      if (!number(f.get("--height"), d) || d < 1) return usage("--height takes a block height");
      r.height = static_cast<uint64_t>(d);
    }
    if (f.has("--in")) {
      if (!number(f.get("--in"), d) || d < 1) return usage("--in takes seconds");
      r.in_s = d;
    }
    if (f.has("--timeout")) {
      if (!number(f.get("--timeout"), d) || d < 1) return usage("--timeout takes seconds");
      r.timeout_s = d;
    }
    auto made = create_upgrade(env, r);
    if (auto* x = std::get_if<Refusal>(&made)) return refused(x->code, x->detail);
    auto rec = env.runbooks.load(std::get<int64_t>(made));
    if (g_json) std::printf("%s\n", runbook_json(*rec).dump(2).c_str());
    else print_runbook(*rec);
    return 0;
  }
  auto u = find_upgrade(env, name);
  if (!u) return refused("no_runbook", name);
  if (sub == "run") {
    Flags f = parse_flags(a, 3, {"--canary"}, {});
    if (!f.bad.empty() || !f.positional.empty()) return usage("upgrade run: bad option '" + f.bad + "'");
    if (f.has("--canary")) {
      if (!env.network.node(f.get("--canary"))) return refused("no_node", f.get("--canary"));
      if (u->vars.contains("order")) return refused("canary_chosen", u->vars["order"][0].get<std::string>());
      // The choice is kept with the runbook's variables: readiness reads it first.
      json v = u->vars;
      v["canary"] = f.get("--canary");
      env.runbooks.set_vars(u->id, v);
    }
    if (!g_json)
      std::fprintf(stderr, "%s #%lld\n", text(QCoreApplication::translate("Ctl", "runbook")).c_str(),
                   static_cast<long long>(u->id));
    return finish(env, u->id, progress);
  }
  if (sub == "status") {
    json m = readiness_matrix(env.network);
    if (g_json) {
      std::printf("%s\n", json{{"runbook", runbook_json(*u)},
                               {"plan", {{"height", u->vars.value("height", uint64_t{0})},
                                         {"protocol", u->vars.value("protocol", 0u)},
                                         {"release", u->params.value("release", "")}}},
                               {"nodes", m}}
                               .dump(2)
                               .c_str());
    } else {
      print_runbook(*u);
      if (u->vars.contains("height"))
        std::printf("\nplan %s: protocol %u at height %llu\n", name.c_str(), u->vars.value("protocol", 0u),
                    static_cast<unsigned long long>(u->vars["height"].get<uint64_t>()));
      std::printf("\n");
      print_matrix(m);
    }
    return 0;
  }
  if (sub == "rollback") {
    auto made = create_upgrade_rollback(env, u->id);
    if (auto* x = std::get_if<Refusal>(&made)) return refused(x->code, x->detail);
    int64_t id = std::get<int64_t>(made);
    if (!g_json)
      std::fprintf(stderr, "%s #%lld\n", text(QCoreApplication::translate("Ctl", "runbook")).c_str(),
                   static_cast<long long>(id));
    return finish(env, id, progress);
  }
  return usage("unknown upgrade command '" + sub + "'");
}

// consortia-ctl audit verify FILE...: the audit log's hash chain.
int audit_command(const std::vector<std::string>& a) {
  if (a.size() < 3 || a[1] != "verify") return usage("audit verify FILE...");
  std::vector<std::string> files(a.begin() + 2, a.end());
  for (const auto& f : files) {
    if (f.rfind("--", 0) == 0) return usage("audit verify: unknown option '" + f + "'");
    if (!std::ifstream(f)) return refused("no_file", f);  // bad input, not a broken log
  }
  agent::AuditVerdict v = agent::verify_audit_files(files);
  if (g_json) {
    json j = {{"intact", v.intact},        {"entries", v.entries},      {"first_seq", v.first_seq},
              {"last_seq", v.head.seq},    {"last_hash", v.head.hash}, {"torn_bytes", v.torn_bytes}};
    if (!v.intact) j["first_problem"] = {{"file", v.file}, {"line", v.line}, {"problem", v.problem}};
    std::printf("%s\n", j.dump(2).c_str());
  } else if (v.intact) {
    std::printf("%s\n", text(QCoreApplication::translate("Ctl", "audit log intact: %1 entries, the last is %2 (hash %3)")
                               .arg(v.entries)
                               .arg(v.head.seq)
                               .arg(QString::fromStdString(v.head.hash)))
                          .c_str());
    if (v.first_seq > 1)
      std::printf("%s\n", text(QCoreApplication::translate(
                                   "Ctl", "the chain starts at entry %1: entries 1 to %2 are not in these files "
                                          "(archived elsewhere, or removed)")
                                   .arg(v.first_seq)
                                   .arg(v.first_seq - 1))
                            .c_str());
    if (v.torn_bytes)
      std::printf("%s\n", text(QCoreApplication::translate(
                                   "Ctl", "its last %1 bytes are an entry torn by a crash (never acknowledged); "
                                          "the agent cuts them when it starts")
                                   .arg(v.torn_bytes))
                            .c_str());
  } else {
    std::printf("%s\n", text(QCoreApplication::translate("Ctl", "audit log NOT intact: %1, line %2: %3")
                               .arg(QString::fromStdString(v.file))
                               .arg(v.line)
                               .arg(QString::fromStdString(v.problem)))
                          .c_str());
  }
  return v.intact ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  // Passphrases are read once and kept from the processes ctl starts.
  const auto ca_passphrase = agent::take_secret_from_environment("CONSORTIA_CA_PASSPHRASE");
  const auto admin_passphrase = agent::take_secret_from_environment("CONSORTIA_ADMIN_PASSPHRASE");
  g_key_passphrase_given = std::getenv("CONSORTIA_KEY_PASSPHRASE") != nullptr;
  QCoreApplication::setApplicationName("consortia");
  std::vector<std::string> all(argv + 1, argv + argc);
  Options o;
  for (size_t i = 0; i < all.size(); ++i) {
    const std::string& a = all[i];
    if (a == "--help" || a == "-h") {
      std::printf("%s", kUsage);
      return 0;
    }
    if (a == "--version" && o.args.empty()) {  // after a command it is the command's (upgrade --version V)
      std::printf("consortia-ctl %s\n", CONSORTIA_VERSION);
      return 0;
    }
    if (o.args.empty() && (a == "--network" || a == "--sandbox" || a == "--lang")) {
      if (i + 1 >= all.size()) return usage(a + " needs a value");
      (a == "--network" ? o.network : a == "--sandbox" ? o.sandbox : o.lang) = all[++i];
    } else if (a == "--json") {
      o.json = true;
    } else {
      o.args.push_back(a);
    }
  }
  g_json = o.json;
  if (o.args.empty()) {
    std::fprintf(stderr, "%s", kUsage);
    return 2;
  }
  if (!o.lang.empty() && o.lang != "en" && o.lang != "zh_CN") return usage("--lang is en or zh_CN");
  if (!o.network.empty() && !o.sandbox.empty()) return usage("--network and --sandbox name two networks: give one");
  if (!o.args.empty() && o.args[0].rfind("--", 0) == 0) return usage("unknown option '" + o.args[0] + "'");
  if (!o.args.empty() && o.args[0] == "status" && o.args.size() > 1) return usage("status takes no arguments");
  QCoreApplication app(argc, argv);
  QTranslator translator;
  QString lang = QString::fromStdString(o.lang.empty() ? QLocale::system().name().toStdString() : o.lang);
  if (lang.startsWith("zh") && translator.load(":/i18n/consortia_zh_CN.qm")) app.installTranslator(&translator);

  const auto& a = o.args;
  const std::string& cmd = a[0];
  if (cmd == "audit") return audit_command(a);
  std::string history = data_dir() + "/history.db";
  std::string self_dir = std::filesystem::path(QCoreApplication::applicationFilePath().toStdString()).parent_path();

  // Status of an inventory network: its agents with the saved certificates.
  if (cmd == "status" && !o.network.empty()) {
    InventoryError ie;
    auto inv = Inventory::open(history, &ie);
    auto n = inv ? inv->find(o.network) : std::nullopt;
    if (!n) return refused("no_network", o.network);
    auto ca = agent::read_file(n->ca_bundle);
    auto crt = agent::read_file(n->certificate);
    auto key = agent::read_file(n->key);
    if (!ca || !crt || !key) return refused("no_file", n->certificate);
    NetworkState s;
    s.at_ms = wall_ms();
    for (const auto& ag : n->agents) {
      NodeState ns;
      ns.name = ag.name;
      ns.api_address = ag.address;
      auto stub = pb::AgentService::NewStub(agent::agent_channel(ag.address, ag.name, {*ca, *crt, *key}));
      grpc::ClientContext ctx;
      ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(3));
      pb::NodeStatus st;
      if (stub->GetStatus(&ctx, pb::StatusRequest(), &st).ok()) {
        apply_status(st, ns);
        ns.organisation = st.organisation();
        ns.reachable = true;
        ns.polled_ms = wall_ms();
      }
      s.nodes.push_back(ns);
    }
    return status_of(s);
  }

  std::string error;
  auto runbooks = RunbookStore::open(history, &error);
  auto hosts = HostStore::open(history, &error);
  if (!runbooks || !hosts) return refused("storage_io", history + ": " + error);

  if (cmd == "host") {
    if (a.size() < 2) return usage("host add | check | list");
    if (a[1] == "list") {
      auto list = hosts->list();
      if (g_json) {
        json out = json::array();
        out.push_back({{"name", "local"}, {"ssh", ""}});
        for (const auto& h : list)
          out.push_back({{"name", h.name},
                         {"ssh", h.user + "@" + h.address + ":" + std::to_string(h.port)},
                         {"fingerprint", h.fingerprint},
                         {"key", h.key_file}});
        std::printf("%s\n", out.dump(2).c_str());
      } else {
        std::printf("%-16s %s\n", "local", text(QCoreApplication::translate("Ctl", "this machine")).c_str());
        for (const auto& h : list)
          std::printf("%-16s %s@%s:%d  %s\n", h.name.c_str(), h.user.c_str(), h.address.c_str(), h.port,
                      h.fingerprint.c_str());
      }
      return 0;
    }
    if (a[1] != "add" && a[1] != "check") return usage("unknown host command '" + a[1] + "'");
    if (a.size() < 3) return usage("host " + a[1] + " needs a NAME");
    const std::string& name = a[2];
    if (a[1] == "add") {
      Flags f = parse_flags(a, 3, {"--ssh", "--key", "--fingerprint"}, {});
      if (!f.bad.empty() || !f.positional.empty()) return usage("host add: bad option '" + f.bad + "'");
      HostRecord h;
      h.name = name;
      if (name == "local" || name.empty() || name.size() > 64 ||
          name.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.") != std::string::npos)
        return usage("a host name has letters, digits, '-', '_' or '.' ('local' is this machine)");
      if (!f.has("--ssh")) return usage("--ssh USER@HOST[:PORT] is needed");
      if (!parse_ssh_target(f.get("--ssh"), h)) return usage("--ssh takes USER@HOST[:PORT], not '" + f.get("--ssh") + "'");
      if (!f.has("--key")) return usage("--key FILE is needed");
      if (f.has("--fingerprint") && (f.get("--fingerprint").rfind("SHA256:", 0) != 0 || f.get("--fingerprint").size() < 20))
        return usage("--fingerprint takes SHA256:... as ssh-keygen -lf prints it");
      h.key_file = std::filesystem::absolute(f.get("--key")).string();
      HostError e;
      auto host = connect_ssh(h, *hosts, f.get("--fingerprint"), &e);
      if (!host) {
        if (e.code == "host_key_unknown" && !g_json)
          std::fprintf(stderr, "%s\n  %s\n%s\n",
                       text(QCoreApplication::translate("Ctl", "The host presents this key fingerprint:")).c_str(),
                       e.detail.c_str(),
                       text(QCoreApplication::translate(
                                "Ctl", "If it is the host's (ask its administrator: ssh-keygen -lf on its host key), "
                                       "add the host again with --fingerprint and that value."))
                           .c_str());
        return refused(e.code, e.detail);
      }
      h.fingerprint = hosts->known_key(h.address, h.port).value_or("");
      hosts->save(h);
      if (g_json) std::printf("%s\n", json{{"name", h.name}, {"fingerprint", h.fingerprint}}.dump().c_str());
      else std::printf("%s %s (%s)\n", text(QCoreApplication::translate("Ctl", "added host")).c_str(), name.c_str(),
                       h.fingerprint.c_str());
      return 0;
    }
    if (a[1] == "check") {
      Flags f = parse_flags(a, 3, {"--dir"}, {});
      if (!f.bad.empty() || !f.positional.empty()) return usage("host check: bad option '" + f.bad + "'");
      HostError e;
      auto host = open_host(name, *hosts, &e);
      if (!host) return refused(e.code, e.detail);
      std::string dir = f.has("--dir") ? f.get("--dir") : "/var/lib/consortia";
      auto p = probe_host(*host, dir, dir + "/bin/consortia-agent");
      if (!p) return refused(error_code_name(p.error().code), p.error().detail);
      auto v = judge_host(*p, {}, kMinFreeBytes, CONSORTIA_VERSION);
      if (g_json) {
        json r{{"host", name},
               {"reachable", true},
               {"os", p->os},
               {"kernel", p->kernel},
               {"free_bytes", p->free_bytes},
               {"clock_offset_ms", p->clock_offset_ms},
               {"rtt_ms", p->rtt_ms},
               {"agent_version", p->agent_version},
               {"systemd", p->systemd},
               {"listening", p->listening}};
        json refusals = json::array(), warnings = json::array();
        for (const auto& x : v.refusals) refusals.push_back({{"code", x.code}, {"message", text(refusal_text(x.code, x.detail))}});
        for (const auto& x : v.warnings) warnings.push_back({{"code", x.code}, {"message", text(refusal_text(x.code, x.detail))}});
        r["refusals"] = refusals;
        r["warnings"] = warnings;
        if (!v.ok()) r["error"] = refusals[0];
        std::printf("%s\n", r.dump(2).c_str());
      } else {
        std::printf("%s: %s (%s), %s\n", name.c_str(), p->os.c_str(), p->kernel.c_str(), p->hostname.c_str());
        std::printf("  free disk   %llu MiB (%s)\n", static_cast<unsigned long long>(p->free_bytes >> 20), dir.c_str());
        std::printf("  clock       %+lld ms (± %lld)\n", static_cast<long long>(p->clock_offset_ms),
                    static_cast<long long>(p->rtt_ms / 2));
        std::printf("  agent       %s\n", p->agent_version.empty() ? "-" : p->agent_version.c_str());
        std::printf("  systemd     %s\n", p->systemd ? "yes" : "no");
        for (const auto& x : v.warnings) std::printf("  ! %s\n", text(refusal_text(x.code, x.detail)).c_str());
        for (const auto& x : v.refusals) std::printf("  x %s\n", text(refusal_text(x.code, x.detail)).c_str());
      }
      return v.ok() ? 0 : 1;
    }
    return usage("unknown host command '" + a[1] + "'");
  }

  if (cmd == "runbook") {
    if (a.size() < 2) return usage("runbook list | show ID | resume ID | cancel ID");
    if (a[1] != "list" && a[1] != "show" && a[1] != "resume" && a[1] != "cancel")
      return usage("unknown runbook command '" + a[1] + "'");
    if (a[1] == "list") {
      // The runbooks of the network named (--sandbox DIR); of every network otherwise.
      auto list = runbooks->list();
      if (!o.sandbox.empty()) {
        std::error_code ec;
        std::string want = std::filesystem::weakly_canonical(o.sandbox, ec).string();
        std::erase_if(list, [&](const RunbookRecord& r) {
          std::error_code e2;
          return std::filesystem::weakly_canonical(r.network, e2).string() != want;
        });
      }
      if (g_json) {
        json out = json::array();
        for (const auto& r : list) out.push_back(runbook_json(r));
        std::printf("%s\n", out.dump(2).c_str());
      } else {
        for (const auto& r : list)
          std::printf("#%-4lld %-10s %-12s %-12s %3d%%%s\n", static_cast<long long>(r.id),
                      text(runbook_kind_title(r.kind)).c_str(), r.subject.c_str(),
                      text(runbook_state_title(r.state)).c_str(), static_cast<int>(r.progress() * 100),
                      o.sandbox.empty() ? ("  " + r.network).c_str() : "");
      }
      return 0;
    }
    if (a.size() < 3) return usage("runbook " + a[1] + " needs an ID");
    char* end = nullptr;
    long long id = std::strtoll(a[2].c_str(), &end, 10);
    if (!end || *end || id <= 0) return usage("a runbook ID is a number");
    auto r = runbooks->load(id);
    if (!r) return refused("no_runbook", a[2]);
    if (a[1] == "show") {
      if (g_json) std::printf("%s\n", runbook_json(*r).dump(2).c_str());
      else print_runbook(*r);
      return 0;
    }
    if (a[1] == "cancel") {
      if (r->state == RunbookState::kDone) return refused("runbook_done", a[2]);
      runbooks->request_cancel(id);
      auto now = runbooks->load(id);
      if (g_json) std::printf("%s\n", runbook_json(*now).dump(2).c_str());
      else print_runbook(*now);
      return 0;
    }
    if (a[1] == "resume") {
      // On the network it was started on, wherever ctl runs from now.
      auto net = NetworkAccess::open(r->network, agent::find_agent_binary(self_dir));
      if (!net) return refused(error_code_name(net.error().code), net.error().detail);
      Progress progress;
      LifecycleEnv env{*runbooks, *hosts, **net, data_dir() + "/archives",
                       [&](const RunbookRecord& x) { progress(x); }, {}};
      if (ca_passphrase) env.ca_passphrase = *ca_passphrase;
      if (admin_passphrase) (*net)->set_admin_passphrase(*admin_passphrase);
      return finish(env, id, progress);
    }
    return usage("unknown runbook command '" + a[1] + "'");
  }

  // Everything below acts on a network directory.
  if (!o.network.empty()) return usage("--network NAME serves status; the lifecycle needs the network's directory (--sandbox DIR)");
  std::string dir = o.sandbox.empty() ? agent::default_sandbox_dir() : o.sandbox;
  auto net = NetworkAccess::open(dir, agent::find_agent_binary(self_dir));
  if (!net) return refused(error_code_name(net.error().code), net.error().detail);
  if (admin_passphrase) (*net)->set_admin_passphrase(*admin_passphrase);
  if (cmd == "status") return status_of((*net)->poll(3));
  if (cmd == "proposal") return proposal_command(**net, a);
  if (cmd == "equivocations") return equivocations_command(**net, a);

  Progress progress;
  LifecycleEnv env{*runbooks, *hosts, **net, data_dir() + "/archives", [&](const RunbookRecord& r) { progress(r); }, {}};
  if (ca_passphrase) env.ca_passphrase = *ca_passphrase;

  if (cmd == "node") {
    if (a.size() < 3) return usage("node join | exit | backup | restore | migrate | renew NAME ...");
    const std::string& sub = a[1];
    const std::string& name = a[2];
    std::variant<int64_t, Refusal> made;
    auto seconds = [](const std::string& s, double dflt) {
      char* end = nullptr;
      double v = s.empty() ? dflt : std::strtod(s.c_str(), &end);
      return (s.empty() || (end && !*end && v > 0)) ? v : -1.0;
    };
    if (sub == "join") {
      Flags f = parse_flags(a, 3, {"--org", "--host", "--dir", "--timeout", "--ca-key", "--ports"}, {"--validator"});
      if (!f.bad.empty() || !f.positional.empty()) return usage("node join: bad option '" + f.bad + "'");
      if (!f.has("--org")) return usage("node join needs --org ORG");
      if (!f.has("--host")) return usage("node join needs --host HOST (local is this machine)");
      JoinRequest r{name, f.get("--org"), f.get("--host"), f.get("--dir"), f.has("--validator"),
                    seconds(f.get("--timeout"), 300), f.get("--ca-key")};
      if (r.timeout_s < 0) return usage("--timeout takes seconds");
      if (f.has("--ports")) {
        std::string p = f.get("--ports");
        for (size_t at = 0; at <= p.size();) {
          size_t comma = p.find(',', at);
          std::string one = p.substr(at, comma == std::string::npos ? std::string::npos : comma - at);
          char* end = nullptr;
          long v = std::strtol(one.c_str(), &end, 10);
          if (one.empty() || !end || *end || v <= 0 || v > 65535) return usage("--ports takes three port numbers");
          r.ports.push_back(static_cast<int>(v));
          if (comma == std::string::npos) break;
          at = comma + 1;
        }
        if (r.ports.size() != 3) return usage("--ports takes three port numbers: P2P,API,METRICS");
        if (r.ports[0] == r.ports[1] || r.ports[1] == r.ports[2] || r.ports[0] == r.ports[2] ||
            *std::min_element(r.ports.begin(), r.ports.end()) < 1024)
          return usage("--ports takes three different ports from 1024 up");
      }
      made = create_join(env, r);
    } else if (sub == "exit") {
      Flags f = parse_flags(a, 3, {"--archive", "--timeout"}, {});
      if (!f.bad.empty() || !f.positional.empty()) return usage("node exit: bad option '" + f.bad + "'");
      std::string archive = f.get("--archive");
      if (!archive.empty()) archive = std::filesystem::absolute(archive).string();
      made = create_exit(env, {name, archive, seconds(f.get("--timeout"), 300)});
    } else if (sub == "backup") {
      Flags f = parse_flags(a, 3, {"--out"}, {});
      if (!f.bad.empty() || !f.positional.empty() || !f.has("--out")) return usage("node backup NAME --out FILE");
      made = create_backup(env, {name, f.get("--out")});
    } else if (sub == "restore") {
      Flags f = parse_flags(a, 3, {"--from", "--host", "--dir", "--timeout"}, {});
      if (!f.bad.empty() || !f.positional.empty() || !f.has("--from"))
        return usage("node restore NAME --from FILE [--host HOST] [--dir PATH]");
      made = create_restore(env, {name, f.get("--from"), f.get("--host"), f.get("--dir"), seconds(f.get("--timeout"), 300)});
    } else if (sub == "migrate") {
      Flags f = parse_flags(a, 3, {"--to", "--dir", "--timeout"}, {});
      if (!f.bad.empty() || !f.positional.empty() || !f.has("--to")) return usage("node migrate NAME --to HOST [--dir PATH]");
      made = create_migrate(env, {name, f.get("--to"), f.get("--dir"), seconds(f.get("--timeout"), 300)});
    } else if (sub == "renew") {
      Flags f = parse_flags(a, 3, {"--ca-key", "--timeout"}, {});
      if (!f.bad.empty() || !f.positional.empty()) return usage("node renew NAME [--ca-key FILE] [--timeout S]");
      made = create_renew(env, {name, f.get("--ca-key"), seconds(f.get("--timeout"), 300)});
    } else {
      return usage("unknown node command '" + sub + "'");
    }
    if (auto* r = std::get_if<Refusal>(&made)) return refused(r->code, r->detail);
    int64_t id = std::get<int64_t>(made);
    std::fflush(stdout);
    if (!g_json)
      std::fprintf(stderr, "%s #%lld\n", text(QCoreApplication::translate("Ctl", "runbook")).c_str(),
                   static_cast<long long>(id));
    return finish(env, id, progress);
  }
  if (cmd == "upgrade") return upgrade_command(a, env, progress);
  return usage("unknown command '" + cmd + "'");
}
