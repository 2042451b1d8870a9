// AgentService (proto/consortia/v1/agent.proto) over a node host: an agent's
// node, or one node of a simulated network.
#include <grpcpp/grpcpp.h>
#include <sys/sysinfo.h>
#include <unistd.h>

#include <atomic>
#include <condition_variable>
#include <ctime>
#include <deque>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <unordered_map>

#include "consortia/v1/agent.grpc.pb.h"
#include "host_stats.h"
#include "node_host.h"
#include "pki.h"
#include "state/governance.h"
#include "storage/block_store.h"
#include "supervisor.h"

namespace consortia::agent {
namespace {

namespace pb = consortia::v1;
using grpc::ServerContext;
using grpc::Status;
using grpc::StatusCode;

std::string str(const Hash32& h) { return std::string(h.v.begin(), h.v.end()); }
// Evidence as the API shows it, named from the chain configuration.
void fill_equivocation(pb::Equivocation& x, const HeldEquivocation& h, const ChainConfig* cfg, bool encoded) {
  const Equivocation& e = h.evidence;
  x.set_offender(str(e.offender));
  if (const Member* m = cfg ? cfg->member(e.offender) : nullptr) {
    x.set_offender_name(m->name);
    x.set_offender_organisation(m->organisation);
    x.set_offender_is_validator(m->role == MemberRole::kValidator);
  }
  x.set_kind(equivocation_kind_name(e.kind));
  x.set_view(e.view);
  x.set_first_block(str(e.first));
  x.set_second_block(str(e.second));
  x.set_first_height(e.first_height);
  x.set_second_height(e.second_height);
  x.set_reported_by(str(h.reported_by));
  x.set_held_since_ms(static_cast<uint64_t>(h.held_since));
  if (encoded) {
    Bytes b = e.encode();
    x.set_encoded(std::string(b.begin(), b.end()));
    x.set_offender_public_key(std::string(h.offender_key.begin(), h.offender_key.end()));
  }
}
std::optional<Hash32> hash_of(const std::string& s) {
  if (s.size() != 32) return std::nullopt;
  return Hash32::from(ByteView(reinterpret_cast<const uint8_t*>(s.data()), s.size()));
}
// A gRPC status whose message starts with the stable reason code.
// At most `max` printable ASCII characters of a caller's text, others as '?':
// what is logged and audited can neither forge a line nor split a character.
std::string printable(const std::string& s, size_t max) {
  std::string out;
  for (size_t i = 0; i < s.size() && out.size() < max; ++i)
    out += s[i] >= 0x20 && s[i] < 0x7f ? s[i] : '?';
  return out;
}

Status error(StatusCode code, ErrorCode reason, const std::string& detail) {
  return Status(code, std::string(error_code_name(reason)) + ": " + detail);
}
Status error(const Error& e) {
  StatusCode c = StatusCode::INVALID_ARGUMENT;
  if (e.code == ErrorCode::kNotFound) c = StatusCode::NOT_FOUND;
  if (e.code == ErrorCode::kStorageIo || e.code == ErrorCode::kStorageCorrupt) c = StatusCode::INTERNAL;
  return error(c, e.code, e.detail);
}

struct Caller {
  std::string who, organisation, role;
};

// Denied calls are recorded at most once per key (caller and call) in each
// window; the rest are counted and the count goes with the next entry. The
// table is bounded: when full, windows that ended are dropped, and a key
// that still finds no room is not recorded (the flood is already on record).
// Streams hold a server thread each for as long as they last: an identity
// (organisation and name) may hold per_identity of one kind, and all
// callers together `total`.
// Long-lived streams (Watch, SubmitStream) each hold a server thread. An
// identity holds a few; an organisation at most half of all; and other
// organisations together leave a quarter for the node's own, so that no
// member, nor several, can keep its operators from watching their node.
class StreamLimit {
 public:
  StreamLimit(int per_identity, int total)
      : per_identity_(per_identity),
        total_(total),
        foreign_(total > 1 ? total - std::max(1, total / 4) : total),
        per_organisation_(std::min(foreign_, std::max(1, total / 2))) {}
  // A taken slot, given back when it goes.
  class Slot {
   public:
    Slot(StreamLimit& l, std::string identity, std::string organisation, bool own)
        : l_(l), identity_(std::move(identity)), organisation_(std::move(organisation)), own_(own) {}
    ~Slot() { l_.release(identity_, organisation_, own_); }
    Slot(const Slot&) = delete;
    Slot& operator=(const Slot&) = delete;

   private:
    StreamLimit& l_;
    std::string identity_, organisation_;
    bool own_;
  };
  // A slot for the identity's stream, or null and why not. `own`: the
  // caller is of the node's own organisation.
  std::unique_ptr<Slot> acquire(const std::string& identity, const std::string& organisation, bool own,
                                const char* what, std::string& why) {
    std::lock_guard lock(mu_);
    if (used_ >= total_) {
      why = "this agent serves " + std::to_string(total_) + " " + what + " streams at most";
      return nullptr;
    }
    if (by_identity_[identity] >= per_identity_) {
      why = "at most " + std::to_string(per_identity_) + " " + what + " streams per identity";
      return nullptr;
    }
    if (by_organisation_[organisation] >= per_organisation_) {
      why = "at most " + std::to_string(per_organisation_) + " " + what + " streams per organisation";
      return nullptr;
    }
    if (!own && foreign_used_ >= foreign_) {
      why = "the other " + std::to_string(total_ - foreign_) + " " + what +
            " streams are kept for the node's own organisation";
      return nullptr;
    }
    ++by_identity_[identity];
    ++by_organisation_[organisation];
    ++used_;
    if (!own) ++foreign_used_;
    return std::make_unique<Slot>(*this, identity, organisation, own);
  }

 private:
  void release(const std::string& identity, const std::string& organisation, bool own) {
    std::lock_guard lock(mu_);
    if (--by_identity_[identity] <= 0) by_identity_.erase(identity);
    if (--by_organisation_[organisation] <= 0) by_organisation_.erase(organisation);
    --used_;
    if (!own) --foreign_used_;
  }

  const int per_identity_, total_, foreign_, per_organisation_;
  std::mutex mu_;
  std::unordered_map<std::string, int> by_identity_, by_organisation_;
  int used_ = 0, foreign_used_ = 0;
};

class DenialLimiter {
 public:
  static constexpr int64_t kWindowMs = 10'000;
  static constexpr size_t kMaxKeys = 4096;

