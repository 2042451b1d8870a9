// An attacker holding an ordinary certificate of the network, against real
// agent processes over mutual TLS: what a member (or a viewer) sends must
// not stop an agent, fill its disk or memory, or forge its records.
#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <set>

#include "audit_chain.h"
#include "consensus/messages.h"
#include "crypto/key_file.h"
#include "consortia/v1/p2p.grpc.pb.h"
#include "ctl_harness.h"
#include "evidence.h"
#include "peer_budget.h"
#include "pki.h"

namespace consortia::agent::testing {
namespace {

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string l; std::getline(in, l);) out.push_back(l);
  return out;
}

// A viewer may not apply faults; thousands of denied calls with megabytes
// of text each must leave the logs small, single-lined and on record.
TEST(HostileClient, DeniedCallsWithHugeTextNeitherFillNorForgeTheLogs) {
  AgentCluster c(4);
  c.start(0);
  ASSERT_TRUE(AgentCluster::eventually([&] { return c.status(0).has_value(); }, 30));
  auto viewer = c.client(0, c.net().nodes[0].organisation, "viewer");
  std::string forged = "x\n2026-12-05T00:00:00.000Z info audit: admin@org-0 SwitchBinary -> ok\n";
  std::string huge = forged + std::string(1 << 20, 'A');
  int denied = 0;
  for (int i = 0; i < 300; ++i) {
    grpc::ClientContext ctx;
    pb::LogLevelRequest req;
    req.set_level(huge);
    pb::LogLevel out;
    if (viewer->SetLogLevel(&ctx, req, &out).error_code() == grpc::StatusCode::PERMISSION_DENIED) ++denied;
  }
  EXPECT_EQ(denied, 300);
  std::string data = c.node_dir(0) + "/data";
  // The denials are on record, once (per caller and call in a window).
  auto audit = lines(slurp(data + "/audit.log"));
  int recorded = 0;
  for (const auto& l : audit)
    if (l.find("\"call\":\"SetLogLevel\"") != std::string::npos) {
      ++recorded;
      EXPECT_NE(l.find("viewer@"), std::string::npos) << l;
      EXPECT_EQ(l.find("AAAA"), std::string::npos) << "a denied call's text was recorded";
    }
  EXPECT_EQ(recorded, 1);
  EXPECT_LT(fs::file_size(data + "/audit.log"), 16u * 1024);
  std::string log = slurp(data + "/agent.log");
  EXPECT_LT(log.size(), 256u * 1024) << "the agent log grew with a denied caller's text";
  for (const auto& l : lines(log)) EXPECT_NE(l.rfind("2026-12-05T00:00:00.000Z", 0), 0u) << "a forged line: " << l;

  // The log tail through the API has no forged line either.
  grpc::ClientContext lctx;
  pb::LogRequest lr;
  lr.set_lines(2000);
  pb::LogLines tail;
  ASSERT_TRUE(viewer->TailLog(&lctx, lr, &tail).ok());
  for (const auto& l : tail.lines()) EXPECT_EQ(l.find("SwitchBinary -> ok"), std::string::npos) << l;

  // An operator's call with long text is recorded, cut and on one line.
  auto op = c.operator_of(0);
  grpc::ClientContext octx;
  pb::LogLevelRequest oreq;
  oreq.set_level(huge);
  pb::LogLevel oout;
  EXPECT_EQ(op->SetLogLevel(&octx, oreq, &oout).error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  audit = lines(slurp(data + "/audit.log"));
  ASSERT_GE(audit.size(), 3u);
  EXPECT_NE(audit.back().find("\"who\":\"operator@"), std::string::npos) << audit.back();
  EXPECT_LT(audit.back().size(), 2048u);
}

// The audit log is a hash chain that consortia-ctl audit verify checks:
// intact as the agent wrote it, and naming the entry an intruder changed.
TEST(HostileClient, TheAuditLogIsAChainAndVerifyNamesTheChangedEntry) {
  AgentCluster c(4);
  c.start(0);
  ASSERT_TRUE(AgentCluster::eventually([&] { return c.status(0).has_value(); }, 30));
  auto op = c.operator_of(0);
  for (const char* level : {"debug", "info", "warn", "info"}) {
    grpc::ClientContext ctx;
    pb::LogLevelRequest req;
    req.set_level(level);
    pb::LogLevel out;
    ASSERT_TRUE(op->SetLogLevel(&ctx, req, &out).ok());
  }
  std::string file = c.node_dir(0) + "/data/audit.log";
  Proc v = run({ctl_binary(), "--json", "audit", "verify", file});
  ASSERT_EQ(v.status, 0) << v.out << v.err;
  auto j = v.as_json();
  EXPECT_TRUE(j.value("intact", false));
  EXPECT_EQ(j.value("entries", 0), 8);  // started and result of each call

  // Someone with the host's root edits who made the third call.
  c.stop(0);
  auto all = lines(slurp(file));
  ASSERT_EQ(all.size(), 8u);
  const auto orig = all;
  auto at = all[4].find("operator@");
  ASSERT_NE(at, std::string::npos);
  all[4].replace(at, 9, "observer@");
  {
    std::ofstream out(file, std::ios::trunc);
    for (const auto& l : all) out << l << "\n";
  }
  v = run({ctl_binary(), "audit", "verify", file});
  EXPECT_EQ(v.status, 1);
  EXPECT_NE(v.out.find("line 5: entry 5 was changed"), std::string::npos) << v.out;
  EXPECT_EQ(run({ctl_binary(), "audit", "verify"}).status, 2);
  EXPECT_EQ(run({ctl_binary(), "audit", "verify", file + ".missing"}).status, 2) << "bad input, not a broken log";
  // Entries cut off the front leave a chain that holds together, and verify
  // says where it starts.
  {
    std::ofstream out(file, std::ios::trunc);
    for (size_t k = 2; k < orig.size(); ++k) out << orig[k] << "\n";
  }
  v = run({ctl_binary(), "--json", "audit", "verify", file});
  EXPECT_EQ(v.status, 0) << v.out;
  EXPECT_EQ(v.as_json().value("first_seq", 0), 3) << v.out;
  v = run({ctl_binary(), "audit", "verify", file});
  EXPECT_NE(v.out.find("entries 1 to 2 are not in these files"), std::string::npos) << v.out;
}

// When the audit log cannot be written, calls that change something are
// refused with the reason; reading goes on.
TEST(HostileClient, ControlCallsAreRefusedWhileTheAuditLogCannotBeWritten) {
  AgentCluster c(4);
  std::string data = c.node_dir(0) + "/data";
  fs::create_directories(data);
  fs::create_symlink("/dev/full", data + "/audit.log");
  c.start(0);
  ASSERT_TRUE(AgentCluster::eventually([&] { return c.status(0).has_value(); }, 30));
  auto op = c.operator_of(0);
  grpc::ClientContext ctx;
  pb::SetFaultsRequest req;
  req.add_rules()->set_rule("loss 50%");
  pb::FaultRules out;
  auto st = op->SetFaults(&ctx, req, &out);
  EXPECT_EQ(st.error_code(), grpc::StatusCode::UNAVAILABLE);
  EXPECT_NE(st.error_message().find("audit log cannot be written"), std::string::npos) << st.error_message();
  grpc::ClientContext fctx;
  pb::FaultRules faults;
  ASSERT_TRUE(op->GetFaults(&fctx, pb::ClearFaultsRequest{}, &faults).ok());
  EXPECT_EQ(faults.rules_size(), 0) << "a refused call took effect";
  EXPECT_TRUE(c.status(0).has_value());

  // When the log can be written again, the calls go through.
  fs::remove(data + "/audit.log");
  grpc::ClientContext ctx2;
  EXPECT_TRUE(op->SetFaults(&ctx2, req, &out).ok());
}

// Watch streams that are never read held one server thread each: about 60
// of them locked every other caller out of the API.
TEST(HostileClient, StalledWatchStreamsLeaveTheApiAnsweringOthers) {
  AgentCluster c(4);
  c.start(0);
  ASSERT_TRUE(AgentCluster::eventually([&] { return c.status(0).has_value(); }, 30));
  struct Stream {
    std::unique_ptr<grpc::ClientContext> ctx = std::make_unique<grpc::ClientContext>();
    std::unique_ptr<grpc::ClientReader<pb::Event>> reader;
  };
  std::vector<std::unique_ptr<pb::AgentService::Stub>> stubs;
  std::vector<Stream> streams;
  auto open = [&](pb::AgentService::Stub& stub) {
    Stream s;
    s.ctx->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(60));
    pb::WatchRequest req;
    req.set_include_tx_ids(true);
    s.reader = stub.Watch(s.ctx.get(), req);
    streams.push_back(std::move(s));
  };
  stubs.push_back(c.client(0, "org-0", "viewer"));
  for (int i = 0; i < 64; ++i) open(*stubs[0]);
  // The API answers another caller at once.
  auto op = c.operator_of(0);
  grpc::ClientContext sctx;
  sctx.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(3));
  pb::NodeStatus st;
  auto got = op->GetStatus(&sctx, pb::StatusRequest{}, &st);
  EXPECT_TRUE(got.ok()) << got.error_message();
  // The viewer holds four (those the agent said were open); the rest were
  // refused with the reason.
  int open_streams = 0, refused = 0;
  for (auto& s : streams) {
    s.reader->WaitForInitialMetadata();
    if (s.ctx->GetServerInitialMetadata().count("consortia-watch")) {
      ++open_streams;
      continue;
    }
    auto end = s.reader->Finish();
    if (end.error_code() == grpc::StatusCode::RESOURCE_EXHAUSTED &&
        end.error_message().find("per identity") != std::string::npos)
      ++refused;
  }
  EXPECT_EQ(open_streams, 4);
  EXPECT_EQ(refused, 60);
  // All callers together hold a quarter of the server's threads (16 here);
  // an organisation half of them; other organisations leave four for the
  // node's own (org-0).
  auto take = [&](const std::string& org, const std::string& role) {
    stubs.push_back(c.client(0, org, role));
    open(*stubs.back());
    streams.back().reader->WaitForInitialMetadata();  // taken before the next one asks
    if (streams.back().ctx->GetServerInitialMetadata().count("consortia-watch")) return std::string("open");
    return streams.back().reader->Finish().error_message();
  };
  for (auto& s : streams) s.ctx->TryCancel();  // org-0's viewer lets its four go
  std::this_thread::sleep_for(std::chrono::seconds(1));
  for (const char* role : {"viewer", "operator"})
    for (int i = 0; i < 4; ++i) EXPECT_EQ(take("org-1", role), "open");
  EXPECT_NE(take("org-1", "admin").find("8 watch streams per organisation"), std::string::npos);
  for (int i = 0; i < 4; ++i) EXPECT_EQ(take("org-2", "viewer"), "open");
  EXPECT_NE(take("org-3", "viewer").find("kept for the node's own organisation"), std::string::npos);
  {
    // Nor does the organisation's node identity count as its people: a
    // node host may be another's to use.
    auto node_id = pb::AgentService::NewStub(agent_channel(
        c.net().nodes[0].api_address, c.net().nodes[0].name,
        ClientIdentity{slurp(c.net().ca_bundle_path), slurp(c.node_dir(0) + "/tls.crt"), slurp(c.node_dir(0) + "/tls.key")}));
    open(*node_id);
    streams.back().reader->WaitForInitialMetadata();
    EXPECT_FALSE(streams.back().ctx->GetServerInitialMetadata().count("consortia-watch"));
    EXPECT_NE(streams.back().reader->Finish().error_message().find("kept for the node's own organisation"),
              std::string::npos);
    stubs.push_back(std::move(node_id));
  }
  for (int i = 0; i < 4; ++i) EXPECT_EQ(take("org-0", "operator"), "open") << "the node's own organisation has room";
  EXPECT_NE(take("org-0", "admin").find("16 watch streams at most"), std::string::npos);
  grpc::ClientContext sctx2;
  sctx2.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(3));
  EXPECT_TRUE(op->GetStatus(&sctx2, pb::StatusRequest{}, &st).ok());
  for (auto& s : streams) s.ctx->TryCancel();
}

