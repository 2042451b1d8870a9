// The agent's logs as files: the audit log's hash chain (what verify names
// when an entry is changed, removed or reordered; torn writes; rotation;
// a log that cannot be written), and the agent log's one-line rule and
// rotation.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "audit_chain.h"
#include "log.h"

using namespace consortia::agent;
namespace fs = std::filesystem;

namespace {

struct TempDir {
  fs::path p;
  TempDir() {
    p = fs::temp_directory_path() / ("consortia-audit-" + std::to_string(::getpid()) + "-" +
                                     std::to_string(reinterpret_cast<uintptr_t>(this)));
    fs::remove_all(p);
    fs::create_directories(p);
  }
  ~TempDir() { fs::remove_all(p); }
  std::string file(const std::string& n) const { return (p / n).string(); }
};

std::vector<std::string> lines_of(const std::string& f) {
  std::ifstream in(f);
  std::vector<std::string> out;
  for (std::string l; std::getline(in, l);) out.push_back(l);
  return out;
}

void write_lines(const std::string& f, const std::vector<std::string>& lines) {
  std::ofstream out(f, std::ios::trunc);
  for (const auto& l : lines) out << l << "\n";
}

std::string fill_log(const std::string& f, int n) {
  AuditLog log(f);
  for (int i = 0; i < n; ++i)
    EXPECT_TRUE(log.record("operator@org-1", "org-1", "operator", "SetFaults", "rule " + std::to_string(i), "ok"));
  return log.head().hash;
}

}  // namespace