  bool should_record(const std::string& key, uint64_t& more) {
    int64_t now = std::chrono::duration_cast<std::chrono::milliseconds>(
                      std::chrono::steady_clock::now().time_since_epoch())
                      .count();
    std::lock_guard lock(mu_);
    auto it = keys_.find(key);
    if (it == keys_.end()) {
      if (keys_.size() >= kMaxKeys)
        std::erase_if(keys_, [&](const auto& kv) { return now - kv.second.since_ms >= kWindowMs; });
      if (keys_.size() >= kMaxKeys) return false;
      keys_[key] = {now, 0};
      more = 0;
      return true;
    }
    if (now - it->second.since_ms < kWindowMs) {
      ++it->second.suppressed;
      return false;
    }
    more = it->second.suppressed;
    it->second = {now, 0};
    return true;
  }

 private:
  struct Window {
    int64_t since_ms = 0;
    uint64_t suppressed = 0;
  };
  std::mutex mu_;
  std::unordered_map<std::string, Window> keys_;
};

enum class Need { kRead, kSubmit, kControl, kGovern };

class ApiService final : public pb::AgentService::Service {
 public:
  ApiService(NodeHost& a, int max_threads)
      : a_(a),
        watch_limit_(kMaxWatchPerIdentity, std::max(1, max_threads / 4)),
        submit_limit_(kMaxSubmitStreamsPerIdentity, std::max(1, max_threads / 4)) {}

  // Who is calling, from the verified client certificate; whether they may.
  // The caller's certificate (PEM) as TLS verified it, or empty.
  static std::string client_certificate_pem(ServerContext* ctx) {
    auto auth = ctx->auth_context();
    auto pem = auth ? auth->FindPropertyValues("x509_pem_cert") : std::vector<grpc::string_ref>{};
    return pem.empty() ? std::string() : std::string(pem.front().data(), pem.front().size());
  }

  Status authorise(ServerContext* ctx, Need need, Caller& c) {
    const std::string pem = client_certificate_pem(ctx);
    if (pem.empty()) return error(StatusCode::UNAUTHENTICATED, ErrorCode::kUnauthorised, "no client certificate");
    auto subject = certificate_subject(pem);
    if (!subject) return error(StatusCode::UNAUTHENTICATED, ErrorCode::kUnauthorised, "unreadable client certificate");
    // TLS checked the dates when the connection was made; a client keeps
    // its connection for later calls, so each call checks them again.
    auto expiry = certificate_not_after(pem);
    if (!expiry || std::time(nullptr) > *expiry)
      return error(StatusCode::UNAUTHENTICATED, ErrorCode::kUnauthorised, "the client certificate expired");
    c = {subject->common_name, subject->organisation, subject->unit};
    auto fingerprint = certificate_fingerprint(pem);
    if (!fingerprint || a_.certificate_revoked(*fingerprint))
      return error(StatusCode::UNAUTHENTICATED, ErrorCode::kUnauthorised,
                   "the client certificate was revoked by governance: ask your organisation's admin for a new one");
    // TLS accepted any CA of the network; the organisation a certificate
    // claims must be the one whose CA issued it.
    std::string ca = a_.organisation_ca(c.organisation);
    if (ca.empty() || !verify_issued_by(pem, ca))
      return error(StatusCode::UNAUTHENTICATED, ErrorCode::kUnauthorised,
                   "certificate for '" + c.organisation + "' not issued by that organisation's CA");
    bool own = c.organisation == a_.organisation();
    bool ok = true;
    switch (need) {
      case Need::kRead: break;
      case Need::kSubmit: ok = c.role == "operator" || c.role == "admin"; break;
      case Need::kControl: ok = (c.role == "operator" || c.role == "admin") && own; break;
      case Need::kGovern: ok = c.role == "admin" && own; break;
    }
    if (!ok)
      return error(StatusCode::PERMISSION_DENIED, ErrorCode::kUnauthorised,
                   "role '" + c.role + "' of '" + c.organisation + "' may not do this on a node of '" +
                       a_.organisation() + "'");
    return Status::OK;
  }

  // The node's own organisation's people (viewers, operators, admins), for
  // whom stream slots are kept: not its node hosts, one of which may be
  // another's to use.
  // When the calling certificate expires (seconds since the epoch; 0: unknown).
  static Hash32 client_certificate_fingerprint(ServerContext* ctx) {
    auto f = certificate_fingerprint(client_certificate_pem(ctx));  // an error for none
    return f ? *f : Hash32{};
  }

  static int64_t client_certificate_expiry(ServerContext* ctx) {
    auto t = certificate_not_after(client_certificate_pem(ctx));
    return t ? *t : 0;
  }

  bool own_people(const Caller& c) const {
    return c.organisation == a_.organisation() && (c.role == "viewer" || c.role == "operator" || c.role == "admin");
  }

  // Calls that change something are audited. The caller is authorised
  // first: a denied call records who was denied and for what, never the
  // text it sent, and at most once per caller and call in a window (with the
  // count of the rest). An authorised call runs only after its entry reached
  // the audit log: when that cannot be written, the call is refused.
  Status audited(ServerContext* ctx, Need need, const std::string& call, const std::string& detail,
                 const std::function<Status(const Caller&)>& body) {
    Caller c;
    Status st = authorise(ctx, need, c);
    std::string who = printable(c.who.empty() ? ctx->peer() : c.who, 128);
    std::string org = printable(c.organisation, 64), role = printable(c.role, 16);
    if (!st.ok()) {
      if (uint64_t more; denials_.should_record(who + "/" + org + "/" + call, more)) {
        std::string result = printable(st.error_message(), 256);
        if (more) result += " (and " + std::to_string(more) + " more denied since the last entry)";
        a_.audit().record(who, org, role, call, "", result);
        a_.log().warn("audit: " + who + " of " + org + " denied " + call + ": " + result);
      }
      return st;
    }
    std::string d = printable(detail, 256);
    // A call that changes the node's control state is on record before it
    // runs. A submission changes nothing here but the mempool, and its
    // transactions are on the chain: it is recorded once, when done.
    if (need != Need::kSubmit && !a_.audit().record(who, org, role, call, d, "started")) {
      std::string why = a_.audit().problem();
      a_.log().error("audit: cannot write the audit log (" + why + "): refused " + call + " from " + who);
      return error(StatusCode::UNAVAILABLE, ErrorCode::kStorageIo,
                   "the audit log cannot be written (" + why + "); calls that change something are refused until it can");
    }
    st = body(c);
    std::string result = st.ok() ? "ok" : printable(st.error_message(), 512);
    d = printable(detail, 256);  // the body may have filled it in (what was staged)
    if (!a_.audit().record(who, org, role, call, d, result))
      a_.log().error("audit: cannot write the result of " + call + " from " + who + ": " + a_.audit().problem());
    a_.log().info("audit: " + who + " " + call + " " + d + " -> " + result);
    return st;
  }

