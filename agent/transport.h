// Node-to-node transport over gRPC with mutual TLS (proto/consortia/v1/p2p.proto).
//
// Every node listens, and keeps one outbound stream to every peer it knows;
// what it sends to a peer goes on that stream, what it receives comes on the
// peers' streams to it. A peer is refused, with the reason logged, when its
// certificate does not chain to an organisation's CA, when the certificate's
// node id is not a member of the chain, or when its hello names another
// chain or a protocol-version range that does not overlap ours. Each link's
// egress goes through the fault layer.
#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "consensus/messages.h"
#include "fault_layer.h"
#include "log.h"

namespace consortia::agent {

struct TlsPem {
  std::string ca_bundle, certificate, key;
};

struct PeerSnapshot {
  NodeId id;
  std::string name, address;
  bool connected = false;   // our stream to it
  bool inbound = false;     // its stream to us
  double rtt_ms = 0;
  double loss = 0;  // recent share of unanswered pings
  uint64_t sent_bytes = 0, received_bytes = 0, dropped = 0, height = 0;
  std::string rule;
  // Another address the same node id connected from while a stream was up
  // (the same identity on two hosts), recently; empty when none.
  std::string duplicate_address;
};

struct TransportOptions {
  std::string listen;
  std::vector<std::tuple<std::string, NodeId, std::string>> peers;  // name, id, address
  TlsPem tls;
  Hash32 chain_id;
  NodeId self;
  std::string self_name;
  std::string advertise;  // our P2P address as peers should dial it (default: listen)
  uint32_t min_version = 1, max_version = 1;
  // A message the receiver's decoder accepts (MessageLimits); the frame
  // around it may take a little more.
  size_t max_message_bytes = MessageLimits::kMaxMessageBytes;
};

class Transport {
 public:
  struct Callbacks {
    // A decoded message and the size of its frame; any thread.
    std::function<void(const NodeId& from, MessagePtr msg, size_t bytes)> deliver;
    std::function<uint64_t()> height;
    // Why a peer presenting this certificate as this node is refused, or
    // empty: it must be a member, with a certificate from its organisation's CA.
    std::function<std::string(const NodeId&, const std::string& certificate_pem)> refuse_peer;
    std::function<void(const NodeId&, bool up)> peer_changed;
    // One node id connected from two advertised addresses at once.
    std::function<void(const NodeId&, const std::string& first, const std::string& second)> duplicate_identity;
    // bytes by peer and message type, for metrics
    std::function<void(const NodeId&, const char* type, size_t bytes, bool sent)> traffic;
  };

  Transport(TransportOptions o, const CryptoSuite& suite, FaultLayer& faults, Log& log);
  ~Transport();
  Status start(Callbacks cb);
  void stop();
  // Encodes once; `to` empty: every peer.
  // `bulk`: a repeat, which yields to fresh consensus messages on a busy link.
  void send(const std::optional<NodeId>& to, const Message& m, bool bulk = false);
  std::vector<PeerSnapshot> peers() const;
  // Closes the links (both ways) to nodes that are no longer members.
  void retain(const std::set<NodeId>& members);
  // Ends every link's streams: each is made again, and its certificate
  // checked again (after a revocation).
  void reconnect_all();
  // Dials a member we did not know (it introduced itself in a hello).
  void add_peer(const std::string& name, const NodeId& id, const std::string& address);
  size_t connected_peers() const;
  // The highest height claimed by more than `ignore_highest` connected
  // peers (all of them, when fewer are connected).
  // `counted`: whose claims count (the validators); null, every peer's.
  uint64_t best_peer_height(size_t ignore_highest = 0, const std::set<NodeId>* counted = nullptr) const;
  const std::string& bound_address() const { return bound_; }

  struct Link;
  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
  std::string bound_;
};

const char* message_type(const Message& m);

}  // namespace consortia::agent
