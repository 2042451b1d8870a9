#include "core/codec.h"

namespace consortia {

void Writer::varint(uint64_t x) {
  while (x >= 0x80) {
    out_.push_back(static_cast<uint8_t>(x | 0x80));
    x >>= 7;
  }
  out_.push_back(static_cast<uint8_t>(x));
}

uint8_t Reader::u8() {
  if (!ok_) return 0;
  if (pos_ >= in_.size()) {
    fail("truncated");
    return 0;
  }
  return in_[pos_++];
}

uint64_t Reader::fixed(int n) {
  if (!ok_) return 0;
  if (in_.size() - pos_ < static_cast<size_t>(n)) {
    fail("truncated");
    return 0;
  }
  uint64_t x = 0;
  for (int i = 0; i < n; ++i) x |= static_cast<uint64_t>(in_[pos_ + i]) << (8 * i);
  pos_ += n;
  return x;
}

uint64_t Reader::varint() {
  uint64_t x = 0;
  for (int shift = 0; shift < 64; shift += 7) {
    uint8_t b = u8();
    if (!ok_) return 0;
    if (shift == 63 && b > 1) break;
    x |= static_cast<uint64_t>(b & 0x7f) << shift;
    if (!(b & 0x80)) {
      // Canonical form: no redundant trailing zero groups.
      if (b == 0 && shift != 0) fail("non-canonical varint");
      return x;
    }
  }
  fail("varint overflow");
  return 0;
}

Hash32 Reader::hash() {
  Hash32 h;
  if (!ok_) return h;
  if (remaining() < 32) {
    fail("truncated hash");
    return h;
  }
  std::memcpy(h.v.data(), in_.data() + pos_, 32);
  pos_ += 32;
  return h;
}

Bytes Reader::bytes(size_t max_len) {
  uint64_t n = varint();
  if (!ok_) return {};
  if (n > max_len) {
    fail("field of " + std::to_string(n) + " bytes exceeds limit " + std::to_string(max_len));
    return {};
  }
  if (n > remaining()) {
    fail("truncated field");
    return {};
  }
  Bytes b(in_.begin() + pos_, in_.begin() + pos_ + n);
  pos_ += n;
  return b;
}

std::string Reader::str(size_t max_len) {
  Bytes b = bytes(max_len);
  return std::string(b.begin(), b.end());
}

size_t Reader::count(size_t max_count, size_t min_item_size) {
  uint64_t n = varint();
  if (!ok_) return 0;
  if (n > max_count) {
    fail("count " + std::to_string(n) + " exceeds limit " + std::to_string(max_count));
    return 0;
  }
  if (min_item_size && n > remaining() / min_item_size) {
    fail("count larger than the input");
    return 0;
  }
  return n;
}

Status Reader::finish(std::string_view what) {
  if (ok_ && !at_end()) fail("trailing bytes");
  if (!ok_) return make_error(ErrorCode::kMalformed, std::string(what) + ": " + why_);
  return {};
}

}  // namespace consortia