  Status GetStatus(ServerContext* ctx, const pb::StatusRequest*, pb::NodeStatus* out) override {
    Caller c;
    if (auto st = authorise(ctx, Need::kRead, c); !st.ok()) return st;
    auto st = a_.with_node([&](Node& n, BlockStore&) {
      NodeStatus s = n.status();
      out->set_node_id(str(s.id));
      out->set_name(a_.node_name());
      out->set_organisation(a_.organisation());
      out->set_role(s.validator ? "validator" : "observer");
      out->set_height(s.height);
      out->set_view(s.view);
      out->set_leader(str(s.leader));
      out->set_last_block_time_ms(n.consensus().committed_tip()->header().timestamp_ms);
      out->set_block_hash(str(n.consensus().committed_tip()->hash()));
      out->set_protocol_version(s.protocol_version);
      out->set_halted(s.halted);
      out->set_mempool_size(s.mempool_size);
      out->set_view_changes(s.views_by_timeout);
      out->set_chain_id(str(n.chain_id()));
      out->set_validators(static_cast<uint32_t>(n.validators().size()));
      auto cfg = n.config();
      for (const auto& h : n.equivocation_summary(16)) fill_equivocation(*out->add_equivocations(), h, cfg.get(), false);
    });
    if (!st) return error(StatusCode::UNAVAILABLE, st.error().code, st.error().detail);
    uint64_t best = a_.best_peer_height();
    out->set_best_peer_height(best);
    out->set_syncing(best > out->height() + 2);
    NodeResources r = a_.resources();
    out->set_committed_txs(r.committed_txs);
    out->set_commit_latency_ms(r.commit_latency_ms);
    out->set_cpu_percent(r.cpu_percent);
    out->set_rss_bytes(r.rss_bytes);
    out->set_simulated(r.simulated);
    out->set_memory_share_bytes(r.memory_share_bytes);
    out->set_disk_used_bytes(r.disk_used_bytes);
    DiskSpace disk = disk_space(a_.data_dir());
    out->set_disk_free_bytes(disk.free_bytes);
    out->set_disk_total_bytes(disk.total_bytes);
    out->set_agent_version(kAgentVersion);
    out->set_binary_sha256(own_binary_sha256());
    out->set_min_protocol_version(kMinProtocolVersion);
    out->set_max_protocol_version(software_max_protocol());
    out->set_certificate_expires(a_.certificate_expires().value_or(0));
    if (!a_.simulated()) {
      out->set_supervised(supervised(a_.data_dir()));
      if (auto staged = staged_binaries_in(a_.data_dir()))
        for (const auto& b : (*staged)["staged"]) out->add_staged_versions(b["version"].get<std::string>());
    }
    for (const auto& p : a_.peers()) {
      auto* x = out->add_peers();
      x->set_node_id(str(p.id));
      x->set_name(p.name);
      x->set_address(p.address);
      x->set_connected(p.connected);
      x->set_rtt_ms(p.rtt_ms);
      x->set_loss(p.loss);
      x->set_sent_bytes(p.sent_bytes);
      x->set_received_bytes(p.received_bytes);
      x->set_dropped(p.dropped);
      x->set_height(p.height);
      x->set_fault_rule(p.rule);
      x->set_duplicate_address(p.duplicate_address);
    }
    return Status::OK;
  }

  // A Watch stream holds a server thread for as long as it lasts, so an
  // identity (organisation and name) may hold kMaxWatchPerIdentity of them
  // and all callers together a quarter of the threads: the rest of the API
  // stays answerable. A stream queues at most kMaxWatchQueueBytes for a
  // client that does not read, then ends (the blocked write is cancelled).
  static constexpr int kMaxWatchPerIdentity = 4;
  static constexpr int kMaxSubmitStreamsPerIdentity = 4;
  static constexpr size_t kMaxWatchQueueBytes = 4u << 20;

