#include <gtest/gtest.h>

#include <limits>

#include "core/codec.h"

namespace consortia {
namespace {

Bytes varint_bytes(uint64_t x) {
  Writer w;
  w.varint(x);
  return w.take();
}

TEST(Varint, RoundTripsBoundaryValues) {
  const uint64_t values[] = {0,
                             1,
                             0x7f,
                             0x80,
                             0x3fff,
                             0x4000,
                             300,
                             (1ull << 32) - 1,
                             1ull << 32,
                             (1ull << 63) - 1,
                             1ull << 63,
                             std::numeric_limits<uint64_t>::max()};
  for (uint64_t v : values) {
    Bytes b = varint_bytes(v);
    Reader r(b);
    EXPECT_EQ(r.varint(), v);
    EXPECT_TRUE(r.finish("varint").ok()) << v;
  }
}

TEST(Varint, UsesMinimalLength) {
  EXPECT_EQ(varint_bytes(0).size(), 1u);
  EXPECT_EQ(varint_bytes(127).size(), 1u);
  EXPECT_EQ(varint_bytes(128).size(), 2u);
  EXPECT_EQ(varint_bytes(std::numeric_limits<uint64_t>::max()).size(), 10u);
}

TEST(Varint, RejectsNonCanonicalEncoding) {
  // 0 encoded with a redundant continuation group.
  Bytes b = {0x80, 0x00};
  Reader r(b);
  r.varint();
  EXPECT_FALSE(r.ok());
  auto st = r.finish("varint");
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.error().code, ErrorCode::kMalformed);
  EXPECT_NE(st.error().detail.find("non-canonical"), std::string::npos);

  Bytes b2 = {0xff, 0x80, 0x00};  // 127 padded to three bytes
  Reader r2(b2);
  r2.varint();
  EXPECT_FALSE(r2.ok());
}

TEST(Varint, RejectsOverflowBeyond64Bits) {
  Bytes b(10, 0xff);
  b.push_back(0x01);
  Reader r(b);
  r.varint();
  EXPECT_FALSE(r.ok());

  Bytes b2(9, 0xff);
  b2.push_back(0x02);  // tenth byte may only carry one bit
  Reader r2(b2);
  r2.varint();
  EXPECT_FALSE(r2.ok());
}

TEST(Reader, TruncatedInputFailsEveryFieldType) {
  Writer w;
  w.u8(7);
  w.u32(0xdeadbeef);
  w.u64(0x0123456789abcdefull);
  w.hash(Hash32::from(Bytes(32, 0xaa)));
  w.bytes(Bytes{1, 2, 3});
  w.str("hello");
  Bytes full = w.take();

  {
    Reader r(full);
    EXPECT_EQ(r.u8(), 7);
    EXPECT_EQ(r.u32(), 0xdeadbeefu);
    EXPECT_EQ(r.u64(), 0x0123456789abcdefull);
    EXPECT_EQ(r.hash(), Hash32::from(Bytes(32, 0xaa)));
    EXPECT_EQ(r.bytes(16), (Bytes{1, 2, 3}));
    EXPECT_EQ(r.str(16), "hello");
    EXPECT_TRUE(r.finish("all").ok());
  }
  for (size_t cut = 0; cut < full.size(); ++cut) {
    Reader r(ByteView(full.data(), cut));
    r.u8();
    r.u32();
    r.u64();
    r.hash();
    r.bytes(16);
    r.str(16);
    EXPECT_FALSE(r.ok()) << "cut at " << cut;
    auto st = r.finish("all");
    ASSERT_FALSE(st.ok());
    EXPECT_EQ(st.error().code, ErrorCode::kMalformed);
  }
}

TEST(Reader, ReturnsZeroValuesAfterFirstFailure) {
  Bytes b = {1};
  Reader r(b);
  EXPECT_EQ(r.u32(), 0u);
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.u8(), 0);  // the byte is there, but the reader already failed
  EXPECT_EQ(r.position(), 0u);
}

TEST(Reader, BytesLongerThanLimitRejected) {
  Writer w;
  w.bytes(Bytes(10, 1));
  Bytes b = w.take();
  Reader r(b);
  r.bytes(9);
  EXPECT_FALSE(r.ok());
  Reader ok(b);
  EXPECT_EQ(ok.bytes(10).size(), 10u);
  EXPECT_TRUE(ok.finish("bytes").ok());
}

TEST(Reader, BytesLengthBeyondInputRejected) {
  Writer w;
  w.varint(1000);
  w.raw(Bytes(5, 0));
  Bytes b = w.take();
  Reader r(b);
  r.bytes(100000);
  EXPECT_FALSE(r.ok());
}

TEST(Reader, CountEnforcesMaximum) {
  Writer w;
  w.varint(5);
  w.raw(Bytes(100, 0));
  Bytes b = w.take();
  {
    Reader r(b);
    EXPECT_EQ(r.count(5), 5u);
    EXPECT_TRUE(r.ok());
  }
  {
    Reader r(b);
    EXPECT_EQ(r.count(4), 0u);
    EXPECT_FALSE(r.ok());
  }
}

TEST(Reader, CountLargerThanRemainingInputRejectedBeforeAllocation) {
  Writer w;
  w.varint(10);
  w.raw(Bytes(39, 0));  // ten items of 4 bytes would need 40
  Bytes b = w.take();
  {
    Reader r(b);
    EXPECT_EQ(r.count(1000, 4), 0u);
    EXPECT_FALSE(r.ok());
  }
  {
    Reader r(b);
    EXPECT_EQ(r.count(1000, 3), 10u);
    EXPECT_TRUE(r.ok());
  }
  // A huge count in a tiny message.
  Writer w2;
  w2.varint(std::numeric_limits<uint64_t>::max());
  Bytes b2 = w2.take();
  Reader r2(b2);
  EXPECT_EQ(r2.count(std::numeric_limits<size_t>::max(), 1), 0u);
  EXPECT_FALSE(r2.ok());
}

TEST(Reader, FinishRejectsTrailingBytes) {
  Bytes b = {1, 2};
  Reader r(b);
  r.u8();
  auto st = r.finish("thing");
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.error().code, ErrorCode::kMalformed);
  EXPECT_NE(st.error().detail.find("thing"), std::string::npos);
  EXPECT_NE(st.error().detail.find("trailing"), std::string::npos);
}

TEST(Reader, FinishReportsFirstFailureReason) {
  Bytes b = {0x80, 0x00, 0xff};
  Reader r(b);
  r.varint();
  r.fail("second reason");
  auto st = r.finish("x");
  ASSERT_FALSE(st.ok());
  EXPECT_NE(st.error().detail.find("non-canonical"), std::string::npos);
  EXPECT_EQ(st.error().detail.find("second reason"), std::string::npos);
}

TEST(Writer, FixedWidthIntegersAreLittleEndian) {
  Writer w;
  w.u32(0x01020304);
  w.u64(0x0102030405060708ull);
  EXPECT_EQ(w.data(), (Bytes{4, 3, 2, 1, 8, 7, 6, 5, 4, 3, 2, 1}));
}

TEST(Hex, RoundTripsAndRejectsBadInput) {
  Bytes b = {0x00, 0x7f, 0xff, 0x10};
  EXPECT_EQ(to_hex(b), "007fff10");
  Bytes out;
  ASSERT_TRUE(from_hex("007FfF10", out));
  EXPECT_EQ(out, b);
  EXPECT_FALSE(from_hex("abc", out));
  EXPECT_FALSE(from_hex("zz", out));
}

}  // namespace
}  // namespace consortia
