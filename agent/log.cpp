#include "log.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
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

// Length of a valid UTF-8 sequence at s[i], or 0.
static size_t utf8_len(const std::string& s, size_t i) {
  auto b = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = b(i);
  size_t n = c >= 0xf0 && c <= 0xf4 ? 4 : c >= 0xe0 ? 3 : c >= 0xc2 && c < 0xe0 ? 2 : 0;
  if (n == 0 || i + n > s.size()) return 0;
  for (size_t k = 1; k < n; ++k)
    if ((b(i + k) & 0xc0) != 0x80) return 0;
  return n;
}

std::string one_line(const std::string& text, size_t max_bytes) {
  std::string out;
  size_t i = 0;
  while (i < text.size()) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    std::string piece;
    size_t used = 1;
    if (c >= 0x20 && c < 0x7f) {
      piece = static_cast<char>(c);
    } else if (size_t n = c >= 0x80 ? utf8_len(text, i) : 0; n) {
      piece = text.substr(i, n);
      used = n;
    } else {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02x", c);
      piece = buf;
    }
    if (out.size() + piece.size() > max_bytes) break;
    out += piece;
    i += used;
  }
  if (i < text.size()) out += " ...(" + std::to_string(text.size() - i) + " bytes cut)";
  return out;
}

static std::FILE* open_append(const std::string& path, mode_t mode, uint64_t& size) {
  int fd = ::open(path.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, mode);
  if (fd < 0) return nullptr;
  struct stat st {};
  size = ::fstat(fd, &st) == 0 ? static_cast<uint64_t>(st.st_size) : 0;
  std::FILE* f = ::fdopen(fd, "a");
  if (!f) ::close(fd);
  return f;
}

Log::Log(std::string file, LogLevel level, uint64_t rotate_bytes, int keep)
    : level_(level), path_(std::move(file)), rotate_bytes_(rotate_bytes), keep_(std::max(keep, 1)) {
  if (!path_.empty()) file_ = open_append(path_, 0640, size_);
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

void Log::rotate_locked() {
  std::fclose(file_);
  file_ = nullptr;
  std::error_code ec;
  std::filesystem::remove(path_ + "." + std::to_string(keep_), ec);
  for (int i = keep_ - 1; i >= 1; --i)
    std::filesystem::rename(path_ + "." + std::to_string(i), path_ + "." + std::to_string(i + 1), ec);
  std::filesystem::rename(path_, path_ + ".1", ec);
  file_ = open_append(path_, 0640, size_);
}

void Log::write(LogLevel l, const std::string& text) {
  std::lock_guard lock(mu_);
  if (l < level_) return;
  std::string line = timestamp() + " " + level_name(l) + " " + one_line(text, kMaxLine);
  recent_.emplace_back(l, line);
  if (recent_.size() > kRecent) recent_.pop_front();
  if (!file_ && !path_.empty()) file_ = open_append(path_, 0640, size_);  // after a failed rotation
  if (file_) {
    if (size_ > 0 && size_ + line.size() + 1 > rotate_bytes_) rotate_locked();
    if (file_) {
      std::fprintf(file_, "%s\n", line.c_str());
      std::fflush(file_);
      size_ += line.size() + 1;
    }
  }
  if (l >= LogLevel::kWarn || path_.empty()) std::fprintf(stderr, "%s\n", line.c_str());
}

std::vector<std::string> Log::tail(size_t lines, LogLevel min_level) const {
  std::lock_guard lock(mu_);
  std::vector<std::string> out;
  for (auto it = recent_.rbegin(); it != recent_.rend() && out.size() < lines; ++it)
    if (it->first >= min_level) out.push_back(it->second);
  return {out.rbegin(), out.rend()};
}

static void sync_dir(const std::string& file) {
  std::string dir = std::filesystem::path(file).parent_path().string();
  int fd = ::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd >= 0) {
    ::fsync(fd);
    ::close(fd);
  }
}

// The highest N of the files path.N, 0 when there is none.
static int highest_set_aside(const std::string& path) {
  namespace fs = std::filesystem;
  fs::path p(path);
  std::string prefix = p.filename().string() + ".";
  int highest = 0;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(p.parent_path().empty() ? fs::path(".") : p.parent_path(), ec)) {
    std::string name = e.path().filename().string();
    if (name.rfind(prefix, 0) != 0) continue;
    std::string rest = name.substr(prefix.size());
    if (rest.empty() || rest.size() > 9 || rest.find_first_not_of("0123456789") != std::string::npos) continue;
    highest = std::max(highest, std::stoi(rest));
  }
  return highest;
}