// A Watch stream outlived the viewer certificate it was opened with, and a
// SubmitStream the operator certificate: both now end when it expires, and
// the connection they came on is refused for further calls.
// A client key used on two chains (a test network and production): what it
// signed for one is refused by the other's agents, and a transaction of the
// version that names no chain is refused with what to do. The workstation
// signs governance only for the chain its own genesis names.
TEST(HostileClient, ATransactionSignedForAnotherChainIsRefused) {
  AgentCluster c(4);
  c.start_all();
  ASSERT_TRUE(c.all_reach(2, 60));
  const TxChain ours = c.chain();
  ASSERT_EQ(ours.protocol, kMaxProtocolVersion);
  const TxChain theirs{sha256(as_bytes("another chain")), ours.protocol};
  auto key = test::client_key("a client of two chains");
  auto verdict = [&](const TxPtr& tx) {
    pb::SubmitRequest req;
    req.add_transactions(test::wire(tx));
    grpc::ClientContext ctx;
    pb::SubmitResult res;
    auto st = c.operator_of(1)->Submit(&ctx, req, &res);
    if (!st.ok()) return "rpc: " + st.error_message();
    return res.results_size() ? res.results(0).error() : std::string();
  };
  auto record = [](const char* doc) { return test::evidence_record(doc).encode(); };
  auto elsewhere = Transaction::create(ed25519_sha256(), *key, theirs, TxKind::kEvidence, 0, record("elsewhere"));
  EXPECT_EQ(verdict(elsewhere).rfind("bad_signature", 0), 0u) << verdict(elsewhere);
  auto unbound = Transaction::create_unbound(ed25519_sha256(), *key, TxKind::kEvidence, 0, record("unbound"));
  std::string refused = verdict(unbound);
  EXPECT_EQ(refused.rfind("unsupported_in_version", 0), 0u) << refused;
  EXPECT_NE(refused.find("chain id"), std::string::npos) << refused;
  auto here = Transaction::create(ed25519_sha256(), *key, ours, TxKind::kEvidence, 0, record("here"));
  EXPECT_EQ(verdict(here), "");
  EXPECT_TRUE(AgentCluster::eventually([&] { return committed_on(c, 3, here->id()); }, 30));
  for (int i = 0; i < c.size(); ++i) {
    EXPECT_FALSE(committed_on(c, i, elsewhere->id())) << "node " << i;
    EXPECT_FALSE(committed_on(c, i, unbound->id())) << "node " << i;
  }

  // Governance: an agent is not taken at its word for the chain.
  auto admin_key = AdminKey::open(c.dir() + "/orgs/org-0/governance.key", "");
  ASSERT_TRUE(admin_key.ok());
  auto admin = c.client(0, "org-0", "admin");
  auto signed_elsewhere = sign_and_submit({admin.get()}, {}, *admin_key, theirs, governance_vote(Hash32{}, false));
  ASSERT_FALSE(signed_elsewhere.ok());
  EXPECT_EQ(signed_elsewhere.error().code, ErrorCode::kConflict);
  EXPECT_NE(signed_elsewhere.error().detail.find("another chain"), std::string::npos)
      << signed_elsewhere.error().detail;
}

// An operator leaves org-1 with a certificate valid for a year, and one of
// org-3's node hosts is compromised: governance revokes both certificates.
// From the enacting block every agent refuses the operator's calls (its
// open Watch stream ends), and no node keeps or makes a link with node-3's
// certificate; the others keep committing. Before, a certificate was good
// until it expired.
TEST(HostileClient, CertificatesRevokedByGovernanceAreRefusedEverywhere) {
  AgentCluster c(4);
  c.start_all();
  ASSERT_TRUE(c.all_reach(2, 60));
  auto ca = KeyPair{slurp(c.dir() + "/orgs/org-1/ca.crt"), slurp(c.dir() + "/orgs/org-1/ca.key")};
  auto leaver = issue_certificate(ca, {"leaving-operator", "org-1", "operator"}, {}, 365);
  ASSERT_TRUE(leaver.ok());
  auto as_leaver = [&](int node) {
    return pb::AgentService::NewStub(agent_channel(
        c.net().nodes[node].api_address, c.net().nodes[node].name,
        ClientIdentity{slurp(c.net().ca_bundle_path), leaver->certificate_pem, leaver->key_pem}));
  };
  auto status_as_leaver = [&](int node) {
    grpc::ClientContext ctx;
    ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(3));
    pb::NodeStatus st;
    return as_leaver(node)->GetStatus(&ctx, pb::StatusRequest{}, &st);
  };
  ASSERT_TRUE(status_as_leaver(1).ok());
  auto watcher = as_leaver(1);
  grpc::ClientContext watch_ctx;
  auto watch = watcher->Watch(&watch_ctx, pb::WatchRequest{});

  auto revoke = [&](const std::string& pem, const std::string& org, std::vector<int> skip = {}) {
    auto fp = certificate_fingerprint(pem);
    EXPECT_TRUE(fp.ok());
    pb::ProposeRequest req;
    req.set_action("revoke-certificate");
    req.set_organisation(org);
    req.set_certificate_sha256(std::string(fp->v.begin(), fp->v.end()));
    return c.enact(req, skip);
  };
  ASSERT_TRUE(revoke(leaver->certificate_pem, "org-1"));
  for (int i = 0; i < c.size(); ++i) {
    auto st = status_as_leaver(i);
    EXPECT_EQ(st.error_code(), grpc::StatusCode::UNAUTHENTICATED) << "node " << i;
    EXPECT_NE(st.error_message().find("revoked by governance"), std::string::npos) << st.error_message();
  }
  pb::Event e;
  while (watch->Read(&e)) {
  }
  auto ended = watch->Finish();
  EXPECT_NE(ended.error_message().find("revoked by governance"), std::string::npos) << ended.error_message();
  // org-1's own operator certificate is untouched.
  {
    grpc::ClientContext ctx;
    pb::NodeStatus st;
    EXPECT_TRUE(c.client(1, "org-1", "operator")->GetStatus(&ctx, pb::StatusRequest{}, &st).ok());
  }

  // Node 3's TLS certificate: the links to it end and are not made again
  // (node 3 itself may not hear of the block that cut it off).
  ASSERT_TRUE(revoke(slurp(c.node_dir(3) + "/tls.crt"), "org-3", {3}));
  auto linked_to_3 = [&](int i) {
    auto s = c.status(i);
    if (!s) return true;
    for (const auto& p : s->peers())
      if (p.name() == c.net().nodes[3].name && p.connected()) return true;
    return false;
  };
  EXPECT_TRUE(AgentCluster::eventually([&] { return !linked_to_3(0) && !linked_to_3(1) && !linked_to_3(2); }, 20))
      << "a node keeps its link with the revoked certificate";
  std::this_thread::sleep_for(std::chrono::seconds(3));  // reconnection attempts come and are refused
  EXPECT_FALSE(linked_to_3(0) || linked_to_3(1) || linked_to_3(2));
  uint64_t h = c.height(0);
  EXPECT_TRUE(c.all_reach(h + 3, 30, {3})) << "the other three stopped committing";
  EXPECT_NE(slurp(c.node_dir(0) + "/data/agent.log").find("certificate revoked by governance"), std::string::npos);
}

