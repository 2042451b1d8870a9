#include "lifecycle/network_access.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <future>
#include <map>
#include <set>
#include <tuple>

#include "agents/api_adapter.h"
#include "consensus/equivocation.h"
#include "crypto/crypto_suite.h"
#include "channel.h"
#include "model/clock.h"
#include "sandbox_launcher.h"

namespace consortia::console {
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

void deadline(grpc::ClientContext& ctx, double s) {
  ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::milliseconds(static_cast<int64_t>(s * 1000)));
}

Error rpc_error(const grpc::Status& st) {
  // Agents put the reason code first: "quorum_at_risk: ...".
  return make_error(st.error_code() == grpc::StatusCode::PERMISSION_DENIED ? ErrorCode::kUnauthorised
                                                                           : ErrorCode::kUnavailable,
                    st.error_message());
}

}  // namespace

Result<std::unique_ptr<NetworkAccess>> NetworkAccess::open(const std::string& dir, const std::string& agent_binary) {
  std::unique_ptr<NetworkAccess> n(new NetworkAccess());
  n->agent_binary_ = agent_binary;
  n->info_.dir = fs::absolute(dir).string();
  if (auto st = n->reload(); !st) return st.error();
  return n;
}

Status NetworkAccess::reload() {
  auto info = agent::load_network(info_.dir);
  if (!info) return info.error();
  info_ = *info;
  auto text = agent::read_file(info_.dir + "/network.json");
  if (!text) return text.error();
  raw_ = json::parse(*text, nullptr, false);
  if (raw_.is_discarded()) return make_error(ErrorCode::kMalformed, info_.dir + "/network.json is damaged");
  return {};
}

std::optional<agent::NetworkEndpoint> NetworkAccess::node(const std::string& name) const {
  for (const auto& n : info_.nodes)
    if (n.name == name) return n;
  return std::nullopt;
}

NodePlace NetworkAccess::place(const std::string& name) const {
  NodePlace p;
  p.dir = info_.dir + "/nodes/" + name;
  p.agent = agent_binary_;
  for (const auto& n : raw_.value("nodes", json::array()))
    if (n.value("name", "") == name) {
      p.host = n.value("host", "local");
      p.dir = n.value("dir", p.dir);
      p.agent = n.value("agent", p.agent);
    }
  return p;
}

std::vector<std::string> NetworkAccess::organisations() const {
  std::vector<std::string> out;
  for (const auto& o : raw_.value("organisations", json::array())) out.push_back(o.value("id", ""));
  return out;
}

std::unique_ptr<pb::AgentService::Stub> NetworkAccess::client(const agent::NetworkEndpoint& node,
                                                              const std::string& org,
                                                              const std::string& role) const {
  auto id = agent::load_client_identity(info_, org, role);
  if (!id) return nullptr;
  return pb::AgentService::NewStub(agent::agent_channel(node.api_address, node.name, *id, node.organisation));
}

Result<pb::NodeStatus> NetworkAccess::status(const std::string& name, double deadline_s) const {
  auto n = node(name);
  if (!n) return make_error(ErrorCode::kNotFound, "no node '" + name + "' in " + info_.dir);
  auto orgs = organisations();
  auto c = client(*n, n->organisation, "viewer");
  if (!c && !orgs.empty()) c = client(*n, orgs.front(), "viewer");
  if (!c) return make_error(ErrorCode::kNotFound, "no viewer certificate in " + info_.dir);
  grpc::ClientContext ctx;
  deadline(ctx, deadline_s);
  pb::NodeStatus st;
  auto s = c->GetStatus(&ctx, pb::StatusRequest(), &st);
  if (!s.ok()) return rpc_error(s);
  return st;
}

