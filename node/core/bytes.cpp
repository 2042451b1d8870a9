#include "core/bytes.h"

namespace consortia {

char* hex_into(ByteView b, char* out) {
  static constexpr char kDigits[] = "0123456789abcdef";
  for (uint8_t c : b) {
    *out++ = kDigits[c >> 4];
    *out++ = kDigits[c & 15];
  }
  return out;
}

std::string to_hex(ByteView b) {
  std::string s(b.size() * 2, '\0');
  hex_into(b, s.data());
  return s;
}

static int nibble(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool from_hex(std::string_view hex, Bytes& out) {
  if (hex.size() % 2) return false;
  out.clear();
  out.reserve(hex.size() / 2);
  for (size_t i = 0; i < hex.size(); i += 2) {
    int hi = nibble(hex[i]), lo = nibble(hex[i + 1]);
    if (hi < 0 || lo < 0) return false;
    out.push_back(static_cast<uint8_t>(hi << 4 | lo));
  }
  return true;
}

}  // namespace consortia
