// Liveness: which view we are in and when to give up on it.
//
// A view is entered on a QC or a TC for the previous view. Each view that ends
// by timeout doubles the next timeout (up to 2^max_backoff times the base); a
// view that ends with a QC within half its timeout halves it again. A view
// that took longer keeps it: the halved timeout would not have been enough,
// and halving anyway made every other view time out on a network whose
// rounds take between one and two base timeouts. So a slow network settles
// at a timeout long enough for it instead of oscillating. While a view is timed
// out, the timeout message is repeated every base timeout.
#pragma once

#include <algorithm>
#include <cstdint>

namespace consortia {

using TimeMs = int64_t;
// What a node with no timer to run (halted) names as its next deadline: far,
// but not so far that a caller converting it to microseconds overflows.
constexpr TimeMs kNoDeadline = INT64_MAX / 2000;

struct PacemakerConfig {
  TimeMs base_timeout_ms = 1000;
  uint32_t max_backoff = 3;
};

class Pacemaker {
 public:
  explicit Pacemaker(PacemakerConfig cfg = {}) : cfg_(cfg) {}

  uint64_t view() const { return view_; }
  TimeMs deadline() const { return deadline_; }
  TimeMs view_started() const { return started_; }
  uint32_t backoff() const { return backoff_; }
  TimeMs current_timeout() const { return cfg_.base_timeout_ms << backoff_; }
  TimeMs base_timeout() const { return cfg_.base_timeout_ms; }

  // Returns true when the view changed.
  bool advance_by_qc(uint64_t qc_view, TimeMs now) {
    if (qc_view < view_) return false;
    if (backoff_ > 0 && needed(now) < current_timeout() / 2) --backoff_;
    enter(qc_view + 1, now);
    return true;
  }
  bool advance_by_tc(uint64_t tc_view, TimeMs now) {
    if (tc_view < view_) return false;
    backoff_ = std::min(backoff_ + 1, cfg_.max_backoff);
    enter(tc_view + 1, now);
    return true;
  }
  // Restores a view after restart without counting it as progress.
  void restore(uint64_t view, TimeMs now) { enter(std::max<uint64_t>(view, 1), now); }
  // After a local timeout the view's timeout is retransmitted every base
  // timeout (not the backed-off one): a lost timeout must not cost a whole
  // back-off period once the network heals.
  void rearm(TimeMs now) { deadline_ = now + cfg_.base_timeout_ms; }
  // This node voted (or proposed) in the view at `now`; the next leader may
  // first wait `allowance` (its idle wait, when nothing is there to order).
  // The view gets a full timeout from the vote plus the allowance, and
  // what it needed is measured from the vote, allowance deducted, so an
  // idle chain's waits do not hold the timeout up.
  void note_voted(TimeMs now, TimeMs allowance) {
    voted_at_ = now;
    allowance_ = allowance;
    deadline_ = std::max(deadline_, now + current_timeout() + allowance);
  }
  // Work arrived: the allowance no longer applies.
  void drop_allowance() {
    if (allowance_ == 0) return;
    allowance_ = 0;
    deadline_ = voted_at_ + current_timeout();
  }
  TimeMs allowance() const { return allowance_; }
  // A new base timeout (a chain parameter) applies from the next view.
  void set_base_timeout(TimeMs ms) { cfg_.base_timeout_ms = ms; }

 private:
  void enter(uint64_t view, TimeMs now) {
    view_ = view;
    started_ = now;
    voted_at_ = now;
    allowance_ = 0;
    deadline_ = now + current_timeout();
  }
  // What the view took from this node's vote (its start until it votes),
  // less the idle allowance.
  TimeMs needed(TimeMs now) const { return now - voted_at_ - allowance_; }
  PacemakerConfig cfg_;
  uint64_t view_ = 1;
  TimeMs started_ = 0;
  TimeMs deadline_ = 0;
  TimeMs voted_at_ = 0;
  TimeMs allowance_ = 0;
  uint32_t backoff_ = 0;
};

}  // namespace consortia
