#include "audit_chain.h"

#include <openssl/evp.h>

#include <cstdio>
#include <deque>
#include <fstream>
#include <nlohmann/json.hpp>

namespace consortia::agent {

std::string audit_line_hash(const std::string& line) {
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int n = 0;
  EVP_Digest(line.data(), line.size(), md, &n, EVP_sha256(), nullptr);
  static const char* digits = "0123456789abcdef";
  std::string out;
  for (unsigned int i = 0; i < n; ++i) {
    out += digits[md[i] >> 4];
    out += digits[md[i] & 15];
  }
  return out;
}

namespace {

struct Entry {
  uint64_t seq = 0;
  std::string prev;
};

std::optional<Entry> parse_entry(const std::string& line, std::string& why) {
  auto j = nlohmann::json::parse(line, nullptr, false);
  if (j.is_discarded() || !j.is_object()) {
    why = "not a JSON entry";
    return std::nullopt;
  }
  auto seq = j.find("seq");
  auto prev = j.find("prev");
  if (seq == j.end() || !seq->is_number_unsigned() || prev == j.end() || !prev->is_string() ||
      prev->get<std::string>().size() != 64) {
    why = "an entry without a chain (seq and prev)";
    return std::nullopt;
  }
  return Entry{seq->get<uint64_t>(), prev->get<std::string>()};
}

}  // namespace

AuditVerdict verify_audit_files(const std::vector<std::string>& files) {
  AuditVerdict v;
  struct Line {
    size_t file;
    uint64_t no;
    std::string text;
  };
  std::vector<Line> all;
  for (size_t fi = 0; fi < files.size(); ++fi) {
    std::ifstream in(files[fi], std::ios::binary);
    if (!in) {
      v.file = files[fi];
      v.problem = "cannot be read";
      return v;
    }
    std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    size_t pos = 0;
    uint64_t no = 0;
    while (pos < content.size()) {
      size_t nl = content.find('\n', pos);
      ++no;
      if (nl == std::string::npos) {
        if (fi + 1 == files.size()) {  // only the newest file may end torn
          v.torn_bytes = content.size() - pos;
          break;
        }
        nl = content.size();
      }
      all.push_back({fi, no, content.substr(pos, nl - pos)});
      pos = nl + 1;
    }
  }
  std::vector<Entry> entries(all.size());
  for (size_t i = 0; i < all.size(); ++i) {
    std::string why;
    auto e = parse_entry(all[i].text, why);
    if (!e) {
      v.file = files[all[i].file];
      v.line = all[i].no;
      v.problem = why;
      return v;
    }
    entries[i] = *e;
  }
  auto at = [&](size_t i) {
    v.file = files[all[i].file];
    v.line = all[i].no;
  };
  for (size_t i = 0; i < entries.size(); ++i) {
    const Entry& e = entries[i];
    at(i);
    if (i == 0) {
      v.first_seq = e.seq;
      if (e.seq == 0 || (e.seq == 1 && e.prev != kAuditGenesis)) {
        v.problem = "the first entry does not start a chain";
        return v;
      }
    } else if (e.seq != v.head.seq + 1) {
      // An entry missing here but present later was moved; otherwise removed.
      for (size_t k = i + 1; k < entries.size() && e.seq > v.head.seq; ++k)
        if (entries[k].seq == v.head.seq + 1) {
          v.problem = "entry " + std::to_string(v.head.seq + 1) + " is out of order (found at " +
                      files[all[k].file] + " line " + std::to_string(all[k].no) + "): reordered";
          return v;
        }
      if (e.seq <= v.head.seq)
        v.problem = "entry " + std::to_string(e.seq) + " follows entry " + std::to_string(v.head.seq) +
                    ": reordered or repeated";
      else if (e.seq == v.head.seq + 2)
        v.problem = "entry " + std::to_string(v.head.seq + 1) + " was removed";
      else
        v.problem = "entries " + std::to_string(v.head.seq + 1) + " to " + std::to_string(e.seq - 1) +
                    " were removed";
      return v;
    } else if (e.prev != v.head.hash) {
      // The entry before changed (or this entry's link was edited).
      at(i - 1);
      v.problem = "entry " + std::to_string(v.head.seq) + " was changed";
      return v;
    }
    v.head = {e.seq, audit_line_hash(all[i].text)};
    ++v.entries;
  }
  v.intact = true;
  v.file.clear();
  v.line = 0;
  return v;
}

std::vector<std::string> tail_lines(const std::string& file, size_t lines, size_t max_bytes) {
  std::vector<std::string> out;
  std::FILE* f = std::fopen(file.c_str(), "rb");
  if (!f) return out;
  std::fseek(f, 0, SEEK_END);
  long end = std::ftell(f);
  long start = end;
  std::string buf;
  // Read backwards in blocks until enough newlines are held (one more than
  // lines, or the start of the file), within max_bytes.
  constexpr long kBlock = 64 * 1024;
  size_t newlines = 0;
  while (start > 0 && newlines <= lines && buf.size() < max_bytes) {
    long n = std::min(kBlock, start);
    start -= n;
    std::string block(static_cast<size_t>(n), '\0');
    std::fseek(f, start, SEEK_SET);
    if (std::fread(block.data(), 1, block.size(), f) != block.size()) break;
    for (char c : block) newlines += c == '\n';
    buf = block + buf;
  }
  std::fclose(f);
  // Complete lines only: drop an unterminated last line, and the first
  // line when the read began mid-file.
  size_t last_nl = buf.rfind('\n');
  if (last_nl == std::string::npos) return out;
  buf.resize(last_nl);
  std::deque<std::string> d;
  size_t pos = buf.size();
  while (d.size() < lines) {
    size_t nl = pos == 0 ? std::string::npos : buf.rfind('\n', pos - 1);
    if (nl == std::string::npos) {
      if (start == 0) d.push_front(buf.substr(0, pos));
      break;
    }
    d.push_front(buf.substr(nl + 1, pos - nl - 1));
    pos = nl;
  }
  return {d.begin(), d.end()};
}

AuditTail read_audit_head(const std::string& file) {
  AuditTail t;
  std::FILE* f = std::fopen(file.c_str(), "rb");
  if (!f) return t;  // no log yet: a new chain
  std::fseek(f, 0, SEEK_END);
  long end = std::ftell(f);
  if (end > 0) {
    std::fseek(f, end - 1, SEEK_SET);
    int c = std::fgetc(f);
    if (c != '\n') {
      // Find where the torn line starts.
      long back = std::min<long>(end, 1 << 20);
      std::string block(static_cast<size_t>(back), '\0');
      std::fseek(f, end - back, SEEK_SET);
      size_t got = std::fread(block.data(), 1, block.size(), f);
      block.resize(got);
      size_t nl = block.rfind('\n');
      if (nl == std::string::npos && end > back) {
        // No entry ends in the last MiB: not a torn write of ours.
        std::fclose(f);
        t.readable = false;
        t.problem = "the end of " + file + " is not an entry";
        return t;
      }
      t.torn_bytes = nl == std::string::npos ? static_cast<uint64_t>(end) : block.size() - nl - 1;
    }
  }
  std::fclose(f);
  auto last = tail_lines(file, 1);
  if (last.empty()) return t;
  std::string why;
  auto e = parse_entry(last.back(), why);
  if (!e) {
    t.readable = false;
    t.problem = "the last entry of " + file + " is " + why;
    return t;
  }
  t.head = {e->seq, audit_line_hash(last.back())};
  return t;
}

}  // namespace consortia::agent
