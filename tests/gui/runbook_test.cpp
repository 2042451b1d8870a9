// The runbook engine on a real SQLite file: steps in order, a refusal that
// stops the runbook and a resume that retries only what is not done, vars
// that survive between steps, a process killed with SIGKILL mid-step whose
// runbook the next process lists as interrupted and completes, and cancel.
// Also the quorum preview a membership change shows before any proposal.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <thread>

#include "model/quorum_preview.h"
#include "model/runbook.h"

namespace consortia::console {
namespace {

struct TempDb {
  std::string dir, path;
  TempDb() {
    char tmpl[] = "/tmp/consortia-runbook-XXXXXX";
    dir = mkdtemp(tmpl);
    path = dir + "/history.db";
  }
  ~TempDb() { std::filesystem::remove_all(dir); }
};

std::unique_ptr<RunbookStore> open_store(const std::string& path) {
  std::string error;
  auto s = RunbookStore::open(path, &error);
  EXPECT_TRUE(s) << error;
  return s;
}

TEST(Runbook, RunsStepsInOrderAndKeepsWhatTheyLearn) {
  TempDb db;
  auto store = open_store(db.path);
  std::vector<std::string> ran;
  std::vector<StepDef> steps = {
      {"one", [&](StepContext& c) {
         ran.push_back("one");
         c.vars["key"] = "made on the host";
         c.output += "did one\n";
         c.progress(0.5, {"copied", {"x"}});
         return StepResult::done();
       }},
      {"two", [&](StepContext& c) {
         ran.push_back("two:" + c.vars.value("key", std::string()));
         return StepResult::done();
       }}};
  int64_t id = store->create("join", "/net", "node-4", {{"validator", true}}, {"one", "two"});
  std::string why;
  ASSERT_TRUE(store->claim(id, &why)) << why;
  EXPECT_EQ(run_runbook(*store, id, steps), RunbookState::kDone);
  EXPECT_EQ(ran, (std::vector<std::string>{"one", "two:made on the host"}));
  auto r = store->load(id);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->state, RunbookState::kDone);
  EXPECT_EQ(r->kind, "join");
  EXPECT_EQ(r->subject, "node-4");
  EXPECT_TRUE(r->params.value("validator", false));
  ASSERT_EQ(r->steps.size(), 2u);
  EXPECT_EQ(r->steps[0].output, "did one\n");
  EXPECT_EQ(r->steps[0].state, StepState::kDone);
  EXPECT_GT(r->steps[0].ended_ms, 0);
  EXPECT_DOUBLE_EQ(r->progress(), 1.0);
  EXPECT_FALSE(store->claim(id, &why));
  EXPECT_EQ(why, "runbook_done");
}

TEST(Runbook, ARefusalStopsItAndResumeRetriesOnlyThatStep) {
  TempDb db;
  auto store = open_store(db.path);
  int first_runs = 0, second_runs = 0, third_runs = 0;
  bool refuse = true;
  std::vector<StepDef> steps = {{"first", [&](StepContext&) { ++first_runs; return StepResult::done(); }},
                                {"second", [&](StepContext&) {
                                   ++second_runs;
                                   return refuse ? StepResult::fail("quorum_at_risk", "3 of 4 live") : StepResult::done();
                                 }},
                                {"third", [&](StepContext&) { ++third_runs; return StepResult::done(); }}};
  int64_t id = store->create("exit", "/net", "node-2", nlohmann::json::object(), {"first", "second", "third"});
  ASSERT_TRUE(store->claim(id, nullptr));
  EXPECT_EQ(run_runbook(*store, id, steps), RunbookState::kFailed);
  auto r = store->load(id);
  EXPECT_EQ(r->steps[1].state, StepState::kFailed);
  EXPECT_EQ(r->steps[1].error_code, "quorum_at_risk");
  EXPECT_EQ(r->steps[1].error, "3 of 4 live");
  EXPECT_EQ(r->steps[2].state, StepState::kPending);
  EXPECT_TRUE(r->resumable());
  refuse = false;
  ASSERT_TRUE(store->claim(id, nullptr));
  EXPECT_EQ(run_runbook(*store, id, steps), RunbookState::kDone);
  EXPECT_EQ(first_runs, 1) << "a done step ran again";
  EXPECT_EQ(second_runs, 2);
  EXPECT_EQ(third_runs, 1);
  EXPECT_TRUE(store->load(id)->steps[1].error_code.empty());
}

// A process runs the runbook and is killed with SIGKILL in the middle of a
// step; the next process finds it interrupted, resumes it, and the steps
// done before the kill do not run again.
TEST(Runbook, KilledMidStepIsInterruptedAndResumes) {
  TempDb db;
  std::string marks = db.dir + "/marks";
  auto mark = [&](const std::string& m) {
    std::ofstream(marks, std::ios::app) << m << "\n";
  };
  int64_t id = 0;
  {
    auto store = open_store(db.path);
    id = store->create("join", "/net", "node-4", nlohmann::json::object(), {"provision", "wait", "finish"});
  }
  auto steps = [&](bool hang) {
    return std::vector<StepDef>{{"provision", [&](StepContext& c) {
                                   mark("provision");
                                   c.vars["public_key"] = "abc";
                                   return StepResult::done();
                                 }},
                                {"wait", [&, hang](StepContext& c) {
                                   mark("wait");
                                   c.progress(0.3, {"syncing", {"node-4", "3", "10"}});
                                   while (hang) std::this_thread::sleep_for(std::chrono::milliseconds(50));
                                   return StepResult::done();
                                 }},
                                {"finish", [&](StepContext& c) {
                                   mark("finish:" + c.vars.value("public_key", std::string()));
                                   return StepResult::done();
                                 }}};
  };
  pid_t pid = fork();
  if (pid == 0) {
    auto store = RunbookStore::open(db.path, nullptr);
    if (!store || !store->claim(id, nullptr)) _exit(3);
    run_runbook(*store, id, steps(true));
    _exit(0);
  }
  auto store = open_store(db.path);
  for (int i = 0; i < 200; ++i) {
    auto r = store->load(id);
    if (r && r->steps[1].state == StepState::kRunning && r->steps[1].progress > 0.2) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(25));
  }
  std::string why;
  EXPECT_FALSE(store->claim(id, &why)) << "a runbook a live process runs was taken over";
  EXPECT_EQ(why, "runbook_running");
  kill(pid, SIGKILL);
  waitpid(pid, nullptr, 0);
  auto r = store->load(id);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->state, RunbookState::kInterrupted);
  EXPECT_EQ(r->steps[0].state, StepState::kDone);
  EXPECT_EQ(r->steps[1].state, StepState::kPending) << "the step cut short reads as not done";
  EXPECT_EQ(r->steps[1].note.code, "syncing");
  ASSERT_TRUE(store->claim(id, &why)) << why;
  EXPECT_EQ(run_runbook(*store, id, steps(false)), RunbookState::kDone);
  std::ifstream in(marks);
  std::vector<std::string> seen;
  for (std::string l; std::getline(in, l);) seen.push_back(l);
  EXPECT_EQ(seen, (std::vector<std::string>{"provision", "wait", "wait", "finish:abc"}));
}

