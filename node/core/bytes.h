// Byte strings and fixed-size digests shared by every layer of the node.
#pragma once

#include <array>
#include <compare>
#include <cstdint>
#include <cstring>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace consortia {

using Bytes = std::vector<uint8_t>;
using ByteView = std::span<const uint8_t>;

inline ByteView as_bytes(std::string_view s) {
  return {reinterpret_cast<const uint8_t*>(s.data()), s.size()};
}

// Writes 2 × b.size() lowercase hex digits at out; returns the end.
char* hex_into(ByteView b, char* out);
std::string to_hex(ByteView b);
// Returns false on odd length or a non-hex character.
bool from_hex(std::string_view hex, Bytes& out);

// A 32-byte digest (SHA-256 or SM3). Ordered, hashable, printable.
struct Hash32 {
  std::array<uint8_t, 32> v{};

  // Word-wise comparisons: digests are compared in every map and set of the
  // node, and the order is the same as a byte-wise (memcmp) order.
  bool operator==(const Hash32& o) const {
    for (int i = 0; i < 4; ++i)
      if (word(i) != o.word(i)) return false;
    return true;
  }
  std::strong_ordering operator<=>(const Hash32& o) const {
    for (int i = 0; i < 4; ++i) {
      uint64_t a = __builtin_bswap64(word(i)), b = __builtin_bswap64(o.word(i));
      if (a != b) return a < b ? std::strong_ordering::less : std::strong_ordering::greater;
    }
    return std::strong_ordering::equal;
  }
  uint64_t word(int i) const {
    uint64_t w;
    std::memcpy(&w, v.data() + 8 * i, 8);
    return w;
  }
  bool is_zero() const {
    for (auto b : v)
      if (b) return false;
    return true;
  }
  ByteView view() const { return {v.data(), v.size()}; }
  std::string hex() const { return to_hex(view()); }
  std::string short_hex() const { return hex().substr(0, 8); }
  static Hash32 from(ByteView b) {
    Hash32 h;
    std::memcpy(h.v.data(), b.data(), b.size() < 32 ? b.size() : 32);
    return h;
  }
};

// Validators and observers are named by the digest of their public key.
using NodeId = Hash32;

}  // namespace consortia

template <>
struct std::hash<consortia::Hash32> {
  size_t operator()(const consortia::Hash32& h) const noexcept {
    size_t x;
    std::memcpy(&x, h.v.data(), sizeof x);
    return x;
  }
};