  Status Watch(ServerContext* ctx, const pb::WatchRequest* req, grpc::ServerWriter<pb::Event>* w) override {
    Caller c;
    if (auto st = authorise(ctx, Need::kRead, c); !st.ok()) return st;
    std::string identity = c.organisation + "/" + c.who, why;
    auto slot = watch_limit_.acquire(identity, c.organisation, own_people(c), "watch", why);
    if (!slot) return error(StatusCode::RESOURCE_EXHAUSTED, ErrorCode::kUnavailable, why);
    // TLS checked the certificate's dates at the handshake; a stream may
    // last longer than the certificate does, and ends with it.
    int64_t expiry = client_certificate_expiry(ctx);
    const Hash32 fingerprint = client_certificate_fingerprint(ctx);
    bool expired = false;
    // Said at once, so a client knows its stream was taken before any event.
    ctx->AddInitialMetadata("consortia-watch", "open");
    w->SendInitialMetadata();

    std::mutex mu;
    std::condition_variable cv;
    std::deque<AgentEvent> q;
    size_t queued_bytes = 0;  // bounded by what it holds, not by event count
    bool overflow = false;
    const bool with_ids = req->include_tx_ids();
    uint64_t id = a_.subscribe([&](const AgentEvent& e) {
      // Only what the client asked for is copied: ids stay with the
      // publisher unless requested.
      AgentEvent slim{e.kind, e.time_ms, e.height, e.view, e.block_hash, {}, e.peer, e.detail};
      slim.tx_count = e.tx_count ? e.tx_count : static_cast<uint32_t>(e.tx_ids.size());
      if (with_ids) slim.tx_ids = e.tx_ids;
      size_t bytes = sizeof(AgentEvent) + slim.detail.size() + 32 * slim.tx_ids.size();
      std::lock_guard lock(mu);
      if (overflow) return;
      if (queued_bytes + bytes > kMaxWatchQueueBytes) {
        overflow = true;
        ctx->TryCancel();  // a write blocked on a client that does not read returns
        cv.notify_one();
        return;
      }
      queued_bytes += bytes;
      q.push_back(std::move(slim));
      cv.notify_one();
    });
    while (!ctx->IsCancelled()) {
      if ((expiry && std::time(nullptr) > expiry) || a_.certificate_revoked(fingerprint)) {
        expired = true;
        break;
      }
      std::deque<AgentEvent> batch;
      {
        std::unique_lock lock(mu);
        cv.wait_for(lock, std::chrono::milliseconds(200), [&] { return !q.empty() || overflow; });
        if (overflow) break;
        batch.swap(q);
        queued_bytes = 0;
      }
      bool ok = true;
      for (const auto& e : batch) {
        pb::Event x;
        x.set_kind(static_cast<pb::Event::Kind>(e.kind));
        x.set_time_ms(e.time_ms);
        x.set_height(e.height);
        x.set_view(e.view);
        if (!e.block_hash.is_zero()) x.set_block_hash(str(e.block_hash));
        x.set_tx_count(e.tx_count);
        for (const auto& t : e.tx_ids) x.add_tx_ids(str(t));
        if (!e.peer.is_zero()) x.set_peer(str(e.peer));
        x.set_detail(e.detail);
        if (!(ok = w->Write(x))) break;
      }
      if (!ok) break;
    }
    a_.unsubscribe(id);
    if (overflow) {
      a_.log().warn("watch: " + printable(identity, 160) + " fell " + std::to_string(kMaxWatchQueueBytes >> 20) +
                    " MiB behind; its stream was ended");
      return error(StatusCode::RESOURCE_EXHAUSTED, ErrorCode::kTooLarge, "the watcher fell behind");
    }
    if (expired)
      return error(StatusCode::UNAUTHENTICATED, ErrorCode::kUnauthorised,
                   a_.certificate_revoked(fingerprint) ? "the client certificate was revoked by governance"
                                                       : "the client certificate expired");
    return Status::OK;
  }

  Status GetBlock(ServerContext* ctx, const pb::BlockRequest* req, pb::BlockInfo* out) override {
    Caller c;
    if (auto st = authorise(ctx, Need::kRead, c); !st.ok()) return st;
    Result<BlockPtr> b = make_error(ErrorCode::kUnavailable, "the node is not running");
    if (req->has_hash()) {
      if (!hash_of(req->hash()))
        return error(StatusCode::INVALID_ARGUMENT, ErrorCode::kInvalidArgument, "a block hash has 32 bytes");
    }
    auto st = a_.with_node([&](Node&, BlockStore& store) {
      if (req->has_hash()) b = store.block_by_hash(*hash_of(req->hash()));
      else if (req->height() == 0) b = a_.genesis().block(a_.suite());
      else b = store.block_at(req->height());
    });
    if (!st) return error(StatusCode::UNAVAILABLE, st.error().code, st.error().detail);
    if (!b) return error(b.error());
    const BlockHeader& h = (*b)->header();
    out->set_height(h.height);
    out->set_hash(str((*b)->hash()));
    out->set_parent_hash(str(h.parent_hash));
    out->set_view(h.view);
    out->set_proposer(str(h.proposer));
    out->set_timestamp_ms(h.timestamp_ms);
    out->set_protocol_version(h.protocol_version);
    out->set_state_root(str(h.state_root));
    out->set_tx_root(str(h.tx_root));
    out->set_validator_set_hash(str(h.validator_set_hash));
    out->set_qc_signatures(static_cast<uint32_t>(h.justify.votes.size()));
    for (const auto& tx : (*b)->txs()) out->add_tx_ids(str(tx->id()));
    Bytes enc = (*b)->encode();
    out->set_encoded(std::string(enc.begin(), enc.end()));
    return Status::OK;
  }

  Status GetTransaction(ServerContext* ctx, const pb::TransactionRequest* req, pb::TransactionInfo* out) override {
    Caller c;
    if (auto st = authorise(ctx, Need::kRead, c); !st.ok()) return st;
    auto id = hash_of(req->id());
    if (!id) return error(StatusCode::INVALID_ARGUMENT, ErrorCode::kInvalidArgument, "a transaction id has 32 bytes");
    Status result;
    auto st = a_.with_node([&](Node& n, BlockStore& store) { result = transaction(n, store, *id, out); });
    if (!st) return error(StatusCode::UNAVAILABLE, st.error().code, st.error().detail);
    return result;
  }

  Status transaction(Node& n, BlockStore& store, const Hash32& id, pb::TransactionInfo* out) {
    {
      auto height = store.tx_height(id);
      if (!height) return error(height.error());
      auto b = store.block_at(*height);
      if (!b) return error(b.error());
      for (const auto& tx : (*b)->txs())
        if (tx->id() == id) {
          out->set_id(str(id));
          out->set_height(*height);
          out->set_kind(static_cast<uint32_t>(tx->kind()));
          out->set_sender(str(tx->sender_id()));
          out->set_nonce(tx->nonce());
          if (auto r = n.receipt(id)) out->set_refused(error_code_name(*r));
          Bytes enc = tx->encode();
          out->set_encoded(std::string(enc.begin(), enc.end()));
          return Status::OK;
        }
      return error(StatusCode::NOT_FOUND, ErrorCode::kNotFound, "transaction not in its block");
    }
  }

  void submit_batch(const pb::SubmitRequest& req, pb::SubmitResult* out, size_t& admitted) {
    std::vector<TxPtr> txs;
    std::vector<size_t> slot;
    for (int i = 0; i < req.transactions_size(); ++i) {
      const std::string& raw = req.transactions(i);
      auto tx = Transaction::decode(a_.suite(), ByteView(reinterpret_cast<const uint8_t*>(raw.data()), raw.size()));
      auto* r = out->add_results();
      if (!tx) {
        r->set_error(tx.error().to_string());
        continue;
      }
      r->set_id(str((*tx)->id()));
      if ((*tx)->kind() == TxKind::kGovernance) {
        // Each one on the audit log, under an admin certificate.
        r->set_error(make_error(ErrorCode::kUnauthorised, "governance transactions go through SubmitGovernance").to_string());
        continue;
      }
      slot.push_back(static_cast<size_t>(out->results_size() - 1));
      txs.push_back(*tx);
    }
    auto results = a_.submit(std::move(txs));
    for (size_t i = 0; i < results.size(); ++i) {
      if (!results[i]) out->mutable_results(static_cast<int>(slot[i]))->set_error(results[i].error().to_string());
      else ++admitted;
    }
  }

