#include "model/explorer.h"

#include <algorithm>
#include <iterator>

#include "core/bytes.h"

namespace consortia::console {

std::optional<ExplorerTarget> parse_explorer_target(const std::string& text, bool evidence, ExplorerQueryError* why) {
  auto fail = [&](ExplorerQueryError e) -> std::optional<ExplorerTarget> {
    if (why) *why = e;
    return std::nullopt;
  };
  auto raw32 = [](const std::string& hex) -> std::optional<std::string> {
    Bytes b;
    if (hex.size() != 64 || !from_hex(hex, b)) return std::nullopt;
    return std::string(b.begin(), b.end());
  };
  ExplorerTarget q;
  if (evidence) {
    auto id = raw32(text);
    if (!id) return fail(ExplorerQueryError::kNotADigest);
    q.kind = ExplorerTarget::Kind::kDigest;
    q.id = *id;
    return q;
  }
  bool number = !text.empty() && text.size() < 20 &&
                std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (number) {
    q.kind = ExplorerTarget::Kind::kHeight;
    q.height = std::stoull(text);
    return q;
  }
  auto id = raw32(text);
  if (!id) return fail(ExplorerQueryError::kNotAHeightOrId);
  q.kind = ExplorerTarget::Kind::kHashOrId;
  q.id = *id;
  return q;
}

std::string tx_kind_name(uint32_t kind) {
  static const char* const kNames[] = {"no-op", "put", "evidence", "custody", "risk", "governance", "delete"};  // TxKind
  return kind < std::size(kNames) ? kNames[kind] : std::to_string(kind);
}

}  // namespace consortia::console