TEST(HostileClient, StreamsEndWhenTheirCertificateExpires) {
  AgentCluster c(4);
  c.start(0);
  ASSERT_TRUE(AgentCluster::eventually([&] { return c.status(0).has_value(); }, 30));
  auto ca = KeyPair{slurp(c.dir() + "/orgs/org-0/ca.crt"), slurp(c.dir() + "/orgs/org-0/ca.key")};
  auto stub_for = [&](const char* who, const char* role) {
    auto cert = issue_short_lived_certificate(ca, {who, "org-0", role}, {}, 6);
    EXPECT_TRUE(cert.ok());
    return pb::AgentService::NewStub(agent_channel(
        c.net().nodes[0].api_address, c.net().nodes[0].name,
        ClientIdentity{slurp(c.net().ca_bundle_path), cert->certificate_pem, cert->key_pem}));
  };
  auto viewer = stub_for("short-viewer", "viewer");
  auto oper = stub_for("short-operator", "operator");
  grpc::ClientContext wctx, sctx;
  wctx.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(30));
  sctx.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(30));
  auto reader = viewer->Watch(&wctx, pb::WatchRequest{});
  reader->WaitForInitialMetadata();
  ASSERT_TRUE(wctx.GetServerInitialMetadata().count("consortia-watch")) << "the stream did not open";
  pb::SubmitResult sres;
  auto writer = oper->SubmitStream(&sctx, &sres);
  ASSERT_TRUE(writer->Write(pb::SubmitRequest{}));
  pb::Event e;
  auto opened = std::chrono::steady_clock::now();
  while (reader->Read(&e)) {
  }
  auto end = reader->Finish();
  double lasted = std::chrono::duration<double>(std::chrono::steady_clock::now() - opened).count();
  EXPECT_EQ(end.error_code(), grpc::StatusCode::UNAUTHENTICATED) << end.error_message();
  EXPECT_NE(end.error_message().find("certificate expired"), std::string::npos) << end.error_message();
  EXPECT_LT(lasted, 15) << "the Watch stream outlived its certificate";
  writer->Write(pb::SubmitRequest{});
  writer->WritesDone();
  auto send_end = writer->Finish();
  EXPECT_EQ(send_end.error_code(), grpc::StatusCode::UNAUTHENTICATED) << "the SubmitStream outlived its certificate";
  grpc::ClientContext again;
  again.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(5));
  pb::NodeStatus st;
  EXPECT_FALSE(viewer->GetStatus(&again, pb::StatusRequest{}, &st).ok()) << "an expired certificate was accepted";
}

// A member (here with node-3's key, node-3 being down) opens forty P2P
// streams to node-0 and never says hello: each held a server thread until
// the peer hung up, so a member could use up the threads that the other
// peers' streams need. Now a node has one inbound stream (a newer one
// replaces the older) and a stream without a hello is closed after 5 s.
TEST(HostilePeer, StreamsWithoutAHelloAreClosedAndOneStreamPerNodeIsKept) {
  AgentCluster c(4);
  c.start_all();
  ASSERT_TRUE(c.all_reach(2, 60));
  c.stop(3);
  auto stub = c.peer_as(3, 0);
  struct Stream {
    std::unique_ptr<grpc::ClientContext> ctx = std::make_unique<grpc::ClientContext>();
    std::unique_ptr<grpc::ClientReaderWriter<consortia::v1::Frame, consortia::v1::Frame>> rw;
  };
  std::vector<Stream> streams(40);
  for (auto& s : streams) {
    s.ctx->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(40));
    s.rw = stub->Connect(s.ctx.get());
  }
  std::this_thread::sleep_for(std::chrono::seconds(7));
  // Every one of them was closed by node-0 (a newer stream, or no hello in
  // time): they end now rather than at their own deadline.
  auto t0 = std::chrono::steady_clock::now();
  for (auto& s : streams) {
    auto st = s.rw->Finish();
    EXPECT_NE(st.error_code(), grpc::StatusCode::OK);
  }
  double waited = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  EXPECT_LT(waited, 5.0) << "node-0 kept streams that never said hello";
  EXPECT_NE(slurp(c.node_dir(0) + "/data/agent.log").find("sent no hello within 5 s"), std::string::npos);
  // The honest nodes keep connecting and committing: node-1 restarts and
  // rejoins node-0.
  c.stop(1);
  c.start(1);
  uint64_t h = c.max_height();
  EXPECT_TRUE(c.all_reach(h + 5, 60, {3}));
}

// The same node identity running twice (a copy of node-3 on other ports):
// its two streams replace each other at node-0, and node-0 names both
// addresses.
TEST(HostilePeer, ANodeRunningTwiceIsNamedWithBothAddresses) {
  AgentCluster c(4);
  c.start_all();
  ASSERT_TRUE(c.all_reach(2, 60));
  std::string copy = c.dir() + "/nodes/node-3-copy";
  fs::copy(c.node_dir(3), copy, fs::copy_options::recursive);
  fs::remove_all(copy + "/data");
  fs::create_directories(copy + "/data");
  json cfg = json::parse(slurp(copy + "/agent.json"));
  for (const char* k : {"p2p_listen", "api_listen", "metrics_listen"}) cfg[k] = "127.0.0.1:0";
  std::ofstream(copy + "/agent.json", std::ios::trunc) << cfg.dump(2);
  pid_t twin = -1;
  run({agent_binary(), "run", "--config", copy + "/agent.json"}, "", &twin, false);
  std::string seen;
  bool named = AgentCluster::eventually(
      [&] {
        auto s = c.status(0);
        if (!s) return false;
        for (const auto& p : s->peers())
          if (p.name() == c.net().nodes[3].name && !p.duplicate_address().empty()) {
            seen = p.duplicate_address();
            return true;
          }
        return false;
      },
      30);
  kill(twin, SIGKILL);
  waitpid(twin, nullptr, 0);
  EXPECT_TRUE(named) << "node-0 did not name the second node-3";
}

// Keys at rest: every secret is the owner's alone from its creation, and
// an encrypted node key (which the agent could not use: it always passed an
// empty passphrase) starts with its passphrase from the environment or a
// file, and refuses to start without it, saying where to give it.
TEST(KeysAtRest, SecretsAre0600AndAnEncryptedNodeKeyStartsWithItsPassphrase) {
  AgentCluster c(4);
  for (const auto& e : fs::recursive_directory_iterator(c.dir())) {
    std::string name = e.path().filename().string();
    EXPECT_EQ(name.find(".tmp"), std::string::npos) << e.path();
    if (e.path().extension() == ".key") {
      auto perms = e.status().permissions();
      EXPECT_EQ(perms & (fs::perms::group_all | fs::perms::others_all), fs::perms::none) << e.path();
    }
  }
  std::string key = c.node_dir(0) + "/node.key";
  std::string plain = slurp(key);
  Proc p = run({agent_binary(), "protect-key", "--key", key}, "", nullptr, true,
               {{"CONSORTIA_KEY_PASSPHRASE", "correct horse battery staple"}});
  ASSERT_EQ(p.status, 0) << p.err;
  std::string sealed = slurp(key);
  EXPECT_NE(sealed.find("cipher sm4-cbc"), std::string::npos);
  EXPECT_EQ(sealed.find("private"), std::string::npos);
  EXPECT_EQ(fs::status(key).permissions() & (fs::perms::group_all | fs::perms::others_all), fs::perms::none);

  std::string config = c.node_dir(0) + "/agent.json";
  p = run({agent_binary(), "run", "--config", config});
  EXPECT_NE(p.status, 0);
  EXPECT_NE(p.err.find("CONSORTIA_KEY_PASSPHRASE"), std::string::npos) << p.err;
  p = run({agent_binary(), "run", "--config", config}, "", nullptr, true, {{"CONSORTIA_KEY_PASSPHRASE", "wrong"}});
  EXPECT_NE(p.status, 0);
  EXPECT_NE(p.err.find("wrong passphrase"), std::string::npos) << p.err;

  // The TLS key too (PEM), here through a symbolic link: the file it names
  // is encrypted, and the link stays a link.
  std::string tls_key = c.node_dir(0) + "/tls.key";
  fs::rename(tls_key, c.node_dir(0) + "/tls-real.key");
  fs::create_symlink("tls-real.key", tls_key);
  p = run({agent_binary(), "protect-key", "--key", tls_key}, "", nullptr, true,
          {{"CONSORTIA_KEY_PASSPHRASE", "correct horse battery staple"}});
  ASSERT_EQ(p.status, 0) << p.err;
  EXPECT_TRUE(fs::is_symlink(tls_key));
  EXPECT_NE(slurp(tls_key).find("ENCRYPTED PRIVATE KEY"), std::string::npos);
  p = run({agent_binary(), "protect-key", "--key", tls_key}, "", nullptr, true,
          {{"CONSORTIA_KEY_PASSPHRASE", "correct horse battery staple"}});
  EXPECT_NE(p.err.find("encrypted already"), std::string::npos) << p.err;
  // A host's certificate request made again (keygen) opens the encrypted
  // TLS key with the same passphrase, and leaves it encrypted.
  {
    std::string host_dir = c.dir() + "/host-node";
    auto kg = [&](const std::vector<std::pair<std::string, std::string>>& env) {
      return run({agent_binary(), "keygen", "--dir", host_dir, "--name", "host-node", "--organisation", "org-0"}, "",
                 nullptr, true, env);
    };
    ASSERT_EQ(kg({}).status, 0);
    std::string host_key = host_dir + "/tls.key";
    p = run({agent_binary(), "protect-key", "--key", host_key}, "", nullptr, true, {{"CONSORTIA_KEY_PASSPHRASE", "host"}});
    ASSERT_EQ(p.status, 0) << p.err;
    Proc again = kg({});
    EXPECT_NE(again.status, 0);
    EXPECT_NE((again.out + again.err).find("CONSORTIA_KEY_PASSPHRASE"), std::string::npos) << again.out << again.err;
    again = kg({{"CONSORTIA_KEY_PASSPHRASE", "host"}});
    EXPECT_EQ(again.status, 0) << again.out << again.err;
    EXPECT_NE(again.out.find("BEGIN CERTIFICATE REQUEST"), std::string::npos) << again.out;
    EXPECT_NE(slurp(host_key).find("ENCRYPTED PRIVATE KEY"), std::string::npos) << "keygen wrote the key in the clear";
  }
  // An organisation's CA key: opened by the join runbook with its passphrase.
  std::string ca_key = c.dir() + "/orgs/org-0/ca.key";
  p = run({agent_binary(), "protect-key", "--key", ca_key}, "", nullptr, true,
          {{"CONSORTIA_KEY_PASSPHRASE", "ca secret"}});
  ASSERT_EQ(p.status, 0) << p.err;
  EXPECT_FALSE(read_private_key(slurp(ca_key), "").ok());
  EXPECT_TRUE(read_private_key(slurp(ca_key), "ca secret").ok());

  // From a file named in the configuration (a systemd credential, say).
  std::string pass_file = c.node_dir(0) + "/passphrase";
  std::ofstream(pass_file) << "correct horse battery staple\n";
  json cfg = json::parse(slurp(config));
  cfg["key_passphrase_file"] = "passphrase";
  std::ofstream(config, std::ios::trunc) << cfg.dump(2);
  c.start_all();
  EXPECT_TRUE(c.all_reach(2, 60)) << "node-0 did not start with its encrypted key";
}

