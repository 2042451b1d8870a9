#include "host_stats.h"

#include <sys/statvfs.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace consortia::agent {

double ProcessCpu::percent() {
  std::ifstream in("/proc/self/stat");
  std::string line;
  std::getline(in, line);
  // Fields after the command (which may hold spaces) start after ')'.
  auto close = line.rfind(')');
  if (close == std::string::npos) return 0;
  std::istringstream f(line.substr(close + 2));
  std::string skip;
  for (int i = 0; i < 11; ++i) f >> skip;  // state .. cmajflt
  double utime = 0, stime = 0;
  f >> utime >> stime;
  double cpu_s = (utime + stime) / static_cast<double>(sysconf(_SC_CLK_TCK));
  auto now = std::chrono::steady_clock::now();
  std::lock_guard lock(mu_);
  double wall = std::chrono::duration<double>(now - last_at_).count();
  // Over less than half a second the clock ticks are too coarse: keep the last figure.
  if (last_cpu_s_ >= 0 && wall >= 0.5) {
    last_percent_ = 100.0 * (cpu_s - last_cpu_s_) / wall;
    last_cpu_s_ = cpu_s;
    last_at_ = now;
  } else if (last_cpu_s_ < 0) {
    last_cpu_s_ = cpu_s;
    last_at_ = now;
  }
  return last_percent_;
}

uint64_t process_rss_bytes() {
  std::ifstream statm("/proc/self/statm");
  uint64_t pages = 0, resident = 0;
  statm >> pages >> resident;
  return resident * static_cast<uint64_t>(sysconf(_SC_PAGESIZE));
}

uint64_t directory_bytes(const std::string& dir, bool recursive) {
  namespace fs = std::filesystem;
  uint64_t used = 0;
  std::error_code ec;
  auto add = [&](const fs::directory_entry& e) {
    if (e.is_regular_file(ec)) used += e.file_size(ec);
  };
  if (recursive) {
    for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec))
      add(*it);
  } else {
    for (auto it = fs::directory_iterator(dir, ec); !ec && it != fs::directory_iterator(); it.increment(ec)) add(*it);
  }
  return used;
}

DiskSpace disk_space(const std::string& path) {
  struct statvfs vfs{};
  if (statvfs(path.c_str(), &vfs) != 0) return {};
  return {static_cast<uint64_t>(vfs.f_bavail) * vfs.f_frsize, static_cast<uint64_t>(vfs.f_blocks) * vfs.f_frsize};
}

}  // namespace consortia::agent