  Status Submit(ServerContext* ctx, const pb::SubmitRequest* req, pb::SubmitResult* out) override {
    if (req->transactions_size() > 100000)
      return error(StatusCode::INVALID_ARGUMENT, ErrorCode::kTooLarge, "at most 100000 transactions per call");
    size_t admitted = 0;
    return audited(ctx, Need::kSubmit, "Submit", std::to_string(req->transactions_size()) + " transactions",
                   [&](const Caller&) {
                     submit_batch(*req, out, admitted);
                     return Status::OK;
                   });
  }

  Status SubmitStream(ServerContext* ctx, grpc::ServerReader<pb::SubmitRequest>* reader,
                      pb::SubmitResult* out) override {
    size_t total = 0, admitted = 0;
    return audited(ctx, Need::kSubmit, "SubmitStream", "a stream of transactions", [&](const Caller& c) -> Status {
      std::string why;
      auto slot = submit_limit_.acquire(c.organisation + "/" + c.who, c.organisation, own_people(c), "submit", why);
      if (!slot) return error(StatusCode::RESOURCE_EXHAUSTED, ErrorCode::kUnavailable, why);
      pb::SubmitRequest req;
      const int64_t expiry = client_certificate_expiry(ctx);
      const Hash32 fingerprint = client_certificate_fingerprint(ctx);
      while (reader->Read(&req)) {
        if (expiry && std::time(nullptr) > expiry)
          return error(StatusCode::UNAUTHENTICATED, ErrorCode::kUnauthorised, "the client certificate expired");
        if (a_.certificate_revoked(fingerprint))
          return error(StatusCode::UNAUTHENTICATED, ErrorCode::kUnauthorised,
                       "the client certificate was revoked by governance");
        if (req.transactions_size() > 100000)
          return error(StatusCode::INVALID_ARGUMENT, ErrorCode::kTooLarge, "at most 100000 transactions per message");
        pb::SubmitResult part;
        submit_batch(req, &part, admitted);
        total += static_cast<size_t>(req.transactions_size());
        for (const auto& r : part.results())
          if (!r.error().empty() && out->results_size() < 1000)
            *out->add_results() = r;  // only failures, and only the first thousand
      }
      a_.log().info("submit stream: " + std::to_string(admitted) + " of " + std::to_string(total) + " admitted");
      return Status::OK;
    });
  }

  Status ProveEvidence(ServerContext* ctx, const pb::EvidenceRequest* req, pb::EvidenceProof* out) override {
    Caller c;
    if (auto st = authorise(ctx, Need::kRead, c); !st.ok()) return st;
    auto d = hash_of(req->digest());
    if (!d) return error(StatusCode::INVALID_ARGUMENT, ErrorCode::kInvalidArgument, "a digest has 32 bytes");
    // Only the committed snapshot is taken on the node's thread; the proof is
    // made here, on the API's.
    std::optional<Node::ProofSource> source;
    auto st = a_.with_node([&](Node& n, BlockStore&) { source = n.proof_source(); });
    if (!st) return error(StatusCode::UNAVAILABLE, st.error().code, st.error().detail);
    if (!source) return error(StatusCode::UNAVAILABLE, ErrorCode::kUnavailable, "the node is not running");
    auto proof = source->prove(*d);
    if (!proof) return error(proof.error());
    out->set_proof_json(proof->to_json());
    return Status::OK;
  }

  void fill_faults(pb::FaultRules* out) {
    for (const auto& r : a_.faults().rules()) {
      auto* x = out->add_rules();
      if (r.peer) x->set_peer(str(*r.peer));
      x->set_rule(r.rule);
    }
    for (const auto& p : a_.faults().partition()) out->add_partitioned(str(p));
    out->set_flap_period_ms(a_.faults().flap_period_ms());
    for (const auto& q : a_.faults().qdiscs()) out->add_qdiscs(q);
  }

  Status GetFaults(ServerContext* ctx, const pb::ClearFaultsRequest*, pb::FaultRules* out) override {
    Caller c;
    if (auto st = authorise(ctx, Need::kRead, c); !st.ok()) return st;
    fill_faults(out);
    return Status::OK;
  }

  Status SetFaults(ServerContext* ctx, const pb::SetFaultsRequest* req, pb::FaultRules* out) override {
    std::string detail;
    for (const auto& r : req->rules())
      detail += (r.peer().empty() ? std::string("all") : hash_of(r.peer()) ? hash_of(r.peer())->short_hex() : "?") + ": " + r.rule() + "; ";
    if (req->partition_size()) detail += "partition " + std::to_string(req->partition_size()) + " peers";
    if (req->flap_period_ms()) detail += " flapping every " + std::to_string(req->flap_period_ms()) + " ms";
    if (!req->interface().empty()) detail += " as a qdisc on " + req->interface();
    return audited(ctx, Need::kControl, "SetFaults", detail, [&](const Caller&) -> Status {
      std::vector<FaultSpec> specs;
      for (const auto& r : req->rules()) {
        FaultSpec s;
        if (!r.peer().empty()) {
          auto p = hash_of(r.peer());
          if (!p) return error(StatusCode::INVALID_ARGUMENT, ErrorCode::kInvalidArgument, "a peer id has 32 bytes");
          s.peer = *p;
        }
        s.rule = r.rule();
        specs.push_back(std::move(s));
      }
      std::vector<NodeId> part;
      for (const auto& p : req->partition()) {
        auto h = hash_of(p);
        if (!h) return error(StatusCode::INVALID_ARGUMENT, ErrorCode::kInvalidArgument, "a peer id has 32 bytes");
        part.push_back(*h);
      }
      if (!req->interface().empty() && a_.simulated())
        return error(StatusCode::FAILED_PRECONDITION, ErrorCode::kInvalidArgument,
                     "a node of a simulated network has no host interface for a kernel qdisc");
      if (!req->interface().empty()) {
        if (specs.size() != 1 || specs[0].peer || !part.empty())
          return error(StatusCode::INVALID_ARGUMENT, ErrorCode::kInvalidArgument,
                       "a kernel qdisc takes one rule for all peers and no partition");
        if (auto st = a_.faults().apply_qdisc(req->interface(), specs[0].rule); !st)
          return error(StatusCode::FAILED_PRECONDITION, st.error().code, st.error().detail);
      } else if (auto st = a_.faults().set(specs, part, req->replace(), req->flap_period_ms()); !st) {
        return error(st.error());
      }
      AgentEvent e{AgentEvent::Kind::kFaultApplied};
      e.detail = detail;
      a_.publish(e);
      fill_faults(out);
      return Status::OK;
    });
  }

