#include "state/risk.h"

#include "state/state.h"

namespace consortia {
namespace {
constexpr uint8_t kVersion = 1;
}

Hash32 risk_subject(const CryptoSuite& suite, std::string_view salt, std::string_view identifier) {
  Writer w;
  w.raw(as_bytes("consortia/risk/v1"));
  w.str(salt);
  w.raw(as_bytes(identifier));
  return suite.hash(w.data());
}

Bytes RiskOp::encode() const {
  Writer w;
  w.u8(kVersion);
  w.u8(static_cast<uint8_t>(kind));
  if (kind == Kind::kPublish) {
    w.hash(subject);
    w.str(category);
  } else {
    w.hash(record);
  }
  w.str(text);
  return w.take();
}

Result<RiskOp> RiskOp::decode(ByteView payload) {
  Reader r(payload);
  RiskOp op;
  uint8_t version = r.u8();
  if (r.ok() && version != kVersion)
    return make_error(ErrorCode::kUnsupportedVersion, "risk op version " + std::to_string(version));
  uint8_t kind = r.u8();
  if (r.ok() && kind != 1 && kind != 2)
    return make_error(ErrorCode::kInvalidArgument, "unknown risk operation " + std::to_string(kind));
  op.kind = static_cast<Kind>(kind);
  if (op.kind == Kind::kPublish) {
    op.subject = r.hash();
    op.category = r.str(kMaxCategory);
  } else {
    op.record = r.hash();
  }
  op.text = r.str(kMaxText);
  if (auto st = r.finish("risk operation"); !st) return st.error();
  if (op.kind == Kind::kPublish && (op.subject.is_zero() || op.category.empty()))
    return make_error(ErrorCode::kInvalidArgument, "a record needs a subject digest and a category");
  return op;
}

std::vector<RiskRecord> risk_query(const StateSnapshot& s, const Hash32& subject) {
  std::vector<RiskRecord> out;
  std::string prefix = "r/" + subject.hex() + "/";
  s.scan(prefix, [&](const StateSnapshot::Entry& e) {
    Reader r(e.value);
    RiskRecord rec;
    rec.publisher = r.hash();
    rec.category = r.str(RiskOp::kMaxCategory);
    rec.note = r.str(RiskOp::kMaxText);
    Bytes id;
    if (!r.finish("risk record") || !from_hex(e.key.substr(prefix.size()), id)) return true;
    rec.record = Hash32::from(id);
    std::string fprefix = "rf/" + rec.record.hex() + "/";
    s.scan(fprefix, [&](const StateSnapshot::Entry& f) {
      Reader fr(f.value);
      NodeId who = fr.hash();
      std::string text = fr.str(RiskOp::kMaxText);
      if (fr.finish("feedback")) rec.feedback.emplace_back(who, text);
      return true;
    });
    out.push_back(std::move(rec));
    return true;
  });
  return out;
}

}  // namespace consortia
