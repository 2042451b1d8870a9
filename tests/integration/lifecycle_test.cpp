// The node lifecycle as users run it: consortia-ctl processes against real
// agent processes, a real OpenSSH sshd on loopback (its own host key,
// configuration and authorised key), real SQLite stores and archives.
// Join a validator over SSH under load and retire it again; migrate a
// validator under load and fence its old copy; back up and restore; refuse
// an unknown or changed host key, a wrong SSH key, a full disk, a taken
// port and a removal that would leave the live validators short of a
// quorum, with nothing changed; resume a join whose ctl was killed; renew
// a node's certificate that is about to expire.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <pwd.h>
#include <sys/mount.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <thread>

#include "agent_cluster.h"
#include "ctl_harness.h"
#include "lifecycle/hosts.h"
#include "lifecycle/network_access.h"
#include "model/runbook.h"
#include "node_archive.h"
#include "pki.h"
#include "workload.h"

namespace consortia::agent::testing {
namespace {
namespace fs = std::filesystem;
using nlohmann::json;

int free_port() {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof a;
  bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a);
  getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len);
  close(fd);
  return ntohs(a.sin_port);
}

bool port_answers(int port) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_port = htons(static_cast<uint16_t>(port));
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  bool ok = connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0;
  close(fd);
  return ok;
}

// A real sshd on 127.0.0.1, with its own host key and one authorised key.
class Sshd {
 public:
  Sshd() {
    char tmpl[] = "/tmp/consortia-sshd-XXXXXX";
    dir_ = mkdtemp(tmpl);
    user_ = getpwuid(getuid())->pw_name;
    EXPECT_EQ(run({"/usr/bin/ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", dir_ + "/client"}).status, 0);
    EXPECT_EQ(run({"/usr/bin/ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", dir_ + "/other"}).status, 0);
    fs::copy_file(dir_ + "/client.pub", dir_ + "/authorized_keys");
    port_ = free_port();
    fs::create_directories("/run/sshd");
    start("host1");
  }
  ~Sshd() {
    stop();
    fs::remove_all(dir_);
  }
  // Restarts it on the same port with a new host key (a reinstalled host, or an attacker).
  void change_host_key() {
    stop();
    start("host2");
  }
  std::string target() const { return user_ + "@127.0.0.1:" + std::to_string(port_); }
  std::string client_key() const { return dir_ + "/client"; }
  std::string other_key() const { return dir_ + "/other"; }
  const std::string& fingerprint() const { return fingerprint_; }

 private:
  void start(const std::string& host_key) {
    std::string hk = dir_ + "/" + host_key;
    if (!fs::exists(hk)) {
      EXPECT_EQ(run({"/usr/bin/ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", hk}).status, 0);
    }
    auto lf = run({"/usr/bin/ssh-keygen", "-lf", hk + ".pub"});
    fingerprint_ = lf.out.substr(lf.out.find(' ') + 1);
    fingerprint_ = fingerprint_.substr(0, fingerprint_.find(' '));
    std::ofstream(dir_ + "/sshd_config") << "Port " << port_ << "\nListenAddress 127.0.0.1\nHostKey " << hk
                                          << "\nAuthorizedKeysFile " << dir_ << "/authorized_keys\n"
                                          << "PermitRootLogin prohibit-password\nPasswordAuthentication no\n"
                                          << "KbdInteractiveAuthentication no\nUsePAM no\nStrictModes no\n"
                                          << "PidFile " << dir_ << "/sshd.pid\nSubsystem sftp internal-sftp\n";
    run({"/usr/sbin/sshd", "-D", "-f", dir_ + "/sshd_config", "-E", dir_ + "/sshd.log"}, "", &pid_, false);
    ASSERT_TRUE(AgentCluster::eventually([&] { return port_answers(port_); }, 10))
        << "sshd did not start: " << slurp(dir_ + "/sshd.log");
  }
  void stop() {
    if (pid_ > 0) {
      kill(pid_, SIGTERM);
      waitpid(pid_, nullptr, 0);
      pid_ = -1;
    }
  }
  std::string dir_, user_, fingerprint_;
  int port_ = 0;
  pid_t pid_ = -1;
};

// Stops an agent a runbook started as a daemon (not a child of the test).
void stop_daemon(const std::string& node_dir) {
  run({agent_binary(), "stop", "--config", node_dir + "/agent.json", "--grace", "5"});
}

std::string dir_of(const std::string& base, const std::string& leaf) {
  fs::create_directories(base);
  return base + "/" + leaf;
}

