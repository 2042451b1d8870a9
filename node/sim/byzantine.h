// Byzantine behaviours: what a misbehaving validator sends instead of what
// its honest code produced. Twins need no code here (two honest instances
// share one key); the others rewrite or multiply outgoing messages.
#pragma once

#include <functional>
#include <optional>
#include <vector>

#include "core/random.h"
#include "sim/instance.h"

namespace consortia::sim {

class Byzantine {
 public:
  // Sends `msg` from an instance to `to` (every peer when nullopt), to the
  // instances `include` accepts.
  using Route = std::function<void(Instance& from, const std::optional<NodeId>& to, const MessagePtr& msg,
                                   int64_t t, const std::function<bool(const Instance&)>& include)>;

  Byzantine(Rng& rng, const CryptoSuite& crypto, const std::vector<Instance>& instances, const Scenario& sc, Route route)
      : rng_(rng), crypto_(crypto), instances_(instances), sc_(sc), route_(std::move(route)) {}

  // Sends what `in` (misbehaving as in.byz) makes of the honest output `o`.
  void misbehave(Instance& in, const Outgoing& o, int64_t t);

 private:
  void send(Instance& in, const std::optional<NodeId>& to, const MessagePtr& msg, int64_t t);
  Bytes garbage(size_t n);
  Rng& rng_;
  const CryptoSuite& crypto_;
  const std::vector<Instance>& instances_;
  const Scenario& sc_;
  Route route_;
};

}  // namespace consortia::sim