TEST(AuditChain, AnUntouchedLogIsIntactAndItsHeadIsTheLastEntry) {
  TempDir d;
  std::string f = d.file("audit.log");
  std::string head = fill_log(f, 5);
  auto v = verify_audit_files({f});
  EXPECT_TRUE(v.intact) << v.problem;
  EXPECT_EQ(v.entries, 5u);
  EXPECT_EQ(v.head.seq, 5u);
  EXPECT_EQ(v.head.hash, head);
  // Created readable by its owner only.
  struct stat st {};
  ASSERT_EQ(::stat(f.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
}

TEST(AuditChain, VerifyNamesTheFirstChangedRemovedOrReorderedEntry) {
  TempDir d;
  std::string f = d.file("audit.log");
  fill_log(f, 6);
  auto orig = lines_of(f);
  ASSERT_EQ(orig.size(), 6u);

  auto changed = orig;
  auto pos = changed[2].find("rule 2");
  changed[2].replace(pos, 6, "rule X");
  write_lines(f, changed);
  auto v = verify_audit_files({f});
  EXPECT_FALSE(v.intact);
  EXPECT_EQ(v.line, 3u);
  EXPECT_EQ(v.problem, "entry 3 was changed");

  auto removed = orig;
  removed.erase(removed.begin() + 3);
  write_lines(f, removed);
  v = verify_audit_files({f});
  EXPECT_FALSE(v.intact);
  EXPECT_EQ(v.problem, "entry 4 was removed");

  auto reordered = orig;
  std::swap(reordered[1], reordered[4]);
  write_lines(f, reordered);
  v = verify_audit_files({f});
  EXPECT_FALSE(v.intact);
  EXPECT_EQ(v.line, 2u);
  EXPECT_NE(v.problem.find("reordered"), std::string::npos) << v.problem;

  // Cutting entries off the front is found too: the chain no longer starts.
  write_lines(f, {orig.begin() + 2, orig.end()});
  v = verify_audit_files({f});
  EXPECT_TRUE(v.intact) << "a file may start mid-chain (rotated files archived)";
  write_lines(f, {"not json", orig[0]});
  EXPECT_FALSE(verify_audit_files({f}).intact);
}

TEST(AuditChain, ATornLastEntryIsCutWhenTheLogReopensAndTheCutIsRecorded) {
  TempDir d;
  std::string f = d.file("audit.log");
  fill_log(f, 3);
  {
    std::ofstream out(f, std::ios::app);
    out << R"({"seq":4,"time":"2026-)";  // a crash in the middle of a write
  }
  auto v = verify_audit_files({f});
  EXPECT_TRUE(v.intact);
  EXPECT_GT(v.torn_bytes, 0u);
  {
    AuditLog log(f);
    EXPECT_EQ(log.head().seq, 4u);  // the note of the cut is entry 4
    EXPECT_TRUE(log.record("admin@org-1", "org-1", "admin", "Propose", "", "ok"));
  }
  v = verify_audit_files({f});
  EXPECT_TRUE(v.intact) << v.problem;
  EXPECT_EQ(v.entries, 5u);
  EXPECT_EQ(v.torn_bytes, 0u);
  EXPECT_NE(lines_of(f)[3].find("torn entry"), std::string::npos);
}

TEST(AuditChain, RotationContinuesTheChainInANewFileAndKeepsTheOldOne) {
  TempDir d;
  std::string f = d.file("audit.log");
  {
    AuditLog log(f, 2000);
    for (int i = 0; i < 40; ++i) ASSERT_TRUE(log.record("operator@org-1", "org-1", "operator", "ClearFaults", "", "ok"));
  }
  std::vector<std::string> files;
  for (int n = 1; fs::exists(f + "." + std::to_string(n)); ++n) files.push_back(f + "." + std::to_string(n));
  ASSERT_GE(files.size(), 3u);
  files.push_back(f);
  auto v = verify_audit_files(files);
  EXPECT_TRUE(v.intact) << v.file << ":" << v.line << " " << v.problem;
  EXPECT_EQ(v.entries, 40u);
  // Out of order, the files do not chain.
  std::swap(files[0], files[1]);
  EXPECT_FALSE(verify_audit_files(files).intact);
}

// A crash between a rotation and the first entry after it leaves no current
// file (or an empty one): the chain goes on from the newest file set aside,
// and files set aside are numbered above the highest there, even after the
// older ones were archived elsewhere.
TEST(AuditChain, AfterARotationTheChainGoesOnFromTheNewestFileSetAside) {
  TempDir d;
  std::string f = d.file("audit.log");
  {
    AuditLog log(f, 1500);
    for (int i = 0; i < 30; ++i) ASSERT_TRUE(log.record("operator@org-1", "org-1", "operator", "ClearFaults", "", "ok"));
  }
  int highest = 0;
  while (fs::exists(f + "." + std::to_string(highest + 1))) ++highest;
  ASSERT_GE(highest, 2);
  // Rotated at the last record: move the current file's entries away as if
  // the crash came right after the rename.
  fs::rename(f, f + "." + std::to_string(highest + 1));
  ++highest;
  fs::remove(f + ".1");  // archived elsewhere
  {
    AuditLog log(f, 1500);
    ASSERT_TRUE(log.record("admin@org-1", "org-1", "admin", "Propose", "", "ok"));
    for (int i = 0; i < 10; ++i) ASSERT_TRUE(log.record("operator@org-1", "org-1", "operator", "ClearFaults", "", "ok"));
  }
  EXPECT_FALSE(fs::exists(f + ".1")) << "a file set aside took the archived one's number";
  std::vector<std::string> files;
  for (int n = 2; fs::exists(f + "." + std::to_string(n)); ++n) files.push_back(f + "." + std::to_string(n));
  files.push_back(f);
  auto v = verify_audit_files(files);
  EXPECT_TRUE(v.intact) << v.file << ":" << v.line << " " << v.problem;
  EXPECT_EQ(v.head.seq, 41u);
}

TEST(AuditChain, AnOlderAgentsUnchainedLogIsSetAsideAndANewChainStarts) {
  TempDir d;
  std::string f = d.file("audit.log");
  write_lines(f, {R"({"time":"2026-01-01T00:00:00.000Z","who":"x","call":"SetFaults","result":"ok"})"});
  {
    AuditLog log(f);
    EXPECT_TRUE(log.record("operator@org-1", "org-1", "operator", "ClearFaults", "", "ok"));
  }
  EXPECT_TRUE(fs::exists(f + ".1"));
  auto v = verify_audit_files({f});
  EXPECT_TRUE(v.intact) << v.problem;
  EXPECT_EQ(v.entries, 2u);  // the note, then the call
}

TEST(AuditChain, ALogThatCannotBeWrittenSaysSoAndAppendsNothing) {
  TempDir d;
  std::string f = d.file("audit.log");
  fs::create_symlink("/dev/full", f);
  AuditLog log(f);
  EXPECT_FALSE(log.record("operator@org-1", "org-1", "operator", "SetFaults", "", "started"));
  EXPECT_NE(log.problem().find("No space"), std::string::npos) << log.problem();
  EXPECT_EQ(log.head().seq, 0u);
}

TEST(AuditChain, TheTailIsReadFromTheEndOfTheFile) {
  TempDir d;
  std::string f = d.file("audit.log");
  {
    std::ofstream out(f);
    for (int i = 0; i < 200000; ++i) out << "line " << i << "\n";
    out << "torn";
  }
  auto t = tail_lines(f, 3);
  ASSERT_EQ(t.size(), 3u);
  EXPECT_EQ(t[0], "line 199997");
  EXPECT_EQ(t[2], "line 199999");
  EXPECT_EQ(tail_lines(f, 0).size(), 0u);
  write_lines(f, {"a", "b"});
  EXPECT_EQ(tail_lines(f, 10), (std::vector<std::string>{"a", "b"}));
}

TEST(AgentLog, EveryWriteIsOneLineWithControlCharactersEscapedAndLongTextCut) {
  EXPECT_EQ(one_line("a\nb\rc\x1b[31m", 100), "a\\x0ab\\x0dc\\x1b[31m");
  EXPECT_EQ(one_line("节点\xff", 100), "节点\\xff");
  std::string cut = one_line(std::string(10000, 'x'), 4096);
  EXPECT_EQ(cut.substr(0, 4096), std::string(4096, 'x'));
  EXPECT_NE(cut.find("5904 bytes cut"), std::string::npos);
  // A cut never splits a character.
  EXPECT_EQ(one_line("节点", 4).substr(0, 3), "节");

  TempDir d;
  Log log(d.file("agent.log"), LogLevel::kInfo, 4096, 2);
  log.info("ok\n2026-12-05T00:00:00.000Z info audit: forged line");
  auto tail = log.tail(10, LogLevel::kDebug);
  ASSERT_EQ(tail.size(), 1u);
  EXPECT_EQ(tail[0].find('\n'), std::string::npos);
  for (int i = 0; i < 500; ++i) log.info("filler line " + std::to_string(i));
  EXPECT_TRUE(fs::exists(d.file("agent.log.1")));
  EXPECT_TRUE(fs::exists(d.file("agent.log.2")));
  EXPECT_FALSE(fs::exists(d.file("agent.log.3")));
  EXPECT_LE(fs::file_size(d.file("agent.log")), 4096u + Log::kMaxLine);
}
