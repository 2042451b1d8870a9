#include "mempool/signature_pool.h"

#include <atomic>
#include <future>

#include "core/thread_name.h"

namespace consortia {

SignaturePool::SignaturePool(const CryptoSuite& suite, const Hash32& chain_id, unsigned threads,
                             size_t remembered)
    : suite_(suite), chain_id_(chain_id), capacity_(std::max<size_t>(remembered, 1)) {
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  // The caller of check() works as well: one worker fewer than the threads asked.
  for (unsigned i = 1; i < threads; ++i)
    workers_.emplace_back([this] {
      name_this_thread("sigcheck");
      work();
    });
}

SignaturePool::~SignaturePool() {
  {
    std::lock_guard lock(mu_);
    stop_ = true;
  }
  cv_.notify_all();
  for (auto& t : workers_) t.join();
}

void SignaturePool::work() {
  while (true) {
    std::function<void()> task;
    {
      std::unique_lock lock(mu_);
      cv_.wait(lock, [&] { return stop_ || !tasks_.empty(); });
      if (tasks_.empty()) return;  // stopping, nothing left
      task = std::move(tasks_.front());
      tasks_.pop_front();
    }
    task();
  }
}

bool SignaturePool::known(const Hash32& leaf) const { return valid_.count(leaf) > 0; }

bool SignaturePool::remembered(const Hash32& leaf) const {
  std::lock_guard lock(mu_);
  return known(leaf);
}

std::vector<Hash32> SignaturePool::check(const std::vector<TxPtr>& txs, bool stop_at_bad) {
  std::vector<Hash32> valid;
  std::vector<const Transaction*> todo;
  {
    std::lock_guard lock(mu_);
    for (const auto& tx : txs) {
      if (!tx) continue;
      if (known(tx->leaf())) {
        valid.push_back(tx->leaf());
        ++hits_;
      } else {
        todo.push_back(tx.get());
      }
    }
  }
  if (todo.empty()) return valid;

  // Chunks taken by index from a shared counter, by the caller and by every
  // idle worker: a small batch stays on the caller, a large one spreads.
  constexpr size_t kChunk = 16;
  struct Job {
    std::vector<const Transaction*> todo;
    std::vector<uint8_t> ok;
    std::atomic<size_t> next{0};
    std::atomic<size_t> done{0};
    std::atomic<bool> bad{false};
    std::atomic<size_t> attempted{0};
    std::promise<void> finished;
  };
  auto job = std::make_shared<Job>();
  job->todo = std::move(todo);
  job->ok.assign(job->todo.size(), 0);
  const size_t n = job->todo.size();
  const size_t chunks = (n + kChunk - 1) / kChunk;
  auto finished = job->finished.get_future();
  auto run = [this, job, n, chunks, stop_at_bad] {
    while (true) {
      size_t c = job->next.fetch_add(1);
      if (c >= chunks) return;
      size_t end = std::min(n, (c + 1) * kChunk);
      for (size_t i = c * kChunk; i < end && !(stop_at_bad && job->bad.load(std::memory_order_relaxed)); ++i) {
        job->attempted.fetch_add(1, std::memory_order_relaxed);
        try {
          job->ok[i] = job->todo[i]->verify_signature(suite_, chain_id_);
        } catch (const std::exception&) {
          job->ok[i] = 0;  // out of memory or a library failure: the node checks it again
        }
        if (!job->ok[i]) job->bad.store(true, std::memory_order_relaxed);
      }
      if (job->done.fetch_add(1) + 1 == chunks) job->finished.set_value();
    }
  };
  size_t helpers = std::min<size_t>(workers_.size(), chunks - 1);
  if (helpers > 0) {
    {
      std::lock_guard lock(mu_);
      for (size_t i = 0; i < helpers; ++i) tasks_.emplace_back(run);
    }
    if (helpers == 1) cv_.notify_one();
    else cv_.notify_all();
  }
  run();
  finished.wait();

  std::lock_guard lock(mu_);
  verified_ += job->attempted.load();
  for (size_t i = 0; i < n; ++i) {
    if (!job->ok[i]) continue;
    const Hash32& leaf = job->todo[i]->leaf();
    remember_locked(leaf);
    valid.push_back(leaf);
  }
  return valid;
}

void SignaturePool::remember(const Hash32& leaf) {
  std::lock_guard lock(mu_);
  remember_locked(leaf);
}

void SignaturePool::remember_locked(const Hash32& leaf) {
  if (valid_.size() >= capacity_) valid_.clear();
  valid_.insert(leaf);
}

uint64_t SignaturePool::verified() const {
  std::lock_guard lock(mu_);
  return verified_;
}

uint64_t SignaturePool::remembered_hits() const {
  std::lock_guard lock(mu_);
  return hits_;
}

}  // namespace consortia
