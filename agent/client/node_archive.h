// Archives of a node's data: backups, and what a retired node leaves behind.
// A gzip-compressed POSIX tar whose first member is manifest.json: the
// caller's fields plus "files", each member's name, size and SHA-256.
// Reading checks every member against the manifest and refuses names that
// are absolute, climb with "..", are not in the manifest, or would exceed a
// size bound: an archive from elsewhere cannot write outside its target.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/result.h"

namespace consortia::agent {

struct ArchiveMember {
  std::string name;  // inside the archive: "store.sqlite", "data/agent.log"
  std::string path;  // the file on disk
};

// Writes `out` (through a temporary file renamed at the end).
Status write_archive(const std::string& out, nlohmann::json manifest, const std::vector<ArchiveMember>& members);

// Checks the archive and extracts its members into `dir` (created if
// absent); with `dir` empty, checks only. Returns the manifest. Refuses
// (kStorageCorrupt) a damaged or tampered archive; members beyond
// `max_bytes` in total are refused (kTooLarge).
Result<nlohmann::json> read_archive(const std::string& archive, const std::string& dir,
                                    uint64_t max_bytes = uint64_t{64} << 30);

Result<std::string> sha256_file(const std::string& path);  // hex

}  // namespace consortia::agent