// Any organisation's CA could issue a certificate for "node-0.consortia":
// org-1 then sits between org-0's console and org-0's agent, answering for
// it. The console's channel to a node of org-0 now takes only org-0's CA.
TEST(HostileServer, AnotherOrganisationsCertificateForANodesNameIsRefused) {
  AgentCluster c(4);
  c.start(0);
  ASSERT_TRUE(AgentCluster::eventually([&] { return c.status(0).has_value(); }, 30));
  const auto& n0 = c.net().nodes[0];
  std::string org1 = c.net().nodes[1].organisation;
  ASSERT_NE(org1, n0.organisation);
  KeyPair ca1{slurp(c.dir() + "/orgs/" + org1 + "/ca.crt"), slurp(c.dir() + "/orgs/" + org1 + "/ca.key")};
  auto forged = issue_certificate(ca1, {n0.id.hex(), org1, "node"}, {n0.name + ".consortia"});
  ASSERT_TRUE(forged.ok());
  struct Impostor : pb::AgentService::Service {
    grpc::Status GetStatus(grpc::ServerContext*, const pb::StatusRequest*, pb::NodeStatus* out) override {
      out->set_name("node-0");
      out->set_height(999999);
      return grpc::Status::OK;
    }
  } impostor;
  grpc::SslServerCredentialsOptions sopts(GRPC_SSL_REQUEST_CLIENT_CERTIFICATE_BUT_DONT_VERIFY);
  sopts.pem_key_cert_pairs.push_back({forged->key_pem, forged->certificate_pem});
  grpc::ServerBuilder b;
  int port = 0;
  b.AddListeningPort("127.0.0.1:0", grpc::SslServerCredentials(sopts), &port);
  b.RegisterService(&impostor);
  auto server = b.BuildAndStart();
  ASSERT_TRUE(server && port);
  std::string address = "127.0.0.1:" + std::to_string(port);
  auto id = load_client_identity(c.net(), n0.organisation, "viewer");
  ASSERT_TRUE(id.ok());
  auto ask = [&](const std::string& addr, const std::string& org) {
    auto stub = pb::AgentService::NewStub(agent_channel(addr, n0.name, *id, org));
    grpc::ClientContext ctx;
    ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(3));
    pb::NodeStatus st;
    return stub->GetStatus(&ctx, pb::StatusRequest{}, &st).ok() && st.height() != 999999 ? 1
           : st.height() == 999999                                                      ? 2
                                                                                        : 0;
  };
  EXPECT_EQ(ask(address, ""), 2) << "without the organisation, the impostor answers";
  EXPECT_EQ(ask(address, n0.organisation), 0) << "with it, the impostor is refused";
  EXPECT_EQ(ask(n0.api_address, n0.organisation), 1) << "and the real agent answers";
  EXPECT_EQ(ask(n0.api_address, "no-such-org"), 0) << "an organisation without a CA verifies nothing";
  server->Shutdown(std::chrono::system_clock::now() + std::chrono::seconds(1));
}

// A peer that answers a node's dial with a hello and pongs claiming height
// 1,000,000 (what a member controlling that peer can say).
struct HeightLiar : consortia::v1::Peer::Service {
  consortia::v1::Hello hello;
  grpc::Status Connect(grpc::ServerContext*,
                       grpc::ServerReaderWriter<consortia::v1::Frame, consortia::v1::Frame>* stream) override {
    consortia::v1::Frame f;
    if (!stream->Read(&f)) return grpc::Status::OK;
    consortia::v1::Frame reply;
    *reply.mutable_hello() = hello;
    if (!stream->Write(reply)) return grpc::Status::OK;
    while (stream->Read(&f))
      if (f.has_ping()) {
        consortia::v1::Frame pong;
        pong.mutable_pong()->set_time_ns(f.ping().time_ns());
        pong.mutable_pong()->set_height(1'000'000);
        if (!stream->Write(pong)) break;
      }
    return grpc::Status::OK;
  }
};

// Serves `liar` as node i of `c` (its address, certificate and key).
std::unique_ptr<grpc::Server> serve_as(const AgentCluster& c, int i, HeightLiar& liar, const std::string& chain_id) {
  const auto& n = c.net().nodes[i];
  liar.hello.set_chain_id(chain_id);
  liar.hello.set_node_id(std::string(n.id.v.begin(), n.id.v.end()));
  liar.hello.set_min_protocol_version(1);
  liar.hello.set_max_protocol_version(kMaxProtocolVersion);
  liar.hello.set_height(1'000'000);
  liar.hello.set_p2p_address(n.p2p_address);
  liar.hello.set_name(n.name);
  grpc::SslServerCredentialsOptions sopts(GRPC_SSL_REQUEST_CLIENT_CERTIFICATE_BUT_DONT_VERIFY);
  sopts.pem_key_cert_pairs.push_back({slurp(c.node_dir(i) + "/tls.key"), slurp(c.node_dir(i) + "/tls.crt")});
  grpc::ServerBuilder b;
  b.AddListeningPort(n.p2p_address, grpc::SslServerCredentials(sopts));
  b.RegisterService(&liar);
  return b.BuildAndStart();
}

TEST(HostilePeer, OnePeerClaimingAHugeHeightDoesNotMakeANodeLookBehind) {
  AgentCluster c(4);
  c.start(0);
  c.start(1);
  c.start(2);
  ASSERT_TRUE(c.all_reach(3, 60, {3}));
  auto s0 = c.status(0);
  ASSERT_TRUE(s0);
  std::string chain_id = s0->chain_id();
  const auto& n3 = c.net().nodes[3];
  HeightLiar liar;
  auto server = serve_as(c, 3, liar, chain_id);
  ASSERT_TRUE(server);
  // node-0 dials node-3's address, hears the claim, and keeps it for the peer...
  bool heard = AgentCluster::eventually(
      [&] {
        auto s = c.status(0);
        if (!s) return false;
        for (const auto& p : s->peers())
          if (p.name() == n3.name && p.height() == 1'000'000) return true;
        return false;
      },
      30);
  EXPECT_TRUE(heard) << "node-0 never connected to the liar";
  // ...but does not take it for the network's height.
  auto s = c.status(0);
  ASSERT_TRUE(s);
  EXPECT_LT(s->best_peer_height(), 1'000'000u);
  EXPECT_FALSE(s->syncing());
  server->Shutdown(std::chrono::system_clock::now() + std::chrono::seconds(1));
}