// Hashes of blocks 1..h on the named nodes agree.
void expect_same_chain(const console::NetworkAccess& n, const std::vector<std::string>& nodes, uint64_t h) {
  for (uint64_t k = 1; k <= h; ++k) {
    std::set<std::string> hashes;
    for (const auto& name : nodes) {
      grpc::ClientContext ctx;
      pb::BlockRequest r;
      r.set_height(k);
      pb::BlockInfo b;
      hashes.insert(viewer(n, name)->GetBlock(&ctx, r, &b).ok() ? b.hash() : "");
    }
    EXPECT_EQ(hashes.size(), 1u) << "nodes disagree at height " << k;
    EXPECT_FALSE(hashes.count("")) << "a node lacks height " << k;
  }
}

TEST(Lifecycle, JoinValidatorOverSshUnderLoadThenExit) {
  AgentCluster c(4);
  c.start_all();
  ASSERT_TRUE(c.all_reach(2, 30));
  Sshd sshd;
  Ctl ctl(c.dir());
  auto added = ctl({"host", "add", "h1", "--ssh", sshd.target(), "--key", sshd.client_key(), "--fingerprint",
                    sshd.fingerprint()});
  ASSERT_EQ(added.status, 0) << added.out << added.err;
  auto net = access(c);
  std::string where = dir_of(c.dir() + "/h1", "node-4");
  Load load(c, *net);
  auto join = ctl({"node", "join", "node-4", "--org", "org-1", "--host", "h1", "--dir", where, "--validator",
                   "--timeout", "120"});
  ASSERT_EQ(join.status, 0) << join.out << join.err;
  EXPECT_EQ(join.as_json()["state"], "done");
  net = access(c);
  auto st = net->status("node-4");
  ASSERT_TRUE(st.ok());
  EXPECT_EQ(st->role(), "validator");
  EXPECT_EQ(st->validators(), 5u);
  EXPECT_TRUE(fs::exists(where + "/node.key")) << "the key is made on the host";
  EXPECT_FALSE(fs::exists(c.dir() + "/nodes/node-4")) << "nothing of the node on the console's side";
  // Its votes are in certificates of the 5-validator set.
  NodeId id = net->node("node-4")->id;
  uint64_t from = st->height();
  bool signed_by_it = false;
  ASSERT_TRUE(AgentCluster::eventually(
      [&] {
        auto v = viewer(*net, "node-0");
        for (uint64_t k = from + 1; k <= from + 20 && !signed_by_it; ++k) {
          grpc::ClientContext ctx;
          pb::BlockRequest r;
          r.set_height(k);
          pb::BlockInfo b;
          if (!v->GetBlock(&ctx, r, &b).ok()) break;
          auto block = Block::decode(**suite_by_name(net->info().suite),
                                     ByteView(reinterpret_cast<const uint8_t*>(b.encoded().data()), b.encoded().size()));
          if (!block) continue;
          for (const auto& vote : (*block)->header().justify.votes) signed_by_it |= vote.signer == id;
        }
        return signed_by_it;
      },
      30))
      << "node-4's vote is in no certificate after its promotion";
  auto acked = load.finish();
  EXPECT_TRUE(all_committed(*net, "node-0", acked, 30)) << "an acknowledged transaction was lost";
  std::string pid_text = slurp(where + "/data/agent.pid");
  pid_t pid = std::atoi(pid_text.c_str());
  ASSERT_GT(pid, 0);

  std::string archive = c.dir() + "/node-4-retired.tar.gz";
  auto exit = ctl({"node", "exit", "node-4", "--archive", archive});
  ASSERT_EQ(exit.status, 0) << exit.out << exit.err;
  EXPECT_TRUE(AgentCluster::eventually([&] { return kill(pid, 0) != 0; }, 10)) << "node-4's agent still runs";
  auto m = read_archive(archive, "");
  ASSERT_TRUE(m.ok()) << m.error().to_string();
  EXPECT_EQ((*m)["node"], "node-4");
  EXPECT_GT((*m)["files"].size(), 0u);
  net = access(c);
  EXPECT_FALSE(net->node("node-4")) << "the retired node is still in network.json";
  auto after = net->status("node-0");
  ASSERT_TRUE(after.ok());
  EXPECT_EQ(after->validators(), 4u);
  uint64_t h = c.max_height();
  ASSERT_TRUE(c.all_reach(h + 3, 30)) << "the four validators stopped committing";
  expect_same_chain(*net, {"node-0", "node-1", "node-2", "node-3"}, h);
}

