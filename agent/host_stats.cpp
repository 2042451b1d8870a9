#include "host_stats.h"

#include <sys/resource.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace consortia::agent {

double CpuShare::update(double cpu_s) {
  auto now = std::chrono::steady_clock::now();
  std::lock_guard lock(mu_);
  double wall = std::chrono::duration<double>(now - last_at_).count();
  if (last_cpu_s_ >= 0 && wall >= 0.5) last_percent_ = 100.0 * (cpu_s - last_cpu_s_) / wall;
  if (last_cpu_s_ < 0 || wall >= 0.5) {
    last_cpu_s_ = cpu_s;
    last_at_ = now;
  }
  return last_percent_;
}

double process_cpu_seconds() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
         static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
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
