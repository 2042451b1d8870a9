// The agent's log: levels settable at run time, a ring of recent lines for
// the API's log tail, and a file in the data directory. Thread-safe.
#pragma once

#include <cstdio>
#include <deque>
#include <mutex>
#include <string>
#include <vector>

namespace consortia::agent {

enum class LogLevel { kDebug = 0, kInfo = 1, kWarn = 2, kError = 3 };
const char* level_name(LogLevel l);
bool parse_level(const std::string& s, LogLevel& out);

class Log {
 public:
  explicit Log(std::string file = "", LogLevel level = LogLevel::kInfo);
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
  mutable std::mutex mu_;
  LogLevel level_;
  std::FILE* file_ = nullptr;
  std::deque<std::pair<LogLevel, std::string>> recent_;
};

// The audit log: one JSON line per control call (who, what, when, result),
// appended and flushed before the call returns.
class AuditLog {
 public:
  explicit AuditLog(std::string file);
  ~AuditLog();
  void record(const std::string& who, const std::string& organisation, const std::string& role,
              const std::string& call, const std::string& detail, const std::string& result);
  std::vector<std::string> tail(size_t lines) const;

 private:
  mutable std::mutex mu_;
  std::string path_;
  std::FILE* file_ = nullptr;
};

}  // namespace consortia::agent
