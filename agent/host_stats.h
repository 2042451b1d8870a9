// Figures about this process and its files, for status and host info.
#pragma once

#include <chrono>
#include <cstdint>
#include <mutex>
#include <string>

namespace consortia::agent {

// CPU use as a share of one CPU, in percent, from successive readings of a
// CPU-seconds counter (a process's, or what the simulator charged a node).
// Readings less than half a second apart keep the last figure: over less
// the counter's ticks are too coarse. Thread-safe.
class CpuShare {
 public:
  double update(double cpu_seconds);

 private:
  std::mutex mu_;
  double last_cpu_s_ = -1;
  std::chrono::steady_clock::time_point last_at_;
  double last_percent_ = 0;
};

// A moving mean that starts at the first value (commit latency).
inline double moving_mean(double mean, double x) { return mean == 0 ? x : mean * 0.95 + x * 0.05; }

double process_cpu_seconds();
uint64_t process_rss_bytes();
// Bytes in the regular files under `dir` (and its subdirectories when asked).
uint64_t directory_bytes(const std::string& dir, bool recursive);
struct DiskSpace {
  uint64_t free_bytes = 0, total_bytes = 0;
};
DiskSpace disk_space(const std::string& path);

}  // namespace consortia::agent