  Status ClearFaults(ServerContext* ctx, const pb::ClearFaultsRequest*, pb::FaultRules* out) override {
    return audited(ctx, Need::kControl, "ClearFaults", "", [&](const Caller&) {
      a_.faults().clear();
      AgentEvent e{AgentEvent::Kind::kFaultApplied};
      e.detail = "cleared";
      a_.publish(e);
      fill_faults(out);
      return Status::OK;
    });
  }

  Status TailLog(ServerContext* ctx, const pb::LogRequest* req, pb::LogLines* out) override {
    Caller c;
    if (auto st = authorise(ctx, Need::kRead, c); !st.ok()) return st;
    LogLevel min = LogLevel::kDebug;
    if (!req->min_level().empty() && !parse_level(req->min_level(), min))
      return error(StatusCode::INVALID_ARGUMENT, ErrorCode::kInvalidArgument, "level is debug, info, warn or error");
    size_t lines = std::min<uint32_t>(req->lines() ? req->lines() : 100, 2000);
    if (req->audit()) {
      for (auto& l : a_.audit().tail(lines)) out->add_lines(l);
      return Status::OK;
    }
    for (auto& l : a_.log().tail(lines, min)) out->add_lines(l);
    return Status::OK;
  }

  Status SetLogLevel(ServerContext* ctx, const pb::LogLevelRequest* req, pb::LogLevel* out) override {
    return audited(ctx, Need::kControl, "SetLogLevel", req->level(), [&](const Caller&) {
      LogLevel l;
      if (!parse_level(req->level(), l))
        return error(StatusCode::INVALID_ARGUMENT, ErrorCode::kInvalidArgument, "level is debug, info, warn or error");
      a_.log().set_level(l);
      out->set_level(level_name(l));
      return Status::OK;
    });
  }

  // A governance transaction signed on an admin's workstation: the agent
  // holds no governance key and only relays it. Its signer must administer
  // the calling certificate's organisation, so that the audit log's entry
  // names the organisation the transaction acts for.
  Status SubmitGovernance(ServerContext* ctx, const pb::GovernanceSubmission* req, pb::GovernanceResult* out) override {
    // Nothing is decoded for a caller who may not govern here (audited()
    // records the denial).
    if (Caller pre; !authorise(ctx, Need::kGovern, pre).ok())
      return audited(ctx, Need::kGovern, "SubmitGovernance", "", [](const Caller&) { return Status::OK; });
    const std::string& raw = req->transaction();
    auto tx = Transaction::decode(a_.suite(), ByteView(reinterpret_cast<const uint8_t*>(raw.data()), raw.size()));
    std::optional<GovOp> op;
    if (tx && (*tx)->kind() == TxKind::kGovernance)
      if (auto o = GovOp::decode((*tx)->payload())) op = *o;
    // What the entry says, so that it can be matched with the chain.
    std::string detail = "unreadable governance transaction";
    if (op) {
      const GovAction& a = op->action;
      if (op->kind != GovOp::Kind::kPropose)
        detail = std::string(op->kind == GovOp::Kind::kApprove ? "approve " : "withdraw ") + op->proposal.hex();
      else {
        detail = std::string("propose ") + gov_action_name(a.type);
        switch (a.type) {
          case GovAction::Type::kPromote:
          case GovAction::Type::kDemote:
          case GovAction::Type::kRemove: detail += " node " + a.node.hex(); break;
          case GovAction::Type::kAddObserver:
            detail += " " + a.member.name + " of " + a.member.organisation;
            break;
          case GovAction::Type::kUpgrade:
            detail += " " + a.plan.name + " version " + std::to_string(a.plan.version) + " at " +
                      std::to_string(a.plan.height);
            break;
          case GovAction::Type::kCancelUpgrade: detail += " " + a.plan.name; break;
          case GovAction::Type::kRevokeCertificate:
            detail += " " + a.certificate.hex() + " of " + a.organisation;
            break;
          default: break;
        }
      }
      detail += " tx " + (*tx)->id().hex() + " nonce " + std::to_string((*tx)->nonce());
    }
    return audited(ctx, Need::kGovern, "SubmitGovernance", detail, [&](const Caller& c) -> Status {
      if (!tx) return error(StatusCode::INVALID_ARGUMENT, ErrorCode::kMalformed, "transaction: " + tx.error().detail);
      if (!op) return error(StatusCode::INVALID_ARGUMENT, ErrorCode::kInvalidArgument, "not a governance transaction");
      std::string acts_for;
      auto st = a_.with_node([&](Node& n, BlockStore&) {
        if (auto cfg = n.config())
          if (const Organisation* o = cfg->admin_of(a_.suite(), (*tx)->sender_id())) acts_for = o->id;
      });
      if (!st) return error(st.error());
      if (acts_for != c.organisation)
        return error(StatusCode::PERMISSION_DENIED, ErrorCode::kUnauthorised,
                     acts_for.empty() ? "the transaction's signer is no organisation's governance key"
                                      : "the transaction is signed for '" + acts_for + "', not '" + c.organisation + "'");
      auto results = a_.submit({*tx});
      if (results.empty()) return error(StatusCode::UNAVAILABLE, ErrorCode::kUnavailable, "the node did not answer");
      if (!results.front()) return error(results.front().error());
      out->set_tx_id(str((*tx)->id()));
      return Status::OK;
    });
  }

