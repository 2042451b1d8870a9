#include "model/series.h"

#include <algorithm>
#include <map>

namespace consortia::console {

std::vector<Sample> thin(std::vector<Sample> v, size_t points) {
  if (v.size() <= points) return v;
  std::vector<Sample> out;
  double step = static_cast<double>(v.size()) / static_cast<double>(points);
  for (size_t k = 0; k < points; ++k) out.push_back(v[static_cast<size_t>(static_cast<double>(k) * step)]);
  out.push_back(v.back());
  return out;
}

std::vector<Point> node_rate(const std::vector<Sample>& s, uint64_t Sample::*counter) {
  std::vector<Point> out;
  for (size_t i = 1; i < s.size(); ++i) {
    int64_t dt = s[i].t_ms - s[i - 1].t_ms;
    // A counter that went down is a restarted agent: no rate across it.
    if (dt <= 0 || s[i].*counter < s[i - 1].*counter) continue;
    out.push_back({s[i].t_ms, static_cast<double>(s[i].*counter - s[i - 1].*counter) * 1000.0 / static_cast<double>(dt)});
  }
  return out;
}

std::vector<Point> network_median(const std::vector<std::vector<Point>>& per_node, int64_t bucket_ms) {
  std::map<int64_t, std::vector<double>> buckets;
  for (const auto& series : per_node)
    for (const auto& p : series) buckets[p.t_ms / bucket_ms].push_back(p.v);
  std::vector<Point> out;
  for (auto& [b, v] : buckets) {
    std::nth_element(v.begin(), v.begin() + static_cast<long>(v.size() / 2), v.end());
    out.push_back({b * bucket_ms + bucket_ms / 2, v[v.size() / 2]});
  }
  return out;
}

std::vector<Point> block_interval(const std::vector<Sample>& s) {
  std::vector<Point> out;
  size_t last = 0;
  for (size_t i = 1; i < s.size(); ++i) {
    if (s[i].height < s[last].height) {  // restarted from genesis (a simulated network)
      last = i;
      continue;
    }
    if (s[i].height == s[last].height) continue;
    double dt = static_cast<double>(s[i].t_ms - s[last].t_ms) / 1000.0;
    out.push_back({s[i].t_ms, dt / static_cast<double>(s[i].height - s[last].height)});
    last = i;
  }
  return out;
}

}  // namespace consortia::console