TEST(Runbook, CancelStopsAtASafePointAndSaysWhatWasDone) {
  TempDb db;
  auto store = open_store(db.path);
  auto other = open_store(db.path);  // another process's view (the console while ctl runs)
  int64_t id = store->create("migrate", "/net", "node-1", nlohmann::json::object(), {"a", "b", "c"});
  std::vector<StepDef> steps = {{"a", [&](StepContext&) { return StepResult::done(); }},
                                {"b", [&](StepContext& c) {
                                   other->request_cancel(id);
                                   for (int i = 0; i < 100 && !c.cancelled(); ++i)
                                     std::this_thread::sleep_for(std::chrono::milliseconds(10));
                                   return c.cancelled() ? StepResult::fail("cancelled", "") : StepResult::done();
                                 }},
                                {"c", [&](StepContext&) {
                                   ADD_FAILURE() << "a step after the cancel ran";
                                   return StepResult::done();
                                 }}};
  ASSERT_TRUE(store->claim(id, nullptr));
  EXPECT_EQ(run_runbook(*store, id, steps), RunbookState::kCancelled);
  auto r = store->load(id);
  EXPECT_EQ(r->state, RunbookState::kCancelled);
  EXPECT_EQ(r->steps[0].state, StepState::kDone);
  EXPECT_EQ(r->steps[1].state, StepState::kPending);
  EXPECT_EQ(r->steps[2].state, StepState::kPending);
  std::string why;
  EXPECT_FALSE(store->claim(id, &why));
  EXPECT_EQ(why, "runbook_cancelled");
  // An interrupted runbook nobody runs is cancelled at once.
  int64_t idle = store->create("join", "/net", "node-9", nlohmann::json::object(), {"a"});
  store->set_state(idle, RunbookState::kInterrupted);
  store->request_cancel(idle);
  EXPECT_EQ(store->load(idle)->state, RunbookState::kCancelled);
  EXPECT_EQ(store->list().front().id, idle) << "newest first";
}