  Status GetAccount(ServerContext* ctx, const pb::AccountRequest* req, pb::Account* out) override {
    Caller c;
    if (auto st = authorise(ctx, Need::kRead, c); !st.ok()) return st;
    auto id = hash_of(req->account());
    if (!id) return error(StatusCode::INVALID_ARGUMENT, ErrorCode::kInvalidArgument, "an account id has 32 bytes");
    auto st = a_.with_node([&](Node& n, BlockStore&) {
      uint64_t next = n.consensus().committed_state()->next_nonce(*id);
      out->set_next_nonce(next);
      out->set_pool_next_nonce(n.mempool().next_free_nonce(*id, next));
    });
    if (!st) return error(st.error());
    return Status::OK;
  }

  Status ListEquivocations(ServerContext* ctx, const pb::EquivocationsRequest*, pb::Equivocations* out) override {
    Caller c;
    if (auto st = authorise(ctx, Need::kRead, c); !st.ok()) return st;
    auto st = a_.with_node([&](Node& n, BlockStore&) {
      auto cfg = n.config();
      for (const auto& h : n.equivocations()) fill_equivocation(*out->add_equivocations(), h, cfg.get(), true);
    });
    if (!st) return error(StatusCode::UNAVAILABLE, st.error().code, st.error().detail);
    return Status::OK;
  }

  Status ListProposals(ServerContext* ctx, const pb::ProposalsRequest*, pb::Proposals* out) override {
    Caller c;
    if (auto st = authorise(ctx, Need::kRead, c); !st.ok()) return st;
    auto st = a_.with_node([&](Node& n, BlockStore&) {
      const StatePtr& s = n.consensus().committed_state();
      uint64_t height = n.consensus().committed_height();
      s->scan("g/p/", [&](const StateSnapshot::Entry& e) {
        auto p = GovProposal::decode(e.value);
        Bytes id;
        if (!p || !from_hex(e.key.substr(4), id)) return true;
        auto* x = out->add_proposals();
        x->set_id(std::string(id.begin(), id.end()));
        x->set_action(gov_action_name(p->action.type));
        x->set_proposer_organisation(p->proposer_organisation);
        for (const auto& ap : p->approvals) x->add_approvals(ap);
        const char* status = p->status == GovProposal::Status::kEnacted     ? "enacted"
                             : p->status == GovProposal::Status::kWithdrawn ? "withdrawn"
                             : height > p->expires                          ? "expired"
                                                                            : "open";
        x->set_status(status);
        x->set_created(p->created);
        x->set_expires(p->expires);
        const GovAction& a = p->action;
        if (a.type == GovAction::Type::kAddObserver) {
          x->set_public_key(std::string(a.member.public_key.begin(), a.member.public_key.end()));
          x->set_name(a.member.name);
          x->set_organisation(a.member.organisation);
        } else if (a.type == GovAction::Type::kPromote || a.type == GovAction::Type::kDemote ||
                   a.type == GovAction::Type::kRemove) {
          x->set_node_id(std::string(a.node.v.begin(), a.node.v.end()));
        } else if (a.type == GovAction::Type::kUpgrade || a.type == GovAction::Type::kCancelUpgrade) {
          x->set_plan(a.plan.name);
          x->set_height(a.plan.height);
          x->set_version(a.plan.version);
          x->set_binary_sha256(std::string(a.plan.binary_sha256.v.begin(), a.plan.binary_sha256.v.end()));
        } else if (a.type == GovAction::Type::kRevokeCertificate) {
          x->set_organisation(a.organisation);
          x->set_certificate_sha256(std::string(a.certificate.v.begin(), a.certificate.v.end()));
        }
        return true;
      });
    });
    if (!st) return error(StatusCode::UNAVAILABLE, st.error().code, st.error().detail);
    return Status::OK;
  }

  Status GetHostInfo(ServerContext* ctx, const pb::HostInfoRequest*, pb::HostInfo* out) override {
    Caller c;
    if (auto st = authorise(ctx, Need::kRead, c); !st.ok()) return st;
    out->set_agent_version(kAgentVersion);
    out->set_min_protocol_version(kMinProtocolVersion);
    out->set_max_protocol_version(software_max_protocol());
    out->set_cpus(static_cast<uint32_t>(sysconf(_SC_NPROCESSORS_ONLN)));
    struct sysinfo si{};
    if (sysinfo(&si) == 0) {
      out->set_load_1m(static_cast<double>(si.loads[0]) / 65536.0);
      out->set_memory_total_bytes(static_cast<uint64_t>(si.totalram) * si.mem_unit);
    }
    std::ifstream mi("/proc/meminfo");
    for (std::string k; mi >> k;) {
      uint64_t v = 0;
      std::string unit;
      mi >> v >> unit;
      if (k == "MemAvailable:") out->set_memory_available_bytes(v * 1024);
    }
    out->set_process_rss_bytes(process_rss_bytes());
    std::string data = a_.data_dir();
    DiskSpace disk = disk_space(data);
    out->set_disk_total_bytes(disk.total_bytes);
    out->set_disk_free_bytes(disk.free_bytes);
    out->set_data_dir_bytes(directory_bytes(data, true));
    out->set_uptime_s(static_cast<uint64_t>(
        std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() - a_.started()).count()));
    char host[256] = {};
    gethostname(host, sizeof host - 1);
    out->set_hostname(host);
    out->set_suite(std::string(a_.suite().name()));
    out->set_simulated(a_.simulated());
    return Status::OK;
  }

  // ---- binaries: staged for upgrades, switched by the supervisor -----------

  static constexpr uint64_t kMaxBinaryBytes = 512ull << 20;

