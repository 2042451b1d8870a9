// The simulated clients: signed transactions at the scenario's rate (no-ops,
// puts, or custody transfers with deliberate double spends), handed to the
// entry validators in turn, resubmitted elsewhere when they do not commit,
// and their commit latency measured.
#pragma once

#include <functional>
#include <map>
#include <set>
#include <unordered_map>
#include <vector>

#include "core/random.h"
#include "sim/event.h"
#include "sim/instance.h"
#include "sim/report.h"
#include "sim/sim_crypto.h"
#include "state/custody.h"

namespace consortia::sim {

class Workload {
 public:
  // Hands a transaction to an instance at a time (the instance is up).
  using Feed = std::function<void(Instance& in, int64_t t_us, const TxPtr& tx)>;

  Workload(const Scenario& sc, Rng& rng, const SimCrypto& crypto, Report& report, std::vector<Instance>& inst,
           EventQueue& queue, bool live, Feed feed, ChainOf chain)
      : sc_(sc), rng_(rng), crypto_(crypto), report_(report), inst_(inst), queue_(queue), live_(live),
        feed_(std::move(feed)), chain_(std::move(chain)) {}

  // Clients and entry validators; schedules the first kWorkload and kResubmit.
  void start(int64_t end_us);
  void step(int64_t t);      // kWorkload: the transactions due in this step
  void resubmit(int64_t t);  // kResubmit
  // A committed transaction (canonical chain): latency, and custody outputs.
  void committed(const Transaction& tx, int64_t t);
  void learn_custody(const Transaction& tx, const StateSnapshot& state);
  // Latency percentiles into the report.
  void finish();

 private:
  struct Client {
    std::unique_ptr<Signer> signer;
    uint64_t next_nonce = 0;
    // custody workload: outputs the client owns, as it learned from commits
    bool deposited = false;
    std::map<OutPoint, uint64_t> owned;
    std::set<OutPoint> in_flight;
  };
  struct Pending {
    TxPtr tx;
    int64_t submitted = 0;
    int64_t last_try = 0;
    size_t entry = 0;
  };
  void submit(Pending& p, int64_t t);
  void issue(const TxPtr& tx, int64_t t);
  std::vector<CustodyOp> custody_ops(Client& c);

  const Scenario& sc_;
  Rng& rng_;
  const SimCrypto& crypto_;
  Report& report_;
  std::vector<Instance>& inst_;
  EventQueue& queue_;
  bool live_;
  Feed feed_;
  ChainOf chain_;
  int64_t end_ = 0;
  std::vector<Client> clients_;
  std::vector<int> entries_;
  size_t next_entry_ = 0, next_client_ = 0;
  double tx_credit_ = 0;
  std::unordered_map<Hash32, Pending> pending_;
  std::vector<double> latencies_ms_;
  std::vector<double> settled_ms_;  // submitted after the warm-up
  std::unordered_map<NodeId, size_t> client_of_;
};

}  // namespace consortia::sim
