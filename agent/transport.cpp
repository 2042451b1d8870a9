#include "transport.h"

#include <grpcpp/grpcpp.h>
#include <grpcpp/security/credentials.h>
#include <grpcpp/security/server_credentials.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <ctime>
#include <map>

#include "consortia/v1/p2p.grpc.pb.h"
#include "core/codec.h"
#include "core/thread_name.h"
#include "pki.h"

namespace consortia::agent {
namespace {

using v1::Frame;

int64_t now_ns() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

std::string auth_property(const std::shared_ptr<const grpc::AuthContext>& auth, const char* name) {
  if (!auth) return "";
  auto v = auth->FindPropertyValues(name);
  return v.empty() ? "" : std::string(v.front().data(), v.front().size());
}

// The host of "host:port" ("[v6]:port"), or empty when it is not one a peer
// may be dialled at (a scheme, a wildcard, no numeric port).
std::string dialable_host(const std::string& address) {
  auto colon = address.rfind(':');
  if (colon == std::string::npos || colon == 0 || colon + 1 >= address.size() || address.size() > 255) return "";
  std::string port = address.substr(colon + 1), host = address.substr(0, colon);
  if (port.find_first_not_of("0123456789") != std::string::npos || port.size() > 5) return "";
  if (host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  if (host.empty() || host == "0.0.0.0" || host == "::" || host.find_first_of("/ \t@") != std::string::npos ||
      (host.find(':') != std::string::npos && address.front() != '['))
    return "";
  return host;
}

// The IP of a gRPC peer string: "ipv4:10.0.0.5:41000", "ipv6:[::1]:41000".
std::string peer_ip(const std::string& peer) {
  std::string rest = peer.rfind("ipv4:", 0) == 0 || peer.rfind("ipv6:", 0) == 0 ? peer.substr(5) : "";
  auto colon = rest.rfind(':');
  if (colon == std::string::npos) return "";
  std::string host = rest.substr(0, colon);
  if (host.size() >= 2 && host.front() == '[') host = host.substr(1, host.size() - 2);
  return host;
}

}  // namespace

const char* message_type(const Message& m) { return message_type_name(m); }

// Frames that yield to consensus messages (is_bulk in consensus/messages.h).
static bool bulk_type(std::string_view type) {
  return type == "tx_batch" || type == "tx_relay";
}

// One outbound stream to a peer, with its egress queue shaped by the fault layer.
struct Transport::Link {
  std::string name, address;
  NodeId id;
  LinkEgress egress;
  std::mutex mu;
  std::condition_variable cv;
  std::multimap<int64_t, std::pair<std::string, Bytes>> queue;  // due -> (type, frame bytes)
  size_t queued_bytes = 0;
  std::atomic<bool> connected{false}, inbound{false};
  std::atomic<bool> removed{false};  // no longer a member: not dialled, its streams closed
  std::atomic<uint64_t> sent{0}, received{0}, dropped{0}, height{0};
  std::atomic<int64_t> rtt_ns{0};
  // Pings travel the shaped egress like any message, so RTT and loss show
  // the faults applied; loss is a moving average of unanswered pings.
  std::atomic<bool> awaiting_pong{false};
  std::atomic<double> loss{0};
  void note_ping_outcome(bool lost) { loss = 0.8 * loss + (lost ? 0.2 : 0.0); }
  grpc::ClientContext* ctx = nullptr;  // under mu, for cancelling
  // When the certificate the peer showed on the dialled stream expires
  // (seconds since the epoch; 0: none up). The stream ends then.
  std::atomic<int64_t> not_after_s{0};
  std::thread thread;
  // Inbound streams from this node id and the address the latest one
  // advertised; a second stream advertising another address while one is
  // up is the same identity running twice (under mu).
  int inbound_streams = 0;
  std::string inbound_address;
  std::string duplicate_address;
  int64_t duplicate_ns = 0;

