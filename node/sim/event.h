// The simulator's events and their queue: ordered by time, then by the order
// they were scheduled in, so one seed gives one order. The queue folds every
// event it hands out into the run's trace digest.
#pragma once

#include <cstdint>
#include <cstdio>
#include <queue>
#include <string>
#include <vector>

#include "consensus/messages.h"

namespace consortia::sim {

inline constexpr int64_t kUs = 1000000;  // simulated time is in microseconds

// "12.3s", for the run's log.
inline std::string at_seconds(int64_t t_us) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1fs", static_cast<double>(t_us) / kUs);
  return buf;
}

struct Event {
  enum Kind : uint8_t {
    kDeliver,       // a message reaches `target`
    kTick,          // `target`'s timer
    kWorkload,      // the clients' next step
    kTimeline,      // the scenario's timeline event `timeline_index`
    kCrash,         // `target` crashes (random crash schedule)
    kRestart,       // `target` restarts
    kResubmit,      // clients retry what has not committed
    kLivenessMark,  // the height every honest node must pass by the end
    kFlap,          // the flapping timeline event `timeline_index` cuts or restores
  };
  int64_t t = 0;  // simulated microseconds
  uint64_t seq = 0;
  Kind kind = kTick;
  int target = -1;             // kDeliver, kTick, kCrash, kRestart
  uint64_t incarnation = 0;    // kDeliver, kTick: the life of `target` it was meant for
  NodeId from;                 // kDeliver
  MessagePtr msg;              // kDeliver
  size_t timeline_index = 0;   // kTimeline, kFlap
  bool flap_restore = false;   // kFlap: reconnect (else cut)

  bool operator>(const Event& o) const { return t != o.t ? t > o.t : seq > o.seq; }
};

class EventQueue {
 public:
  void push(Event e) {
    e.seq = seq_++;
    queue_.push(std::move(e));
  }
  bool empty() const { return queue_.empty(); }
  const Event& top() const { return queue_.top(); }
  // Takes the next event and folds it into `digest`.
  Event pop(uint64_t& digest);

 private:
  std::priority_queue<Event, std::vector<Event>, std::greater<Event>> queue_;
  uint64_t seq_ = 0;
};

}  // namespace consortia::sim