TEST(Lifecycle, MigrateValidatorUnderLoadFencesTheSource) {
  AgentCluster c(4);
  c.start_all();
  ASSERT_TRUE(c.all_reach(2, 30));
  Sshd sshd;
  Ctl ctl(c.dir());
  ASSERT_EQ(ctl({"host", "add", "h1", "--ssh", sshd.target(), "--key", sshd.client_key(), "--fingerprint",
                 sshd.fingerprint()})
                .status,
            0);
  auto net = access(c);
  std::string target = dir_of(c.dir() + "/h1", "node-2");
  std::string source = c.dir() + "/nodes/node-2";
  struct Cleanup {
    std::string dir;
    ~Cleanup() { stop_daemon(dir); }
  } cleanup{target};
  Load load(c, *net);
  auto moved = ctl({"node", "migrate", "node-2", "--to", "h1", "--dir", target, "--timeout", "120"});
  ASSERT_EQ(moved.status, 0) << moved.out << moved.err;
  auto acked = load.finish();
  net = access(c);
  EXPECT_TRUE(all_committed(*net, "node-2", acked, 30)) << "an acknowledged transaction was lost";
  EXPECT_NE(net->node("node-2")->api_address, c.net().nodes[2].api_address) << "network.json keeps the old address";
  auto st = net->status("node-2");
  ASSERT_TRUE(st.ok());
  EXPECT_EQ(st->role(), "validator");
  EXPECT_FALSE(fs::exists(source + "/node.key")) << "the source kept its key";
  // The old copy refuses to start.
  auto old = run({agent_binary(), "run", "--config", source + "/agent.json"});
  EXPECT_EQ(old.status, 1);
  EXPECT_NE(old.err.find("moved to"), std::string::npos) << old.err;
  EXPECT_FALSE(fs::exists(source + "/tls.key")) << "the source kept its transport key";
  // Forced, with its keys put back: peers raise a duplicate identity, and no fork.
  fs::copy_file(target + "/node.key", source + "/node.key");
  fs::copy_file(target + "/tls.key", source + "/tls.key");
  pid_t forced = -1;
  run({agent_binary(), "run", "--config", source + "/agent.json", "--ignore-tombstone"}, "", &forced, false);
  bool duplicate = AgentCluster::eventually(
      [&] {
        for (const char* name : {"node-0", "node-1", "node-3"}) {
          auto s = net->status(name);
          if (!s) continue;
          for (const auto& p : s->peers())
            if (p.name() == "node-2" && !p.duplicate_address().empty()) return true;
        }
        return false;
      },
      20);
  EXPECT_TRUE(duplicate) << "no peer reported node-2 connecting from two addresses";
  uint64_t h = 0;
  for (const char* name : {"node-0", "node-1", "node-3"})
    if (auto s = net->status(name)) h = std::max<uint64_t>(h, s->height());
  kill(forced, SIGKILL);
  waitpid(forced, nullptr, 0);
  ASSERT_TRUE(AgentCluster::eventually([&] { return net->status("node-2").ok() && net->status("node-2")->height() >= h; }, 30));
  expect_same_chain(*net, {"node-0", "node-1", "node-2", "node-3"}, h);
}

TEST(Lifecycle, BackupRestoreRoundTripAndDamagedBackupRefused) {
  AgentCluster c(4);
  c.start_all();
  ASSERT_TRUE(c.all_reach(5, 30));
  Ctl ctl(c.dir());
  std::string good = c.dir() + "/node-1.tar.gz";
  auto b = ctl({"node", "backup", "node-1", "--out", good});
  ASSERT_EQ(b.status, 0) << b.out << b.err;
  auto m = read_archive(good, "");
  ASSERT_TRUE(m.ok());
  EXPECT_GE((*m)["height"].get<uint64_t>(), 5u);
  EXPECT_EQ((*m)["node"], "node-1");
  EXPECT_EQ((*m)["chain_id"].get<std::string>().size(), 64u);
  // A damaged copy is refused before anything is touched.
  // Several bytes, so that no run damages only bits deflate does not use
  // (those decode to the same store, and the archive is rightly taken).
  std::string bytes = slurp(good);
  for (size_t k = 0; k < 8; ++k) bytes[bytes.size() / 2 + 97 * k] ^= 0x20;
  std::string bad = c.dir() + "/damaged.tar.gz";
  std::ofstream(bad, std::ios::binary) << bytes;
  uint64_t before = c.height(1);
  auto refused = ctl({"node", "restore", "node-1", "--from", bad});
  EXPECT_EQ(refused.status, 1);
  EXPECT_EQ(error_code(refused), "storage_corrupt") << refused.out;
  EXPECT_TRUE(c.running(1));
  EXPECT_TRUE(AgentCluster::eventually([&] { return c.height(1) > before; }, 20)) << "node-1 was disturbed";
  // The round trip: node-1 is stopped, its store replaced by the backup, started and synced.
  struct Cleanup {
    std::string dir;
    ~Cleanup() { stop_daemon(dir); }
  } cleanup{c.dir() + "/nodes/node-1"};
  auto r = ctl({"node", "restore", "node-1", "--from", good});
  ASSERT_EQ(r.status, 0) << r.out << r.err;
  bool kept = false;
  for (const auto& e : fs::directory_iterator(c.dir() + "/nodes/node-1/data"))
    kept |= e.path().filename().string().rfind("chain.db.before-restore-", 0) == 0;
  EXPECT_TRUE(kept) << "the store that was replaced is not kept";
  auto net = access(c);
  uint64_t top = c.max_height();
  EXPECT_TRUE(AgentCluster::eventually([&] { return net->status("node-1").ok() && net->status("node-1")->height() >= top; }, 30));
  expect_same_chain(*net, {"node-0", "node-1", "node-2", "node-3"}, top);
}

