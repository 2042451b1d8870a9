// The load tool's submitters stop at one common index, so that no client's
// nonces are left with a gap when their clocks run out at different points.
#include <gtest/gtest.h>

#include <set>
#include <thread>

#include "load.h"

using consortia::agent::SendCutoff;

// Two submitters share transactions i (even to one, odd to the other), as the
// load tool shares them between agents. One stops early, after index 4; the
// other runs to 21. After stop() both send their share below the common end,
// and together they sent every index below it: no gap.
TEST(SendCutoff, SubmittersStoppingApartStillLeaveNoGapBelowTheCommonEnd) {
  SendCutoff cutoff(2);
  std::set<size_t> sent[2];
  auto submitter = [&](int k, size_t stop_after) {
    size_t i = k;
    for (; i <= stop_after; i += 2) {
      sent[k].insert(i);
      cutoff.sent(i);
    }
    size_t end = cutoff.stop();
    for (; i < end; i += 2) sent[k].insert(i);
    return end;
  };
  size_t end0 = 0, end1 = 0;
  std::thread a([&] { end0 = submitter(0, 4); });
  std::thread b([&] { end1 = submitter(1, 21); });
  a.join();
  b.join();
  EXPECT_EQ(end0, 22u);
  EXPECT_EQ(end1, 22u);
  std::set<size_t> all(sent[0].begin(), sent[0].end());
  all.insert(sent[1].begin(), sent[1].end());
  EXPECT_EQ(all.size(), 22u);
  EXPECT_EQ(*all.rbegin(), 21u);
}

// A submitter that sent nothing (its stream broke at once) still stops, and
// does not hold the others back.
TEST(SendCutoff, ASubmitterThatSentNothingDoesNotBlockTheOthers) {
  SendCutoff cutoff(3);
  std::thread quiet([&] { cutoff.stop(); });
  std::thread one([&] {
    cutoff.sent(9);
    cutoff.stop();
  });
  EXPECT_EQ(cutoff.stop(), 10u);
  quiet.join();
  one.join();
}
