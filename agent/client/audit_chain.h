// The audit log's format: one JSON object per line, each carrying its
// sequence number and the SHA-256 of the line before it ("prev"), so that
// changing, removing or reordering an entry breaks the chain from there on.
// A log rotated into several files continues its chain across them.
// The agent writes it (agent/log.h); consortia-ctl audit verify reads it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace consortia::agent {

// The "prev" of a log's first entry.
inline const std::string kAuditGenesis(64, '0');

// SHA-256 of one line (without its newline), hex.
std::string audit_line_hash(const std::string& line);

// Where a chain stands after its last entry.
struct AuditHead {
  uint64_t seq = 0;                    // the last entry's; 0 before the first
  std::string hash = kAuditGenesis;    // the last line's hash
};

// The result of checking files in order (oldest first).
struct AuditVerdict {
  bool intact = false;
  uint64_t entries = 0;
  uint64_t first_seq = 0;  // the first entry's: above 1, earlier ones are not in these files
  AuditHead head;
  // When not intact: which entry (file and 1-based line) and what is wrong.
  std::string file;
  uint64_t line = 0;
  std::string problem;
  // A last line without its newline: a write torn by a crash, not a change.
  uint64_t torn_bytes = 0;
};

// Checks a chain spread over files given oldest first. The first file may
// start mid-chain (a rotated log's earlier files archived elsewhere); every
// later entry must follow its predecessor.
AuditVerdict verify_audit_files(const std::vector<std::string>& files);

// The head of an existing log file: its last complete entry. A last line
// without its newline (a write torn by a crash) is reported in `torn_bytes`;
// that entry was never acknowledged, because a call runs only after its
// entry was synced.
struct AuditTail {
  AuditHead head;
  uint64_t torn_bytes = 0;
  bool readable = true;
  std::string problem;
};
AuditTail read_audit_head(const std::string& file);

// The last `lines` complete lines of a file, read from its end.
std::vector<std::string> tail_lines(const std::string& file, size_t lines, size_t max_bytes = 8u << 20);

}  // namespace consortia::agent