// A node whose certificate expires in two days gets a new one for the keys
// it has: its host makes the request, the organisation's CA signs it, the
// agent restarts with it and the old one is kept. A node whose TLS key is
// missing is refused before anything changes (no new identity is made), and
// so is a node whose certificate governance revoked.
TEST(Lifecycle, RenewingACertificateAboutToExpireRestartsTheNodeWithTheNewOne) {
  AgentCluster c(4);
  const std::string org = c.net().nodes[1].organisation;
  const std::string crt_path = c.node_dir(1) + "/tls.crt";
  // node-1's certificate for its own key, good for `days` more (0: expired).
  auto shorten = [&](int i, int days) {
    const std::string path = c.node_dir(i) + "/tls.crt", o = c.net().nodes[i].organisation;
    auto old = read_file(path);
    auto key = read_file(c.node_dir(i) + "/tls.key");
    auto ca_crt = read_file(c.dir() + "/orgs/" + o + "/ca.crt");
    auto ca_key = read_file(c.dir() + "/orgs/" + o + "/ca.key");
    ASSERT_TRUE(old && key && ca_crt && ca_key);
    auto subject = certificate_subject(*old);
    ASSERT_TRUE(subject.ok());
    auto req = make_request(*subject, *key);
    ASSERT_TRUE(req.ok());
    auto cert = sign_request({*ca_crt, *ca_key}, req->certificate_pem, *subject,
                             {c.net().nodes[i].name + ".consortia", "localhost"}, days);
    ASSERT_TRUE(cert.ok()) << cert.error().to_string();
    std::ofstream(path) << *cert;
  };
  shorten(1, 2);
  shorten(3, 0);  // node-3's expired: TLS refuses it, to its peers and to the console
  std::this_thread::sleep_for(std::chrono::seconds(2));
  c.start_all();
  ASSERT_TRUE(c.all_reach(3, 30, {3}));
  auto net = access(c);
  auto before = net->status("node-1");
  ASSERT_TRUE(before.ok());
  ASSERT_LT(before->certificate_expires(), std::time(nullptr) + 3 * 86400) << "the short certificate is not in use";
  const std::string short_pem = slurp(crt_path);
  Ctl ctl(c.dir());

  // Refused: node-2's host lacks its TLS key; nothing is made or changed there.
  const std::string key2 = c.node_dir(2) + "/tls.key";
  fs::rename(key2, key2 + ".away");
  const std::string crt2 = slurp(c.node_dir(2) + "/tls.crt");
  auto refused = ctl({"node", "renew", "node-2"});
  EXPECT_EQ(refused.status, 1);
  EXPECT_NE((refused.out + refused.err).find("tls.key is missing"), std::string::npos) << refused.out << refused.err;
  EXPECT_FALSE(fs::exists(key2)) << "a new TLS key was made";
  EXPECT_EQ(slurp(c.node_dir(2) + "/tls.crt"), crt2);
  EXPECT_FALSE(fs::exists(c.node_dir(2) + "/tls.crt.renewed"));
  fs::rename(key2 + ".away", key2);
  // Refused before any runbook: another organisation's CA key; a node
  // that is stopped (it may be stopped for a reason).
  const std::string other_org = c.net().nodes[0].organisation;
  ASSERT_NE(other_org, org);
  auto wrong_key = ctl({"node", "renew", "node-1", "--ca-key", c.dir() + "/orgs/" + other_org + "/ca.key"});
  EXPECT_EQ(wrong_key.status, 1);
  EXPECT_EQ(error_code(wrong_key), "ca_key_mismatch") << wrong_key.out << wrong_key.err;
  c.stop(2);
  auto stopped = ctl({"node", "renew", "node-2"});
  EXPECT_EQ(stopped.status, 1);
  EXPECT_EQ(error_code(stopped), "unavailable") << stopped.out << stopped.err;
  EXPECT_FALSE(c.running(2)) << "a stopped node was started";
  c.start(2);

  // node-3, whose certificate expired, runs but answers no one: it is asked
  // after on its host, renewed and restarted, and answers again.
  struct Cleanup {
    std::string dir;
    ~Cleanup() { stop_daemon(dir); }
  } cleanup3{c.node_dir(3)};
  ASSERT_FALSE(net->status("node-3").ok()) << "an expired certificate was accepted";
  auto expired = ctl({"node", "renew", "node-3"});
  ASSERT_EQ(expired.status, 0) << expired.out << expired.err;
  auto now3 = net->status("node-3");
  ASSERT_TRUE(now3.ok());
  EXPECT_GT(now3->certificate_expires(), std::time(nullptr) + 800 * 86400);

  Cleanup cleanup1{c.node_dir(1)};
  auto renewed = ctl({"node", "renew", "node-1", "--timeout", "60"});
  ASSERT_EQ(renewed.status, 0) << renewed.out << renewed.err;
  auto after = net->status("node-1");
  ASSERT_TRUE(after.ok());
  EXPECT_GT(after->certificate_expires(), std::time(nullptr) + 800 * 86400) << "the agent serves the old certificate";
  EXPECT_NE(slurp(crt_path), short_pem);
  auto new_subject = certificate_subject(slurp(crt_path));
  ASSERT_TRUE(new_subject.ok());
  EXPECT_EQ(new_subject->common_name, c.net().nodes[1].id.hex()) << "the certificate names another node";
  EXPECT_TRUE(verify_issued_by(slurp(crt_path), slurp(c.dir() + "/orgs/" + org + "/ca.crt")).ok());
  bool kept = false;
  for (const auto& e : fs::directory_iterator(c.node_dir(1)))
    if (e.path().filename().string().rfind("tls.crt.before-renewal-", 0) == 0) kept = slurp(e.path().string()) == short_pem;
  EXPECT_TRUE(kept) << "the old certificate is not kept";
  // Every other node links with it again, and it commits with them.
  EXPECT_TRUE(AgentCluster::eventually(
      [&] {
        for (const char* name : {"node-0", "node-2", "node-3"}) {
          auto s = net->status(name);
          bool linked = false;
          if (s)
            for (const auto& p : s->peers()) linked = linked || (p.name() == "node-1" && p.connected());
          if (!linked) return false;
        }
        return true;
      },
      30))
      << "a peer did not link with the renewed node";
  uint64_t top = c.max_height();
  EXPECT_TRUE(AgentCluster::eventually([&] { return net->status("node-1").ok() && net->status("node-1")->height() > top; }, 30));

  // Once governance revokes node-1's certificate, it is not given another
  // for the same keys; nothing changes on its host.
  const std::string current = slurp(crt_path);
  auto fp = certificate_fingerprint(current);
  ASSERT_TRUE(fp.ok());
  pb::ProposeRequest revoke;
  revoke.set_action("revoke-certificate");
  revoke.set_organisation(org);
  revoke.set_certificate_sha256(std::string(fp->v.begin(), fp->v.end()));
  ASSERT_TRUE(c.enact(revoke, {1}));  // node-1 itself is cut off by it
  auto again = ctl({"node", "renew", "node-1"});
  EXPECT_EQ(again.status, 1);
  EXPECT_EQ(error_code(again), "certificate_revoked") << again.out << again.err;
  EXPECT_EQ(slurp(crt_path), current);
  EXPECT_FALSE(fs::exists(c.node_dir(1) + "/tls.crt.renewed"));
}