  Link(std::string n, NodeId i, std::string a, uint64_t seed)
      : name(std::move(n)), address(std::move(a)), id(i), egress(seed) {}
};

struct Transport::Impl : public v1::Peer::Service {
  TransportOptions o;
  const CryptoSuite& suite;
  FaultLayer& faults;
  Log& log;
  Callbacks cb;
  std::unique_ptr<grpc::Server> server;
  std::map<NodeId, std::unique_ptr<Link>> links;  // grows, never shrinks, under links_mu
  mutable std::mutex links_mu;
  uint64_t next_seed = 1;
  Link* find_link(const NodeId& id) {
    std::lock_guard lock(links_mu);
    auto it = links.find(id);
    return it == links.end() ? nullptr : it->second.get();
  }
  void start_link(Link* link) {
    link->thread = std::thread([this, link] {
      name_this_thread("p2p-out");
      run_link(*link);
    });
  }
  // The link to a peer, created (and started) if new: one lookup-or-insert
  // under the lock, so racing streams from one peer make one link.
  std::pair<Link*, bool> learn_peer(const std::string& name, const NodeId& id, const std::string& address) {
    std::lock_guard lock(links_mu);
    if (auto it = links.find(id); it != links.end()) {
      Link* l = it->second.get();
      if (l->removed && !stopping) {
        // A member again (it was removed and added back): dial it again.
        if (l->thread.joinable()) l->thread.join();
        l->removed = false;
        start_link(l);
      }
      return {l, false};
    }
    if (stopping || id == o.self) return {nullptr, false};
    auto [it, added] = links.try_emplace(id, std::make_unique<Link>(name, id, address, next_seed++));
    start_link(it->second.get());
    return {it->second.get(), true};
  }
  std::atomic<bool> stopping{false};
  std::shared_ptr<grpc::ChannelCredentials> creds;
  static constexpr size_t kFrameOverhead = 64 * 1024;  // the Frame around a message
  std::atomic<int64_t> oversize_logged_ns{0};

  // Inbound streams: one per node id (a newer stream from the same node
  // replaces the older, as after a restart), each cancelled unless its
  // hello arrives within kHelloTimeout. A stream holds a server thread, so
  // without these a member could hold them all.
  static constexpr int64_t kHelloTimeoutNs = 5'000'000'000;
  struct Inbound {
    grpc::ServerContext* ctx;
    std::atomic<int64_t> hello_deadline_ns;  // 0 once the hello arrived
    std::atomic<int64_t> not_after_s{0};     // its client certificate's expiry; the stream ends then
    std::string address;                     // advertised in its hello (under inbound_mu)
    Inbound(grpc::ServerContext* c, int64_t d) : ctx(c), hello_deadline_ns(d) {}
  };
  std::mutex inbound_mu;
  std::condition_variable inbound_cv;
  std::map<NodeId, std::shared_ptr<Inbound>> inbound;  // under inbound_mu
  std::thread watchdog;

