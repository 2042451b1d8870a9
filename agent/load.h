#pragma once

#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <string>
#include <vector>

namespace consortia::agent {

struct LoadOptions {
  std::string network_dir;          // --sandbox DIR (any network directory)
  std::vector<std::string> agents;  // --agent ADDR: only these (default: all)
  bool noop = false;
  double tps = 0;                   // 0: as fast as possible
  double seconds = 10;
  bool json = false;
  int clients = 64;
  size_t batch = 250;               // transactions per stream message
};

// Where the submitters stop. Each sends its share of the transactions in
// index order, and a client's nonces are spread over every submitter, so
// stopping each one on its own clock would leave gaps: a nonce never sent
// holds every later one of that client in the mempools for good. A
// submitter whose time is up (or whose stream broke) calls stop(); once all
// have, every one learns the same end: one past the highest index any of
// them sent. A submitter that can still send then sends its share below it.
class SendCutoff {
 public:
  explicit SendCutoff(size_t submitters) : waiting_(submitters) {}
  // Index i was handed to a stream.
  void sent(size_t i) {
    std::lock_guard lock(mu_);
    if (i + 1 > end_) end_ = i + 1;
  }
  // Blocks until every submitter has stopped; returns the common end.
  size_t stop() {
    std::unique_lock lock(mu_);
    if (--waiting_ == 0) cv_.notify_all();
    cv_.wait(lock, [&] { return waiting_ == 0; });
    return end_;
  }

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  size_t waiting_;
  size_t end_ = 0;
};

// Submits signed transactions and reports a Caliper-style summary.
int run_load(const LoadOptions& o);

}  // namespace consortia::agent
