#include "state/leader_activity.h"

#include <algorithm>

#include "core/codec.h"
#include "ledger/quorum.h"
#include "state/state.h"

namespace consortia {

void LeaderActivity::note(uint64_t height, const NodeId& proposer, const std::vector<NodeId>& voters,
                          const std::vector<NodeId>& failed_leaders, size_t validators) {
  for (const NodeId& id : failed_leaders) records[id].failed = height;
  for (const NodeId& id : voters) records[id].voted = height;
  if (!proposer.is_zero()) records[proposer].proposed = height;
  uint64_t keep = 4 * window(validators);
  std::erase_if(records, [&](const auto& kv) {
    const Record& r = kv.second;
    return std::max({r.proposed, r.voted, r.failed}) + keep < height;
  });
  // A hard bound whatever the blocks say: the oldest activity goes first.
  while (records.size() > kMaxRecords) {
    auto oldest = std::min_element(records.begin(), records.end(), [](const auto& a, const auto& b) {
      return std::max({a.second.proposed, a.second.voted, a.second.failed}) <
             std::max({b.second.proposed, b.second.voted, b.second.failed});
    });
    records.erase(oldest);
  }
}

Bytes LeaderActivity::encode() const {
  Writer w;
  w.varint(records.size());
  for (const auto& [id, r] : records) {
    w.hash(id);
    w.varint(r.proposed);
    w.varint(r.voted);
    w.varint(r.failed);
  }
  return w.take();
}

Result<LeaderActivity> LeaderActivity::decode(ByteView in) {
  Reader r(in);
  LeaderActivity a;
  size_t n = r.count(kMaxRecords, 32 + 3);
  for (size_t i = 0; i < n && r.ok(); ++i) {
    NodeId id = r.hash();
    Record rec;
    rec.proposed = r.varint();
    rec.voted = r.varint();
    rec.failed = r.varint();
    a.records.emplace(id, rec);
  }
  if (auto st = r.finish("leader activity"); !st) return st.error();
  return a;
}

LeaderActivity LeaderActivity::read(const StateSnapshot& state) {
  const Bytes* v = state.get(kKey);
  if (!v) return {};
  auto a = decode(*v);
  return a ? std::move(*a) : LeaderActivity{};
}

std::vector<uint32_t> LeaderActivity::rotation(const std::vector<NodeId>& members,
                                               uint64_t height) const {
  // Tiers: active and not failed lately; else active; else everyone. A tier
  // is used only if it holds at least f+1 validators, so a rotation always
  // reaches an honest one, and a few failed turns (say, at start-up, when
  // everyone took turns) cannot narrow it to a validator that is down.
  uint64_t w = window(members.size());
  std::vector<uint32_t> good, active;
  for (uint32_t i = 0; i < members.size(); ++i) {
    auto it = records.find(members[i]);
    if (it == records.end()) continue;
    const Record& r = it->second;
    uint64_t last = std::max(r.proposed, r.voted);
    if (last == 0 || last + w < height) continue;  // not seen in the window
    active.push_back(i);
    if (!(r.failed > r.proposed && r.failed + w >= height)) good.push_back(i);
  }
  size_t enough = max_faulty(members.size()) + 1;
  const std::vector<uint32_t>& chosen = good.size() >= enough ? good : active;
  if (chosen.size() < enough || chosen.size() == members.size()) return {};
  return chosen;
}

}  // namespace consortia
