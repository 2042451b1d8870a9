#include "agent.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include <grpcpp/grpcpp.h>

#include <chrono>
#include <unordered_set>
#include <filesystem>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/thread_name.h"
#include "crypto/key_file.h"
#include "metrics.h"
#include "supervisor.h"
#include "pki.h"

namespace consortia::agent {

namespace {
constexpr size_t kMaxInbox = 100000;
}

Result<std::unique_ptr<Agent>> Agent::open(const AgentConfig& config) {
  std::unique_ptr<Agent> a(new Agent(config));
  const AgentConfig& c = a->config_;
  std::string data = c.path(c.data_dir);
  std::filesystem::create_directories(data);
  LogLevel level = LogLevel::kInfo;
  parse_level(c.log_level, level);
  a->log_ = std::make_unique<Log>(data + "/agent.log", level);
  a->audit_ = std::make_unique<AuditLog>(data + "/audit.log");

  auto gtext = read_file(c.path(c.genesis));
  if (!gtext) return gtext.error();
  auto g = genesis_from_json(*gtext);
  if (!g)
    return make_error(g.error().code,
                      std::filesystem::path(c.path(c.genesis)).lexically_normal().string() + ": " + g.error().detail);
  a->genesis_ = *g;
  auto suite = suite_by_name(a->genesis_.suite == SuiteId::kSm2Sm3 ? "sm2-sm3" : "ed25519-sha256");
  if (!suite) return suite.error();
  a->suite_ = *suite;
  a->chain_id_ = a->genesis_.block(*a->suite_)->hash();

  auto key = load_key(c, c.signing_key);
  if (!key) return key.error();
  if (key->suite != a->suite_) return make_error(ErrorCode::kInvalidArgument, "the node key is for another suite");
  if (!c.admin_key.empty())
    // An older network's configuration: the key is not read. Governance is
    // signed on the admin's workstation (consortia-ctl, the console).
    a->log_->warn("admin_key " + c.admin_key + " in the configuration is ignored: agents hold no governance key; "
                  "remove it from agent.json and the key from this host (docs/operations.md)");
  NodeId self = a->suite_->node_id(key->signer->public_key());
  // A second copy of the key, for opening the node again on its store when
  // a storage failure (a full disk) halted it (resume_after_storage_failure).
  auto spare = a->suite_->signer_from_private(key->signer->private_key());
  if (!spare) return spare.error();
  a->spare_signer_ = std::move(*spare);

  auto store = SqliteBlockStore::open(data + "/chain.db", *a->suite_);
  if (!store) {
    std::string what = "block store " + data + "/chain.db: " + store.error().detail;
    if (store.error().code == ErrorCode::kStorageCorrupt)
      what += ". The node's store is damaged: stop it, then restore the node from a backup (consortia-agent "
              "restore --config FILE --from ARCHIVE --replace), or move the data directory aside to start "
              "afresh and sync from the peers (a validator must not start afresh: it could vote twice)";
    return make_error(store.error().code, what);
  }
  a->store_ = std::move(*store);
  NodeConfig ncfg;
  ncfg.max_protocol_version = software_max_protocol();
  auto node = Node::open(a->genesis_, ncfg, *a->suite_, std::move(key->signer), *a->store_, nullptr,
                         a->now_ms());
  if (!node) return make_error(node.error().code, "node: " + node.error().detail);
  a->node_ = std::move(*node);
  a->signatures_ = std::make_unique<SignaturePool>(*a->suite_, a->node_->chain_id());
  a->hook_node();
  a->height_ = a->node_->status().height;
  a->note_validators();
  a->note_membership();  // before the transport: nothing to retain yet
  a->load_equivocations();

  auto ca = read_file(c.path(c.ca_bundle));
  auto crt = read_file(c.path(c.tls_certificate));
  auto tkey = load_tls_key(c);
  if (!tkey) return tkey.error();
  if (!ca || !crt) return make_error(ErrorCode::kNotFound, "TLS files missing (ca bundle, certificate)");
  if (auto node_until = certificate_not_after(*crt)) {
    a->certificate_expires_ = *node_until;
    if (auto ca_until = certificate_not_after(a->organisation_ca(c.organisation)))
      a->certificate_expires_ = std::min(*node_until, *ca_until);
  }
  TransportOptions to;
  to.listen = c.p2p_listen;
  for (const auto& p : c.peers) to.peers.emplace_back(p.name, p.id, p.address);
  to.tls = {*ca, *crt, *tkey};
  to.chain_id = a->chain_id_;
  to.self = self;
  to.self_name = c.name;
  to.min_version = ncfg.min_protocol_version;
  to.max_version = ncfg.max_protocol_version;
  a->transport_ = std::make_unique<Transport>(std::move(to), *a->suite_, a->faults_, *a->log_);
  a->log_->info("opened node " + self.short_hex() + " (" + c.name + ") at height " +
                std::to_string(a->height_.load()) + ", chain " + a->chain_id_.short_hex());
  return a;
}

Agent::Agent(AgentConfig c) : config_(std::move(c)) {}

namespace {

// The gossip message with only the transactions whose leaves are in `valid`
// (in their order), or null when none is.
MessagePtr only_vouched(const Message& m, const std::vector<Hash32>& valid) {
  std::unordered_set<Hash32> ok(valid.begin(), valid.end());
  auto keep = [&](const std::vector<TxPtr>& txs) {
    std::vector<TxPtr> out;
    for (const auto& t : txs)
      if (ok.count(t->leaf())) out.push_back(t);
    return out;
  };
  if (auto* b = std::get_if<TxBatch>(&m)) {
    auto txs = keep(b->txs);
    return txs.empty() ? nullptr : std::make_shared<const Message>(TxBatch{std::move(txs)});
  }
  if (auto* r = std::get_if<TxRelay>(&m)) {
    auto txs = keep(r->txs);
    return txs.empty() ? nullptr : std::make_shared<const Message>(TxRelay{std::move(txs), r->forward});
  }
  return nullptr;
}

}  // namespace

void Agent::note_bad_gossip(const NodeId& from, size_t count) {
  bad_gossip_ += count;
  // Named in the log, at most once a minute per run of them.
  int64_t now = now_ms(), last = bad_gossip_logged_ms_;
  if (now - last >= 60'000 && bad_gossip_logged_ms_.compare_exchange_strong(last, now)) {
    std::string who = "node " + from.short_hex();
    if (auto members = members_.load())
      if (auto it = members->find(from); it != members->end()) who += " of " + it->second;
    log_->warn("p2p: peer " + who + " sent " + std::to_string(count) +
               " transactions whose signatures do not verify; they were dropped (" +
               std::to_string(bad_gossip_.load()) + " so far)");
  }
}

void Agent::note_dropped(const NodeId& from, DropReason why) {
  const char* what = why == DropReason::kNotValidator ? "votes, timeouts or proposals from a non-validator"
                     : why == DropReason::kSignatures ? "more signatures to check than its budget"
                     : why == DropReason::kEvidence   ? "more equivocation evidence than a few pieces a second"
                                                      : "more queued than its share";
  (why == DropReason::kNotValidator ? dropped_not_validator_
   : why == DropReason::kSignatures ? dropped_over_signatures_
   : why == DropReason::kEvidence   ? dropped_evidence_
                                    : dropped_over_queue_)++;
  int64_t now = now_ms(), last = budget_logged_ms_;
  if (now - last >= 60'000 && budget_logged_ms_.compare_exchange_strong(last, now)) {
    std::string who = "node " + from.short_hex();
    if (auto members = members_.load())
      if (auto it = members->find(from); it != members->end()) who += " of " + it->second;
    log_->warn("p2p: dropping messages of peer " + who + ": " + what + " (" +
               std::to_string(dropped_over_queue_ + dropped_over_signatures_ + dropped_not_validator_ + dropped_evidence_) +
               " dropped so far)");
  }
}

Agent::~Agent() { stop(); }

TimeMs Agent::now_ms() const {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

Status Agent::start() {
  Transport::Callbacks cb;
  cb.deliver = [this](const NodeId& from, MessagePtr msg, size_t bytes) {
    // Votes, timeouts and proposals come from the validators themselves (a
    // proposal is passed on by the next leader, a validator too). From a
    // member this node does not count as one they pass at a few a second:
    // enough for a validator promoted in a block this node has not
    // committed yet, too few for an observer to take the node's thread.
    const bool statement = is_validator_statement(*msg);
    bool voter = false;
    if (statement) {
      auto voters = voters_.load();
      voter = !voters || voters->count(from);
      if (!voter && !budget_.take_statement(from, now_ms()))
        return note_dropped(from, DropReason::kNotValidator);
    }
    // Each peer has its share of the queue to the node's thread, in bytes
    // and in messages, counted before the inbox's own bound: one peer's
    // small messages fill only its share.
    if (!budget_.enqueue(from, bytes)) return note_dropped(from, DropReason::kQueue);
    {
      // A node that cannot keep up sheds peer messages (consensus recovers
      // lost ones) rather than growing without bound; a validator's own
      // statements still queue, within that validator's share.
      std::lock_guard lock(mu_);
      if (inbox_.size() >= kMaxInbox && !voter) {
        if (inbox_dropped_++ % 10000 == 0) log_->warn("node inbox full: dropping peer messages");
        budget_.dequeue(from, bytes);
        return;
      }
    }
    // Gossip's signatures are checked here, on the peer's thread and the
    // pool's, before the message queues for the node's thread; in arrival
    // order, so a proposal never overtakes the gossip that came before it.
    // Peers forward only transactions they admitted: a bad signature is the
    // peer's fault, the check stops at it, and only what the pool vouched
    // for goes on, so gossip never costs the node's thread a signature.
    // Each peer's gossip has a budget of signature checks, and a bad one
    // costs it far more than a good one.
    // Evidence passes at a few pieces a second per peer (each costs the
    // node's thread two signature checks).
    if (std::holds_alternative<EquivocationEvidence>(*msg) && !budget_.take_evidence(from, now_ms())) {
      budget_.dequeue(from, bytes);
      return note_dropped(from, DropReason::kEvidence);
    }
    std::vector<Hash32> valid;
    if (auto txs = gossiped_transactions(*msg); !txs.empty()) {
      // Only the checks the pool would make: a transaction it found valid
      // before (relayed again by another peer) costs nothing.
      size_t fresh = 0;
      for (const auto& tx : txs) fresh += !signatures_->remembered(tx->leaf());
      if (!budget_.take_signatures(from, fresh, now_ms())) {
        budget_.dequeue(from, bytes);
        return note_dropped(from, DropReason::kSignatures);
      }
      valid = signatures_->check(txs, true);
      if (valid.size() < txs.size()) {
        // At most what was not checked: the check stops at the first bad one.
        budget_.charge_bad(from, 1, now_ms());
        note_bad_gossip(from, txs.size() - valid.size());
        msg = only_vouched(*msg, valid);
        if (!msg) return budget_.dequeue(from, bytes);
      }
    }
    post([this, from, msg, bytes, valid = std::move(valid)] {
      budget_.dequeue(from, bytes);
      NodeOutput out;
      node_->with_prechecked(valid, [&] { node_->on_message(from, *msg, now_ms(), out); });
      handle(out);
    });
  };
  cb.height = [this] { return height_.load(); };
  cb.refuse_peer = [this](const NodeId& id, const std::string& pem) -> std::string {
    auto members = members_.load();
    auto it = members->find(id);
    if (it == members->end()) return "not a member of the chain";
    std::string ca = organisation_ca(it->second);
    if (ca.empty()) return "organisation '" + it->second + "' has no CA certificate";
    if (auto st = verify_issued_by(pem, ca); !st)
      return "certificate not issued by " + it->second + "'s CA: " + st.error().detail;
    auto subject = certificate_subject(pem);
    if (!subject || subject->unit != "node" || subject->organisation != it->second)
      return "certificate is not a node certificate of " + it->second;
    if (auto fp = certificate_fingerprint(pem); !fp || certificate_revoked(*fp))
      return "certificate revoked by governance";
    return "";
  };
  cb.peer_changed = [this](const NodeId& id, bool up) {
    AgentEvent e{up ? AgentEvent::Kind::kPeerUp : AgentEvent::Kind::kPeerDown};
    e.peer = id;
    publish(e);
  };
  cb.duplicate_identity = [this](const NodeId& id, const std::string& first, const std::string& second) {
    AgentEvent e{AgentEvent::Kind::kDuplicateIdentity};
    e.peer = id;
    e.detail = first + " " + second;
    publish(e);
  };
  cb.traffic = [this](const NodeId& peer, const char* type, size_t bytes, bool sent) {
    if (metrics_) metrics_->on_traffic(peer, type, bytes, sent);
  };
  if (!config_.metrics_listen.empty()) {
    try {
      metrics_ = std::make_unique<Metrics>(config_.metrics_listen, *this);
    } catch (const std::exception& e) {
      return make_error(ErrorCode::kStorageIo, "cannot serve metrics on " + config_.metrics_listen + ": " + e.what());
    }
  }
  thread_ = std::thread([this] {
    name_this_thread("node");
    loop();
  });
  metrics_thread_ = std::thread([this] {
    // Once a second: the metrics and the supervisor's health report. Both
    // ask the node through on_node, so they run off the node thread.
    name_this_thread("metrics");
    std::unique_lock lock(metrics_mu_);
    while (!stopping_) {
      lock.unlock();
      if (metrics_) metrics_->refresh();
      report_health();
      lock.lock();
      metrics_cv_.wait_for(lock, std::chrono::seconds(1), [this] { return stopping_.load(); });
    }
  });
  if (auto st = transport_->start(cb); !st) return st;

  clean_staging(config_.path(config_.data_dir));  // uploads a crash cut short
  constexpr int kApiThreads = 64;
  api_service_ = make_api_service(*this, kApiThreads);
  auto served = serve_api(config_, api_service_, kApiThreads, false);
  if (!served) return served.error();
  api_ = std::move(served->server);
  int port = served->port;
  api_bound_ = config_.api_listen.substr(0, config_.api_listen.rfind(':') + 1) + std::to_string(port);
  log_->info("serving the agent API on " + api_bound_ + ", peers on " + transport_->bound_address() +
             (metrics_ ? ", metrics on " + config_.metrics_listen : ""));
  return {};
}

void Agent::stop() {
  if (stopping_.exchange(true)) return;
  // Order matters: API calls and peer streams may wait on the node thread,
  // so it runs until they are gone.
  if (api_) api_->Shutdown(std::chrono::system_clock::now() + std::chrono::seconds(2));
  if (transport_) transport_->stop();
  {
    std::lock_guard lock(metrics_mu_);  // the metrics thread is waiting or refreshing
  }
  metrics_cv_.notify_all();
  if (metrics_thread_.joinable()) metrics_thread_.join();
  loop_stop_ = true;
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
  if (log_) log_->info("stopped at height " + std::to_string(height_.load()));
}

void Agent::report_health() {
  HealthReport h;
  h.pid = ::getpid();
  h.unix_ms = static_cast<uint64_t>(
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
          .count());
  h.api = api_bound_;  // empty until the API serves
  h.best_peer_height = transport_ ? best_peer_height() : 0;
  on_node([&](Node& n) {
    NodeStatus st = n.status();
    h.height = st.height;
    h.validator = st.validator;
    h.halted = st.halted;
    h.last_voted_view = n.consensus().safety_state().last_voted_view;
  });
  h.version = kAgentVersion;
  h.max_protocol = software_max_protocol();
  if (auto st = write_health(config_.path(config_.data_dir), h); !st && !health_warned_) {
    health_warned_ = true;
    log_->warn(st.error().detail);
  }
}

void Agent::post(std::function<void()> fn) {
  {
    std::lock_guard lock(mu_);
    inbox_.push_back(std::move(fn));
  }
  cv_.notify_one();
}

std::vector<Status> Agent::submit(std::vector<TxPtr> txs) {
  // In parts: the node's thread takes one part per turn, so a request of a
  // hundred thousand transactions does not hold up consensus while it is
  // admitted.
  constexpr size_t kPart = 1000;
  std::vector<Status> out;
  out.reserve(txs.size());
  for (size_t first = 0; first < txs.size(); first += kPart) {
    std::vector<TxPtr> part(txs.begin() + static_cast<std::ptrdiff_t>(first),
                            txs.begin() + static_cast<std::ptrdiff_t>(std::min(txs.size(), first + kPart)));
    auto now = std::chrono::steady_clock::now();
    std::vector<Hash32> valid = signatures_->check(part);  // on the API's thread and the pool
    on_node([&](Node& n) {
      NodeOutput o;
      n.with_prechecked(valid, [&] {
        for (const auto& tx : part) {
          auto st = n.submit(tx, now_ms(), o);
          if (st) {
            // Latency is measured for what commits; what never does is forgotten.
            if (submitted_.size() > 1'000'000) submitted_.clear();
            submitted_.emplace(tx->id(), now);
          }
          out.push_back(std::move(st));
        }
      });
      handle(o);
    });
  }
  return out;
}

void Agent::hook_node() {
  // A transaction the node checked itself (one a proposal carried before its
  // gossip arrived) is not checked again when the gossip comes.
  node_->on_signature_verified([pool = signatures_.get()](const Hash32& leaf) { pool->remember(leaf); });
}

void Agent::resume_after_storage_failure() {
  // The node halted when a write failed (a full disk, an I/O error): it
  // sent nothing after the failed write, and the store rolled the write
  // back. Opened again on the same store it continues from what is
  // durable, as after a restart, once the write succeeds.
  if (!node_->halted_by_storage() || now_ms() < storage_retry_ms_) return;
  storage_retry_ms_ = now_ms() + 5'000;
  if (!spare_signer_) return;
  NodeConfig ncfg;
  ncfg.max_protocol_version = software_max_protocol();
  auto signer = suite_->signer_from_private(spare_signer_->private_key());
  if (!signer) return;
  auto node = Node::open(genesis_, ncfg, *suite_, std::move(*signer), *store_, nullptr, now_ms());
  if (!node) {
    if (!storage_waiting_logged_) log_->warn("storage still failing, retrying every 5 s: " + node.error().detail);
    storage_waiting_logged_ = true;
    return;
  }
  std::string was = node_->status().halted;
  node_ = std::move(*node);
  hook_node();
  height_ = node_->status().height;
  note_validators();
  // What the blocks committed on opening changed (they are not handed out).
  note_membership();
  load_equivocations();
  storage_waiting_logged_ = false;
  log_->warn("storage writable again: the node resumed at height " + std::to_string(height_.load()) +
             " (it had halted: " + was + ")");
  announce(node_->status());
}

void Agent::loop() {
  while (true) {
    std::deque<std::function<void()>> work;
    {
      std::unique_lock lock(mu_);
      TimeMs deadline = node_->next_deadline();
      // At least a millisecond: a deadline that has passed (a timer the core
      // has not rearmed yet) must not spin this thread.
      auto wait = std::chrono::milliseconds(std::clamp<TimeMs>(deadline - now_ms(), 1, 200));
      cv_.wait_for(lock, wait, [&] { return !inbox_.empty() || loop_stop_; });
      if (loop_stop_ && inbox_.empty()) break;
      work.swap(inbox_);
    }
    for (auto& fn : work) fn();
    resume_after_storage_failure();
    if (now_ms() >= node_->next_deadline()) {
      NodeOutput out;
      node_->on_tick(now_ms(), out);
      handle(out);
    }
  }
}

void Agent::handle(NodeOutput& out) {
  for (const auto& m : out.messages) transport_->send(m.to, *m.msg, m.bulk);
  auto now = std::chrono::steady_clock::now();
  for (const auto& c : out.commits) {
    const Block& b = *c.block;
    height_ = b.height();
    note_validators();
    TimeMs interval = last_block_ms_ ? static_cast<TimeMs>(b.header().timestamp_ms) - last_block_ms_ : -1;
    last_block_ms_ = static_cast<TimeMs>(b.header().timestamp_ms);
    AgentEvent e{AgentEvent::Kind::kNewBlock};
    e.time_ms = b.header().timestamp_ms;
    e.height = b.height();
    e.view = b.view();
    e.block_hash = b.hash();
    committed_txs_ += b.txs().size();
    for (const auto& tx : b.txs()) {
      e.tx_ids.push_back(tx->id());
      if (auto it = submitted_.find(tx->id()); it != submitted_.end()) {
        double s = std::chrono::duration<double>(now - it->second).count();
        if (metrics_) metrics_->on_commit_latency(s);
        latency_ms_ = moving_mean(latency_ms_.load(), s * 1000);
        submitted_.erase(it);
      }
    }
    if (metrics_) metrics_->on_block(b.height(), b.view(), b.txs().size(), interval >= 0 ? interval / 1000.0 : -1);
    publish(e);
    bool governs = false;
    for (const auto& tx : b.txs()) governs |= tx->kind() == TxKind::kGovernance;
    if (governs) note_membership();
  }
  if (!out.equivocations.empty()) keep_equivocations(out.equivocations);
  for (const auto& r : out.rejections) log_->debug("rejected: " + r);
  announce(node_->status());
}

// ---- equivocation evidence ------------------------------------------------------
//
// DATA/equivocations.jsonl holds what the node held, one piece a line, so
// that evidence outlives a restart: each new piece is appended and synced
// (a line torn by a crash is skipped when read), and read again when the
// node opens, each piece verified again before it is believed. It grows by
// what the node keeps, at most Node::kMaxEvidence pieces of about 1 KB.

std::string Agent::equivocations_path() const { return config_.path(config_.data_dir) + "/equivocations.jsonl"; }

void Agent::keep_equivocations(const std::vector<HeldEquivocation>& fresh) {
  auto cfg = node_->config();
  std::string text;
  for (const auto& h : fresh) {
    const Equivocation& e = h.evidence;
    const Member* m = cfg ? cfg->member(e.offender) : nullptr;
    std::string who = m ? m->name + " of " + m->organisation + " (" + e.offender.short_hex() + ")" : e.offender.short_hex();
    std::string how = h.reported_by == node_->id() ? "found here" : "from peer " + h.reported_by.short_hex();
    log_->warn(std::string("equivocation: validator ") + who + " signed two " + equivocation_kind_name(e.kind) +
               "s in view " + std::to_string(e.view) + " (evidence " + how +
               "); the organisations can remove it through governance (consortia-ctl equivocations)");
    nlohmann::json j{{"evidence", to_hex(h.evidence.encode())},
                     {"offender_key", to_hex(h.offender_key)},
                     {"reported_by", h.reported_by.hex()},
                     {"held_since_ms", h.held_since}};
    text += j.dump() + "\n";
  }
  int fd = ::open(equivocations_path().c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  bool saved = fd >= 0 && ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) && ::fsync(fd) == 0;
  if (fd >= 0) ::close(fd);
  if (!saved) log_->error("equivocation evidence not saved to " + equivocations_path() + ": " + std::strerror(errno));
  equivocations_held_ = node_->equivocation_count();
}

void Agent::load_equivocations() {
  auto text = read_file(equivocations_path());
  if (!text) return;  // none kept
  std::istringstream in(*text);
  std::string line;
  size_t bad = 0;
  // Not sent again: the peers had it when it came (a peer that was away
  // then learns of it only from evidence found anew).
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    auto j = nlohmann::json::parse(line, nullptr, false);
    Bytes raw, from, key;
    auto text = [&](const char* k) { return j.contains(k) && j[k].is_string() ? j[k].get<std::string>() : std::string(); };
    if (j.is_discarded() || !j.is_object() || !j.contains("held_since_ms") || !j["held_since_ms"].is_number_integer() ||
        !from_hex(text("evidence"), raw) || !from_hex(text("reported_by"), from) || from.size() != 32 ||
        !from_hex(text("offender_key"), key)) {
      ++bad;
      continue;
    }
    auto e = Equivocation::decode(raw);
    if (!e || !node_->restore_equivocation({*e, key, Hash32::from(from), j["held_since_ms"].get<TimeMs>()})) ++bad;
  }
  if (bad) log_->warn(equivocations_path() + ": " + std::to_string(bad) + " entries unreadable or not valid evidence, ignored");
  equivocations_held_ = node_->equivocation_count();
}

void Agent::note_membership() {
  auto members = std::make_shared<std::map<NodeId, std::string>>();
  if (auto cfg = node_->config())
    for (const auto& m : cfg->members) members->emplace(m.id, m.organisation);
  members_.store(members);
  if (transport_) {
    std::set<NodeId> ids;
    for (const auto& [id, org] : *members) ids.insert(id);
    transport_->retain(ids);
  }
  note_revoked();
}

void Agent::note_revoked() {
  auto cfg = node_->config();
  auto now = std::make_shared<const std::vector<Hash32>>(cfg ? cfg->revoked : std::vector<Hash32>{});
  auto before = revoked_.load();
  if (before && *before == *now) return;
  revoked_.store(now);
  // Every link is made again and its certificate checked with the new list
  // (refuse_peer): one revoked on a kept link is dropped.
  if (before && transport_) {
    log_->warn("p2p: governance revoked certificates (" + std::to_string(now->size()) +
               " in all): every link is made again and checked");
    transport_->reconnect_all();
  }
}

void Agent::note_validators() {
  const ValidatorSet& set = node_->validators();
  validators_ = static_cast<uint32_t>(set.size());
  if (voters_.load() && set.hash() == voters_hash_) return;
  auto ids = std::make_shared<std::set<NodeId>>();
  for (const auto& v : set.members()) ids->insert(v.id);
  voters_.store(ids);
  voters_hash_ = set.hash();
}

Result<TxPtr> Agent::make_and_submit(const std::function<TxPtr(Node&)>& make,
                                     const std::function<void(const TxPtr&)>& admitted) {
  return on_node([&](Node& n) -> Result<TxPtr> {
    TxPtr tx = make(n);
    NodeOutput out;
    auto st = n.submit(tx, now_ms(), out);
    handle(out);
    if (!st) return st.error();
    admitted(tx);
    return tx;
  });
}

NodeResources Agent::resources() {
  NodeResources r;
  r.committed_txs = committed_txs_;
  r.commit_latency_ms = latency_ms_;
  r.cpu_percent = cpu_.update(process_cpu_seconds());
  r.rss_bytes = process_rss_bytes();
  r.disk_used_bytes = directory_bytes(data_dir(), false);
  return r;
}

Status Agent::with_node(const std::function<void(Node&, BlockStore&)>& fn) {
  on_node([&](Node& n) {
    fn(n, *store_);
    return 0;
  });
  return {};
}

std::string Agent::organisation_ca(const std::string& organisation) const {
  for (const auto& o : genesis_.organisations)
    if (o.id == organisation) return o.ca_certificate_pem;
  return "";
}

}  // namespace consortia::agent
