// The safety rules of the two-chain HotStuff protocol (Jolteon / DiemBFT v4).
// Everything that keeps two honest validators from committing different
// blocks at one height is in this file.
//
//  Vote rule     vote at most once per view, only for a block whose view is
//                above every view we voted or timed out in, and which either
//                extends the QC of the previous view, or follows a TC of the
//                previous view and extends a QC at least as high as every
//                high QC in that TC.
//  Timeout rule  after timing out in a view, never vote in it.
//  Commit rule   a block B is committed when its child B' (B'.view =
//                B.view + 1) is certified by a QC.
//
// Proof sketch: if B at view v is committed, a quorum voted for B' at v+1 and
// hence holds a high QC of view >= v. Any TC of a later view contains one of
// them, so its highest QC is >= v and every later proposal must extend B.
#pragma once

#include <optional>

#include "ledger/block.h"

namespace consortia {

class SafetyRules {
 public:
  explicit SafetyRules(uint64_t last_voted_view = 0) : last_voted_view_(last_voted_view) {}

  bool safe_to_vote(uint64_t block_view, uint64_t qc_view,
                    const std::optional<TimeoutCertificate>& tc) const {
    if (block_view <= last_voted_view_ || block_view <= qc_view) return false;
    if (block_view == qc_view + 1) return true;
    return tc && tc->view + 1 == block_view && qc_view >= tc->max_high_qc_view();
  }

  // Records a vote (or a timeout, which forbids voting) in a view.
  void record(uint64_t view) {
    if (view > last_voted_view_) last_voted_view_ = view;
  }

  static bool commits_parent(const Block& certified, const Block& parent) {
    return parent.view() + 1 == certified.view() && certified.parent_hash() == parent.hash();
  }

  uint64_t last_voted_view() const { return last_voted_view_; }

 private:
  uint64_t last_voted_view_;
};

}  // namespace consortia
