#include "agents/api_adapter.h"

#include <algorithm>
#include <cstdint>
#include <nlohmann/json.hpp>

#include "core/bytes.h"

namespace consortia::console {

std::string hex_of(const std::string& raw) {
  return to_hex(ByteView(reinterpret_cast<const uint8_t*>(raw.data()), raw.size()));
}

std::string raw_of(const std::string& hex) {
  Bytes b;
  if (!from_hex(hex, b)) return {};
  return std::string(b.begin(), b.end());
}

void apply_status(const v1::NodeStatus& st, NodeState& n) {
  if (n.organisation.empty()) n.organisation = st.organisation();
  if (n.id_hex.empty()) n.id_hex = hex_of(st.node_id());
  n.role = st.role();
  n.height = st.height();
  n.view = st.view();
  n.view_changes = st.view_changes();
  n.mempool = st.mempool_size();
  n.best_peer_height = st.best_peer_height();
  n.syncing = st.syncing();
  n.protocol_version = st.protocol_version();
  n.validators = st.validators();
  n.leader_hex = hex_of(st.leader());
  n.block_hash_hex = hex_of(st.block_hash());
  n.halted = st.halted();
  n.last_block_time_ms = static_cast<int64_t>(st.last_block_time_ms());
  n.peers.clear();
  for (const auto& p : st.peers()) {
    n.peers.push_back({hex_of(p.node_id()), p.name(), p.connected(), p.rtt_ms(), p.loss(), p.sent_bytes(),
                       p.received_bytes(), p.dropped(), p.fault_rule(), p.duplicate_address()});
    n.peers.back().address = p.address();
  }
  // In natural order of their names (node-2 before node-10), as the nodes table sorts them.
  std::vector<std::pair<std::string, PeerState>> keyed;
  for (auto& p : n.peers) keyed.emplace_back(natural_key(p.name), std::move(p));
  std::stable_sort(keyed.begin(), keyed.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  for (size_t i = 0; i < keyed.size(); ++i) n.peers[i] = std::move(keyed[i].second);
  n.committed_txs = st.committed_txs();
  n.latency_ms = st.commit_latency_ms();
  n.cpu_percent = st.cpu_percent();
  n.rss_bytes = st.rss_bytes();
  n.simulated = st.simulated();
  n.memory_share_bytes = st.memory_share_bytes();
  n.agent_version = st.agent_version();
  n.binary_sha256 = st.binary_sha256();
  n.min_protocol = st.min_protocol_version();
  n.max_protocol = st.max_protocol_version();
  n.staged_versions.assign(st.staged_versions().begin(), st.staged_versions().end());
  n.supervised = st.supervised();
  n.disk_used_bytes = st.disk_used_bytes();
  n.disk_free_bytes = st.disk_free_bytes();
  n.disk_total_bytes = st.disk_total_bytes();
  n.certificate_expires_s = st.certificate_expires();
  n.equivocations.clear();
  for (const auto& e : st.equivocations())
    n.equivocations.push_back({hex_of(e.offender()), e.offender_name(), e.offender_organisation(), e.kind(), e.view(),
                               e.offender_is_validator()});
}

ProposalView proposal_view(const v1::ProposalInfo& p) {
  ProposalView v;
  v.id_hex = hex_of(p.id());
  v.action = p.action();
  if (!p.node_id().empty()) v.target = hex_of(p.node_id());
  else if (p.action() == "add-observer") v.target = p.name() + " (" + p.organisation() + ")";
  else if (p.action() == "upgrade")
    v.target = p.plan() + " → " + std::to_string(p.version()) + " @ " + std::to_string(p.height());
  else if (p.action() == "revoke-certificate")
    v.target = hex_of(p.certificate_sha256()).substr(0, 16) + " (" + p.organisation() + ")";
  else v.target = p.plan();
  v.proposer = p.proposer_organisation();
  v.status = p.status();
  for (const auto& a : p.approvals()) v.approvals.push_back(a);
  v.created = p.created();
  v.expires = p.expires();
  return v;
}

BlockSummary block_summary(const v1::BlockInfo& b) {
  BlockSummary s;
  s.height = b.height();
  s.view = b.view();
  s.timestamp_ms = b.timestamp_ms();
  s.hash_hex = hex_of(b.hash());
  s.parent_hash_hex = hex_of(b.parent_hash());
  s.proposer_hex = hex_of(b.proposer());
  s.state_root_hex = hex_of(b.state_root());
  s.tx_root_hex = hex_of(b.tx_root());
  s.validator_set_hash_hex = hex_of(b.validator_set_hash());
  s.protocol_version = b.protocol_version();
  s.qc_signatures = b.qc_signatures();
  for (const auto& id : b.tx_ids()) s.tx_ids_hex.push_back(hex_of(id));
  return s;
}

TxSummary tx_summary(const v1::TransactionInfo& t) {
  return {hex_of(t.id()), hex_of(t.sender()), t.height(), t.nonce(), t.kind(), t.refused()};
}

HostFacts host_facts(const v1::HostInfo& h) {
  HostFacts f;
  f.hostname = h.hostname();
  f.agent_version = h.agent_version();
  f.suite = h.suite();
  f.simulated = h.simulated();
  f.min_protocol_version = h.min_protocol_version();
  f.max_protocol_version = h.max_protocol_version();
  f.cpus = h.cpus();
  f.load_1m = h.load_1m();
  f.memory_total_bytes = h.memory_total_bytes();
  f.memory_available_bytes = h.memory_available_bytes();
  f.process_rss_bytes = h.process_rss_bytes();
  f.disk_total_bytes = h.disk_total_bytes();
  f.disk_free_bytes = h.disk_free_bytes();
  f.data_dir_bytes = h.data_dir_bytes();
  f.uptime_s = h.uptime_s();
  return f;
}

AuditEntry audit_entry(const std::string& json_line) {
  AuditEntry e;
  // An audit entry is one flat object of short fields: anything longer or
  // deeper is not one, and is shown (cut) as text rather than parsed.
  constexpr size_t kMaxLine = 16 * 1024;
  if (json_line.size() > kMaxLine) {
    e.detail = json_line.substr(0, 256) + "…";
    return e;
  }
  nlohmann::json::parser_callback_t flat = [](int depth, nlohmann::json::parse_event_t, nlohmann::json&) {
    return depth <= 1;
  };
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(json_line, flat, false);
  } catch (const std::exception&) {
    j = nlohmann::json(nlohmann::json::value_t::discarded);
  }
  if (j.is_discarded() || !j.is_object()) {
    e.detail = json_line;
    return e;
  }
  auto text = [&](const char* key) {
    auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
  };
  if (auto it = j.find("time_ms"); it != j.end() && (it->is_number_integer()))
    e.time_ms = it->is_number_unsigned() ? static_cast<int64_t>(std::min<uint64_t>(it->get<uint64_t>(), INT64_MAX))
                                         : it->get<int64_t>();
  e.time = text("time");
  e.who = text("who");
  e.organisation = text("organisation");
  e.role = text("role");
  e.call = text("call");
  e.detail = text("detail");
  e.result = text("result");
  return e;
}

}  // namespace consortia::console
