#include "lifecycle/steps.h"

#include <chrono>
#include <set>
#include <thread>

#include "agents/api_adapter.h"

namespace consortia::console::step {
using nlohmann::json;

StepResult fail(const std::string& code, const std::string& detail) { return StepResult::fail(code, detail); }
StepResult from(const Error& e) { return fail(error_code_name(e.code), e.detail); }

// Sleeps in short slices; false when the runbook was cancelled meanwhile.
bool pause(StepContext& ctx, double s) {
  auto until = std::chrono::steady_clock::now() + std::chrono::duration<double>(s);
  while (std::chrono::steady_clock::now() < until) {
    if (ctx.cancelled()) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  return !ctx.cancelled();
}

std::string hex(const std::string& raw) { return hex_of(raw); }
std::string raw(const std::string& h) { return raw_of(h); }

bool plain_name(const std::string& s) {
  return !s.empty() && s.size() <= 64 &&
         s.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.") == std::string::npos &&
         s[0] != '.';
}

std::string reason_of(const std::string& message) {
  auto colon = message.find(':');
  return colon != std::string::npos && colon < 40 ? message.substr(0, colon) : "unavailable";
}

uint64_t network_height(const NetworkState& s) {
  uint64_t h = 0;
  for (const auto& n : s.nodes)
    if (n.reachable) h = std::max(h, n.height);
  return h;
}

// Governance: proposes (once; the id is kept in vars[key]), approves with
// every organisation whose admin certificate the network directory holds,
// and waits until the chain enacts it. A refusal by the chain fails the
// step with the chain's reason code.
StepResult govern(StepContext& ctx, NetworkAccess& net, const std::string& key, const std::string& org,
                  const pb::ProposeRequest& req, double timeout_s) {
  std::string approvals_key = key + "_approvals";
  auto propose_now = [&]() -> std::optional<StepResult> {
    auto id = net.propose(org, req);
    if (!id) return from(id.error());
    ctx.vars[key] = hex(*id);
    ctx.vars[approvals_key] = json::object();
    ctx.output += "proposed " + req.action() + " as " + org + ": " + hex(*id) + "\n";
    ctx.progress(0.1, {"proposed", {req.action(), org}});
    return std::nullopt;
  };
  // Approved only once nodes of other organisations show it is what was asked
  // (the proposing node's answer alone is not believed).
  auto matches = [&](const pb::ProposalInfo& p) {
    if (p.action() != req.action()) return false;
    if (req.action() == "add-observer")
      return p.public_key() == req.public_key() && p.name() == req.name() && p.organisation() == req.organisation();
    if (req.action() == "upgrade")
      return p.plan() == req.plan() && p.height() == req.height() && p.version() == req.version() &&
             p.binary_sha256() == req.binary_sha256();
    if (req.action() == "cancel-upgrade") return p.plan() == req.plan();
    return p.node_id() == req.node_id();
  };
  // This organisation's proposal for the same change, open or enacted.
  auto take_up = [&]() {
    auto all = net.proposals(org);
    if (!all) return false;
    for (const auto& p : *all)
      if ((p.status() == "open" || p.status() == "enacted") && p.proposer_organisation() == org && matches(p)) {
        // Believed only as the proposing organisation's own nodes show it.
        auto own = net.proposal_seen_by(org, p.id());
        if (!own || !matches(*own) || own->proposer_organisation() != org) continue;
        ctx.vars[key] = hex(p.id());
        ctx.vars[approvals_key] = json::object();
        ctx.output += "taking up the " + p.status() + " " + req.action() + " proposal " + hex(p.id()) + "\n";
        return true;
      }
    return false;
  };
  if (!ctx.vars.contains(key) && !take_up()) {
    // A run stopped after sending its proposal and before noting the id left
    // it on its way into a block: wait for it to show rather than propose a
    // second time.
    const std::string sent_key = key + "_sent";
    if (ctx.vars.value(sent_key, false)) {
      auto until = std::chrono::steady_clock::now() + std::chrono::seconds(10);
      while (!ctx.vars.contains(key) && std::chrono::steady_clock::now() < until) {
        if (!pause(ctx, 0.5)) return kCancelled;
        take_up();
      }
    }
    if (!ctx.vars.contains(key)) {
      ctx.vars[sent_key] = true;
      ctx.progress(0.05, {"proposing", {req.action(), org}});  // saves the mark first
      if (auto f = propose_now()) return *f;
    }
  }
  if (!ctx.vars.contains(approvals_key)) ctx.vars[approvals_key] = json::object();
  auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(timeout_s);
  auto orgs = net.organisations();
  while (std::chrono::steady_clock::now() < deadline) {
    std::string id = raw(ctx.vars[key].get<std::string>());
    // The proposing transaction itself may be refused (a member already, ...).
    // A validator change still taking effect (the chain spaces them by a few
    // blocks) refuses it as a conflict: propose again shortly.
    std::string v = net.verdict(id, org);
    // Only a membership change is spaced: an upgrade refused as a conflict
    // (a plan name used before) is final.
    bool membership = req.action() != "upgrade" && req.action() != "cancel-upgrade";
    if (v == "conflict" && membership) {
      ctx.output += req.action() + ": a validator change is still taking effect; proposing again\n";
      if (!pause(ctx, 1.0)) return kCancelled;
      if (auto f = propose_now()) return *f;
      continue;
    }
    if (!v.empty() && v != "ok") {
      if (v == "duplicate" && req.action() == "add-observer") return StepResult::done();
      if (v == "not_found" && req.action() == "remove") {
        ctx.output += "not a member (any more)\n";
        return StepResult::done();
      }
      return fail(v, "the chain refused the " + req.action() + " proposal");
    }
    auto p = net.proposal(id, org);
    if (p && !matches(*p))
      return fail("proposal_mismatch", "proposal " + hex(id) + " is a " + p->action() + ", not the " + req.action() +
                                           " that was asked; nothing was approved");
    if (p) {
      if (p->status() == "enacted") {
        ctx.output += req.action() + " enacted\n";
        return StepResult::done();
      }
      if (p->status() == "withdrawn" || p->status() == "expired") {
        ctx.vars.erase(key);
        ctx.vars.erase(approvals_key);
        return fail("proposal_" + p->status(), req.action());
      }
      std::set<std::string> approved(p->approvals().begin(), p->approvals().end());
      std::vector<std::string> pending;
      for (const auto& o : orgs)
        if (!approved.count(o)) pending.push_back(o);
      for (const auto& o : pending) {
        json& txs = ctx.vars[approvals_key];
        if (txs.contains(o)) {
          std::string verdict = net.verdict(raw(txs[o].get<std::string>()));
          if (verdict.empty() || verdict == "ok") continue;  // pending, or counted at the next look
          if (verdict != "conflict") return fail(verdict, "the chain refused " + o + "'s approval of " + req.action());
          txs.erase(o);  // a validator change still taking effect: approve again shortly
          continue;
        }
        // Each organisation approves only what its own nodes show is what was asked.
        auto own = net.proposal_seen_by(o, id);
        if (!own) continue;  // not there yet: the next look
        if (!matches(*own))
          return fail("proposal_mismatch", "proposal " + hex(id) + " as " + o + "'s nodes show it is a " +
                                               own->action() + ", not the " + req.action() + " that was asked");
        auto tx = net.approve(o, id);
        if (tx) {
          txs[o] = hex(*tx);
          ctx.output += "approved by " + o + "\n";
        } else {
          // Said once: this workstation cannot sign for `o` (its key is elsewhere
          // or locked); its admin approves on their own.
          json& told = ctx.vars[approvals_key + "_told"];
          if (!told.contains(o)) {
            told[o] = true;
            ctx.output += o + " cannot approve from here (" + tx.error().detail + "); its admin approves with: "
                          "consortia-ctl proposal approve " + hex(id) + " --org " + o + "\n";
          }
        }
      }
      std::string approved_list, pending_list;
      for (const auto& o : approved) approved_list += (approved_list.empty() ? "" : ", ") + o;
      for (const auto& o : pending) pending_list += (pending_list.empty() ? "" : ", ") + o;
      ctx.progress(0.2 + 0.7 * static_cast<double>(approved.size()) / std::max<size_t>(orgs.size(), 1),
                   {"approvals", {req.action(), approved_list, pending_list}});
    }
    if (!pause(ctx, 0.5)) return kCancelled;
  }
  return fail("timed_out", req.action() + " was not enacted within " + std::to_string(static_cast<int>(timeout_s)) +
                               " s");
}

// Waits until `pred` holds (polling), with progress from `fraction`.
StepResult wait_for(StepContext& ctx, double timeout_s, const std::string& what,
                    const std::function<bool(Words&, double&)>& pred) {
  auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(timeout_s);
  Words note;
  double f = 0;
  while (std::chrono::steady_clock::now() < deadline) {
    if (pred(note, f)) return StepResult::done();
    ctx.progress(f, note);
    if (!pause(ctx, 0.5)) return kCancelled;
  }
  return fail("timed_out", what + " (" + std::to_string(static_cast<int>(timeout_s)) + " s)");
}


}  // namespace consortia::console::step
