// `consortia-agent load`: signed evidence (or 8-byte no-op) transactions to
// agents at a fixed rate or as fast as they are taken, for a duration; the
// commit of each is seen on a watch stream. Prints succ, fail, send rate,
// throughput and submit->commit latency like Hyperledger Caliper.
#include "load.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <random>
#include <thread>
#include <unordered_map>

#include "channel.h"
#include "consortia/v1/agent.grpc.pb.h"
#include "state/evidence.h"

namespace consortia::agent {
namespace {

using Clock = std::chrono::steady_clock;
namespace pb = consortia::v1;

double since(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }

}  // namespace

int run_load(const LoadOptions& o) {
  auto net = load_network(o.network_dir);
  if (!net) {
    std::fprintf(stderr, "consortia-agent load: %s\n", net.error().to_string().c_str());
    return 2;
  }
  auto suite = suite_by_name(net->suite);
  if (!suite) return 2;
  auto id = load_client_identity(*net, net->nodes.front().organisation, "operator");
  if (!id) {
    std::fprintf(stderr, "consortia-agent load: %s\n", id.error().to_string().c_str());
    return 2;
  }
  std::vector<NetworkEndpoint> targets;
  for (const auto& n : net->nodes)
    if (o.agents.empty() || std::find(o.agents.begin(), o.agents.end(), n.api_address) != o.agents.end() ||
        std::find(o.agents.begin(), o.agents.end(), n.name) != o.agents.end())
      targets.push_back(n);
  if (targets.empty()) {
    std::fprintf(stderr, "consortia-agent load: no agent matches\n");
    return 2;
  }

  // The chain the transactions are signed for: the network directory's
  // genesis, and the protocol the first agent runs (which version to sign).
  if (!net->chain_id) {
    std::fprintf(stderr, "consortia-agent load: no genesis.json in %s: the chain to sign for is unknown\n",
                 net->dir.c_str());
    return 2;
  }
  uint32_t protocol = 0;
  {
    auto stub = pb::AgentService::NewStub(agent_channel(targets.front().api_address, targets.front().name, *id));
    grpc::ClientContext ctx;
    ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
    pb::NodeStatus st;
    auto rpc = stub->GetStatus(&ctx, pb::StatusRequest{}, &st);
    if (!rpc.ok()) {
      std::fprintf(stderr, "consortia-agent load: %s: %s\n", targets.front().name.c_str(), rpc.error_message().c_str());
      return 2;
    }
    if (st.chain_id() != std::string(net->chain_id->v.begin(), net->chain_id->v.end())) {
      std::fprintf(stderr, "consortia-agent load: %s runs another chain than %s/genesis.json\n",
                   targets.front().name.c_str(), net->dir.c_str());
      return 2;
    }
    // Never below the chain's first protocol: an agent under-reporting it
    // would get version 1 signatures, valid on other chains.
    protocol = std::max(st.protocol_version(), net->genesis_protocol);
  }

  // Sign everything first: the clients are not what is measured.
  size_t total = static_cast<size_t>(o.tps > 0 ? o.tps * o.seconds : 60000 * o.seconds);
  total = std::min<size_t>(total, 4'000'000);
  std::vector<std::unique_ptr<Signer>> keys;
  std::mt19937_64 rng(std::random_device{}());
  for (int c = 0; c < o.clients; ++c) {
    Hash32 seed;
    for (auto& b : seed.v) b = static_cast<uint8_t>(rng());
    keys.push_back((*suite)->signer_from_seed(seed));
  }
  std::vector<std::string> encoded(total);
  std::vector<Hash32> ids(total);
  {
    unsigned workers = std::max(1u, std::thread::hardware_concurrency());
    std::vector<std::thread> ts;
    for (unsigned w = 0; w < workers; ++w)
      ts.emplace_back([&, w, seed = rng()] {
        std::mt19937_64 digests(seed);  // one generator per thread
        for (size_t i = w; i < total; i += workers) {
          size_t client = i % keys.size();
          uint64_t nonce = i / keys.size();
          Bytes payload;
          TxKind kind = TxKind::kNoop;
          if (o.noop) {
            payload.assign(8, 0);
          } else {
            kind = TxKind::kEvidence;
            EvidenceRecord r;
            r.digest = sha256(as_bytes(std::to_string(digests()) + "/" + std::to_string(i)));
            r.type = "load";
            r.owner = targets.front().organisation;
            r.timestamp_ms = static_cast<uint64_t>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                                     std::chrono::system_clock::now().time_since_epoch())
                                                     .count());  // when the document was anchored
            payload = r.encode();
          }
          auto tx = Transaction::create(**suite, *keys[client], TxChain{*net->chain_id, protocol}, kind, nonce, std::move(payload));
          Bytes e = tx->encode();
          encoded[i].assign(e.begin(), e.end());
          ids[i] = tx->id();
        }
      });
    for (auto& t : ts) t.join();
  }
  std::unordered_map<Hash32, size_t> index;
  index.reserve(total * 2);
  for (size_t i = 0; i < total; ++i) index.emplace(ids[i], i);

  std::vector<double> submit_at(total, -1), commit_at(total, -1);
  std::mutex mu;
  std::atomic<size_t> committed{0};
  auto t0 = Clock::now();

  // Commits, as one agent sees them.
  auto watch_channel = agent_channel(targets.front().api_address, targets.front().name, *id);
  auto watch_stub = pb::AgentService::NewStub(watch_channel);
  grpc::ClientContext watch_ctx;
  pb::WatchRequest wr;
  wr.set_include_tx_ids(true);
  auto watch = watch_stub->Watch(&watch_ctx, wr);
  std::thread watcher([&] {
    pb::Event e;
    while (watch->Read(&e)) {
      if (e.kind() != pb::Event::NEW_BLOCK) continue;
      double t = since(t0);
      std::lock_guard lock(mu);
      for (const auto& raw : e.tx_ids()) {
        if (raw.size() != 32) continue;
        auto it = index.find(Hash32::from(ByteView(reinterpret_cast<const uint8_t*>(raw.data()), 32)));
        if (it != index.end() && commit_at[it->second] < 0) {
          commit_at[it->second] = t;
          ++committed;
        }
      }
    }
  });

  // Submitters: transaction i goes to agent i mod k, in batches, paced.
  // Refusals (a full mempool under overload, say) are answers the chain
  // gives and part of the result; errors (an agent unreachable, a stream
  // broken) end the run non-zero.
  std::atomic<size_t> refused{0}, errors{0};
  std::map<std::string, size_t> refusals;  // by error code, of those the agents listed
  // As fast as the chain takes them, but never so far ahead of the commits
  // that a client's nonces leave the window the chain accepts: a refused
  // nonce would strand every later one of that client. Transaction i has
  // nonce i / clients, so sending i only once i - committed is under a
  // quarter of the window per client keeps its nonce within that quarter of
  // the committed one; the rest of the window is slack for agents whose
  // committed state is behind the one watched here.
  size_t backlog = std::max<size_t>(1, static_cast<size_t>(o.clients) * (StateLimits::kMaxNonceGap / 4));
  std::vector<std::thread> submitters;
  SendCutoff cutoff(targets.size());
  double per_agent_rate = o.tps > 0 ? o.tps / static_cast<double>(targets.size()) : 0;
  for (size_t k = 0; k < targets.size(); ++k)
    submitters.emplace_back([&, k] {
      auto ch = agent_channel(targets[k].api_address, targets[k].name, *id);
      auto stub = pb::AgentService::NewStub(ch);
      grpc::ClientContext ctx;
      // An agent that stops reading must not hold the run (and, through the
      // common stop, every other submitter) for ever.
      ctx.set_deadline(std::chrono::system_clock::now() +
                       std::chrono::milliseconds(static_cast<int64_t>((o.seconds + 60) * 1000)));
      pb::SubmitResult result;
      auto stream = stub->SubmitStream(&ctx, &result);
      size_t sent = 0;
      std::vector<size_t> mine;
      for (size_t i = k; i < total; i += targets.size()) mine.push_back(i);
      size_t pos = 0;
      bool broken = false;
      auto write = [&](size_t n) {
        pb::SubmitRequest req;
        {
          std::lock_guard lock(mu);
          for (size_t j = 0; j < n; ++j) {
            size_t i = mine[pos + j];
            req.add_transactions(encoded[i]);
            submit_at[i] = since(t0);
            cutoff.sent(i);
          }
        }
        pos += n;
        sent += n;
        broken = !stream->Write(req);
      };
      while (pos < mine.size() && !broken) {
        double t = since(t0);
        if (t >= o.seconds) break;
        if (per_agent_rate > 0) {
          double due = per_agent_rate * t;
          if (static_cast<double>(sent) >= due) {
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
            continue;
          }
        } else if (mine[pos] > committed.load() + backlog) {
          std::this_thread::sleep_for(std::chrono::milliseconds(2));  // do not flood the mempool
          continue;
        }
        size_t n = std::min(o.batch, mine.size() - pos);
        if (per_agent_rate > 0) n = std::min<size_t>(n, std::max<size_t>(1, static_cast<size_t>(per_agent_rate * t) - sent + 1));
        else n = std::min(n, (committed.load() + backlog - mine[pos]) / targets.size() + 1);  // the batch's last too
        write(n);
      }
      // Up to the common end, so that no client is left with a gap (those
      // below it are within the window: a higher nonce of theirs was sent).
      size_t end = cutoff.stop();
      while (!broken && pos < mine.size() && mine[pos] < end) {
        size_t n = 0;
        while (n < o.batch && pos + n < mine.size() && mine[pos + n] < end) ++n;
        write(n);
      }
      stream->WritesDone();
      grpc::Status st = stream->Finish();
      if (!st.ok()) {
        std::fprintf(stderr, "load: %s: %s\n", targets[k].name.c_str(), st.error_message().c_str());
        ++errors;
      }
      refused += static_cast<size_t>(result.results_size());
      std::lock_guard lock(mu);
      // "mempool_full: mempool full" counts as mempool_full: the detail
      // (a nonce, a size) would make a key per transaction.
      for (const auto& r : result.results()) ++refusals[r.error().substr(0, std::min<size_t>(r.error().find(':'), 80))];
    });
  for (auto& t : submitters) t.join();
  double send_end = since(t0);
  size_t submitted = 0;
  for (double s : submit_at) submitted += s >= 0;
  // Grace for the last transactions to commit.
  while (since(t0) < send_end + 15 && committed.load() + refused.load() < submitted)
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  watch_ctx.TryCancel();
  watcher.join();

  std::vector<double> lat;
  double first_submit = 1e18, last_commit = 0;
  for (size_t i = 0; i < total; ++i) {
    if (submit_at[i] < 0) continue;
    first_submit = std::min(first_submit, submit_at[i]);
    if (commit_at[i] >= 0) {
      lat.push_back((commit_at[i] - submit_at[i]) * 1000);
      last_commit = std::max(last_commit, commit_at[i]);
    }
  }
  std::sort(lat.begin(), lat.end());
  size_t succ = lat.size(), fail = submitted - succ;
  double send_rate = send_end > 0 ? static_cast<double>(submitted) / send_end : 0;
  double span = last_commit - first_submit;
  double throughput = span > 0 ? static_cast<double>(succ) / span : 0;
  auto pct = [&](double q) { return lat.empty() ? 0.0 : lat[std::min(lat.size() - 1, static_cast<size_t>(q * lat.size()))]; };
  double avg = 0;
  for (double l : lat) avg += l;
  avg = lat.empty() ? 0 : avg / static_cast<double>(lat.size());
  if (o.json) {
    nlohmann::json j = {{"succ", succ},
                        {"fail", fail},
                        {"send_rate_tps", send_rate},
                        {"throughput_tps", throughput},
                        {"latency_ms",
                         {{"min", lat.empty() ? 0 : lat.front()},
                          {"avg", avg},
                          {"p50", pct(0.5)},
                          {"p99", pct(0.99)},
                          {"max", lat.empty() ? 0 : lat.back()}}},
                        {"refused", refused.load()},
                        {"refusals", refusals},
                        {"errors", errors.load()},
                        {"agents", targets.size()},
                        {"payload", o.noop ? "noop" : "evidence"}};
    std::printf("%s\n", j.dump().c_str());
  } else {
    std::printf("| %-8s | %-6s | %-6s | %-14s | %-8s | %-8s | %-8s | %-8s | %-8s | %-16s |\n", "Name", "Succ", "Fail",
                "Send Rate(TPS)", "Min(ms)", "Avg(ms)", "P50(ms)", "P99(ms)", "Max(ms)", "Throughput(TPS)");
    std::printf("| %-8s | %-6zu | %-6zu | %-14.1f | %-8.1f | %-8.1f | %-8.1f | %-8.1f | %-8.1f | %-16.1f |\n",
                o.noop ? "noop" : "evidence", succ, fail, send_rate, lat.empty() ? 0 : lat.front(), avg, pct(0.5),
                pct(0.99), lat.empty() ? 0 : lat.back(), throughput);
    if (refused > 0) {
      std::printf("refused by the chain: %zu", refused.load());
      for (const auto& [why, n] : refusals) std::printf("; %s: %zu", why.c_str(), n);
      std::printf("\n");
    }
  }
  if (submitted > 0 && succ == 0) {
    std::fprintf(stderr, "load: nothing committed of %zu transactions submitted\n", submitted);
    return 1;
  }
  return errors == 0 ? 0 : 1;
}

}  // namespace consortia::agent