// TLS checks a certificate's dates at the handshake only: a P2P link opened
// with a certificate stayed up after it expired (or would after the CA
// stopped vouching for it). Links now end when the peer's certificate
// expires, both ways, and dialling again fails at the handshake.
TEST(HostilePeer, ALinkEndsWhenThePeersCertificateExpires) {
  AgentCluster c(4);
  // node-3's TLS certificate, from its organisation's CA, for 40 s.
  auto ca = KeyPair{slurp(c.dir() + "/orgs/org-3/ca.crt"), slurp(c.dir() + "/orgs/org-3/ca.key")};
  const auto& n3 = c.net().nodes[3];
  auto short_lived = issue_short_lived_certificate(ca, {n3.id.hex(), "org-3", "node"},
                                                   {n3.name + ".consortia", "localhost"}, 40);
  ASSERT_TRUE(short_lived.ok()) << short_lived.error().detail;
  auto expiry = certificate_not_after(short_lived->certificate_pem);
  ASSERT_TRUE(expiry.ok());
  std::ofstream(c.node_dir(3) + "/tls.crt", std::ios::trunc) << short_lived->certificate_pem;
  std::ofstream(c.node_dir(3) + "/tls.key", std::ios::trunc) << short_lived->key_pem;
  c.start_all();
  auto link_up = [&] {
    auto s = c.status(0);
    if (!s) return false;
    for (const auto& p : s->peers())
      if (p.name() == n3.name) return p.connected();
    return false;
  };
  ASSERT_TRUE(AgentCluster::eventually(link_up, 30)) << "node-0 never linked with node-3";
  ASSERT_LT(std::time(nullptr), *expiry) << "the cluster took too long to start";
  // Past the expiry, node-0 drops node-3 and cannot link with it again.
  std::this_thread::sleep_for(std::chrono::seconds(std::max<int64_t>(0, *expiry - std::time(nullptr)) + 3));
  EXPECT_TRUE(AgentCluster::eventually([&] { return !link_up(); }, 10)) << "the link outlived the certificate";
  std::this_thread::sleep_for(std::chrono::seconds(3));
  EXPECT_FALSE(link_up()) << "node-0 linked again with an expired certificate";
  EXPECT_NE(slurp(c.node_dir(0) + "/data/agent.log").find("certificate expired"), std::string::npos);
  // The three others keep the chain going.
  uint64_t h = c.height(0);
  EXPECT_TRUE(c.all_reach(h + 3, 30, {3}));
}

// A new P2P stream on a connection made while the certificate was valid:
// it was registered (replacing the node's older stream) before its expiry
// was checked, and the refused stream stayed registered after its context
// was gone, for the watchdog to use. It is refused before it is registered;
// the node keeps running.
TEST(HostilePeer, AStreamWithAnExpiredCertificateOnAKeptConnectionIsRefused) {
  AgentCluster c(4);
  c.start(0);
  c.start(1);
  c.start(2);
  ASSERT_TRUE(c.all_reach(2, 60, {3}));
  auto ca = KeyPair{slurp(c.dir() + "/orgs/org-3/ca.crt"), slurp(c.dir() + "/orgs/org-3/ca.key")};
  const auto& n3 = c.net().nodes[3];
  auto cert = issue_short_lived_certificate(ca, {n3.id.hex(), "org-3", "node"}, {n3.name + ".consortia"}, 5);
  ASSERT_TRUE(cert.ok());
  grpc::SslCredentialsOptions tls;
  tls.pem_root_certs = slurp(c.net().ca_bundle_path);
  tls.pem_cert_chain = cert->certificate_pem;
  tls.pem_private_key = cert->key_pem;
  grpc::ChannelArguments args;
  args.SetSslTargetNameOverride(c.net().nodes[0].name + ".consortia");
  auto stub = consortia::v1::Peer::NewStub(
      grpc::CreateCustomChannel(c.net().nodes[0].p2p_address, grpc::SslCredentials(tls), args));
  auto s0 = c.status(0);
  ASSERT_TRUE(s0);
  auto hello = [&] {
    consortia::v1::Frame f;
    auto* h = f.mutable_hello();
    h->set_chain_id(s0->chain_id());
    h->set_node_id(std::string(n3.id.v.begin(), n3.id.v.end()));
    h->set_min_protocol_version(1);
    h->set_max_protocol_version(kMaxProtocolVersion);
    h->set_name(n3.name);
    return f;
  };
  {
    grpc::ClientContext ctx;
    auto stream = stub->Connect(&ctx);
    ASSERT_TRUE(stream->Write(hello()));
    consortia::v1::Frame reply;
    ASSERT_TRUE(stream->Read(&reply) && reply.has_hello()) << "the connection was not made while valid";
    ctx.TryCancel();
  }
  std::this_thread::sleep_for(std::chrono::seconds(7));  // past the certificate's expiry
  grpc::ClientContext ctx;
  auto stream = stub->Connect(&ctx);
  stream->Write(hello());
  consortia::v1::Frame reply;
  EXPECT_FALSE(stream->Read(&reply)) << "a stream with an expired certificate was served";
  auto st = stream->Finish();
  EXPECT_NE(st.error_code(), grpc::StatusCode::OK);
  // Past the hello deadline (5 s), the node still serves and commits.
  std::this_thread::sleep_for(std::chrono::seconds(7));
  EXPECT_TRUE(c.running(0) && c.status(0).has_value()) << "node-0 stopped";
  uint64_t h = c.height(0);
  EXPECT_TRUE(c.all_reach(h + 2, 30, {3}));
}

// Observers are members too, and one organisation's vote with others' can
// add several: their height claims do not count, only validators' do.
TEST(HostilePeer, ObserversClaimingAHugeHeightDoNotMakeANodeLookBehind) {
  AgentCluster c(4);
  c.start_all();
  ASSERT_TRUE(c.all_reach(3, 60));
  // Two observers of org-1, added by governance; their hosts are then the liar's.
  std::vector<int> observers;
  for (const char* name : {"node-4", "node-5"}) {
    Bytes pk;
    int i = c.add_node(name, "org-1", &pk);
    pb::ProposeRequest add;
    add.set_action("add-observer");
    add.set_public_key(std::string(pk.begin(), pk.end()));
    add.set_name(name);
    add.set_organisation("org-1");
    auto id = c.propose(0, "org-0", add);
    ASSERT_TRUE(id.ok()) << id.error().detail;
    std::string raw(id->v.begin(), id->v.end());
    for (int k : {1, 2}) {
      // Approved once the organisation's own node shows it.
      ASSERT_TRUE(AgentCluster::eventually(
          [&] {
            grpc::ClientContext ctx;
            pb::Proposals ps;
            c.client(k, "org-" + std::to_string(k), "viewer")->ListProposals(&ctx, pb::ProposalsRequest{}, &ps);
            for (const auto& p : ps.proposals())
              if (p.id() == raw) return true;
            return false;
          },
          20));
      ASSERT_TRUE(c.govern(k, "org-" + std::to_string(k), governance_vote(*id, false)).ok());
    }
    observers.push_back(i);
  }
  ASSERT_TRUE(AgentCluster::eventually(
      [&] {
        auto s = c.status(0);
        return s && s->validators() == 4 && c.max_height() > 0 &&
               [&] {
                 grpc::ClientContext ctx;
                 pb::Proposals ps;
                 c.client(0, "org-0", "viewer")->ListProposals(&ctx, pb::ProposalsRequest{}, &ps);
                 int enacted = 0;
                 for (const auto& p : ps.proposals()) enacted += p.status() == "enacted";
                 return enacted == 2;
               }();
      },
      30));
  auto s0 = c.status(0);
  ASSERT_TRUE(s0);
  // Each observer's identity dials node-0 and claims height 1,000,000 in its
  // hello and in every ping.
  struct Claim {
    std::unique_ptr<consortia::v1::Peer::Stub> stub;
    grpc::ClientContext ctx;
    std::unique_ptr<grpc::ClientReaderWriter<consortia::v1::Frame, consortia::v1::Frame>> stream;
  };
  std::vector<std::unique_ptr<Claim>> claims;
  // ...and answers node-0's dial back at the observer's address the same way.
  HeightLiar liar4, liar5;
  auto server4 = serve_as(c, observers[0], liar4, s0->chain_id());
  auto server5 = serve_as(c, observers[1], liar5, s0->chain_id());
  ASSERT_TRUE(server4 && server5);
  for (int i : observers) {
    auto cl = std::make_unique<Claim>();
    cl->stub = c.peer_as(i, 0);
    cl->stream = cl->stub->Connect(&cl->ctx);
    consortia::v1::Frame hello;
    auto* h = hello.mutable_hello();
    const auto& n = c.net().nodes[i];
    h->set_chain_id(s0->chain_id());
    h->set_node_id(std::string(n.id.v.begin(), n.id.v.end()));
    h->set_min_protocol_version(1);
    h->set_max_protocol_version(kMaxProtocolVersion);
    h->set_height(1'000'000);
    h->set_name(n.name);
    h->set_p2p_address(n.p2p_address);
    ASSERT_TRUE(cl->stream->Write(hello));
    consortia::v1::Frame reply;
    ASSERT_TRUE(cl->stream->Read(&reply) && reply.has_hello());
    claims.push_back(std::move(cl));
  }
  std::atomic<bool> done{false};
  std::thread pinger([&] {
    while (!done) {
      for (auto& cl : claims) {
        consortia::v1::Frame ping;
        ping.mutable_ping()->set_height(1'000'000);
        cl->stream->Write(ping);
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(300));
    }
  });
  // node-0 hears both claims on links it dialled itself...
  bool heard = AgentCluster::eventually(
      [&] {
        auto s = c.status(0);
        if (!s) return false;
        int liars = 0;
        for (const auto& p : s->peers()) liars += p.height() == 1'000'000 && p.connected();
        return liars == 2;
      },
      30);
  EXPECT_TRUE(heard) << "node-0 never kept both observers' claims";
  // ...two claims, more than f = 1, yet not validators': not the network's height.
  auto s = c.status(0);
  ASSERT_TRUE(s);
  EXPECT_LT(s->best_peer_height(), 1'000'000u);
  EXPECT_FALSE(s->syncing());
  done = true;
  pinger.join();
  for (auto& cl : claims) cl->ctx.TryCancel();
  server4->Shutdown(std::chrono::system_clock::now() + std::chrono::seconds(1));
  server5->Shutdown(std::chrono::system_clock::now() + std::chrono::seconds(1));
}