// Renames a full (or unchained) audit file to file.N, N one above the
// highest there: the numbers keep the files' order even after older ones
// were archived elsewhere.
static bool set_aside(const std::string& path) {
  std::string to = path + "." + std::to_string(highest_set_aside(path) + 1);
  std::error_code ec;
  std::filesystem::rename(path, to, ec);
  if (ec) return false;
  sync_dir(path);
  return true;
}

AuditLog::AuditLog(std::string file, uint64_t rotate_bytes) : path_(std::move(file)), rotate_bytes_(rotate_bytes) {
  std::lock_guard lock(mu_);
  open_locked();
}

AuditLog::~AuditLog() {
  if (fd_ >= 0) ::close(fd_);
}

bool AuditLog::open_locked() {
  AuditTail t = read_audit_head(path_);
  std::string note;
  if (!t.readable) {
    // An older agent's log, or a damaged last entry: keep it as it is and
    // start a chain beside it.
    if (!set_aside(path_)) {
      problem_ = t.problem + ", and it cannot be set aside";
      return false;
    }
    note = t.problem + "; the file was kept as " + path_ + ".N and a new chain started";
    t = AuditTail{};
  }
  if (t.head.seq == 0 && t.torn_bytes == 0) {
    // A new or empty file continues the chain of the newest one set aside
    // (a crash between a rotation and the first entry after it).
    if (int n = highest_set_aside(path_); n > 0) {
      AuditTail before = read_audit_head(path_ + "." + std::to_string(n));
      if (before.readable) t.head = before.head;
    }
  }
  int fd = ::open(path_.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0) {
    problem_ = path_ + ": " + std::strerror(errno);
    return false;
  }
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    problem_ = path_ + ": " + std::strerror(errno);
    ::close(fd);
    return false;
  }
  size_ = static_cast<uint64_t>(st.st_size);
  if (t.torn_bytes && t.torn_bytes <= size_) {
    // A write torn by a crash: its call never ran (entries are synced first).
    if (::ftruncate(fd, static_cast<off_t>(size_ - t.torn_bytes)) != 0) {
      problem_ = path_ + ": cannot cut a torn entry: " + std::strerror(errno);
      ::close(fd);
      return false;
    }
    size_ -= t.torn_bytes;
    note = "cut a torn entry of " + std::to_string(t.torn_bytes) + " bytes left by a crash";
  }
  fd_ = fd;
  head_ = t.head;
  problem_.clear();
  if (!note.empty()) {
    nlohmann::ordered_json j = {{"seq", head_.seq + 1}, {"time", timestamp()}, {"who", "agent"},
                                {"organisation", ""},   {"role", ""},          {"call", "AuditLog"},
                                {"detail", note},       {"result", "ok"},      {"prev", head_.hash}};
    if (!append_locked(j.dump())) return false;
  }
  return true;
}

bool AuditLog::append_locked(const std::string& line) {
  std::string out = line + "\n";
  ssize_t n = ::write(fd_, out.data(), out.size());
  if (n != static_cast<ssize_t>(out.size()) || ::fdatasync(fd_) != 0) {
    problem_ = path_ + ": " + (n < 0 || n == static_cast<ssize_t>(out.size()) ? std::strerror(errno) : "short write");
    // Take back what part of the entry reached the file: the chain stays whole.
    if (::ftruncate(fd_, static_cast<off_t>(size_)) != 0) {
      ::close(fd_);
      fd_ = -1;
    }
    return false;
  }
  size_ += out.size();
  head_ = {head_.seq + 1, audit_line_hash(line)};
  problem_.clear();
  return true;
}

bool AuditLog::record(const std::string& who, const std::string& organisation, const std::string& role,
                      const std::string& call, const std::string& detail, const std::string& result) {
  std::lock_guard lock(mu_);
  if (fd_ < 0 && !open_locked()) return false;
  if (size_ > 0 && size_ > rotate_bytes_) {
    ::close(fd_);
    fd_ = -1;
    if (!set_aside(path_)) {
      problem_ = path_ + ": cannot rotate";
      return false;
    }
    AuditHead keep = head_;  // the chain continues in the new file
    int fd = ::open(path_.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0) {
      problem_ = path_ + ": " + std::strerror(errno);
      return false;
    }
    fd_ = fd;
    size_ = 0;
    head_ = keep;
    sync_dir(path_);
  }
  nlohmann::ordered_json j = {{"seq", head_.seq + 1}, {"time", timestamp()},   {"who", who},
                              {"organisation", organisation}, {"role", role}, {"call", call},
                              {"detail", detail},     {"result", result},     {"prev", head_.hash}};
  return append_locked(j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

std::string AuditLog::problem() const {
  std::lock_guard lock(mu_);
  return problem_;
}

AuditHead AuditLog::head() const {
  std::lock_guard lock(mu_);
  return head_;
}

std::vector<std::string> AuditLog::tail(size_t lines) const {
  return tail_lines(path_, lines);
}

}  // namespace consortia::agent
