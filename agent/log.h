// The agent's log: levels settable at run time, a ring of recent lines for
// the API's log tail, and a file in the data directory, rotated by size.
// Every line is one line: control characters are escaped and long text is
// cut. Thread-safe.
#pragma once

#include <cstdint>
#include <cstdio>
#include <deque>
#include <mutex>
#include <string>
#include <vector>

#include "audit_chain.h"

namespace consortia::agent {

enum class LogLevel { kDebug = 0, kInfo = 1, kWarn = 2, kError = 3 };
const char* level_name(LogLevel l);
bool parse_level(const std::string& s, LogLevel& out);

// One log line's text as written: control characters as \xNN, at most
// max_bytes (cut on a character boundary, saying how much was cut).
std::string one_line(const std::string& text, size_t max_bytes);

class Log {
 public:
  static constexpr size_t kMaxLine = 4096;
  // file: empty for none. When the file passes rotate_bytes it becomes
  // file.1 (file.1 becomes file.2, ...), and `keep` rotated files are kept.
  explicit Log(std::string file = "", LogLevel level = LogLevel::kInfo, uint64_t rotate_bytes = 16u << 20,
               int keep = 4);
  ~Log();
  void set_level(LogLevel l);
  LogLevel level() const;
  void write(LogLevel l, const std::string& text);
  void debug(const std::string& t) { write(LogLevel::kDebug, t); }
  void info(const std::string& t) { write(LogLevel::kInfo, t); }
  void warn(const std::string& t) { write(LogLevel::kWarn, t); }
  void error(const std::string& t) { write(LogLevel::kError, t); }
  std::vector<std::string> tail(size_t lines, LogLevel min_level) const;

 private:
  void rotate_locked();

  mutable std::mutex mu_;
  LogLevel level_;
  std::string path_;
  uint64_t rotate_bytes_;
  int keep_;
  std::FILE* file_ = nullptr;
  uint64_t size_ = 0;
  std::deque<std::pair<LogLevel, std::string>> recent_;
};

// The audit log: one JSON line per call (who, what, when, result), a hash
// chain (audit_chain.h), created 0600, each entry synced before record()
// returns. When the file passes rotate_bytes it is renamed file.N (the next
// free N, never deleted) and the chain continues in a new file. A log whose
// last entry has no chain (an older agent's) is set aside the same way.
class AuditLog {
 public:
  explicit AuditLog(std::string file, uint64_t rotate_bytes = 64u << 20);
  ~AuditLog();
  // Appends and syncs one entry; false (and nothing appended) when it could
  // not be written. A closed or failed log is reopened on the next call.
  bool record(const std::string& who, const std::string& organisation, const std::string& role,
              const std::string& call, const std::string& detail, const std::string& result);
  // Why the last write failed; empty when it succeeded.
  std::string problem() const;
  AuditHead head() const;
  std::vector<std::string> tail(size_t lines) const;

 private:
  bool open_locked();
  bool append_locked(const std::string& line);

  mutable std::mutex mu_;
  std::string path_;
  uint64_t rotate_bytes_;
  int fd_ = -1;
  uint64_t size_ = 0;
  AuditHead head_;
  std::string problem_;
};

}  // namespace consortia::agent
