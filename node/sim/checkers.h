// The checkers every run carries: the canonical chain as honest nodes
// commit it (no two honest nodes commit different blocks or states at one
// height, nothing out of order, no block of a version the node lacks), no
// transaction applied twice, value conserved in custody, nothing an honest
// node acknowledged lost, and liveness (every honest node past the height
// reached at the liveness mark). Violations go into the report with the
// simulated time.
#pragma once

#include <string>
#include <unordered_set>
#include <vector>

#include "sim/instance.h"
#include "sim/report.h"

namespace consortia::sim {

class ChainChecker {
 public:
  // `now_us`: the simulation's clock.
  ChainChecker(Report& report, const int64_t& now_us) : report_(report), now_(now_us) {}
  // A live run has no end: it does not keep every transaction id it saw.
  void set_live(bool live) { live_ = live; }

  void violation(std::string kind, uint64_t height, std::string detail);
  // An honest instance committed `c`: checked against the canonical chain.
  // True when `c` is the first commit of its height (the chain grew).
  bool on_commit(const Instance& in, const Commit& c);
  void check_conservation(const StateSnapshot& state, uint64_t height);
  void applied(const Transaction& tx, uint64_t height);
  // At the end: what `in` acknowledged is in its store and on the chain.
  void check_store(const Instance& in);
  // A restarted instance came back at `height`, having acknowledged more.
  void check_restart(const Instance& in, uint64_t height);

  uint64_t height() const { return canon_hash_.size() - 1; }
  uint64_t committed_txs() const { return txs_count_; }

  // Liveness: the mark's time, reached by the kLivenessMark event.
  void set_liveness_mark(double s) { mark_s_ = s; }
  double liveness_mark_s() const { return mark_s_; }
  void reach_liveness_mark() { mark_height_ = height(); }
  // Instances (index@height) that did not commit past the mark's height.
  void judge_liveness(const std::vector<std::string>& stalled);
  uint64_t liveness_mark_height() const { return mark_height_; }

 private:
  Report& report_;
  const int64_t& now_;
  bool live_ = false;
  std::vector<Hash32> canon_hash_{Hash32{}};
  std::vector<Hash32> canon_state_{Hash32{}};
  std::unordered_set<Hash32> txs_;
  uint64_t txs_count_ = 0;
  uint64_t mark_height_ = 0;
  double mark_s_ = 0;
};

}  // namespace consortia::sim