  // Also ends streams, both ways, whose peer's certificate expired since
  // they opened: TLS checks it at the handshake only, and a link may last
  // for months. Dialling again then fails at the handshake.
  void watch_hellos() {
    std::unique_lock lock(inbound_mu);
    while (!stopping) {
      inbound_cv.wait_for(lock, std::chrono::milliseconds(250));
      int64_t now = now_ns();
      int64_t now_s = static_cast<int64_t>(std::time(nullptr));
      for (auto& [id, in] : inbound) {
        int64_t d = in->hello_deadline_ns;
        if (d && now > d) {
          in->hello_deadline_ns = 0;  // cancelled once
          log.warn("p2p: node " + id.short_hex() + " sent no hello within " +
                   std::to_string(kHelloTimeoutNs / 1'000'000'000) + " s: stream closed");
          in->ctx->TryCancel();
        }
        int64_t expiry = in->not_after_s;
        if (expiry && now_s > expiry) {
          in->not_after_s = 0;
          log.warn("p2p: node " + id.short_hex() + "'s certificate expired: its stream closed");
          in->ctx->TryCancel();
        }
      }
      lock.unlock();
      {
        std::lock_guard links_lock(links_mu);
        for (auto& [id, l] : links) {
          int64_t expiry = l->not_after_s;
          if (!expiry || now_s <= expiry) continue;
          l->not_after_s = 0;
          log.warn("p2p: " + l->name + "'s certificate expired: link closed");
          std::lock_guard l_lock(l->mu);
          if (l->ctx) l->ctx->TryCancel();
        }
      }
      lock.lock();
    }
  }

  // Registers a stream; cancels the node's older one, whose advertised
  // address goes to `replaced` (a live stream from another address is the
  // same identity running twice). Null when stopping.
  std::shared_ptr<Inbound> register_inbound(const NodeId& from, grpc::ServerContext* ctx, std::string& replaced) {
    auto me = std::make_shared<Inbound>(ctx, now_ns() + kHelloTimeoutNs);
    std::lock_guard lock(inbound_mu);
    if (stopping) return nullptr;
    auto& slot = inbound[from];
    if (slot) {
      log.info("p2p: node " + from.short_hex() + " opened a new stream: its older one is closed");
      replaced = slot->address;
      slot->ctx->TryCancel();
    }
    slot = me;
    return me;
  }
  void unregister_inbound(const NodeId& from, const std::shared_ptr<Inbound>& me) {
    std::lock_guard lock(inbound_mu);
    if (auto it = inbound.find(from); it != inbound.end() && it->second == me) inbound.erase(it);
  }
  // Closes a node's inbound stream (it is no longer a member).
  void close_inbound(const NodeId& id) {
    std::lock_guard lock(inbound_mu);
    if (auto it = inbound.find(id); it != inbound.end()) it->second->ctx->TryCancel();
  }
  static constexpr size_t kMaxQueuedBytes = 64 << 20;

  Impl(TransportOptions opts, const CryptoSuite& s, FaultLayer& f, Log& l)
      : o(std::move(opts)), suite(s), faults(f), log(l) {}

  v1::Hello hello() const {
    v1::Hello h;
    h.set_chain_id(std::string(o.chain_id.v.begin(), o.chain_id.v.end()));
    h.set_node_id(std::string(o.self.v.begin(), o.self.v.end()));
    h.set_min_protocol_version(o.min_version);
    h.set_max_protocol_version(o.max_version);
    h.set_height(cb.height ? cb.height() : 0);
    h.set_p2p_address(o.advertise.empty() ? o.listen : o.advertise);
    h.set_name(o.self_name);
    return h;
  }

  // Why a hello is refused, or empty.
  std::string check_hello(const v1::Hello& h, const NodeId& expected) const {
    if (h.chain_id() != std::string(o.chain_id.v.begin(), o.chain_id.v.end()))
      return "it runs another chain";
    if (h.node_id() != std::string(expected.v.begin(), expected.v.end()))
      return "its hello names another node than its certificate";
    if (h.max_protocol_version() < o.min_version || h.min_protocol_version() > o.max_version)
      return "protocol versions " + std::to_string(h.min_protocol_version()) + ".." +
             std::to_string(h.max_protocol_version()) + " do not overlap ours " +
             std::to_string(o.min_version) + ".." + std::to_string(o.max_version);
    return "";
  }

  // ---- inbound ------------------------------------------------------------

  grpc::Status Connect(grpc::ServerContext* ctx,
                       grpc::ServerReaderWriter<Frame, Frame>* stream) override {
    std::string cn = auth_property(ctx->auth_context(), "x509_common_name");
    Bytes idb;
    if (!from_hex(cn, idb) || idb.size() != 32) {
      log.warn("p2p: refused " + ctx->peer() + ": certificate common name is not a node id");
      return {grpc::StatusCode::PERMISSION_DENIED, "certificate common name is not a node id"};
    }
    NodeId from = Hash32::from(idb);
    if (cb.refuse_peer) {
      if (auto why = cb.refuse_peer(from, auth_property(ctx->auth_context(), "x509_pem_cert")); !why.empty()) {
        log.warn("p2p: refused node " + from.short_hex() + " from " + ctx->peer() + ": " + why);
        return {grpc::StatusCode::PERMISSION_DENIED, why};
      }
    }
    // A stream on a connection made while the certificate was valid: its
    // dates are checked again here, before the stream is registered (and
    // replaces the node's older one).
    auto expiry = certificate_not_after(auth_property(ctx->auth_context(), "x509_pem_cert"));
    if (!expiry || static_cast<int64_t>(std::time(nullptr)) > *expiry) {
      log.warn("p2p: refused node " + from.short_hex() + ": its certificate expired");
      return {grpc::StatusCode::PERMISSION_DENIED, "certificate expired"};
    }
    std::string replaced_address;
    auto me = register_inbound(from, ctx, replaced_address);
    if (!me) return {grpc::StatusCode::UNAVAILABLE, "stopping"};
    me->not_after_s = *expiry;
    struct Unregister {
      Impl& m;
      const NodeId& id;
      std::shared_ptr<Inbound>& me;
      ~Unregister() { m.unregister_inbound(id, me); }
    } unregister{*this, from, me};
    Frame first;
    if (!stream->Read(&first) || !first.has_hello())
      return {grpc::StatusCode::INVALID_ARGUMENT, "expected a hello"};
    me->hello_deadline_ns = 0;
    {
      std::lock_guard lock(inbound_mu);
      me->address = first.hello().p2p_address();
    }
    if (auto why = check_hello(first.hello(), from); !why.empty()) {
      log.warn("p2p: refused node " + from.short_hex() + ": " + why);
      return {grpc::StatusCode::FAILED_PRECONDITION, why};
    }
    Frame reply;
    *reply.mutable_hello() = hello();
    if (!stream->Write(reply)) return grpc::Status::OK;
    Link* link = nullptr;
    if (!first.hello().p2p_address().empty() &&
        dialable_host(first.hello().p2p_address()) == peer_ip(ctx->peer())) {
      // A member we had no address for (e.g. a node that joined): dial back.
      std::string name = first.hello().name().empty() ? from.short_hex() : first.hello().name();
      auto [l, added] = learn_peer(name, from, first.hello().p2p_address());
      link = l;
      if (added) log.info("p2p: learned " + name + " at " + first.hello().p2p_address() + " from its hello");
    } else {
      link = find_link(from);
    }
    const std::string& advertised = first.hello().p2p_address();
    if (link) {
      std::string duplicate_of;
      {
        std::lock_guard lock(link->mu);
        if (!advertised.empty() && !replaced_address.empty() && advertised != replaced_address) {
          duplicate_of = replaced_address;
          link->duplicate_address = advertised;
          link->duplicate_ns = now_ns();
        } else if (!advertised.empty() && advertised != link->address) {
          // The node moved (a migration): dial it at its new address, if that
          // is where this connection comes from (a node cannot send its peers
          // to dial somewhere else).
          std::string host = dialable_host(advertised);
          if (!host.empty() && host == peer_ip(ctx->peer())) {
            log.info("p2p: " + link->name + " now at " + advertised + " (was " + link->address + ")");
            link->address = advertised;
            if (link->ctx) link->ctx->TryCancel();
          } else {
            log.warn("p2p: " + link->name + " says it is at " + advertised + " but connects from " + ctx->peer() +
                     "; its address stays " + link->address);
          }
        }
        ++link->inbound_streams;
        if (!advertised.empty()) link->inbound_address = advertised;
      }
      if (!duplicate_of.empty()) {
        log.warn("p2p: duplicate identity: node " + link->name + " (" + from.short_hex() + ") connects from " +
                 duplicate_of + " and from " + advertised + " at once");
        if (cb.duplicate_identity) cb.duplicate_identity(from, duplicate_of, advertised);
      }
      link->inbound = true;
      link->height = std::max<uint64_t>(link->height, first.hello().height());
    }
    log.info("p2p: node " + from.short_hex() + " connected from " + ctx->peer());
    Frame f;
    while (!stopping && stream->Read(&f)) {
      if (link && link->removed) break;
      if (f.has_ping()) {
        if (link) link->height = f.ping().height();
        Frame pong;
        pong.mutable_pong()->set_time_ns(f.ping().time_ns());
        pong.mutable_pong()->set_height(cb.height ? cb.height() : 0);
        if (!stream->Write(pong)) break;
        continue;
      }
      if (!f.has_message()) continue;
      const std::string& raw = f.message();
      if (link) link->received += raw.size();
      if (faults.partitioned(from)) {
        if (link) ++link->dropped;
        continue;
      }
      auto msg = decode_message(suite, ByteView(reinterpret_cast<const uint8_t*>(raw.data()), raw.size()));
      if (!msg) {
        log.debug("p2p: undecodable message from " + from.short_hex() + ": " + msg.error().detail);
        continue;
      }
      if (cb.traffic) cb.traffic(from, message_type(*msg), raw.size(), false);
      cb.deliver(from, std::make_shared<const Message>(std::move(*msg)), raw.size());
    }
    if (link) {
      std::lock_guard lock(link->mu);
      link->inbound = --link->inbound_streams > 0;
    }
    log.info("p2p: node " + from.short_hex() + " disconnected");
    return grpc::Status::OK;
  }

  // ---- outbound -----------------------------------------------------------------

  void enqueue(Link& l, const char* type, const Bytes& frame, bool bulk = false) {
    if (l.removed) return;
    if (faults.partitioned(l.id)) {
      ++l.dropped;
      return;
    }
    LinkRule rule = faults.rule_for(l.id);
    std::lock_guard lock(l.mu);
    bool consensus = !bulk && !bulk_type(type);
    auto copies = rule.empty() ? std::vector<LinkEgress::Copy>{{now_ns(), frame}}
                               : l.egress.shape(rule, frame, now_ns(), consensus);
    if (copies.empty()) ++l.dropped;
    for (auto& c : copies) {
      if (l.queued_bytes + c.data.size() > kMaxQueuedBytes) {
        ++l.dropped;  // a peer that cannot keep up loses messages, not our memory
        continue;
      }
      l.queued_bytes += c.data.size();
      l.queue.emplace(c.due, std::make_pair(std::string(type), std::move(c.data)));
    }
    l.cv.notify_one();
  }

  void run_link(Link& l) {
    int backoff_ms = 100;
    while (!stopping && !l.removed) {
      grpc::ChannelArguments args;
      args.SetSslTargetNameOverride(l.name + ".consortia");
      args.SetMaxReceiveMessageSize(static_cast<int>(o.max_message_bytes + kFrameOverhead));
      args.SetMaxSendMessageSize(static_cast<int>(o.max_message_bytes + kFrameOverhead));
      args.SetInt(GRPC_ARG_INITIAL_RECONNECT_BACKOFF_MS, 100);
      args.SetInt(GRPC_ARG_MAX_RECONNECT_BACKOFF_MS, 1000);
      std::string address;
      {
        std::lock_guard lock(l.mu);
        address = l.address;
      }
      auto channel = grpc::CreateCustomChannel(address, creds, args);
      auto stub = v1::Peer::NewStub(channel);
      grpc::ClientContext ctx;
      {
        std::lock_guard lock(l.mu);
        if (stopping) break;  // stop() cancels only contexts it can see
        l.ctx = &ctx;
      }
      auto stream = stub->Connect(&ctx);
      Frame h;
      *h.mutable_hello() = hello();
      Frame reply;
      std::string failure;
      if (!stream->Write(h) || !stream->Read(&reply) || !reply.has_hello()) {
        failure = "no hello";
      } else if (auto why = check_hello(reply.hello(), l.id); !why.empty()) {
        failure = why;
      } else if (auth_property(ctx.auth_context(), "x509_common_name") != l.id.hex()) {
        failure = "its certificate names another node";
      } else if (cb.refuse_peer) {
        failure = cb.refuse_peer(l.id, auth_property(ctx.auth_context(), "x509_pem_cert"));
      }
      if (failure.empty()) {
        auto t = certificate_not_after(auth_property(ctx.auth_context(), "x509_pem_cert"));
        if (t && static_cast<int64_t>(std::time(nullptr)) > *t) failure = "its certificate expired";
      }
      if (!failure.empty()) ctx.TryCancel();  // else Finish() would wait for the peer
      if (failure.empty()) {
        l.height = reply.hello().height();
        if (auto t = certificate_not_after(auth_property(ctx.auth_context(), "x509_pem_cert"))) l.not_after_s = *t;
        l.connected = true;
        backoff_ms = 100;
        if (cb.peer_changed) cb.peer_changed(l.id, true);
        log.info("p2p: connected to " + l.name + " at " + address);
        std::thread reader([&] {
          name_this_thread("p2p-in");
          Frame f;
          while (stream->Read(&f))
            if (f.has_pong()) {
              int64_t rtt = now_ns() - static_cast<int64_t>(f.pong().time_ns());
              if (rtt >= 0 && rtt < 60'000'000'000) l.rtt_ns = rtt;  // a corrupted ping says nothing
              l.height = f.pong().height();
              if (l.awaiting_pong.exchange(false)) l.note_ping_outcome(false);
            }
          std::lock_guard lock(l.mu);
          l.connected = false;
          l.cv.notify_all();
        });
        int64_t next_ping = 0;
        while (!stopping && l.connected && !l.removed) {
          std::unique_lock lock(l.mu);
          int64_t now = now_ns();
          if (now >= next_ping) {
            lock.unlock();
            if (l.awaiting_pong.exchange(true)) l.note_ping_outcome(true);  // the last one went unanswered
            Writer w;
            w.u64(static_cast<uint64_t>(now));
            enqueue(l, "ping", w.data());
            next_ping = now + 1'000'000'000;
            continue;
          }
          if (l.queue.empty() || l.queue.begin()->first > now) {
            int64_t until = std::min(next_ping, l.queue.empty() ? next_ping : l.queue.begin()->first);
            l.cv.wait_for(lock, std::chrono::nanoseconds(std::max<int64_t>(until - now, 100'000)));
            continue;
          }
          // Of the frames due, consensus messages go before transaction gossip.
          auto pick = l.queue.begin();
          for (auto it = pick; it != l.queue.end() && it->first <= now; ++it)
            if (!bulk_type(it->second.first)) {
              pick = it;
              break;
            }
          auto node = l.queue.extract(pick);
          l.queued_bytes -= node.mapped().second.size();
          lock.unlock();
          Frame m;
          if (node.mapped().first == "ping") {
            Reader r(node.mapped().second);
            m.mutable_ping()->set_time_ns(r.u64());
            m.mutable_ping()->set_height(cb.height ? cb.height() : 0);
            if (!stream->Write(m)) break;
            continue;
          }
          m.set_message(std::string(node.mapped().second.begin(), node.mapped().second.end()));
          if (!stream->Write(m)) break;
          l.sent += node.mapped().second.size();
          if (cb.traffic) cb.traffic(l.id, node.mapped().first.c_str(), node.mapped().second.size(), true);
        }
        ctx.TryCancel();
        reader.join();
        l.connected = false;
        l.not_after_s = 0;  // a later stream brings its own certificate
        if (cb.peer_changed) cb.peer_changed(l.id, false);
        if (!stopping) log.info("p2p: lost " + l.name);
      }
      grpc::Status st = stream->Finish();
      {
        std::lock_guard lock(l.mu);
        l.ctx = nullptr;
      }
      if (!failure.empty() && failure != "no hello" && !stopping)
        log.warn("p2p: refused " + l.name + " at " + address + ": " + failure);
      if (!failure.empty() && !stopping) {
        std::string why = failure == "no hello" && !st.ok() ? st.error_message() : failure;
        log.debug("p2p: cannot connect to " + l.name + " at " + address + ": " + why);
      }
      for (int waited = 0; waited < backoff_ms && !stopping && !l.removed; waited += 50)
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
      backoff_ms = std::min(backoff_ms * 2, 2000);
    }
  }
};

Transport::Transport(TransportOptions o, const CryptoSuite& suite, FaultLayer& faults, Log& log)
    : impl_(std::make_unique<Impl>(std::move(o), suite, faults, log)) {
  uint64_t seed = 1;
  for (auto b : impl_->o.self.v) seed = seed * 131 + b;
  for (const auto& [name, id, address] : impl_->o.peers)
    impl_->links.emplace(id, std::make_unique<Link>(name, id, address, seed++));
  impl_->next_seed = seed;
}

Transport::~Transport() { stop(); }

Status Transport::start(Callbacks cb) {
  Impl& m = *impl_;
  m.cb = std::move(cb);
  grpc::SslServerCredentialsOptions sopts(GRPC_SSL_REQUEST_AND_REQUIRE_CLIENT_CERTIFICATE_AND_VERIFY);
  sopts.pem_root_certs = m.o.tls.ca_bundle;
  sopts.pem_key_cert_pairs.push_back({m.o.tls.key, m.o.tls.certificate});
  grpc::SslCredentialsOptions copts;
  copts.pem_root_certs = m.o.tls.ca_bundle;
  copts.pem_private_key = m.o.tls.key;
  copts.pem_cert_chain = m.o.tls.certificate;
  m.creds = grpc::SslCredentials(copts);  // before any inbound stream can start a link
  grpc::ServerBuilder b;
  // A port clash must fail, not share the port with another server.
  b.AddChannelArgument(GRPC_ARG_ALLOW_REUSEPORT, 0);
  int port = 0;
  b.AddListeningPort(m.o.listen, grpc::SslServerCredentials(sopts), &port);
  b.RegisterService(&m);
  grpc::ResourceQuota quota("p2p");
  quota.SetMaxThreads(static_cast<int>(8 + 4 * m.links.size()));  // a stream holds a thread
  b.SetResourceQuota(quota);
  b.SetMaxReceiveMessageSize(static_cast<int>(m.o.max_message_bytes + Impl::kFrameOverhead));
  b.SetMaxSendMessageSize(static_cast<int>(m.o.max_message_bytes + Impl::kFrameOverhead));
  m.server = b.BuildAndStart();
  if (!m.server || port == 0)
    return make_error(ErrorCode::kStorageIo, "cannot listen for peers on " + m.o.listen);
  bound_ = m.o.listen.substr(0, m.o.listen.rfind(':') + 1) + std::to_string(port);
  m.watchdog = std::thread([&m] {
    name_this_thread("p2p-hello");
    m.watch_hellos();
  });
  std::lock_guard lock(m.links_mu);
  for (auto& [id, l] : m.links) m.start_link(l.get());
  return {};
}

void Transport::stop() {
  Impl& m = *impl_;
  {
    std::lock_guard lock(m.links_mu);  // no link is learned after this
    if (m.stopping.exchange(true)) return;
  }
  auto cancel_all = [&] {
    std::lock_guard lock(m.links_mu);
    for (auto& [id, l] : m.links) {
      std::lock_guard l_lock(l->mu);
      if (l->ctx) l->ctx->TryCancel();
      l->cv.notify_all();
    }
  };
  cancel_all();
  if (m.server) m.server->Shutdown(std::chrono::system_clock::now() + std::chrono::seconds(2));
  cancel_all();  // links learned while the server was stopping
  m.inbound_cv.notify_all();
  if (m.watchdog.joinable()) m.watchdog.join();
  std::vector<Link*> all;
  {
    std::lock_guard lock(m.links_mu);
    for (auto& [id, l] : m.links) all.push_back(l.get());
  }
  for (Link* l : all)
    if (l->thread.joinable()) l->thread.join();
}

void Transport::send(const std::optional<NodeId>& to, const Message& msg, bool bulk) {
  Bytes frame = encode_message(msg);
  const char* type = message_type(msg);
  if (frame.size() > impl_->o.max_message_bytes) {
    // No peer would take it, and a send that fails would close the link:
    // dropped here and said (once a minute).
    int64_t now = now_ns(), last = impl_->oversize_logged_ns;
    if (now - last > int64_t{60} * 1'000'000'000 && impl_->oversize_logged_ns.compare_exchange_strong(last, now))
      impl_->log.error("p2p: a " + std::string(type) + " message of " + std::to_string(frame.size()) +
                       " bytes is over the limit of " + std::to_string(impl_->o.max_message_bytes) + ": not sent");
    return;
  }
  if (to) {
    if (Link* l = impl_->find_link(*to)) impl_->enqueue(*l, type, frame, bulk);
    return;
  }
  std::lock_guard lock(impl_->links_mu);
  for (auto& [id, l] : impl_->links) impl_->enqueue(*l, type, frame, bulk);
}

void Transport::retain(const std::set<NodeId>& members) {
  std::lock_guard lock(impl_->links_mu);
  for (auto& [id, l] : impl_->links) {
    if (members.count(id) || l->removed) continue;
    impl_->log.info("p2p: closing the links to " + l->name + ": no longer a member");
    l->removed = true;
    impl_->close_inbound(id);
    std::lock_guard l_lock(l->mu);
    if (l->ctx) l->ctx->TryCancel();
    l->cv.notify_all();
  }
}

void Transport::reconnect_all() {
  std::lock_guard lock(impl_->links_mu);
  for (auto& [id, l] : impl_->links) {
    if (l->removed) continue;
    impl_->close_inbound(id);
    std::lock_guard l_lock(l->mu);
    if (l->ctx) l->ctx->TryCancel();
    l->cv.notify_all();
  }
}

void Transport::add_peer(const std::string& name, const NodeId& id, const std::string& address) {
  impl_->learn_peer(name, id, address);
}

std::vector<PeerSnapshot> Transport::peers() const {
  std::lock_guard lock(impl_->links_mu);
  std::vector<PeerSnapshot> out;
  for (const auto& [id, l] : impl_->links) {
    if (l->removed) continue;
    PeerSnapshot p;
    p.id = id;
    p.name = l->name;
    {
      std::lock_guard link_lock(l->mu);
      p.address = l->address;
      // Shown for five minutes after it was last seen.
      if (!l->duplicate_address.empty() && now_ns() - l->duplicate_ns < int64_t{300} * 1'000'000'000)
        p.duplicate_address = l->duplicate_address == l->address ? l->inbound_address : l->duplicate_address;
    }
    p.connected = l->connected;
    p.inbound = l->inbound;
    p.rtt_ms = static_cast<double>(l->rtt_ns.load()) / 1e6;
    p.loss = l->loss.load();
    p.sent_bytes = l->sent;
    p.received_bytes = l->received;
    p.dropped = l->dropped;
    p.height = l->height;
    LinkRule r = impl_->faults.rule_for(id);
    p.rule = impl_->faults.partitioned(id) ? "partition" : r.to_string();
    out.push_back(std::move(p));
  }
  return out;
}

size_t Transport::connected_peers() const {
  std::lock_guard lock(impl_->links_mu);
  size_t n = 0;
  for (const auto& [id, l] : impl_->links) n += l->connected ? 1 : 0;
  return n;
}

uint64_t Transport::best_peer_height(size_t ignore_highest, const std::set<NodeId>* counted) const {
  std::vector<uint64_t> heights;
  {
    std::lock_guard lock(impl_->links_mu);
    for (const auto& [id, l] : impl_->links)
      if (l->connected && (!counted || counted->count(id))) heights.push_back(l->height);
  }
  if (heights.empty()) return 0;
  std::sort(heights.begin(), heights.end(), std::greater<>());
  return heights[std::min(ignore_highest, heights.size() - 1)];
}

}  // namespace consortia::agent