// Heights in hellos and pings are not signed: a member (here answering at
// node-3's address with node-3's certificate, node-3 being down) claimed a
// million blocks and made node-0 report itself syncing. A node now believes
// what more than f of its connected peers claim.
// A damaged store stops the agent naming the file and what to do.
TEST(BadInput, ADamagedStoreStopsTheAgentNamingTheFileAndWhatToDo) {
  AgentCluster c(4);
  c.start(0);
  ASSERT_TRUE(AgentCluster::eventually([&] { return c.status(0).has_value(); }, 30));
  c.stop(0);
  std::string db = c.node_dir(0) + "/data/chain.db";
  {
    std::fstream f(db, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(0);
    f << std::string(4096, 'X');  // the header and the first page
  }
  Proc p = run({agent_binary(), "run", "--config", c.node_dir(0) + "/agent.json"});
  EXPECT_NE(p.status, 0);
  EXPECT_NE(p.err.find("/data/chain.db"), std::string::npos) << p.err;
  EXPECT_NE(p.err.find("restore"), std::string::npos) << p.err;
}

// A member sends batches of transactions whose signatures do not verify.
// The host's signature pool stopped at the first bad one and left the rest
// to the node's single thread, which checked them one by one. Now only what
// the pool vouched for reaches the node, and the peer is named in the log.
TEST(HostilePeer, GossipWithBadSignaturesCostsTheNodeThreadNothingAndNamesThePeer) {
  AgentCluster c(4);
  c.start_all();
  ASSERT_TRUE(c.all_reach(2, 60));
  c.stop(3);
  auto s0 = c.status(0);
  ASSERT_TRUE(s0);
  const auto& n3 = c.net().nodes[3];
  auto stub = c.peer_as(3, 0);
  grpc::ClientContext ctx;
  auto stream = stub->Connect(&ctx);
  consortia::v1::Frame hello;
  auto* h = hello.mutable_hello();
  h->set_chain_id(s0->chain_id());
  h->set_node_id(std::string(n3.id.v.begin(), n3.id.v.end()));
  h->set_min_protocol_version(1);
  h->set_max_protocol_version(kMaxProtocolVersion);
  h->set_name(n3.name);
  ASSERT_TRUE(stream->Write(hello));
  consortia::v1::Frame reply;
  ASSERT_TRUE(stream->Read(&reply) && reply.has_hello());
  // Each batch: 2,000 transactions from new keys with one signature bit flipped.
  const CryptoSuite& suite = ed25519_sha256();
  const TxChain chain = c.chain();
  auto metric = [&] {
    std::string m = c.net().nodes[0].metrics_address;
    std::string text = http_get(std::stoi(m.substr(m.rfind(':') + 1)), "/metrics");
    auto at = text.find("consortia_tx_signature_checks_total{where=\"node\"}");
    return at == std::string::npos ? -1.0 : std::stod(text.substr(text.find(' ', at) + 1));
  };
  double before = metric();
  ASSERT_GE(before, 0);
  for (int b = 0; b < 5; ++b) {
    TxBatch batch;
    for (int i = 0; i < 2000; ++i) {
      auto key = suite.signer_from_seed(sha256(as_bytes("flood-" + std::to_string(b) + "-" + std::to_string(i))));
      Bytes raw = Transaction::create(suite, *key, chain, TxKind::kNoop, 0, Bytes(8, 1))->encode();
      raw[raw.size() - 3] ^= 1;  // inside the signature
      auto forged = Transaction::decode(suite, raw);
      ASSERT_TRUE(forged.ok());
      batch.txs.push_back(*forged);
    }
    Bytes wire = encode_message(Message{batch});
    consortia::v1::Frame f;
    f.set_message(std::string(wire.begin(), wire.end()));
    ASSERT_TRUE(stream->Write(f));
  }
  // The network keeps committing, the node checked none of them itself...
  uint64_t h0 = c.height(0);
  EXPECT_TRUE(c.all_reach(h0 + 3, 30, {3}));
  EXPECT_LT(metric() - before, 10.0) << "the node's thread checked the flood's signatures";
  // ...and the log names the peer.
  EXPECT_TRUE(AgentCluster::eventually(
      [&] {
        return slurp(c.node_dir(0) + "/data/agent.log").find("peer node " + n3.id.short_hex() + " of " + n3.organisation) !=
               std::string::npos;
      },
      10));
  ctx.TryCancel();
}

// Gossip batches of transactions from keys made for the purpose, each with
// one bad signature at its end (so that every other one is checked): before
// the budget, the host checked every one; now a peer's gossip has a budget
// of checks, a bad signature costs it a thousand, the excess is dropped
// before it costs anything, and the peer is named.
TEST(HostilePeer, GossipPastItsSignatureBudgetIsDroppedAndThePeerNamed) {
  AgentCluster c(4);
  c.start_all();
  ASSERT_TRUE(c.all_reach(2, 60));
  c.stop(3);
  const auto& n3 = c.net().nodes[3];
  PeerStream peer(c, 3, 0);
  ASSERT_TRUE(peer.ok);
  const CryptoSuite& suite = ed25519_sha256();
  const TxChain chain = c.chain();
  auto metric = [&](const std::string& series) {
    std::string m = c.net().nodes[0].metrics_address;
    std::string text = http_get(std::stoi(m.substr(m.rfind(':') + 1)), "/metrics");
    auto at = text.find(series + " ");
    return at == std::string::npos ? -1.0 : std::stod(text.substr(at + series.size() + 1));
  };
  const std::string checked = "consortia_tx_signature_checks_total{where=\"arrival\"}";
  const std::string dropped = "consortia_p2p_messages_dropped_total{reason=\"signatures\"}";
  double before = metric(checked);
  ASSERT_GE(before, 0);
  // 200,000 transactions, signed beforehand, sent as fast as the link takes them.
  constexpr int kBatches = 200, kEach = 1000;
  std::vector<consortia::v1::Frame> frames(kBatches);
  for (int b = 0; b < kBatches; ++b) {
    TxBatch batch;
    for (int i = 0; i < kEach; ++i) {
      auto key = suite.signer_from_seed(sha256(as_bytes("budget-" + std::to_string(b) + "-" + std::to_string(i))));
      Bytes raw = Transaction::create(suite, *key, chain, TxKind::kNoop, 0, Bytes(8, 1))->encode();
      if (i == kEach - 1) raw[raw.size() - 3] ^= 1;  // inside the signature
      batch.txs.push_back(*Transaction::decode(suite, raw));
    }
    Bytes wire = encode_message(Message{batch});
    frames[b].set_message(std::string(wire.begin(), wire.end()));
  }
  auto t0 = std::chrono::steady_clock::now();
  for (auto& f : frames) ASSERT_TRUE(peer.stream->Write(f));
  double sent_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  EXPECT_TRUE(AgentCluster::eventually([&] { return metric(dropped) > 0; }, 20)) << "nothing was dropped";
  std::this_thread::sleep_for(std::chrono::seconds(2));  // the metrics refresh once a second
  // Each batch the budget lets through costs it twice its size, so at most
  // half the burst and half the rate over the time the frames took.
  const auto limits = PeerBudgetLimits::for_host(std::thread::hardware_concurrency());
  double spent = metric(checked) - before;
  std::printf("signature budget: %.0f of %d checked, frames sent in %.2f s\n", spent, kBatches * kEach, sent_s);
  EXPECT_LT(spent, (limits.signature_burst + limits.signatures_per_s * (sent_s + 3)) / 2 + 10'000)
      << "signatures checked for the flood in " << sent_s << " s";
  EXPECT_LT(spent, 0.6 * kBatches * kEach) << "nearly every one was checked";
  EXPECT_TRUE(AgentCluster::eventually(
      [&] {
        std::string log = slurp(c.node_dir(0) + "/data/agent.log");
        return log.find("dropping messages of peer node " + n3.id.short_hex() + " of " + n3.organisation) !=
               std::string::npos;
      },
      10));
  uint64_t h0 = c.height(0);
  EXPECT_TRUE(c.all_reach(h0 + 3, 30, {3})) << "the others stopped committing";
}

// Submit streams held open without a message, the same way: an operator
// of any organisation could hold every API thread.
TEST(HostileClient, IdleSubmitStreamsLeaveTheApiAnsweringOthers) {
  AgentCluster c(4);
  c.start(0);
  ASSERT_TRUE(AgentCluster::eventually([&] { return c.status(0).has_value(); }, 30));
  auto op = c.client(0, "org-1", "operator");
  struct Stream {
    std::unique_ptr<grpc::ClientContext> ctx = std::make_unique<grpc::ClientContext>();
    pb::SubmitResult result;
    std::unique_ptr<grpc::ClientWriter<pb::SubmitRequest>> w;
  };
  std::vector<Stream> streams(64);
  for (auto& s : streams) {
    s.ctx->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(60));
    s.w = op->SubmitStream(s.ctx.get(), &s.result);
  }
  grpc::ClientContext sctx;
  sctx.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(3));
  pb::NodeStatus st;
  auto got = c.operator_of(0)->GetStatus(&sctx, pb::StatusRequest{}, &st);
  EXPECT_TRUE(got.ok()) << got.error_message();
  // Every stream reaches the server before any ends (on a loaded host a
  // handler may start late, and would take the slot an ended one freed).
  std::this_thread::sleep_for(std::chrono::seconds(2));
  // Which four were taken is the server's order: every stream ends when
  // told it is done, four of them accepted and the rest refused.
  int refused = 0, accepted = 0;
  for (auto& s : streams) {
    s.w->WritesDone();
    auto end = s.w->Finish();
    refused += end.error_code() == grpc::StatusCode::RESOURCE_EXHAUSTED;
    accepted += end.ok();
  }
  EXPECT_EQ(refused, 60);
  EXPECT_EQ(accepted, 4);
  for (auto& s : streams) s.ctx->TryCancel();
}