TEST(Lifecycle, HostRefusalsChangeNothing) {
  AgentCluster c(4);  // a network directory; its agents need not run to be refused
  Sshd sshd;
  Ctl ctl(c.dir());
  std::string network_before = slurp(c.dir() + "/network.json");
  // An unknown host key: refused with its fingerprint, nothing saved.
  auto unknown = ctl({"host", "add", "h1", "--ssh", sshd.target(), "--key", sshd.client_key()});
  EXPECT_EQ(unknown.status, 1);
  EXPECT_EQ(error_code(unknown), "host_key_unknown");
  EXPECT_NE(unknown.out.find(sshd.fingerprint()), std::string::npos) << "the fingerprint is not shown";
  // A confirmed fingerprint with a key the host does not accept.
  auto wrong = ctl({"host", "add", "h1", "--ssh", sshd.target(), "--key", sshd.other_key(), "--fingerprint",
                    sshd.fingerprint()});
  EXPECT_EQ(wrong.status, 1);
  EXPECT_EQ(error_code(wrong), "ssh_auth_failed");
  // A fingerprint that is not the host's: refused as a mismatch, nothing saved.
  auto mismatch = ctl({"host", "add", "h1", "--ssh", sshd.target(), "--key", sshd.client_key(), "--fingerprint",
                       "SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"});
  EXPECT_EQ(mismatch.status, 1);
  EXPECT_EQ(error_code(mismatch), "fingerprint_mismatch");
  EXPECT_EQ(ctl({"host", "add", "h1", "--ssh", sshd.target(), "--key", sshd.client_key(), "--fingerprint", "junk"}).status, 2);
  auto listed = ctl({"host", "list"}).as_json();
  EXPECT_EQ(listed.size(), 1u) << "a refused host was saved: " << listed.dump();
  ASSERT_EQ(ctl({"host", "add", "h1", "--ssh", sshd.target(), "--key", sshd.client_key(), "--fingerprint",
                 sshd.fingerprint()})
                .status,
            0);
  ASSERT_EQ(ctl({"host", "check", "h1"}).status, 0);
  // Known now, the host still refuses a fingerprint that is not its key's.
  auto known_mismatch = ctl({"host", "add", "h1b", "--ssh", sshd.target(), "--key", sshd.client_key(), "--fingerprint",
                             "SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"});
  EXPECT_EQ(error_code(known_mismatch), "fingerprint_mismatch");
  // The host key changes: refused with a warning, nothing done.
  sshd.change_host_key();
  auto changed = ctl({"host", "check", "h1"});
  EXPECT_EQ(changed.status, 1);
  EXPECT_EQ(error_code(changed), "host_key_changed");
  auto join_changed = ctl({"node", "join", "node-4", "--org", "org-1", "--host", "h1", "--dir", c.dir() + "/h1/node-4"});
  EXPECT_EQ(join_changed.status, 1);
  EXPECT_EQ(error_code(join_changed), "host_key_changed");
  EXPECT_FALSE(fs::exists(c.dir() + "/h1/node-4"));
  // A full disk (a small tmpfs): refused at the host check.
  std::string small = c.dir() + "/small";
  fs::create_directories(small);
  ASSERT_EQ(mount("tmpfs", small.c_str(), "tmpfs", 0, "size=8m"), 0) << "mounting a tmpfs needs root";
  auto full = ctl({"node", "join", "node-5", "--org", "org-1", "--host", "local", "--dir", small + "/node-5"});
  EXPECT_EQ(full.status, 1);
  EXPECT_EQ(error_code(full), "disk_low") << full.out;
  EXPECT_FALSE(fs::exists(small + "/node-5"));
  umount(small.c_str());
  // A port in use.
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof a;
  ASSERT_EQ(bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a), 0);
  getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len);
  listen(fd, 1);
  int taken = ntohs(a.sin_port);
  std::string ports = std::to_string(taken) + "," + std::to_string(free_port()) + "," + std::to_string(free_port());
  auto busy = ctl({"node", "join", "node-6", "--org", "org-1", "--host", "local", "--dir", c.dir() + "/n6", "--ports", ports});
  close(fd);
  EXPECT_EQ(busy.status, 1);
  EXPECT_EQ(error_code(busy), "port_taken") << busy.out;
  EXPECT_FALSE(fs::exists(c.dir() + "/n6"));
  EXPECT_EQ(slurp(c.dir() + "/network.json"), network_before) << "a refused join changed the network's records";
  // Usage errors are exit status 2.
  EXPECT_EQ(ctl({"node", "join", "node-7"}).status, 2);
  EXPECT_EQ(ctl({"node", "join", "node-7", "--org", "org-1", "--host", "local", "--ports", "1,2"}).status, 2);
  EXPECT_EQ(ctl({"frobnicate"}).status, 2);
  EXPECT_EQ(error_code(ctl({"frobnicate"})), "usage") << "--json usage errors are an error object too";
  EXPECT_EQ(ctl({"status", "extra"}).status, 2);
  EXPECT_EQ(ctl({"node", "join", "bad/name", "--org", "org-1", "--host", "local"}).status, 2);
  EXPECT_EQ(ctl({"node", "join", "node-8", "--org", "org-1", "--host", "local", "--ports", "30001,30001,30002"}).status, 2);
}