NetworkState NetworkAccess::poll(double deadline_s) const {
  NetworkState out;
  out.at_ms = wall_ms();
  std::vector<std::future<NodeState>> answers;
  for (const auto& n : info_.nodes)
    answers.push_back(std::async(std::launch::async, [this, n, deadline_s] {
      NodeState s;
      s.name = n.name;
      s.organisation = n.organisation;
      s.api_address = n.api_address;
      s.metrics_address = n.metrics_address;
      s.id_hex = n.id.hex();
      auto st = status(n.name, deadline_s);
      if (st) {
        apply_status(*st, s);
        s.reachable = true;
        s.polled_ms = wall_ms();
      } else {
        s.error = st.error().detail;
      }
      return s;
    }));
  for (auto& a : answers) out.nodes.push_back(a.get());
  out.poll_ms = wall_ms() - out.at_ms;
  return out;
}

NetworkAccess::Equivocations NetworkAccess::equivocations(double deadline_s) const {
  std::vector<std::future<std::pair<std::string, std::optional<pb::Equivocations>>>> answers;
  for (const auto& n : info_.nodes)
    answers.push_back(std::async(std::launch::async, [this, n, deadline_s] {
      std::optional<pb::Equivocations> got;
      if (auto c = client(n, n.organisation, "viewer")) {
        grpc::ClientContext ctx;
        deadline(ctx, deadline_s);
        pb::Equivocations list;
        if (c->ListEquivocations(&ctx, pb::EquivocationsRequest(), &list).ok()) got = std::move(list);
      }
      return std::make_pair(n.name, std::move(got));
    }));
  const CryptoSuite* suite = nullptr;
  if (auto s = suite_by_name(info_.suite)) suite = *s;
  Equivocations out;
  std::map<std::tuple<std::string, uint64_t, std::string>, size_t> index;
  // Why a copy does not prove what its summary says, or "" when it does.
  auto check = [&](const pb::Equivocation& e, std::optional<Equivocation>& decoded) -> std::string {
    if (!suite || !info_.chain_id) return "the network directory has no genesis to check it against";
    auto d = Equivocation::decode(as_bytes(e.encoded()));
    if (!d) return "unreadable evidence: " + d.error().detail;
    if (std::string(d->offender.v.begin(), d->offender.v.end()) != e.offender() || d->view != e.view() ||
        equivocation_kind_name(d->kind) != e.kind())
      return "the evidence is not what its summary says";
    if (std::none_of(info_.nodes.begin(), info_.nodes.end(), [&](const auto& n) { return n.id == d->offender; }))
      return "the offender is no node of this network directory";
    Bytes key(e.offender_public_key().begin(), e.offender_public_key().end());
    if (auto st = d->verify(*suite, *info_.chain_id, key); !st) return st.error().detail;
    decoded = std::move(*d);
    return "";
  };
  for (auto& a : answers) {
    auto [name, got] = a.get();
    if (!got) {
      out.not_answering.push_back(name);
      continue;
    }
    for (const auto& e : got->equivocations()) {
      auto key = std::make_tuple(e.offender(), e.view(), e.kind());
      auto it = index.find(key);
      if (it == index.end()) {
        it = index.emplace(key, out.pieces.size()).first;
        ReportedEquivocation r;
        r.offender_hex = hex_of(e.offender());
        r.offender_name = "node " + r.offender_hex.substr(0, 16);
        r.kind = e.kind();
        r.view = e.view();
        out.pieces.push_back(std::move(r));
      }
      ReportedEquivocation& r = out.pieces[it->second];
      r.offender_is_validator |= e.offender_is_validator();
      std::optional<Equivocation> d;
      std::string why = check(e, d);
      if (!why.empty()) {
        if (!r.verified) {
          r.held_by.push_back(name);
          r.why_not = why;
        }
        continue;
      }
      if (!r.verified) {
        r.held_by.clear();  // from now on, the nodes whose copy verified
        r.verified = true;
        r.why_not.clear();
        r.first_block_hex = d->first.hex();
        r.second_block_hex = d->second.hex();
        r.first_height = d->first_height;
        r.second_height = d->second_height;
        r.encoded = e.encoded();
        for (const auto& n : info_.nodes)
          if (n.id == d->offender) {
            r.offender_name = n.name;
            r.organisation = n.organisation;
          }
      }
      r.held_by.push_back(name);
    }
  }
  return out;
}

