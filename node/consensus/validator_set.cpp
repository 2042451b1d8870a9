#include "consensus/validator_set.h"

#include <algorithm>

#include "core/codec.h"

namespace consortia {

ValidatorSet::ValidatorSet(const CryptoSuite& suite, std::vector<Validator> members)
    : members_(std::move(members)) {
  Writer w;
  w.raw(as_bytes("consortia/validators/v1"));
  w.varint(members_.size());
  for (size_t i = 0; i < members_.size(); ++i) {
    auto& m = members_[i];
    m.id = suite.node_id(m.public_key);
    index_.emplace(m.id, i);
    w.bytes(m.public_key);
    w.str(m.organisation);
  }
  hash_ = suite.hash(w.data());
  for (const auto& m : members_) by_id_.push_back(&m);
  std::sort(by_id_.begin(), by_id_.end(),
            [](const Validator* a, const Validator* b) { return a->id < b->id; });
}

const Validator* ValidatorSet::find(const NodeId& id) const {
  auto it = index_.find(id);
  return it == index_.end() ? nullptr : &members_[it->second];
}

}  // namespace consortia
