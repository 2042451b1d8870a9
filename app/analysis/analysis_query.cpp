#include "analysis/analysis_query.h"

#include <map>
#include <set>

#include "model/analysis.h"

namespace consortia::console {

std::optional<Finding> AnalysisQuery::fork(const NetworkState& s) {
  // Nodes at one height reporting different blocks: bisect for the fork.
  std::map<uint64_t, std::set<std::string>> hashes;
  for (const auto& n : s.nodes)
    if (n.reachable && !n.block_hash_hex.empty()) hashes[n.height].insert(n.block_hash_hex);
  bool split = false;
  for (const auto& [h, set] : hashes) split |= set.size() > 1;
  if (!split) return std::nullopt;
  std::vector<std::string> names;
  std::vector<size_t> live;
  uint64_t common = UINT64_MAX;
  for (size_t i = 0; i < s.nodes.size(); ++i)
    if (s.nodes[i].reachable) {
      names.push_back(s.nodes[i].name);
      live.push_back(i);
      common = std::min(common, s.nodes[i].height);
    }
  HashAt hash_at = [&](size_t k, uint64_t height) -> std::optional<std::string> {
    grpc::ClientContext ctx;
    ctx.set_deadline(AgentLinks::deadline(800));
    v1::BlockRequest r;
    r.set_height(height);
    v1::BlockInfo b;
    if (!links_->viewer(live[k]).GetBlock(&ctx, r, &b).ok()) return std::nullopt;
    return b.hash();
  };
  return find_fork(names, common == UINT64_MAX ? 0 : common, hash_at);
}

void AnalysisQuery::analyse(const NetworkState& s, std::shared_ptr<const SeriesByNode> recent) {
  std::vector<Finding> found = lagging_nodes(s);
  for (auto& f : duplicate_identities(s)) found.push_back(std::move(f));
  if (auto f = fork(s)) found.push_back(*f);
  if (recent && !recent->empty()) {
    auto suspects = storm_suspects(s);
    for (const auto& n : s.nodes) {
      auto it = recent->find(n.name);
      if (it == recent->end()) continue;
      if (auto f = view_change_storm(n.name, it->second, kStormPerMinute)) {
        f->suspects = suspects;
        found.push_back(*f);
      }
    }
  }
  emit findings(found);
}

}  // namespace consortia::console