void NetworkAccess::set_admin_passphrase(const std::string& p, const std::string& org) {
  std::lock_guard<std::mutex> l(keys_mu_);
  admin_passphrases_[org] = p;
  admin_keys_.clear();
}

std::string NetworkAccess::governance_key_file(const std::string& org) const {
  return info_.dir + "/orgs/" + org + "/governance.key";
}

Result<std::shared_ptr<const agent::AdminKey>> NetworkAccess::admin_key(const std::string& org) const {
  std::lock_guard<std::mutex> l(keys_mu_);
  if (auto it = admin_keys_.find(org); it != admin_keys_.end()) return it->second;
  std::string pass = agent::admin_passphrase_from_environment();
  if (auto it = admin_passphrases_.find(""); it != admin_passphrases_.end()) pass = it->second;
  if (auto it = admin_passphrases_.find(org); it != admin_passphrases_.end()) pass = it->second;
  auto key = agent::AdminKey::open(governance_key_file(org), pass);
  if (!key) return key.error();
  auto k = std::make_shared<const agent::AdminKey>(std::move(*key));
  admin_keys_[org] = k;
  return k;
}

Result<std::string> NetworkAccess::govern(const std::string& org, const GovOp& op) const {
  auto key = admin_key(org);
  if (!key) return key.error();
  if (!info_.chain_id)
    return make_error(ErrorCode::kNotFound, "no genesis.json in " + info_.dir +
                                                ": the chain that governance transactions are signed for is unknown");
  // The organisation's agents take it; one of another organisation's
  // witnesses the nonce (its own agents could claim one past a gap).
  std::vector<std::unique_ptr<pb::AgentService::Stub>> own, witnesses;
  for (const auto& n : ordered(org)) {
    if (n.organisation == org) {
      auto c = client(n, org, "admin");
      if (!c) return make_error(ErrorCode::kUnauthorised, "no admin certificate of " + org + " in " + info_.dir);
      own.push_back(std::move(c));
    } else if (auto c = client(n, org, "viewer")) {
      witnesses.push_back(std::move(c));
    }
  }
  if (own.empty()) return make_error(ErrorCode::kNotFound, "no node of " + org + " in " + info_.dir);
  auto raw = [](const std::vector<std::unique_ptr<pb::AgentService::Stub>>& v) {
    std::vector<pb::AgentService::Stub*> out;
    for (const auto& s : v) out.push_back(s.get());
    return out;
  };
  auto id = agent::sign_and_submit(raw(own), raw(witnesses), **key, TxChain{*info_.chain_id, info_.genesis_protocol}, op);
  if (!id) return make_error(id.error().code, org + ": " + id.error().detail);
  return std::string(id->v.begin(), id->v.end());
}

Result<std::string> NetworkAccess::propose(const std::string& org, const pb::ProposeRequest& p) const {
  auto op = agent::governance_proposal(p);
  if (!op) return op.error();
  return govern(org, *op);
}

Result<std::string> NetworkAccess::withdraw(const std::string& org, const std::string& id) const {
  return vote(org, id, true);
}

Result<std::string> NetworkAccess::vote(const std::string& org, const std::string& id, bool withdraw) const {
  if (id.size() != 32) return make_error(ErrorCode::kInvalidArgument, "a proposal id has 32 bytes");
  Hash32 h;
  std::copy(id.begin(), id.end(), h.v.begin());
  return govern(org, agent::governance_vote(h, withdraw));
}

std::vector<agent::NetworkEndpoint> NetworkAccess::ordered(const std::string& avoid) const {
  std::vector<agent::NetworkEndpoint> out;
  for (const auto& n : info_.nodes)
    if (n.organisation != avoid) out.push_back(n);
  for (const auto& n : info_.nodes)
    if (n.organisation == avoid) out.push_back(n);
  return out;
}

