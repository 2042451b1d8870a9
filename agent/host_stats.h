// Figures about this process and its files, for status and host info.
#pragma once

#include <chrono>
#include <cstdint>
#include <mutex>
#include <string>

namespace consortia::agent {

// This process's CPU use since the previous reading, in percent of one CPU.
class ProcessCpu {
 public:
  double percent();

 private:
  std::mutex mu_;
  double last_cpu_s_ = -1;
  std::chrono::steady_clock::time_point last_at_;
  double last_percent_ = 0;
};

uint64_t process_rss_bytes();
// Bytes in the regular files under `dir` (and its subdirectories when asked).
uint64_t directory_bytes(const std::string& dir, bool recursive);
struct DiskSpace {
  uint64_t free_bytes = 0, total_bytes = 0;
};
DiskSpace disk_space(const std::string& path);

}  // namespace consortia::agent
