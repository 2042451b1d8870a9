// Runbooks: the node lifecycle's guided, resumable procedures (join, exit,
// backup, restore, migration) as named steps kept in the console's SQLite
// database (tables runbooks and runbook_steps, beside history). Each step
// is idempotent and records its state, start and end, output and the
// reason it failed; a runbook survives the console or consortia-ctl being
// closed or killed: the next start lists it as interrupted, to resume or
// cancel. Cancel takes effect at a safe point (between steps, or where a
// step checks) and the step list says what was done and what was not.
// Toolkit-free: the UI words the codes.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

struct sqlite3;

namespace consortia::console {

// A sentence for the user as data: a code the UI words, with arguments.
struct Words {
  std::string code;
  std::vector<std::string> args;
  bool operator==(const Words&) const = default;
};

enum class StepState { kPending = 0, kRunning = 1, kDone = 2, kFailed = 3 };
enum class RunbookState { kRunning = 0, kInterrupted = 1, kDone = 2, kFailed = 3, kCancelled = 4 };
const char* step_state_name(StepState s);        // pending, running, done, failed
const char* runbook_state_name(RunbookState s);  // running, interrupted, done, failed, cancelled

struct StepRecord {
  std::string name;  // a code: check-host, provision, propose, ...
  StepState state = StepState::kPending;
  int64_t started_ms = 0, ended_ms = 0;
  double progress = 0;  // 0..1 within the step
  Words note;           // the latest progress sentence
  std::string output;   // what the step learned or the host answered
  std::string error_code;  // kFailed: a reason code (quorum_at_risk, host_key_changed, ...)
  std::string error;       // kFailed: the detail, in the refusing party's words
};

struct RunbookRecord {
  int64_t id = 0;
  std::string kind;     // join, exit, backup, restore, migrate
  std::string network;  // a network directory or an inventory name
  std::string subject;  // the node
  nlohmann::json params = nlohmann::json::object();  // what the user asked for
  nlohmann::json vars = nlohmann::json::object();    // what steps learned, kept between steps
  RunbookState state = RunbookState::kRunning;
  int64_t created_ms = 0, updated_ms = 0;
  int owner_pid = 0;  // the process running it
  bool cancel_requested = false;
  std::vector<StepRecord> steps;

  // The first step not done (steps.size() when all are).
  size_t next_step() const;
  // Overall progress: done steps plus the running one's share.
  double progress() const;
  bool resumable() const { return state == RunbookState::kInterrupted || state == RunbookState::kFailed; }
};

class RunbookStore {
 public:
  static std::unique_ptr<RunbookStore> open(const std::string& path, std::string* error);
  ~RunbookStore();

  // A new runbook, not yet claimed by any process (it lists as interrupted
  // until one claims it).
  int64_t create(const std::string& kind, const std::string& network, const std::string& subject,
                 const nlohmann::json& params, const std::vector<std::string>& steps);
  // A running runbook whose process is gone reads as interrupted.
  std::optional<RunbookRecord> load(int64_t id) const;
  std::vector<RunbookRecord> list() const;  // newest first
  // Takes a runbook to run in this process: false when another live process
  // runs it, or it is done or cancelled.
  bool claim(int64_t id, std::string* why);
  void set_state(int64_t id, RunbookState s);
  void set_vars(int64_t id, const nlohmann::json& vars);
  void request_cancel(int64_t id);
  bool cancel_requested(int64_t id) const;
  void begin_step(int64_t id, size_t index);
  void progress(int64_t id, size_t index, double fraction, const Words& note);
  void end_step(int64_t id, size_t index, StepState s, const std::string& output, const std::string& error_code = "",
                const std::string& error = "");

 private:
  explicit RunbookStore(sqlite3* db) : db_(db) {}
  void exec(const std::string& sql, const std::vector<std::string>& text, const std::vector<int64_t>& numbers) const;
  sqlite3* db_;
};

// What a step sees: the runbook (params and vars), progress and cancel.
struct StepContext {
  const RunbookRecord& runbook;
  nlohmann::json& vars;  // saved after the step, and after each progress report
  std::function<void(double fraction, const Words& note)> progress;
  std::function<bool()> cancelled;  // a long step checks and stops at a safe point
  std::string output;               // appended to; kept with the step
};

struct StepResult {
  bool ok = true;
  std::string code;    // failed: a reason code
  std::string detail;  // failed: in the refusing party's words
  static StepResult done() { return {}; }
  static StepResult fail(std::string code, std::string detail) { return {false, std::move(code), std::move(detail)}; }
};

struct StepDef {
  std::string name;
  std::function<StepResult(StepContext&)> run;
};

// Runs a claimed runbook from its first step not done: each step in order,
// saving its record; stops at the first failure (kFailed: resume retries
// that step) or at a cancel request (kCancelled). `changed` is told after
// every record change (for progress on a terminal or in a window).
RunbookState run_runbook(RunbookStore& store, int64_t id, const std::vector<StepDef>& steps,
                         const std::function<void(const RunbookRecord&)>& changed = {});

}  // namespace consortia::console
