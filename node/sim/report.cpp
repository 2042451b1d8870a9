#include "sim/report.h"

#include <algorithm>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <sstream>

namespace consortia::sim {

bool Report::passed(const Scenario& s) const {
  bool safe = safety_violations.empty();
  if (s.expect_safety && !safe) return false;
  if (s.expect_liveness && !liveness_ok) return false;
  if (!s.expect_governance.empty()) {
    if (governance.size() != s.expect_governance.size()) return false;
    for (size_t i = 0; i < governance.size(); ++i)
      if (governance[i].second != s.expect_governance[i]) return false;
  }
  if (s.expect_halted) {
    std::vector<int> got;
    for (const auto& [i, why] : halted) got.push_back(i);
    std::vector<int> want = *s.expect_halted;
    std::sort(want.begin(), want.end());
    if (got != want) return false;
  }
  return true;
}

std::string Report::to_json() const {
  nlohmann::json j;
  j["nodes"] = nodes;
  j["instances"] = instances;
  j["seed"] = seed;
  j["scenario"] = scenario;
  j["suite"] = suite;
  j["crypto"] = modelled_crypto ? "modelled" : "real";
  j["simulated_seconds"] = simulated_seconds;
  j["committed_blocks"] = committed_blocks;
  j["committed_txs"] = committed_txs;
  j["submitted_txs"] = submitted_txs;
  j["throughput_tps"] = throughput_tps;
  j["latency_ms"] = {{"p50", latency_p50_ms}, {"p99", latency_p99_ms}, {"max", latency_max_ms}};
  if (settled.measured)
    j["after_first_minute"] = {{"submitted_txs", settled.submitted},
                               {"committed_txs", settled.committed},
                               {"latency_ms", {{"p50", settled.p50_ms}, {"p99", settled.p99_ms}}}};
  j["view_changes"] = view_changes;
  j["reoffered_txs"] = reoffered_txs;
  j["messages_per_block"] = messages_per_block;
  nlohmann::json traffic = nlohmann::json::object();
  for (const auto& [type, cb] : traffic_by_type) traffic[type] = {{"messages", cb.first}, {"bytes", cb.second}};
  j["traffic_by_type"] = traffic;
  j["bytes_per_block"] = bytes_per_block;
  j["network"] = {{"dropped", dropped},
                  {"duplicated", duplicated},
                  {"corrupted", corrupted},
                  {"corrupted_undecodable", corrupted_rejected},
                  {"retransmitted_packets", retransmitted}};
  j["rejected_inputs"] = rejected_inputs;
  j["equivocations_detected"] = equivocations_detected;
  j["refused_txs"] = refused_txs;
  j["byzantine"] = nlohmann::json::array();
  for (const auto& [v, kind] : byzantine) j["byzantine"].push_back({{"validator", v}, {"kind", kind}});
  j["crashes"] = crashes;
  j["restarts"] = restarts;
  j["events"] = events;
  char digest[17];
  std::snprintf(digest, sizeof digest, "%016llx", static_cast<unsigned long long>(trace_digest));
  j["trace_digest"] = digest;
  j["min_honest_height"] = min_honest_height;
  nlohmann::json v = nlohmann::json::array();
  for (const auto& x : safety_violations)
    v.push_back({{"kind", x.kind}, {"at_s", x.at_s}, {"height", x.height}, {"detail", x.detail}});
  j["safety_violations"] = v;
  j["liveness_ok"] = liveness_ok;
  if (!liveness_ok) j["liveness_detail"] = liveness_detail;
  nlohmann::json g = nlohmann::json::array();
  for (const auto& [what, result] : governance) g.push_back({{"proposal", what}, {"result", result}});
  j["governance"] = g;
  nlohmann::json hj = nlohmann::json::array();
  for (const auto& [i, why] : halted) hj.push_back({{"instance", i}, {"reason", why}});
  j["halted"] = hj;
  j["log"] = log;
  j["final_protocol_version"] = final_version;
  j["final_validators"] = final_validators;
  j["qc_signatures"] = qc_signatures;
  return j.dump();
}

std::string Report::to_text(double wall_seconds) const {
  std::ostringstream o;
  o.setf(std::ios::fixed);
  o.precision(1);
  o << "scenario " << scenario << ": " << nodes << " validators (" << instances
    << " instances), suite " << suite << (modelled_crypto ? " (modelled crypto)" : "")
    << ", seed " << seed << "\n";
  if (!byzantine.empty()) {
    o << "  Byzantine:";
    for (size_t i = 0; i < byzantine.size(); ++i)
      o << (i ? ", " : " ") << "validator " << byzantine[i].first << " " << byzantine[i].second;
    o << "\n";
  }
  o << "  simulated " << simulated_seconds << " s";
  if (wall_seconds > 0) o << " in " << wall_seconds << " s wall";
  o << ", " << events << " events\n";
  o << "  committed " << committed_blocks << " blocks, " << committed_txs << " of "
    << submitted_txs << " transactions; throughput " << throughput_tps << " tx/s\n";
  if (committed_txs == 0)
    o << "  latency: no transaction committed\n";
  else
    o << "  latency p50 " << latency_p50_ms << " ms, p99 " << latency_p99_ms << " ms, max "
      << latency_max_ms << " ms\n";
  if (submitted_txs > 0 && committed_txs < submitted_txs / 2)
    o << "  note: under half the submitted transactions committed; \"liveness ok\" only says\n"
         "  every honest node committed again, not that the chain kept up with the load\n";
  if (settled.measured)
    o << "  after the first minute: " << settled.committed << " of " << settled.submitted
      << " transactions; latency p50 " << settled.p50_ms << " ms, p99 " << settled.p99_ms << " ms\n";
  o << "  view changes " << view_changes << ", " << messages_per_block
    << " consensus messages and " << bytes_per_block / 1024 << " KiB per block\n";
  if (reoffered_txs > 0)
    o << "  " << reoffered_txs << " transactions offered again (their senders made no progress)\n";
  o << "  network: " << dropped << " dropped, " << retransmitted << " packets retransmitted, " << duplicated
    << " duplicated, " << corrupted << " corrupted; " << rejected_inputs << " inputs rejected, " << equivocations_detected
    << " equivocations detected; " << refused_txs << " transactions refused; " << crashes << " crashes, " << restarts << " restarts\n";
  if (safety_violations.empty()) o << "  safety: ok\n";
  for (const auto& v : safety_violations)
    o << "  SAFETY VIOLATION " << v.kind << " at height " << v.height << " (" << v.at_s
      << " s): " << v.detail << "\n";
  o << "  liveness: " << (liveness_ok ? "ok" : "FAILED: " + liveness_detail) << "\n";
  for (const auto& [what, result] : governance) o << "  governance " << what << ": " << result << "\n";
  for (const auto& [i, why] : halted) o << "  node " << i << " halted: " << why << "\n";
  for (const auto& l : log) o << "  " << l << "\n";
  if (!governance.empty() || !halted.empty())
    o << "  ended with " << final_validators << " validators at protocol version " << final_version << "\n";
  return o.str();
}

}  // namespace consortia::sim
