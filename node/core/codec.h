// Canonical binary encoding: fixed-width little-endian integers, LEB128
// lengths, every variable-length field bounded. One byte string has exactly
// one decoding, and a Reader never reads past its input.
#pragma once

#include <string>

#include "core/bytes.h"
#include "core/result.h"

namespace consortia {

class Writer {
 public:
  void u8(uint8_t x) { out_.push_back(x); }
  void u32(uint32_t x) { fixed(x, 4); }
  void u64(uint64_t x) { fixed(x, 8); }
  void varint(uint64_t x);
  void hash(const Hash32& h) { raw(h.view()); }
  void raw(ByteView b) { out_.insert(out_.end(), b.begin(), b.end()); }
  void bytes(ByteView b) { varint(b.size()); raw(b); }
  void str(std::string_view s) { bytes(as_bytes(s)); }
  Bytes take() { return std::move(out_); }
  const Bytes& data() const { return out_; }

 private:
  void fixed(uint64_t x, int n) {
    for (int i = 0; i < n; ++i) out_.push_back(static_cast<uint8_t>(x >> (8 * i)));
  }
  Bytes out_;
};

// Reader records the first failure and returns zero values afterwards, so a
// decoder reads all fields and checks ok() once at the end.
class Reader {
 public:
  explicit Reader(ByteView in) : in_(in) {}
  uint8_t u8();
  uint32_t u32() { return static_cast<uint32_t>(fixed(4)); }
  uint64_t u64() { return fixed(8); }
  uint64_t varint();
  Hash32 hash();
  Bytes bytes(size_t max_len);
  std::string str(size_t max_len);
  // A count of items that follow, each at least min_item_size bytes long: a
  // count that could not fit in the remaining input fails here, before any
  // allocation.
  size_t count(size_t max_count, size_t min_item_size = 1);
  void fail(std::string why) {
    if (ok_) {
      ok_ = false;
      why_ = std::move(why);
    }
  }
  bool ok() const { return ok_; }
  bool at_end() const { return pos_ == in_.size(); }
  size_t remaining() const { return in_.size() - pos_; }
  size_t position() const { return pos_; }
  // Fails unless the whole input was consumed.
  Status finish(std::string_view what);

 private:
  uint64_t fixed(int n);
  ByteView in_;
  size_t pos_ = 0;
  bool ok_ = true;
  std::string why_;
};

}  // namespace consortia