// A genesis outside what every node decodes (here a threshold no proposal
// can pass, which gave an empty configuration and a division by zero at the
// first tick) stops the agent at start with the file and the field named.
TEST(BadInput, AnAgentRefusesAGenesisOutsideTheDecodersLimitsAtStart) {
  AgentCluster c(4);
  std::string file = c.dir() + "/genesis.json";
  json g = json::parse(slurp(file));
  g["threshold"] = {3, 3};
  std::ofstream(file, std::ios::trunc) << g.dump(2);
  Proc p = run({agent_binary(), "run", "--config", c.node_dir(0) + "/agent.json"});
  EXPECT_EQ(p.status, 1) << p.err;
  EXPECT_NE(p.err.find("genesis.json: genesis: threshold 3/3 must be at least 1/2 and below 1"), std::string::npos)
      << p.err;
}

// A hand-edited network.json whose fields have the wrong types is refused
// with the file named, before anything is written (it aborted the process).
TEST(BadInput, AddingANodeToANetworkJsonOfWrongTypesIsRefusedAndWritesNothing) {
  AgentCluster c(4);
  std::string file = c.dir() + "/network.json";
  json good = json::parse(slurp(file));
  for (auto [field, value] : std::vector<std::pair<std::string, json>>{
           {"name", 7}, {"id", json::array()}, {"p2p", nullptr}, {"api", 1.5}}) {
    json bad = good;
    bad["nodes"][1][field] = value;
    std::ofstream(file, std::ios::trunc) << bad.dump(2);
    Proc p = run({agent_binary(), "init", "--dir", c.dir(), "--add-node", "late", "--organisation", "org-0"});
    EXPECT_EQ(p.status, 2) << field << ": " << p.err;
    EXPECT_NE(p.err.find("network.json: a node entry's " + field), std::string::npos) << p.err;
    EXPECT_FALSE(fs::exists(c.dir() + "/nodes/late")) << field;
  }
  std::ofstream(file, std::ios::trunc) << json{{"nodes", 3}}.dump();
  EXPECT_EQ(run({agent_binary(), "init", "--dir", c.dir(), "--add-node", "late", "--organisation", "org-0"}).status, 2);
  std::ofstream(file, std::ios::trunc) << good.dump(2);
  Proc p = run({agent_binary(), "init", "--dir", c.dir(), "--add-node", "late", "--organisation", "../orgs/org-0"});
  EXPECT_NE(p.status, 0);
  EXPECT_FALSE(fs::exists(c.dir() + "/nodes/late"));
  EXPECT_EQ(run({agent_binary(), "init", "--dir", c.dir(), "--add-node", "late", "--organisation", "org-0"}).status, 0);
}


// Owning a node host gave its organisation's vote and CA: every node's
// configuration named orgs/<org>/governance.key, next to ca.key. Agents now
// hold no governance key; the admin signs on their own workstation (here
// consortia-ctl with the network directory) and an agent only relays.
TEST(KeysAtRest, ANodeHostHoldsNeitherItsOrganisationsVoteNorItsCa) {
  AgentCluster c(4);
  std::set<std::string> secrets;  // the organisations' governance and CA keys
  for (int o = 0; o < 4; ++o)
    for (const char* f : {"governance.key", "ca.key"}) secrets.insert(slurp(c.dir() + "/orgs/org-" + std::to_string(o) + "/" + f));
  for (int i = 0; i < c.size(); ++i) {
    auto cfg = load_agent_config(c.node_dir(i) + "/agent.json");
    ASSERT_TRUE(cfg.ok());
    // Every file the node's configuration names, and every file in its directory.
    std::vector<std::string> files;
    for (const std::string* p : {&cfg->genesis, &cfg->signing_key, &cfg->admin_key, &cfg->key_passphrase_file,
                                 &cfg->ca_bundle, &cfg->tls_certificate, &cfg->tls_key})
      if (!p->empty()) files.push_back(cfg->path(*p));
    for (const auto& e : fs::recursive_directory_iterator(c.node_dir(i)))
      if (e.is_regular_file()) files.push_back(e.path().string());
    for (const auto& f : files) EXPECT_EQ(secrets.count(slurp(f)), 0u) << c.node_dir(i) << " reaches " << f;
  }

  // An older network's configuration still names the key: it is not read.
  json cfg0 = json::parse(slurp(c.node_dir(0) + "/agent.json"));
  cfg0["admin_key"] = "../../orgs/org-0/governance.key";
  std::ofstream(c.node_dir(0) + "/agent.json", std::ios::trunc) << cfg0.dump(2);
  c.start_all();
  ASSERT_TRUE(c.all_reach(2, 60));
  EXPECT_TRUE(AgentCluster::eventually(
      [&] { return slurp(c.node_dir(0) + "/stderr.log").find("is ignored: agents hold no governance key") != std::string::npos; }, 5));

  // org-0 proposes from its workstation; org-1 keeps its key encrypted.
  auto joiner = test::client_key("joiner");
  pb::ProposeRequest add;
  add.set_action("add-observer");
  add.set_public_key(std::string(joiner->public_key().begin(), joiner->public_key().end()));
  add.set_name("node-9");
  add.set_organisation("org-1");
  auto proposed = c.propose(0, "org-0", add);
  ASSERT_TRUE(proposed.ok()) << proposed.error().detail;
  std::string id = proposed->hex();
  std::string key1 = c.dir() + "/orgs/org-1/governance.key";
  // The passphrase from a file named relative to where the command runs.
  std::string pass_file = "consortia-test-passphrase-" + std::to_string(getpid());
  std::ofstream(pass_file) << "org-1 admin only\n";
  Proc p = run({agent_binary(), "protect-key", "--key", key1, "--passphrase-file", pass_file});
  fs::remove(pass_file);
  ASSERT_EQ(p.status, 0) << p.err;
  Ctl run_ctl(c.dir());
  auto ctl = [&](const std::vector<std::string>& args, const std::string& pass = "") {
    std::vector<std::pair<std::string, std::string>> env;
    if (!pass.empty()) env.push_back({"CONSORTIA_ADMIN_PASSPHRASE", pass});
    return run_ctl(args, false, env);
  };
  ASSERT_TRUE(AgentCluster::eventually([&] { return ctl({"proposal", "list"}).out.find(id) != std::string::npos; }, 20));
  p = ctl({"proposal", "approve", id, "--org", "org-1"});
  EXPECT_EQ(p.status, 2);
  EXPECT_NE(p.err.find("CONSORTIA_ADMIN_PASSPHRASE"), std::string::npos) << p.err;
  p = ctl({"proposal", "approve", id, "--org", "org-1"}, "a guess");
  EXPECT_EQ(p.status, 2);
  EXPECT_NE(p.err.find("wrong passphrase"), std::string::npos) << p.err;
  EXPECT_NE(p.err.find("[key_locked]"), std::string::npos) << p.err;
  p = ctl({"proposal", "approve", id, "--org", "org-1"}, "org-1 admin only");
  EXPECT_EQ(p.status, 0) << p.out << p.err;
  EXPECT_NE(p.out.find("org-1 approved"), std::string::npos) << p.out;
  EXPECT_NE(p.out.find("add-observer node-9 of org-1"), std::string::npos) << p.out;
  // What the chain would refuse is refused here, with nothing signed.
  p = ctl({"proposal", "approve", id, "--org", "org-1"}, "org-1 admin only");
  EXPECT_EQ(p.status, 1);
  EXPECT_NE(p.err.find("[already_approved]"), std::string::npos) << p.err;
  p = ctl({"proposal", "withdraw", id, "--org", "org-1"}, "org-1 admin only");
  EXPECT_EQ(p.status, 1);
  EXPECT_NE(p.err.find("[not_proposer]"), std::string::npos) << p.err;
  EXPECT_EQ(ctl({"proposal", "approve", id, "--org", "org-9"}).status, 2);
  p = run_ctl({"proposal", "approve", id, "--org", "org-2"});
  ASSERT_EQ(p.status, 0) << p.out << p.err;
  json after = json::parse(p.out);
  EXPECT_EQ(after["status"], "enacted");
  EXPECT_EQ(after["approvals"].size(), 3u);
  // Enacted as org-2's nodes see it; the others, which list and approve
  // read from, commit that block a moment later.
  ASSERT_TRUE(c.all_reach(c.max_height(), 20));
  p = ctl({"proposal", "list"});
  EXPECT_NE(p.out.find("enacted"), std::string::npos) << p.out;
  EXPECT_EQ(ctl({"proposal", "list", "--open"}).out, "no open proposals\n");
  p = ctl({"proposal", "approve", id, "--org", "org-3"});
  EXPECT_NE(p.err.find("[proposal_closed]"), std::string::npos) << p.err;
  // Proposed from the workstation; the chain's refusal comes back by name
  // (four validators cannot lose one).
  p = ctl({"proposal", "propose", "demote", "node-3", "--org", "org-0"});
  EXPECT_EQ(p.status, 1);
  EXPECT_NE(p.err.find("too_few_validators"), std::string::npos) << p.out << p.err;
  // Not a proposal id; an organisation whose key this workstation lacks.
  EXPECT_EQ(ctl({"proposal", "approve", "12ab", "--org", "org-3"}).status, 2);
  fs::rename(c.dir() + "/orgs/org-3/governance.key", c.dir() + "/orgs/org-3/elsewhere.key");
  p = ctl({"proposal", "propose", "promote", "node-3", "--org", "org-3"});
  EXPECT_EQ(p.status, 1);
  EXPECT_NE(p.err.find("no governance key"), std::string::npos) << p.err;
  EXPECT_NE(p.err.find("[no_governance_key]"), std::string::npos) << p.err;
  // A certificate to revoke: the proposal says which, whole, for approvers
  // to check against the file they hold.
  const std::string viewer2 = c.dir() + "/orgs/org-2/viewer.crt";
  p = ctl({"proposal", "propose", "revoke-certificate", viewer2, "--org", "org-0"});
  ASSERT_EQ(p.status, 0) << p.out << p.err;
  auto fp = certificate_fingerprint(slurp(viewer2));
  ASSERT_TRUE(fp.ok());
  EXPECT_NE(p.out.find("certificate SHA-256 " + fp->hex()), std::string::npos) << p.out;
  EXPECT_NE(p.out.find("viewer of org-2"), std::string::npos) << p.out;
  EXPECT_TRUE(AgentCluster::eventually(
      [&] {
        p = ctl({"proposal", "list", "--open"});
        return p.out.find("revoke-certificate " + fp->hex() + " of org-2") != std::string::npos;
      },
      10))
      << p.out << p.err;
  p = ctl({"proposal", "propose", "revoke-certificate", c.dir() + "/no-such.crt", "--org", "org-0"});
  EXPECT_EQ(p.status, 1);
  EXPECT_NE(p.err.find("[not_found]"), std::string::npos) << p.err;
}

