#include "state/evidence.h"

namespace consortia {
namespace {
constexpr uint8_t kRecordVersion = 1;

bool printable(const std::string& s) {
  for (unsigned char c : s)
    if (c < 0x20 || c == 0x7f || c == '/') return false;  // '/' separates key parts
  return true;
}
}  // namespace

Bytes EvidenceRecord::encode() const {
  Writer w;
  w.u8(kRecordVersion);
  w.u8(static_cast<uint8_t>(algorithm));
  w.hash(digest);
  w.str(type);
  w.str(owner);
  w.u64(timestamp_ms);
  w.str(reference);
  w.bytes(metadata);
  return w.take();
}

Result<EvidenceRecord> EvidenceRecord::decode(ByteView payload) {
  Reader r(payload);
  EvidenceRecord e;
  uint8_t version = r.u8();
  if (r.ok() && version != kRecordVersion)
    return make_error(ErrorCode::kUnsupportedVersion,
                      "evidence record version " + std::to_string(version));
  uint8_t alg = r.u8();
  e.digest = r.hash();
  e.type = r.str(kMaxType);
  e.owner = r.str(kMaxOwner);
  e.timestamp_ms = r.u64();
  e.reference = r.str(kMaxReference);
  e.metadata = r.bytes(kMaxMetadata);
  if (auto st = r.finish("evidence record"); !st) {
    ErrorCode code = st.error().detail.find("exceeds limit") != std::string::npos
                         ? ErrorCode::kTooLarge
                         : ErrorCode::kMalformed;
    return make_error(code, st.error().detail);
  }
  if (alg != static_cast<uint8_t>(DigestAlgorithm::kSha256) &&
      alg != static_cast<uint8_t>(DigestAlgorithm::kSm3))
    return make_error(ErrorCode::kInvalidArgument, "unknown digest algorithm " + std::to_string(alg));
  e.algorithm = static_cast<DigestAlgorithm>(alg);
  if (e.digest.is_zero()) return make_error(ErrorCode::kInvalidArgument, "empty digest");
  if (e.owner.empty() || !printable(e.owner) || !printable(e.type))
    return make_error(ErrorCode::kInvalidArgument, "owner and type must be printable, owner non-empty");
  Bytes ref;
  if (!e.reference.empty() && (e.reference.size() != 64 || !from_hex(e.reference, ref)))
    return make_error(ErrorCode::kInvalidArgument, "reference must be a 64-digit hex digest");
  return e;
}

Bytes StoredEvidence::encode() const {
  Writer w;
  w.bytes(record.encode());
  w.hash(submitter);
  return w.take();
}

Result<StoredEvidence> StoredEvidence::decode(ByteView value) {
  Reader r(value);
  Bytes rec = r.bytes(4096);
  StoredEvidence s;
  s.submitter = r.hash();
  if (auto st = r.finish("stored evidence"); !st) return st.error();
  auto e = EvidenceRecord::decode(rec);
  if (!e) return e.error();
  s.record = std::move(*e);
  return s;
}

}  // namespace consortia