TEST(Runbook, UnknownStepFailsClearly) {
  TempDb db;
  auto store = open_store(db.path);
  int64_t id = store->create("join", "/net", "n", nlohmann::json::object(), {"from-a-newer-version"});
  ASSERT_TRUE(store->claim(id, nullptr));
  EXPECT_EQ(run_runbook(*store, id, {}), RunbookState::kFailed);
  EXPECT_EQ(store->load(id)->steps[0].error_code, "unknown_step");
}

NodeState validator(const std::string& name, bool live, uint64_t height = 100) {
  NodeState n;
  n.name = name;
  n.role = "validator";
  n.reachable = live;
  n.polled_ms = live ? 1000 : 0;
  n.height = height;
  n.validators = 0;
  return n;
}

TEST(QuorumPreview, RefusesWhatWouldLeaveTheLiveValidatorsShortOfAQuorum) {
  NetworkState s;
  for (int i = 0; i < 5; ++i) s.nodes.push_back(validator("node-" + std::to_string(i), i < 3));
  // 5 validators, 3 live: removing a live one leaves 4 needing 3, with 2 live.
  auto p = preview_change(s, "node-0", MembershipChange::kRemove, 1000);
  EXPECT_EQ(p.validators_before, 5);
  EXPECT_EQ(p.validators_after, 4);
  EXPECT_EQ(p.quorum_after, 3);
  EXPECT_EQ(p.live_after, 2);
  EXPECT_EQ(p.refusal, "quorum_at_risk");
  // Removing a dead one leaves 4 needing 3, with 3 live: fine.
  auto q = preview_change(s, "node-4", MembershipChange::kRemove, 1000);
  EXPECT_TRUE(q.ok()) << q.refusal;
  EXPECT_EQ(q.live_after, 3);
  // Four validators: none may go.
  s.nodes.pop_back();
  EXPECT_EQ(preview_change(s, "node-3", MembershipChange::kRemove, 1000).refusal, "too_few_validators");
  // Promoting a synced observer: 4 -> 5 validators, quorum 3 -> 4.
  NodeState obs = validator("node-9", true);
  obs.role = "observer";
  s.nodes.push_back(obs);
  auto r = preview_change(s, "node-9", MembershipChange::kPromote, 1000);
  EXPECT_EQ(r.validators_after, 5);
  EXPECT_EQ(r.quorum_before, 3);
  EXPECT_EQ(r.quorum_after, 4);
  EXPECT_EQ(r.faulty_after, 1);
  EXPECT_EQ(r.live_after, 4);  // three live validators and the promoted one
  EXPECT_TRUE(r.ok());
  // A lagging validator is not live.
  s.nodes[0].height = 10;
  EXPECT_EQ(preview_change(s, "node-9", MembershipChange::kPromote, 1000).live_after, 3);
}

}  // namespace
}  // namespace consortia::console