// `stop` acts only on the agent its pid file names when that process runs
// this node's configuration: a pid a crash left behind and another program
// reused is not signalled.
TEST(Lifecycle, StopLeavesAnUnrelatedProcessWithAReusedPidAlone) {
  AgentCluster c(4);
  std::string data = c.node_dir(0) + "/data";
  fs::create_directories(data);
  pid_t sleeper = -1;
  run({"/bin/sleep", "30"}, "", &sleeper, false);
  std::ofstream(data + "/agent.pid") << sleeper << "\n";
  auto r = run({agent_binary(), "stop", "--config", c.node_dir(0) + "/agent.json", "--grace", "1"});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("\"was_running\":false"), std::string::npos) << r.out;
  EXPECT_EQ(kill(sleeper, 0), 0) << "an unrelated process was killed";
  kill(sleeper, SIGKILL);
  waitpid(sleeper, nullptr, 0);
}

// The systemd unit a host with systemd runs the agent under passes
// systemd's own check, runs it through the supervisor, which it stops first,
// and does not restart a fenced node (exit status 1).
TEST(Lifecycle, SystemdUnitPassesSystemdAnalyzeVerify) {
  AgentCluster c(4);
  auto unit = run({agent_binary(), "unit", "--config", c.node_dir(0) + "/agent.json"});
  ASSERT_EQ(unit.status, 0) << unit.err;
  EXPECT_NE(unit.out.find("ExecStart=" + fs::canonical(agent_binary()).string() + " supervise --config "),
            std::string::npos)
      << unit.out;
  EXPECT_NE(unit.out.find("KillMode=mixed"), std::string::npos);
  EXPECT_NE(unit.out.find("RestartPreventExitStatus=1 2"), std::string::npos);
  std::string file = c.dir() + "/consortia-agent-node-0.service";
  std::ofstream(file) << unit.out;
  auto verified = run({"/usr/bin/systemd-analyze", "verify", file});
  EXPECT_EQ(verified.status, 0) << verified.out << verified.err;
}

