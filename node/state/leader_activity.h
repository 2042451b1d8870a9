// Leader reputation (protocol version 3 and later): who has proposed, voted
// and failed to lead lately, kept in the replicated state under one key.
//
// Every block records its proposer, the validators whose votes certify its
// parent (the QC it carries) and the leaders of the views it skipped (views
// between its parent's and its own ended without a block on this chain). The
// leader of a view is then chosen among the validators active in a recent
// window and not recently failed, as recorded in the state of the block being
// extended. Every node that holds that block derives the same rotation
// without extra messages, so a silent or crashed validator stops costing a
// view timeout at each of its turns.
//
// Safety never depends on it: the rotation only decides whose proposal a
// node accepts in a view. A rotation of fewer than f+1 validators falls back
// to every validator, so each turn of the wheel reaches an honest one.
#pragma once

#include <map>
#include <vector>

#include "core/bytes.h"
#include "core/result.h"

namespace consortia {

class StateSnapshot;

struct LeaderActivity {
  static constexpr const char* kKey = "c/activity";
  static constexpr uint32_t kFirstVersion = 3;  // protocol version that enables it
  static constexpr size_t kMaxRecords = 1024;

  struct Record {
    uint64_t proposed = 0, voted = 0, failed = 0;  // block heights; 0: never
    bool operator==(const Record&) const = default;
  };
  std::map<NodeId, Record> records;

  // How many blocks back activity counts, and how long a failed leader sits
  // out: several rotations even at 4 validators.
  static uint64_t window(size_t validators) { return std::max<uint64_t>(32, 4 * validators); }

  // What a block at `height` contributes. Records older than a few windows
  // are dropped, so validators long removed do not stay in the state.
  void note(uint64_t height, const NodeId& proposer, const std::vector<NodeId>& voters,
            const std::vector<NodeId>& failed_leaders, size_t validators);

  Bytes encode() const;
  static Result<LeaderActivity> decode(ByteView in);
  static LeaderActivity read(const StateSnapshot& state);  // empty when absent or unreadable

  // Indices into `members` (the validators in rotation order) that may lead
  // a block at `height`; empty means every member, in order.
  std::vector<uint32_t> rotation(const std::vector<NodeId>& members, uint64_t height) const;
};

}  // namespace consortia
