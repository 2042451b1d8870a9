// Figures derived from history samples for the charts: rates between
// samples, seconds per block, and the network's median over its nodes.
// Toolkit-free.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "model/history.h"

namespace consortia::console {

// Each node's samples, by name.
using SeriesByNode = std::map<std::string, std::vector<Sample>>;

// At most about `points` samples evenly spread over the series (charts over
// days), the last one kept.
std::vector<Sample> thin(std::vector<Sample> v, size_t points);

struct Point {
  int64_t t_ms;
  double v;
};

// Per-second rate of a counter between successive samples; no point across
// a counter that went down (a restarted agent).
std::vector<Point> node_rate(const std::vector<Sample>& s, uint64_t Sample::*counter);
// The network's figure at each time: the median over the nodes, per bucket.
std::vector<Point> network_median(const std::vector<std::vector<Point>>& per_node, int64_t bucket_ms);
// Seconds per block between samples where the height moved.
std::vector<Point> block_interval(const std::vector<Sample>& s);

}  // namespace consortia::console
