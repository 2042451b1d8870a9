#include "log.h"

#include <unistd.h>

#include <chrono>
#include <ctime>
#include <fstream>
#include <nlohmann/json.hpp>

namespace consortia::agent {
namespace {

constexpr size_t kRecent = 2000;

std::string timestamp() {
  auto now = std::chrono::system_clock::now();
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count();
  std::time_t t = static_cast<std::time_t>(ms / 1000);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[80];  // room for any int the format could print
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900, tm.tm_mon + 1,
                tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, static_cast<int>(ms % 1000));
  return buf;
}

}  // namespace

const char* level_name(LogLevel l) {
  switch (l) {
    case LogLevel::kDebug: return "debug";
    case LogLevel::kInfo: return "info";
    case LogLevel::kWarn: return "warn";
    case LogLevel::kError: return "error";
  }
  return "info";
}

bool parse_level(const std::string& s, LogLevel& out) {
  for (LogLevel l : {LogLevel::kDebug, LogLevel::kInfo, LogLevel::kWarn, LogLevel::kError})
    if (s == level_name(l)) {
      out = l;
      return true;
    }
  return false;
}

Log::Log(std::string file, LogLevel level) : level_(level) {
  if (!file.empty()) file_ = std::fopen(file.c_str(), "a");
}

Log::~Log() {
  if (file_) std::fclose(file_);
}

void Log::set_level(LogLevel l) {
  std::lock_guard lock(mu_);
  level_ = l;
}

LogLevel Log::level() const {
  std::lock_guard lock(mu_);
  return level_;
}

void Log::write(LogLevel l, const std::string& text) {
  std::lock_guard lock(mu_);
  if (l < level_) return;
  std::string line = timestamp() + " " + level_name(l) + " " + text;
  recent_.emplace_back(l, line);
  if (recent_.size() > kRecent) recent_.pop_front();
  if (file_) {
    std::fprintf(file_, "%s\n", line.c_str());
    std::fflush(file_);
  }
  if (l >= LogLevel::kWarn || !file_) std::fprintf(stderr, "%s\n", line.c_str());
}

std::vector<std::string> Log::tail(size_t lines, LogLevel min_level) const {
  std::lock_guard lock(mu_);
  std::vector<std::string> out;
  for (auto it = recent_.rbegin(); it != recent_.rend() && out.size() < lines; ++it)
    if (it->first >= min_level) out.push_back(it->second);
  return {out.rbegin(), out.rend()};
}

AuditLog::AuditLog(std::string file) : path_(std::move(file)) {
  file_ = std::fopen(path_.c_str(), "a");
}

AuditLog::~AuditLog() {
  if (file_) std::fclose(file_);
}

void AuditLog::record(const std::string& who, const std::string& organisation,
                      const std::string& role, const std::string& call, const std::string& detail,
                      const std::string& result) {
  nlohmann::json j = {{"time", timestamp()}, {"who", who},     {"organisation", organisation},
                      {"role", role},        {"call", call},   {"detail", detail},
                      {"result", result}};
  std::lock_guard lock(mu_);
  if (!file_) return;
  std::fprintf(file_, "%s\n", j.dump().c_str());
  std::fflush(file_);
  ::fsync(fileno(file_));
}

std::vector<std::string> AuditLog::tail(size_t lines) const {
  std::lock_guard lock(mu_);
  std::ifstream in(path_);
  std::deque<std::string> d;
  for (std::string l; std::getline(in, l);) {
    d.push_back(l);
    if (d.size() > lines) d.pop_front();
  }
  return {d.begin(), d.end()};
}

}  // namespace consortia::agent