// A file written on this machine for a node (a key, in a migration to
// "local") is created with its mode and never through a link left there.
TEST(Lifecycle, LocalWritesDoNotFollowLinksAndKeepKeysPrivate) {
  char tmpl[] = "/tmp/consortia-local-XXXXXX";
  std::string dir = mkdtemp(tmpl);
  std::ofstream(dir + "/victim") << "untouched";
  fs::create_symlink(dir + "/victim", dir + "/node.key.partial");
  auto host = console::local_host();
  ASSERT_TRUE(host->put_text("secret", dir + "/node.key", 0600).ok());
  EXPECT_EQ(slurp(dir + "/victim"), "untouched");
  EXPECT_EQ(slurp(dir + "/node.key"), "secret");
  EXPECT_EQ(fs::status(dir + "/node.key").permissions() & fs::perms::all, fs::perms::owner_read | fs::perms::owner_write);
  EXPECT_EQ(console::shell_quote("a b'c"), "'a b'\\''c'");
  console::HostRecord h;
  EXPECT_TRUE(console::parse_ssh_target("ops@10.0.0.5:2222", h));
  EXPECT_EQ(h.port, 2222);
  EXPECT_FALSE(console::parse_ssh_target("ops@host;rm -rf /", h));
  EXPECT_FALSE(console::parse_ssh_target("nobody", h));
  EXPECT_FALSE(console::parse_ssh_target("ops@h:99999", h));
  fs::remove_all(dir);
}

TEST(Lifecycle, RemovalShortOfQuorumIsRefusedBeforeAnyProposal) {
  AgentCluster c(5);
  c.start_all();
  ASSERT_TRUE(c.all_reach(3, 30));
  c.stop(3, SIGKILL);
  c.stop(4, SIGKILL);
  Ctl ctl(c.dir());
  auto net = access(c);
  auto refused = ctl({"node", "exit", "node-0"});
  EXPECT_EQ(refused.status, 1);
  EXPECT_EQ(error_code(refused), "quorum_at_risk") << refused.out;
  EXPECT_NE(refused.out.find("only 2 of them are live"), std::string::npos) << refused.out;
  grpc::ClientContext ctx;
  pb::Proposals all;
  ASSERT_TRUE(viewer(*net, "node-1")->ListProposals(&ctx, pb::ProposalsRequest(), &all).ok());
  EXPECT_EQ(all.proposals_size(), 0) << "a proposal was sent";
  EXPECT_TRUE(net->node("node-0")) << "node-0 left the network's records";
  // What was done and what was not: the preview failed, nothing after it ran.
  auto list = ctl({"runbook", "list"}).as_json();
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0]["state"], "failed");
  EXPECT_EQ(list[0]["steps"][0]["state"], "failed");
  EXPECT_EQ(list[0]["steps"][1]["state"], "pending");
}

