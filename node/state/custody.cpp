#include "state/custody.h"

#include <set>

#include "state/state.h"

namespace consortia {
namespace {
constexpr uint8_t kOpVersion = 1;

Error invalid(std::string why) { return make_error(ErrorCode::kInvalidArgument, std::move(why)); }
}  // namespace

Bytes CustodyOp::encode() const {
  Writer w;
  w.u8(kOpVersion);
  w.u8(static_cast<uint8_t>(kind));
  if (kind == Kind::kDeposit) {
    w.u64(amount);
    return w.take();
  }
  w.varint(inputs.size());
  for (const auto& in : inputs) {
    w.hash(in.tx);
    w.u32(in.index);
  }
  if (kind == Kind::kTransfer) {
    w.varint(outputs.size());
    for (const auto& o : outputs) {
      w.hash(o.owner);
      w.u64(o.amount);
    }
  }
  return w.take();
}

Result<CustodyOp> CustodyOp::decode(ByteView payload) {
  Reader r(payload);
  CustodyOp op;
  uint8_t version = r.u8();
  if (r.ok() && version != kOpVersion)
    return make_error(ErrorCode::kUnsupportedVersion, "custody op version " + std::to_string(version));
  uint8_t kind = r.u8();
  if (r.ok() && (kind < 1 || kind > 3)) return invalid("unknown custody operation " + std::to_string(kind));
  op.kind = static_cast<Kind>(kind);
  if (op.kind == Kind::kDeposit) {
    op.amount = r.u64();
  } else {
    size_t n = r.count(kMaxInputs, 36);
    for (size_t i = 0; i < n && r.ok(); ++i) {
      OutPoint p;
      p.tx = r.hash();
      p.index = r.u32();
      op.inputs.push_back(p);
    }
    if (op.kind == Kind::kTransfer) {
      size_t m = r.count(kMaxOutputs, 40);
      for (size_t i = 0; i < m && r.ok(); ++i) {
        CustodyOutput o;
        o.owner = r.hash();
        o.amount = r.u64();
        op.outputs.push_back(o);
      }
    }
  }
  if (auto st = r.finish("custody operation"); !st) return st.error();
  if (op.kind == Kind::kDeposit && op.amount == 0) return invalid("deposit of zero");
  if (op.kind != Kind::kDeposit && op.inputs.empty()) return invalid("no inputs");
  if (op.kind == Kind::kTransfer && op.outputs.empty()) return invalid("no outputs");
  std::set<OutPoint> seen(op.inputs.begin(), op.inputs.end());
  if (seen.size() != op.inputs.size()) return invalid("an input is listed twice");
  for (const auto& o : op.outputs)
    if (o.amount == 0) return invalid("output of zero");
  return op;
}

Bytes encode_output(const CustodyOutput& o) {
  Writer w;
  w.hash(o.owner);
  w.u64(o.amount);
  return w.take();
}

std::optional<CustodyOutput> decode_output(ByteView value) {
  Reader r(value);
  CustodyOutput o;
  o.owner = r.hash();
  o.amount = r.u64();
  if (!r.finish("output")) return std::nullopt;
  return o;
}

uint64_t custody_supply(const StateSnapshot& s) {
  const Bytes* v = s.get(kSupplyKey);
  if (!v) return 0;
  Reader r(*v);
  uint64_t x = r.u64();
  return r.finish("supply") ? x : 0;
}

static uint64_t sum_outputs(const StateSnapshot& s, const NodeId* owner) {
  uint64_t total = 0;
  s.scan("u/", [&](const StateSnapshot::Entry& e) {
    if (auto o = decode_output(e.value); o && (!owner || o->owner == *owner)) total += o->amount;
    return true;
  });
  return total;
}

uint64_t custody_balance(const StateSnapshot& s, const NodeId& owner) { return sum_outputs(s, &owner); }
uint64_t custody_unspent_total(const StateSnapshot& s) { return sum_outputs(s, nullptr); }

}  // namespace consortia