// Before protocol 6 the chain has no revocation: consortia-ctl says so, and
// what to do, before anything is signed.
TEST(HostileClient, RevokingACertificateBeforeProtocolSixSaysToUpgradeFirst) {
  AgentCluster c(4, "ed25519-sha256", ChainConfig::kRevocationVersion - 1);
  c.start_all();
  ASSERT_TRUE(c.all_reach(2, 60));
  Ctl ctl(c.dir());
  Proc p = ctl({"proposal", "propose", "revoke-certificate", c.dir() + "/orgs/org-1/operator.crt", "--org", "org-0"},
               false);
  EXPECT_EQ(p.status, 1) << p.out;
  EXPECT_NE(p.err.find("[unsupported_in_version]"), std::string::npos) << p.err;
  EXPECT_NE(p.err.find("this chain runs 5: upgrade it first"), std::string::npos) << p.err;
  p = ctl({"proposal", "list"}, false);
  EXPECT_EQ(p.out, "no proposals\n") << "nothing was proposed";
}

// A member that owns a validator's host and makes it sign two votes for
// one view: the evidence it hands one agent reaches every agent (protocol
// 7), outlives a restart, and consortia-ctl checks it itself and writes it
// out; evidence made to frame another validator is kept by no one.
TEST(HostilePeer, EquivocationEvidenceReachesEveryAgentAndIsCheckedByTheClient) {
  AgentCluster c(4);
  c.start_all();
  ASSERT_TRUE(c.all_reach(2, 60));
  c.stop(3);
  const CryptoSuite& suite = ed25519_sha256();
  auto key = decode_key_file(slurp(c.node_dir(3) + "/node.key"), "");
  ASSERT_TRUE(key.ok()) << key.error().to_string();
  const Hash32 chain = *c.net().chain_id;
  auto double_vote = [&](const Signer& signer, const NodeId& named, uint64_t view) {
    Equivocation e;
    e.kind = Equivocation::Kind::kVote;
    e.offender = named;
    e.view = view;
    e.first = sha256(as_bytes("one"));
    e.second = sha256(as_bytes("other"));
    e.first_height = e.second_height = 3;
    e.first_signature = signer.sign(vote_payload(chain, view, 3, e.first));
    e.second_signature = signer.sign(vote_payload(chain, view, 3, e.second));
    return e;
  };
  auto frame_of = [](const Equivocation& e) {
    consortia::v1::Frame f;
    Bytes wire = encode_message(Message{EquivocationEvidence{e}});
    f.set_message(std::string(wire.begin(), wire.end()));
    return f;
  };
  auto held = [&](int i) {
    auto v = c.client(i, c.net().nodes[i].organisation, "viewer");
    grpc::ClientContext ctx;
    ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(5));
    pb::Equivocations out;
    EXPECT_TRUE(v->ListEquivocations(&ctx, pb::EquivocationsRequest(), &out).ok());
    return out;
  };
  PeerStream peer(c, 3, 0);
  ASSERT_TRUE(peer.ok);
  // Node 3's signatures, node 2 named: proves nothing against node 2.
  ASSERT_TRUE(peer.stream->Write(frame_of(double_vote(*key->signer, c.net().nodes[2].id, 40))));
  // Node 3's own two votes for view 41.
  ASSERT_TRUE(peer.stream->Write(frame_of(double_vote(*key->signer, c.net().nodes[3].id, 41))));
  ASSERT_TRUE(AgentCluster::eventually(
      [&] {
        for (int i : {0, 1, 2})
          if (held(i).equivocations_size() == 0) return false;
        return true;
      },
      20))
      << "the evidence did not reach every agent";
  std::this_thread::sleep_for(std::chrono::seconds(1));
  for (int i : {0, 1, 2}) {
    auto h = held(i);
    ASSERT_EQ(h.equivocations_size(), 1) << "node " << i << " holds only the real evidence";
    const auto& e = h.equivocations(0);
    EXPECT_EQ(e.offender_name(), "node-3");
    EXPECT_EQ(e.offender_organisation(), c.net().nodes[3].organisation);
    EXPECT_EQ(e.kind(), "vote");
    EXPECT_EQ(e.view(), 41u);
    EXPECT_TRUE(e.offender_is_validator());
    // Node 0 had it from the attacker; the others from whichever honest
    // node passed it on first.
    auto id_of = [&](int k) { return std::string(c.net().nodes[k].id.v.begin(), c.net().nodes[k].id.v.end()); };
    if (i == 0) EXPECT_EQ(e.reported_by(), id_of(3));
    else EXPECT_TRUE(e.reported_by() == id_of(0) || e.reported_by() == id_of(3 - i)) << "node " << i;
    auto st = c.status(i);
    ASSERT_TRUE(st.has_value());
    ASSERT_EQ(st->equivocations_size(), 1);
    EXPECT_TRUE(st->equivocations(0).encoded().empty()) << "status carries the summary only";
  }
  std::string log = slurp(c.node_dir(1) + "/data/agent.log");
  EXPECT_NE(log.find("equivocation: validator node-3 of " + c.net().nodes[3].organisation), std::string::npos);
  std::string m = c.net().nodes[1].metrics_address;
  EXPECT_TRUE(AgentCluster::eventually(
      [&] {
        return http_get(std::stoi(m.substr(m.rfind(':') + 1)), "/metrics").find("consortia_equivocation_evidence 1") !=
               std::string::npos;
      },
      5));

  // Kept across a restart.
  c.stop(1);
  c.start(1);
  ASSERT_TRUE(AgentCluster::eventually([&] { return c.status(1).has_value(); }, 30));
  EXPECT_EQ(held(1).equivocations_size(), 1) << "forgotten on restart";

  // The client checks it against its own genesis and keys, and writes it out.
  Ctl ctl(c.dir());
  const std::string out_dir = c.dir() + "/evidence-out";
  Proc p = ctl({"equivocations", "--out", out_dir});
  ASSERT_EQ(p.status, 0) << p.out << p.err;
  json j = p.as_json();
  ASSERT_EQ(j["equivocations"].size(), 1u) << p.out;
  const json& row = j["equivocations"][0];
  EXPECT_EQ(row["offender"], "node-3");
  EXPECT_TRUE(row["verified"].get<bool>()) << row.dump();
  EXPECT_EQ(row["held_by"].size(), 3u) << row.dump();
  auto written = Equivocation::decode(as_bytes(slurp(row["file"].get<std::string>())));
  ASSERT_TRUE(written.ok());
  EXPECT_TRUE(written->verify(suite, chain, key->signer->public_key()).ok());
  p = ctl({"equivocations"}, false);
  EXPECT_NE(p.out.find("node-3 of " + c.net().nodes[3].organisation + " signed two votes in view 41"), std::string::npos)
      << p.out;
  EXPECT_NE(p.out.find("verified here"), std::string::npos) << p.out;
  EXPECT_NE(p.out.find("consortia-ctl proposal propose remove node-3 --org ORG"), std::string::npos) << p.out;
  EXPECT_NE(p.out.find("(3 of 4 agents answered; not answering: node-3)"), std::string::npos) << p.out;

  // Anyone handed the file checks it against their own genesis.
  const std::string verify = std::string(CONSORTIA_BINARY_DIR) + "/node/consortia-verify";
  const std::string file = row["file"].get<std::string>();
  p = run({verify, "--equivocation", file, "--genesis", c.dir() + "/genesis.json"});
  EXPECT_EQ(p.status, 0) << p.out << p.err;
  EXPECT_NE(p.out.find("VERIFIED: validator " + c.net().nodes[3].id.hex() + " signed two votes in view 41"),
            std::string::npos) << p.out;
  std::string tampered = slurp(file);
  tampered[tampered.size() - 10] ^= 1;  // inside the second signature
  std::ofstream(file, std::ios::binary | std::ios::trunc) << tampered;
  p = run({verify, "--equivocation", file, "--genesis", c.dir() + "/genesis.json"});
  EXPECT_EQ(p.status, 1) << p.out << p.err;
  EXPECT_NE(p.out.find("NOT VERIFIED"), std::string::npos) << p.out;
  p = run({verify, "--equivocation", file});
  EXPECT_EQ(p.status, 2) << "no trusted keys given";
}

}  // namespace
}  // namespace consortia::agent::testing