// An organisation's CA key kept encrypted: the join stops before any
// proposal without its passphrase, and resumes with it (the passphrase is
// never stored with the runbook).
TEST(Lifecycle, EncryptedCaKeyNeedsItsPassphrase) {
  AgentCluster c(4);
  c.start_all();
  ASSERT_TRUE(c.all_reach(2, 30));
  Ctl ctl(c.dir());
  std::string enc = c.dir() + "/org-1-ca.enc.pem";
  ASSERT_EQ(run({"/usr/bin/openssl", "pkey", "-in", c.dir() + "/orgs/org-1/ca.key", "-aes256", "-passout",
                 "pass:s3cret", "-out", enc})
                .status,
            0);
  std::string where = c.dir() + "/joined/node-4";
  struct Cleanup {
    std::string dir;
    ~Cleanup() { stop_daemon(dir); }
  } cleanup{where};
  auto locked = ctl({"node", "join", "node-4", "--org", "org-1", "--host", "local", "--dir", where, "--ca-key", enc},
                    true, {{"CONSORTIA_CA_PASSPHRASE", "wrong"}});
  EXPECT_EQ(locked.status, 1);
  EXPECT_EQ(error_code(locked), "ca_key_locked") << locked.out;
  auto net = access(c);
  grpc::ClientContext ctx;
  pb::Proposals all;
  ASSERT_TRUE(viewer(*net, "node-0")->ListProposals(&ctx, pb::ProposalsRequest(), &all).ok());
  EXPECT_EQ(all.proposals_size(), 0) << "a proposal went out before the certificate was signed";
  EXPECT_EQ(slurp(ctl.db()).find("s3cret"), std::string::npos) << "the passphrase is in the database";
  int64_t id = ctl({"runbook", "list"}).as_json()[0]["id"];
  auto resumed = ctl({"runbook", "resume", std::to_string(id)}, true, {{"CONSORTIA_CA_PASSPHRASE", "s3cret"}});
  ASSERT_EQ(resumed.status, 0) << resumed.out << resumed.err;
  net = access(c);
  auto st = net->status("node-4");
  ASSERT_TRUE(st.ok());
  EXPECT_EQ(st->role(), "observer");
  // A key that is not the organisation's CA's is refused before any proposal.
  auto other = ctl({"node", "join", "node-5", "--org", "org-1", "--host", "local", "--dir", c.dir() + "/joined/node-5",
                    "--ca-key", c.dir() + "/orgs/org-2/ca.key"});
  EXPECT_EQ(error_code(other), "ca_key_mismatch") << other.out;
  stop_daemon(c.dir() + "/joined/node-5");
}

TEST(Lifecycle, KilledMidJoinThenResumed) {
  AgentCluster c(4);
  c.start_all();
  ASSERT_TRUE(c.all_reach(2, 30));
  Ctl ctl(c.dir());
  std::string where = c.dir() + "/joined/node-4";
  struct Cleanup {
    std::string dir;
    ~Cleanup() { stop_daemon(dir); }
  } cleanup{where};
  pid_t pid = ctl.spawn({"node", "join", "node-4", "--org", "org-2", "--host", "local", "--dir", where});
  // Killed once the governance step has sent its proposal; then the noted id
  // is taken out of its variables, as when the run is stopped after sending
  // and before noting (a resumed join proposed a second time then).
  bool reached = AgentCluster::eventually(
      [&] {
        if (!fs::exists(ctl.db())) return false;
        auto store = console::RunbookStore::open(ctl.db(), nullptr);
        auto list = store ? store->list() : std::vector<console::RunbookRecord>{};
        return !list.empty() && list.front().vars.contains("add_proposal");
      },
      60);
  ASSERT_TRUE(reached) << "the join did not reach governance";
  kill(pid, SIGKILL);
  waitpid(pid, nullptr, 0);
  {
    auto store = console::RunbookStore::open(ctl.db(), nullptr);
    ASSERT_TRUE(store != nullptr);
    auto rec = store->list().front();
    rec.vars.erase("add_proposal");
    rec.vars.erase("add_proposal_approvals");
    store->set_vars(rec.id, rec.vars);
  }
  auto list = ctl({"runbook", "list"}).as_json();
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0]["state"], "interrupted");
  int64_t id = list[0]["id"];
  auto resumed = ctl({"runbook", "resume", std::to_string(id)});
  ASSERT_EQ(resumed.status, 0) << resumed.out << resumed.err;
  auto net = access(c);
  auto st = net->status("node-4");
  ASSERT_TRUE(st.ok());
  EXPECT_EQ(st->role(), "observer");
  EXPECT_GE(st->height(), c.max_height() > 3 ? c.max_height() - 3 : 0);
  grpc::ClientContext ctx;
  pb::Proposals all;
  ASSERT_TRUE(viewer(*net, "node-0")->ListProposals(&ctx, pb::ProposalsRequest(), &all).ok());
  int adds = 0;
  std::string seen;
  for (const auto& p : all.proposals()) {
    adds += p.action() == "add-observer";
    seen += p.action() + " by " + p.proposer_organisation() + " (" + p.status() + ")\n";
  }
  EXPECT_EQ(adds, 1) << "the resumed join proposed again:\n" << seen << resumed.out << resumed.err;
  // A done runbook is not resumed again.
  auto again = ctl({"runbook", "resume", std::to_string(id)});
  EXPECT_EQ(again.status, 1);
  EXPECT_EQ(error_code(again), "runbook_done");
}

}  // namespace
}  // namespace consortia::agent::testing
