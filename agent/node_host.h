// What the AgentService serves: one chain node and what surrounds it (its
// log, audit log, fault rules, peers, event stream). An agent is one, a node
// on its own host; the simulated sandbox holds one for every node of a
// consortia-sim network. The API, and so the console, cannot tell them apart
// except by HostInfo.simulated.
#pragma once

#include <chrono>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "chain/node.h"
#include "fault_layer.h"
#include "log.h"
#include "network.h"
#include "transport.h"

namespace consortia {
class BlockStore;
}
namespace grpc {
class Server;
class Service;
}

namespace consortia::agent {

// What the node tells watchers (console, load tool).
struct AgentEvent {
  enum class Kind { kNewBlock = 1, kViewChange, kPeerUp, kPeerDown, kFaultApplied, kHalted, kDuplicateIdentity };
  Kind kind;
  uint64_t time_ms = 0;
  uint64_t height = 0, view = 0;
  Hash32 block_hash;
  std::vector<Hash32> tx_ids;
  NodeId peer;
  std::string detail;
  uint32_t tx_count = 0;  // when tx_ids were left out; else tx_ids.size()
};

inline constexpr const char* kAgentVersion = CONSORTIA_VERSION;  // the project version (CMake)

// The newest protocol this agent implements: kMaxProtocolVersion, unless the
// binary was built older (consortia-agent-proto1, for rehearsing upgrades
// from a real older release; CONSORTIA_AGENT_MAX_PROTOCOL in main.cpp).
uint32_t software_max_protocol();
void set_software_max_protocol(uint32_t v);

// The node's own use of the host, for status.
struct NodeResources {
  uint64_t committed_txs = 0;      // since the host started
  double commit_latency_ms = 0;    // recent mean, submission here to commit
  double cpu_percent = 0;          // of one CPU, recent
  uint64_t rss_bytes = 0;          // 0 when the node is not a process of its own
  bool simulated = false;          // a simulated node: no process of its own
  uint64_t memory_share_bytes = 0; // simulated: its share of the simulator process's memory
  uint64_t disk_used_bytes = 0;    // its data directory
};

class NodeHost {
 public:
  virtual ~NodeHost() = default;

  virtual const std::string& node_name() const = 0;
  virtual const std::string& organisation() const = 0;
  // The CA certificate of an organisation (from genesis), or empty.
  virtual std::string organisation_ca(const std::string& organisation) const = 0;
  virtual const CryptoSuite& suite() const = 0;
  virtual const Genesis& genesis() const = 0;
  virtual Log& log() = 0;
  virtual AuditLog& audit() = 0;
  virtual FaultLayer& faults() = 0;

  // Runs `fn` with the node and its block store, in turn with everything
  // else the node does; kUnavailable when the node is not running.
  virtual Status with_node(const std::function<void(Node&, BlockStore&)>& fn) = 0;
  virtual std::vector<PeerSnapshot> peers() = 0;
  virtual uint64_t best_peer_height() = 0;

  // Admits transactions; the results in order.
  virtual std::vector<Status> submit(std::vector<TxPtr> txs) = 0;
  // Makes a transaction on the node's turn (e.g. with the next nonce) and
  // admits it there, so two callers never take the same nonce or leave a gap.
  // `admitted` runs there too, only when the node admitted it.
  virtual Result<TxPtr> make_and_submit(const std::function<TxPtr(Node&)>& make,
                                        const std::function<void(const TxPtr&)>& admitted) = 0;

  // Watchers of the node's events (the API's Watch streams). Thread-safe.
  using Subscriber = std::function<void(const AgentEvent&)>;
  uint64_t subscribe(Subscriber s);
  void unsubscribe(uint64_t id);
  void publish(const AgentEvent& e);

  // Where the node keeps its data (for disk figures) and since when it runs.
  virtual std::string data_dir() const = 0;
  virtual std::chrono::steady_clock::time_point started() const = 0;
  virtual NodeResources resources() = 0;
  // A node of a simulated network: no host interfaces for kernel qdiscs.
  virtual bool simulated() const { return false; }
  // When the first of the node's TLS certificate and its organisation's CA
  // certificate expires (Unix seconds), if known.
  virtual std::optional<int64_t> certificate_expires() const { return std::nullopt; }
  // Whether governance revoked the certificate with this fingerprint
  // (certificate_fingerprint), as of the last committed configuration.
  virtual bool certificate_revoked(const Hash32& fingerprint) const { (void)fingerprint; return false; }

 protected:
  // After the node did something: a view change or a halt since the last
  // call becomes an event (a halt is logged too). Called in the node's turn.
  void announce(const NodeStatus& st);

 private:
  std::mutex sub_mu_;
  std::unordered_map<uint64_t, Subscriber> subscribers_;
  uint64_t next_sub_ = 1;
  uint64_t last_view_ = 0;
  std::string last_halted_;
};

// The AgentService over a host; the host outlives the service.
// max_threads: the server's (serve_api); a quarter of them may be watch streams.
std::shared_ptr<void> make_api_service(NodeHost& host, int max_threads);
// The grpc::Service inside what make_api_service returned.
grpc::Service* api_service(const std::shared_ptr<void>& s);

// Serves `service` on the node's API address over mutual TLS: the node's
// certificate, clients verified against the network's CA bundle, a port
// of its own (a clash fails). `max_threads` bounds the calls in flight;
// `lean` keeps the server's own threads few, for a hundred servers in one
// process. The server and the port it bound.
struct ApiServer {
  std::unique_ptr<grpc::Server> server;
  int port = 0;
};
Result<ApiServer> serve_api(const AgentConfig& config, const std::shared_ptr<void>& service, int max_threads,
                            bool lean);

}  // namespace consortia::agent
