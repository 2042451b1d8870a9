#include "model/recording.h"

#include <nlohmann/json.hpp>

namespace consortia::console {

using json = nlohmann::json;

std::string recording_to_json(const Recording& r) {
  json j;
  j["format"] = "consortia-recording/1";
  j["note"] = r.note;
  j["at_ms"] = r.state.at_ms;
  j["nodes"] = json::array();
  for (const auto& n : r.state.nodes) {
    json peers = json::array();
    for (const auto& p : n.peers)
      peers.push_back({{"id", p.id_hex}, {"name", p.name}, {"connected", p.connected}, {"rtt_ms", p.rtt_ms},
                       {"loss", p.loss}, {"fault_rule", p.fault_rule}});
    j["nodes"].push_back({{"name", n.name},
                          {"organisation", n.organisation},
                          {"id", n.id_hex},
                          {"reachable", n.reachable},
                          {"error", n.error},
                          {"polled_ms", n.polled_ms},
                          {"role", n.role},
                          {"height", n.height},
                          {"view", n.view},
                          {"view_changes", n.view_changes},
                          {"best_peer_height", n.best_peer_height},
                          {"protocol_version", n.protocol_version},
                          {"validators", n.validators},
                          {"leader", n.leader_hex},
                          {"block_hash", n.block_hash_hex},
                          {"halted", n.halted},
                          {"peers", peers}});
  }
  j["samples"] = json::object();
  for (const auto& [node, v] : r.samples) {
    json rows = json::array();
    for (const auto& s : v)
      rows.push_back({s.t_ms, s.height, s.view, s.view_changes, s.reachable ? 1 : 0, s.committed_txs, s.peers});
    j["samples"][node] = rows;
  }
  j["sample_columns"] = {"t_ms", "height", "view", "view_changes", "reachable", "committed_txs", "peers"};
  j["chains"] = r.chains;
  j["fork_heights"] = r.fork_heights;
  return j.dump(1);
}

std::optional<Recording> recording_from_json(const std::string& text, std::string* error) {
  auto j = json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object() || j.value("format", "") != "consortia-recording/1") {
    if (error) *error = "not a consortia recording";
    return std::nullopt;
  }
  try {
    Recording r;
    r.note = j.value("note", "");
    r.state.at_ms = j.value("at_ms", int64_t{0});
    for (const auto& n : j.at("nodes")) {
      NodeState s;
      s.name = n.at("name");
      s.organisation = n.value("organisation", "");
      s.id_hex = n.value("id", "");
      s.reachable = n.value("reachable", false);
      s.error = n.value("error", "");
      s.polled_ms = n.value("polled_ms", int64_t{0});
      s.role = n.value("role", "");
      s.height = n.value("height", uint64_t{0});
      s.view = n.value("view", uint64_t{0});
      s.view_changes = n.value("view_changes", uint64_t{0});
      s.best_peer_height = n.value("best_peer_height", uint64_t{0});
      s.protocol_version = n.value("protocol_version", 0u);
      s.validators = n.value("validators", 0u);
      s.leader_hex = n.value("leader", "");
      s.block_hash_hex = n.value("block_hash", "");
      s.halted = n.value("halted", "");
      const json peers = n.value("peers", json::array());
      for (const auto& p : peers) {
        PeerState ps;
        ps.id_hex = p.value("id", "");
        ps.name = p.value("name", "");
        ps.connected = p.value("connected", false);
        ps.rtt_ms = p.value("rtt_ms", 0.0);
        ps.loss = p.value("loss", 0.0);
        ps.fault_rule = p.value("fault_rule", "");
        s.peers.push_back(ps);
      }
      r.state.nodes.push_back(std::move(s));
    }
    const json samples = j.value("samples", json::object());  // items() must not outlive it
    for (const auto& [node, rows] : samples.items())
      for (const auto& x : rows) {
        Sample s;
        s.t_ms = x.at(0);
        s.height = x.at(1);
        s.view = x.at(2);
        s.view_changes = x.at(3);
        s.reachable = x.at(4) != 0;
        s.committed_txs = x.at(5);
        s.peers = x.at(6);
        r.samples[node].push_back(s);
      }
    r.chains = j.value("chains", std::map<std::string, std::vector<std::string>>{});
    r.fork_heights = j.value("fork_heights", std::vector<uint64_t>{});
    return r;
  } catch (const json::exception& e) {
    if (error) *error = std::string("damaged recording: ") + e.what();
    return std::nullopt;
  }
}

}  // namespace consortia::console
