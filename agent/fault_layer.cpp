#include "fault_layer.h"

#include <cctype>
#include <chrono>
#include <cstdio>

namespace {
int64_t steady_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

// Runs a command; its exit status and what it printed.
std::pair<int, std::string> run(const std::string& cmd) {
  std::string out;
  FILE* p = popen((cmd + " 2>&1").c_str(), "r");
  if (!p) return {-1, "cannot run " + cmd};
  char buf[512];
  while (fgets(buf, sizeof buf, p)) out += buf;
  int rc = pclose(p);
  while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
  return {rc, out};
}

bool safe_interface(const std::string& s) {
  if (s.empty() || s.size() > 15) return false;
  for (char c : s)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.')) return false;
  return true;
}
}  // namespace

namespace consortia::agent {

Status FaultLayer::set(const std::vector<FaultSpec>& rules, const std::vector<NodeId>& partition,
                       bool replace, uint32_t flap_period_ms) {
  std::vector<std::pair<const FaultSpec*, LinkRule>> parsed;
  for (const auto& r : rules) {
    auto p = parse_link_rule(r.rule);
    if (!p) return make_error(ErrorCode::kInvalidArgument, "rule '" + r.rule + "': " + p.error().detail);
    parsed.emplace_back(&r, *p);
  }
  std::lock_guard lock(mu_);
  if (replace) {
    all_.reset();
    per_peer_.clear();
    partition_.clear();
  }
  for (const auto& [spec, rule] : parsed) {
    std::string text = rule.to_string();
    if (spec->peer) per_peer_[*spec->peer] = {text, rule};
    else all_ = std::make_pair(text, rule);
  }
  partition_.insert(partition.begin(), partition.end());
  if (!partition.empty() || replace) {
    flap_period_ms_ = flap_period_ms;
    flap_start_ms_ = steady_ms();
  }
  return {};
}

uint32_t FaultLayer::flap_period_ms() const {
  std::lock_guard lock(mu_);
  return flap_period_ms_;
}

Status FaultLayer::apply_qdisc(const std::string& interface, const std::string& rule) {
  if (!safe_interface(interface))
    return make_error(ErrorCode::kInvalidArgument, "'" + interface + "' is not an interface name");
  auto parsed = parse_link_rule(rule);
  if (!parsed) return make_error(ErrorCode::kInvalidArgument, "rule '" + rule + "': " + parsed.error().detail);
  const LinkRule& r = *parsed;
  if (r.drop > 0)
    return make_error(ErrorCode::kInvalidArgument,
                      "'drop' is message drop, which only the agent's own fault layer does; a kernel qdisc "
                      "drops packets, which TCP sends again: use 'loss' on an interface");
  bool rate_only = r.rate_bps && !r.delay_us && !r.loss && !r.duplicate && !r.corrupt && !r.reorder;
  std::string qdisc;
  if (rate_only) {
    qdisc = "tbf rate " + std::to_string(r.rate_bps / 1000) + "kbit latency " +
            std::to_string(r.queue_limit_us ? r.queue_limit_us / 1000 : 50) + "ms burst " +
            std::to_string(r.burst_bytes ? r.burst_bytes : 2048);
  } else {
    qdisc = "netem " + r.to_string();
  }
  auto [rc, out] = run("tc qdisc replace dev " + interface + " root " + qdisc);
  if (rc != 0) {
    std::string why = out;
    if (out.find("Specified qdisc") != std::string::npos || out.find("kind") != std::string::npos)
      why = "the kernel has no sch_" + std::string(rate_only ? "tbf" : "netem") +
            " module; use the agent's own fault layer (leave the interface empty) — tc said: " + out;
    else if (out.find("Operation not permitted") != std::string::npos)
      why = "applying a qdisc needs CAP_NET_ADMIN (run the agent as root) — tc said: " + out;
    else if (out.find("Cannot find device") != std::string::npos)
      why = "no interface '" + interface + "' on this host";
    return make_error(ErrorCode::kUnsupportedVersion, why.empty() ? "tc failed" : why);
  }
  std::lock_guard lock(mu_);
  qdiscs_[interface] = qdisc;
  return {};
}

std::vector<std::string> FaultLayer::qdiscs() const {
  std::lock_guard lock(mu_);
  std::vector<std::string> out;
  for (const auto& [dev, q] : qdiscs_) out.push_back(dev + ": " + q);
  return out;
}

void FaultLayer::clear() {
  std::map<std::string, std::string> applied;
  {
    std::lock_guard lock(mu_);
    all_.reset();
    per_peer_.clear();
    partition_.clear();
    flap_period_ms_ = 0;
    applied.swap(qdiscs_);
  }
  for (const auto& [dev, q] : applied) run("tc qdisc del dev " + dev + " root");
}

LinkRule FaultLayer::rule_for(const NodeId& peer) const {
  std::lock_guard lock(mu_);
  LinkRule r = all_ ? all_->second : LinkRule{};
  if (auto it = per_peer_.find(peer); it != per_peer_.end()) r.merge(it->second.second);
  return r;
}

bool FaultLayer::partitioned(const NodeId& peer) const {
  std::lock_guard lock(mu_);
  if (!partition_.count(peer)) return false;
  if (flap_period_ms_ == 0) return true;
  // Flapping: cut for one period, restored for the next.
  return ((steady_ms() - flap_start_ms_) / flap_period_ms_) % 2 == 0;
}

size_t FaultLayer::active() const {
  std::lock_guard lock(mu_);
  return (all_ ? 1 : 0) + per_peer_.size() + partition_.size() + qdiscs_.size();
}

std::vector<FaultSpec> FaultLayer::rules() const {
  std::lock_guard lock(mu_);
  std::vector<FaultSpec> out;
  if (all_) out.push_back({std::nullopt, all_->first});
  for (const auto& [peer, r] : per_peer_) out.push_back({peer, r.first});
  return out;
}

std::vector<NodeId> FaultLayer::partition() const {
  std::lock_guard lock(mu_);
  return {partition_.begin(), partition_.end()};
}

std::vector<LinkEgress::Copy> LinkEgress::shape(const LinkRule& r, const Bytes& frame, int64_t now, bool priority) {
  std::vector<Copy> out;
  auto decided = shaper_.shape(r, frame.size(), now, 0, rng_, egress_, priority, [&](size_t copy, Rng& rng) {
    out.resize(copy + 1);
    out[copy].data = frame;
    LinkShaper::flip_bits(out[copy].data, rng);
  });
  out.resize(decided.copies.size());
  for (size_t i = 0; i < out.size(); ++i) {
    out[i].due = decided.copies[i].due;
    if (!decided.copies[i].corrupted) out[i].data = frame;
  }
  return out;
}

}  // namespace consortia::agent