Result<pb::Proposals> NetworkAccess::proposals_on(const agent::NetworkEndpoint& n) const {
  auto c = client(n, n.organisation, "viewer");
  if (!c) return make_error(ErrorCode::kNotFound, "no viewer certificate of " + n.organisation);
  grpc::ClientContext ctx;
  deadline(ctx, 3);
  pb::Proposals all;
  auto s = c->ListProposals(&ctx, pb::ProposalsRequest(), &all);
  if (!s.ok()) return make_error(ErrorCode::kUnavailable, s.error_message());
  return all;
}

Result<std::vector<pb::ProposalInfo>> NetworkAccess::proposals(const std::string& avoid) const {
  std::string last = "no node answers";
  for (const auto& n : ordered(avoid)) {
    auto all = proposals_on(n);
    if (!all) {
      if (all.error().code == ErrorCode::kUnavailable) last = all.error().detail;
      continue;
    }
    return std::vector<pb::ProposalInfo>(all->proposals().begin(), all->proposals().end());
  }
  return make_error(ErrorCode::kUnavailable, last);
}

Result<pb::ProposalInfo> NetworkAccess::proposal(const std::string& id, const std::string& avoid) const {
  auto all = proposals(avoid);
  if (!all) return all.error();
  for (const auto& p : *all)
    if (p.id() == id) return p;
  return make_error(ErrorCode::kNotFound, "no such proposal (yet)");
}

Result<pb::ProposalInfo> NetworkAccess::proposal_seen_by(const std::string& org, const std::string& id) const {
  bool any = false;
  std::string last = "no node of " + org + " answers";
  for (const auto& n : info_.nodes) {
    if (n.organisation != org) continue;
    any = true;
    auto all = proposals_on(n);
    if (!all) {
      if (all.error().code == ErrorCode::kUnavailable) last = all.error().detail;
      continue;
    }
    for (const auto& p : all->proposals())
      if (p.id() == id) return p;
    return make_error(ErrorCode::kNotFound, "no such proposal on " + org + "'s node (yet)");
  }
  if (!any) return proposal(id);  // an organisation without nodes of its own
  return make_error(ErrorCode::kUnavailable, last);
}

std::string NetworkAccess::verdict(const std::string& tx_id, const std::string& avoid) const {
  for (const auto& n : ordered(avoid)) {
    auto c = client(n, n.organisation, "viewer");
    if (!c) continue;
    grpc::ClientContext ctx;
    deadline(ctx, 3);
    pb::TransactionRequest req;
    req.set_id(tx_id);
    pb::TransactionInfo t;
    if (!c->GetTransaction(&ctx, req, &t).ok()) continue;
    if (!t.refused().empty()) return t.refused();
    return t.height() > 0 ? "ok" : "";
  }
  return "";
}

Status NetworkAccess::record_node(const json& entry) {
  json nodes = json::array();
  bool replaced = false;
  for (const auto& n : raw_.value("nodes", json::array())) {
    if (n.value("name", "") == entry.value("name", "")) {
      nodes.push_back(entry);
      replaced = true;
    } else {
      nodes.push_back(n);
    }
  }
  if (!replaced) nodes.push_back(entry);
  json next = raw_;
  next["nodes"] = nodes;
  if (auto st = agent::write_file(info_.dir + "/network.json", next.dump(2) + "\n"); !st) return st;
  return reload();
}

Status NetworkAccess::forget_node(const std::string& name) {
  json nodes = json::array();
  for (const auto& n : raw_.value("nodes", json::array()))
    if (n.value("name", "") != name) nodes.push_back(n);
  json next = raw_;
  next["nodes"] = nodes;
  if (auto st = agent::write_file(info_.dir + "/network.json", next.dump(2) + "\n"); !st) return st;
  return reload();
}

std::string health_word(const NodeState& n, uint64_t network_height, int64_t now) {
  switch (health_of(n, network_height, now)) {
    case Health::kUnreachable: return "unreachable";
    case Health::kHalted: return "halted";
    case Health::kLagging: return n.syncing ? "syncing" : "lagging";
    case Health::kSynced: return n.syncing && n.height + 1 < network_height ? "syncing" : "synced";
  }
  return "unreachable";
}

}  // namespace consortia::console