  Status StageBinary(ServerContext* ctx, grpc::ServerReader<pb::BinaryChunk>* reader,
                     pb::StagedBinary* out) override {
    std::string detail = "a binary";
    return audited(ctx, Need::kControl, "StageBinary", detail, [&](const Caller&) -> Status {
      if (a_.simulated())
        return error(StatusCode::FAILED_PRECONDITION, ErrorCode::kInvalidArgument,
                     "a simulated node runs no binary of its own");
      pb::BinaryChunk chunk;
      if (!reader->Read(&chunk)) return error(StatusCode::INVALID_ARGUMENT, ErrorCode::kInvalidArgument, "no chunk");
      const std::string version = printable(chunk.version(), 64);
      const std::string sum = printable(chunk.sha256(), 64);
      const uint64_t size = chunk.size();
      detail = "version " + version + ", " + std::to_string(size) + " bytes" + (sum.empty() ? "" : ", sha256 " + sum);
      if (size == 0 || size > kMaxBinaryBytes)
        return error(StatusCode::INVALID_ARGUMENT, ErrorCode::kTooLarge,
                     "a binary has 1 byte to 512 MiB; the first chunk gives its size");
      std::string data = a_.data_dir();
      // The upload and its staged copy, with room to spare for the store.
      if (disk_space(data).free_bytes < 2 * size + (64ull << 20))
        return error(StatusCode::RESOURCE_EXHAUSTED, ErrorCode::kStorageIo, "not enough disk space for the binary");
      // One upload at a time: a stalled one holds one API thread, not all of them.
      static std::mutex uploading;
      std::unique_lock one(uploading, std::try_to_lock);
      if (!one.owns_lock())
        return error(StatusCode::RESOURCE_EXHAUSTED, ErrorCode::kUnavailable, "another binary is being uploaded");
      std::error_code ec;
      std::filesystem::create_directories(data + "/binaries", ec);
      static std::atomic<uint64_t> uploads{0};
      std::string tmp = data + "/binaries/.upload-" + std::to_string(::getpid()) + "-" + std::to_string(++uploads);
      struct Remove {
        std::string path;
        ~Remove() {
          std::error_code e;
          std::filesystem::remove(path, e);
        }
      } remove{tmp};
      std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
      uint64_t got = 0;
      do {
        got += chunk.data().size();
        if (got > size)
          return error(StatusCode::INVALID_ARGUMENT, ErrorCode::kTooLarge, "more bytes than the size announced");
        f.write(chunk.data().data(), static_cast<std::streamsize>(chunk.data().size()));
      } while (reader->Read(&chunk));
      f.close();
      if (!f) return error(StatusCode::INTERNAL, ErrorCode::kStorageIo, "cannot write the upload");
      if (got != size)
        return error(StatusCode::INVALID_ARGUMENT, ErrorCode::kMalformed,
                     "the upload ended at " + std::to_string(got) + " of " + std::to_string(size) + " bytes");
      auto staged = stage_binary_in(data, tmp, version, sum);
      if (!staged) return error(staged.error());
      out->set_version(version);
      out->set_sha256((*staged)["sha256"].get<std::string>());
      out->set_reports(staged->value("reports", ""));
      out->set_current(false);
      return Status::OK;
    });
  }

  Status ListBinaries(ServerContext* ctx, const pb::BinariesRequest*, pb::Binaries* out) override {
    Caller c;
    if (auto st = authorise(ctx, Need::kRead, c); !st.ok()) return st;
    if (a_.simulated()) return Status::OK;
    auto staged = staged_binaries_in(a_.data_dir());
    if (!staged) return error(staged.error());
    for (const auto& b : (*staged)["staged"]) {
      auto* x = out->add_staged();
      x->set_version(b["version"].get<std::string>());
      x->set_sha256(b["sha256"].get<std::string>());
      x->set_current(b["current"].get<bool>());
    }
    out->set_current((*staged)["current"].get<std::string>());
    out->set_supervised(supervised(a_.data_dir()));
    if (!(*staged)["supervisor"].is_null()) out->set_supervisor_state_json((*staged)["supervisor"].dump());
    return Status::OK;
  }

  Status SwitchBinary(ServerContext* ctx, const pb::SwitchRequest* req, pb::SwitchResult* out) override {
    return audited(ctx, Need::kControl, "SwitchBinary", "version " + printable(req->version(), 64),
                   [&](const Caller&) -> Status {
                     if (a_.simulated())
                       return error(StatusCode::FAILED_PRECONDITION, ErrorCode::kInvalidArgument,
                                    "a simulated node runs no binary of its own");
                     auto r = request_switch_in(a_.data_dir(), req->version());
                     if (!r) {
                       if (r.error().code == ErrorCode::kUnavailable)
                         return error(StatusCode::FAILED_PRECONDITION, r.error().code, r.error().detail);
                       return error(r.error());
                     }
                     out->set_requested(req->version());
                     return Status::OK;
                   });
  }

 private:
  NodeHost& a_;
  StreamLimit watch_limit_, submit_limit_;
  DenialLimiter denials_;
};

}  // namespace

std::shared_ptr<void> make_api_service(NodeHost& host, int max_threads) {
  return std::make_shared<ApiService>(host, max_threads);
}
grpc::Service* api_service(const std::shared_ptr<void>& s) { return static_cast<ApiService*>(s.get()); }

Result<ApiServer> serve_api(const AgentConfig& config, const std::shared_ptr<void>& service, int max_threads,
                            bool lean) {
  auto ca = read_file(config.path(config.ca_bundle));
  auto crt = read_file(config.path(config.tls_certificate));
  auto key = load_tls_key(config);
  if (!key) return key.error();
  if (!ca || !crt) return make_error(ErrorCode::kStorageIo, config.name + ": cannot read its TLS files");
  grpc::SslServerCredentialsOptions sopts(GRPC_SSL_REQUEST_AND_REQUIRE_CLIENT_CERTIFICATE_AND_VERIFY);
  sopts.pem_root_certs = *ca;
  sopts.pem_key_cert_pairs.push_back({*key, *crt});
  grpc::ServerBuilder b;
  // A port clash must fail, not share the port with another server.
  b.AddChannelArgument(GRPC_ARG_ALLOW_REUSEPORT, 0);
  ApiServer out;
  b.AddListeningPort(config.api_listen, grpc::SslServerCredentials(sopts), &out.port);
  b.RegisterService(api_service(service));
  if (lean) {
    b.SetSyncServerOption(grpc::ServerBuilder::SyncServerOption::NUM_CQS, 1);
    b.SetSyncServerOption(grpc::ServerBuilder::SyncServerOption::MIN_POLLERS, 1);
    b.SetSyncServerOption(grpc::ServerBuilder::SyncServerOption::MAX_POLLERS, 2);
  }
  grpc::ResourceQuota quota("api-" + config.name);
  quota.SetMaxThreads(max_threads);  // each call (a Watch stream included) holds a thread
  b.SetResourceQuota(quota);
  b.SetMaxReceiveMessageSize(64 << 20);
  out.server = b.BuildAndStart();
  if (!out.server || out.port == 0)
    return make_error(ErrorCode::kStorageIo, "cannot serve " + config.name + "'s API on " + config.api_listen);
  return out;
}

}  // namespace consortia::agent
