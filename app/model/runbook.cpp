#include "runbook.h"

#include "model/sqlite_stmt.h"
#include "model/clock.h"

#include <signal.h>
#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>

namespace consortia::console {
using nlohmann::json;

namespace {

const char* kSchema = R"(
CREATE TABLE IF NOT EXISTS runbooks (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  kind TEXT NOT NULL, network TEXT NOT NULL, subject TEXT NOT NULL,
  params TEXT NOT NULL, vars TEXT NOT NULL,
  state INTEGER NOT NULL, created_ms INTEGER NOT NULL, updated_ms INTEGER NOT NULL,
  owner_pid INTEGER NOT NULL DEFAULT 0, cancel_requested INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS runbook_steps (
  runbook INTEGER NOT NULL, idx INTEGER NOT NULL, name TEXT NOT NULL,
  state INTEGER NOT NULL DEFAULT 0, started_ms INTEGER NOT NULL DEFAULT 0, ended_ms INTEGER NOT NULL DEFAULT 0,
  progress REAL NOT NULL DEFAULT 0, note TEXT NOT NULL DEFAULT '{}', output TEXT NOT NULL DEFAULT '',
  error_code TEXT NOT NULL DEFAULT '', error TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (runbook, idx));
)";


bool alive(int pid) { return pid > 0 && (pid == ::getpid() || ::kill(pid, 0) == 0); }

json to_json(const Words& w) { return json{{"code", w.code}, {"args", w.args}}; }
Words words_from(const std::string& text) {
  json j = json::parse(text, nullptr, false);
  Words w;
  if (j.is_object()) {
    w.code = j.value("code", "");
    if (j.contains("args") && j["args"].is_array())
      for (const auto& a : j["args"])
        if (a.is_string()) w.args.push_back(a);
  }
  return w;
}

}  // namespace

const char* step_state_name(StepState s) {
  switch (s) {
    case StepState::kPending: return "pending";
    case StepState::kRunning: return "running";
    case StepState::kDone: return "done";
    case StepState::kFailed: return "failed";
  }
  return "pending";
}

const char* runbook_state_name(RunbookState s) {
  switch (s) {
    case RunbookState::kRunning: return "running";
    case RunbookState::kInterrupted: return "interrupted";
    case RunbookState::kDone: return "done";
    case RunbookState::kFailed: return "failed";
    case RunbookState::kCancelled: return "cancelled";
  }
  return "running";
}

size_t RunbookRecord::next_step() const {
  for (size_t i = 0; i < steps.size(); ++i)
    if (steps[i].state != StepState::kDone) return i;
  return steps.size();
}

double RunbookRecord::progress() const {
  if (steps.empty()) return 1;
  double done = 0;
  for (const auto& s : steps) done += s.state == StepState::kDone ? 1.0 : std::clamp(s.progress, 0.0, 1.0);
  return done / static_cast<double>(steps.size());
}

std::unique_ptr<RunbookStore> RunbookStore::open(const std::string& path, std::string* error) {
  sqlite3* db = open_database(path, kSchema, error);
  return db ? std::unique_ptr<RunbookStore>(new RunbookStore(db)) : nullptr;
}

RunbookStore::~RunbookStore() { sqlite3_close(db_); }

void RunbookStore::exec(const std::string& sql, const std::vector<std::string>& text,
                        const std::vector<int64_t>& numbers) const {
  // Text parameters first (?1..), then numbers.
  Stmt st(db_, sql.c_str());
  int i = 1;
  for (const auto& t : text) sqlite3_bind_text(st.s, i++, t.c_str(), static_cast<int>(t.size()), SQLITE_TRANSIENT);
  for (auto n : numbers) sqlite3_bind_int64(st.s, i++, n);
  sqlite3_step(st.s);
}

int64_t RunbookStore::create(const std::string& kind, const std::string& network, const std::string& subject,
                             const json& params, const std::vector<std::string>& steps) {
  sqlite3_exec(db_, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
  int64_t t = wall_ms();
  exec("INSERT INTO runbooks (kind, network, subject, params, vars, state, created_ms, updated_ms, owner_pid) "
       "VALUES (?1, ?2, ?3, ?4, '{}', ?5, ?6, ?6, 0)",
       {kind, network, subject, params.dump()}, {static_cast<int64_t>(RunbookState::kRunning), t});
  int64_t id = sqlite3_last_insert_rowid(db_);
  for (size_t i = 0; i < steps.size(); ++i)
    exec("INSERT INTO runbook_steps (name, runbook, idx) VALUES (?1, ?2, ?3)", {steps[i]},
         {id, static_cast<int64_t>(i)});
  sqlite3_exec(db_, "COMMIT", nullptr, nullptr, nullptr);
  return id;
}

std::optional<RunbookRecord> RunbookStore::load(int64_t id) const {
  Stmt st(db_,
          "SELECT id, kind, network, subject, params, vars, state, created_ms, updated_ms, owner_pid, "
          "cancel_requested FROM runbooks WHERE id = ?1");
  sqlite3_bind_int64(st.s, 1, id);
  if (sqlite3_step(st.s) != SQLITE_ROW) return std::nullopt;
  RunbookRecord r;
  r.id = sqlite3_column_int64(st.s, 0);
  r.kind = st.col_text(1);
  r.network = st.col_text(2);
  r.subject = st.col_text(3);
  r.params = json::parse(st.col_text(4), nullptr, false);
  r.vars = json::parse(st.col_text(5), nullptr, false);
  if (!r.params.is_object()) r.params = json::object();
  if (!r.vars.is_object()) r.vars = json::object();
  int state = sqlite3_column_int(st.s, 6);
  r.state = state >= 0 && state <= 4 ? static_cast<RunbookState>(state) : RunbookState::kFailed;
  r.created_ms = sqlite3_column_int64(st.s, 7);
  r.updated_ms = sqlite3_column_int64(st.s, 8);
  r.owner_pid = sqlite3_column_int(st.s, 9);
  r.cancel_requested = sqlite3_column_int(st.s, 10) != 0;
  if (r.state == RunbookState::kRunning && !alive(r.owner_pid)) r.state = RunbookState::kInterrupted;
  Stmt steps(db_,
             "SELECT name, state, started_ms, ended_ms, progress, note, output, error_code, error FROM runbook_steps "
             "WHERE runbook = ?1 ORDER BY idx");
  sqlite3_bind_int64(steps.s, 1, id);
  while (sqlite3_step(steps.s) == SQLITE_ROW) {
    StepRecord s;
    s.name = steps.col_text(0);
    int k = sqlite3_column_int(steps.s, 1);
    s.state = k >= 0 && k <= 3 ? static_cast<StepState>(k) : StepState::kFailed;
    // A step that was running when its process died did not finish.
    if (s.state == StepState::kRunning && r.state != RunbookState::kRunning) s.state = StepState::kPending;
    s.started_ms = sqlite3_column_int64(steps.s, 2);
    s.ended_ms = sqlite3_column_int64(steps.s, 3);
    s.progress = sqlite3_column_double(steps.s, 4);
    s.note = words_from(steps.col_text(5));
    s.output = steps.col_text(6);
    s.error_code = steps.col_text(7);
    s.error = steps.col_text(8);
    r.steps.push_back(std::move(s));
  }
  return r;
}

std::vector<RunbookRecord> RunbookStore::list() const {
  std::vector<int64_t> ids;
  {
    Stmt st(db_, "SELECT id FROM runbooks ORDER BY id DESC");
    while (sqlite3_step(st.s) == SQLITE_ROW) ids.push_back(sqlite3_column_int64(st.s, 0));
  }
  std::vector<RunbookRecord> out;
  for (auto id : ids)
    if (auto r = load(id)) out.push_back(std::move(*r));
  return out;
}

bool RunbookStore::claim(int64_t id, std::string* why) {
  sqlite3_exec(db_, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
  auto r = load(id);
  auto refuse = [&](const std::string& w) {
    sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    if (why) *why = w;
    return false;
  };
  if (!r) return refuse("no_runbook");
  if (r->state == RunbookState::kDone) return refuse("runbook_done");
  if (r->state == RunbookState::kCancelled) return refuse("runbook_cancelled");
  if (r->state == RunbookState::kRunning && r->owner_pid != ::getpid()) return refuse("runbook_running");
  exec("UPDATE runbooks SET owner_pid = ?1, state = ?2, updated_ms = ?3 WHERE id = ?4", {},
       {::getpid(), static_cast<int64_t>(RunbookState::kRunning), wall_ms(), id});
  sqlite3_exec(db_, "COMMIT", nullptr, nullptr, nullptr);
  return true;
}

void RunbookStore::set_state(int64_t id, RunbookState s) {
  exec("UPDATE runbooks SET state = ?1, updated_ms = ?2 WHERE id = ?3", {}, {static_cast<int64_t>(s), wall_ms(), id});
}

void RunbookStore::set_vars(int64_t id, const json& vars) {
  exec("UPDATE runbooks SET vars = ?1, updated_ms = ?2 WHERE id = ?3", {vars.dump()}, {wall_ms(), id});
}

void RunbookStore::request_cancel(int64_t id) {
  sqlite3_exec(db_, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
  exec("UPDATE runbooks SET cancel_requested = 1, updated_ms = ?1 WHERE id = ?2", {}, {wall_ms(), id});
  // Nobody runs it: cancelled now.
  if (auto r = load(id); r && r->state != RunbookState::kRunning && r->state != RunbookState::kDone)
    exec("UPDATE runbooks SET state = ?1 WHERE id = ?2", {}, {static_cast<int64_t>(RunbookState::kCancelled), id});
  sqlite3_exec(db_, "COMMIT", nullptr, nullptr, nullptr);
}

bool RunbookStore::cancel_requested(int64_t id) const {
  Stmt st(db_, "SELECT cancel_requested FROM runbooks WHERE id = ?1");
  sqlite3_bind_int64(st.s, 1, id);
  return sqlite3_step(st.s) == SQLITE_ROW && sqlite3_column_int(st.s, 0) != 0;
}

void RunbookStore::begin_step(int64_t id, size_t index) {
  exec("UPDATE runbook_steps SET state = ?1, started_ms = ?2, ended_ms = 0, progress = 0, error_code = '', error = '' "
       "WHERE runbook = ?3 AND idx = ?4",
       {}, {static_cast<int64_t>(StepState::kRunning), wall_ms(), id, static_cast<int64_t>(index)});
}

void RunbookStore::progress(int64_t id, size_t index, double fraction, const Words& note) {
  Stmt st(db_, "UPDATE runbook_steps SET progress = ?1, note = ?2 WHERE runbook = ?3 AND idx = ?4");
  std::string text = to_json(note).dump();
  sqlite3_bind_double(st.s, 1, fraction);
  sqlite3_bind_text(st.s, 2, text.c_str(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
  sqlite3_bind_int64(st.s, 3, id);
  sqlite3_bind_int64(st.s, 4, static_cast<int64_t>(index));
  sqlite3_step(st.s);
}

void RunbookStore::end_step(int64_t id, size_t index, StepState s, const std::string& output,
                            const std::string& error_code, const std::string& error) {
  exec("UPDATE runbook_steps SET output = ?1, error_code = ?2, error = ?3, state = ?4, ended_ms = ?5, "
       "progress = CASE WHEN ?4 = 2 THEN 1 ELSE progress END WHERE runbook = ?6 AND idx = ?7",
       {output, error_code, error}, {static_cast<int64_t>(s), wall_ms(), id, static_cast<int64_t>(index)});
}

RunbookState run_runbook(RunbookStore& store, int64_t id, const std::vector<StepDef>& steps,
                         const std::function<void(const RunbookRecord&)>& changed) {
  auto tell = [&] {
    if (!changed) return;
    if (auto r = store.load(id)) changed(*r);
  };
  auto r = store.load(id);
  if (!r) return RunbookState::kFailed;
  json vars = r->vars;
  for (size_t i = r->next_step(); i < r->steps.size(); ++i) {
    if (store.cancel_requested(id)) {
      store.set_state(id, RunbookState::kCancelled);
      tell();
      return RunbookState::kCancelled;
    }
    const StepDef* def = nullptr;
    for (const auto& d : steps)
      if (d.name == r->steps[i].name) def = &d;
    if (!def) {
      store.end_step(id, i, StepState::kFailed, "", "unknown_step", r->steps[i].name);
      store.set_state(id, RunbookState::kFailed);
      tell();
      return RunbookState::kFailed;
    }
    store.begin_step(id, i);
    tell();
    StepContext ctx{*r, vars,
                    [&](double f, const Words& note) {
                      store.set_vars(id, vars);
                      store.progress(id, i, f, note);
                      tell();
                    },
                    [&] { return store.cancel_requested(id); },
                    {}};
    StepResult res;
    try {
      res = def->run(ctx);
    } catch (const std::exception& e) {
      res = StepResult::fail("internal", e.what());
    }
    store.set_vars(id, vars);
    if (!res.ok && res.code == "cancelled") {
      store.end_step(id, i, StepState::kPending, ctx.output);
      store.set_state(id, RunbookState::kCancelled);
      tell();
      return RunbookState::kCancelled;
    }
    store.end_step(id, i, res.ok ? StepState::kDone : StepState::kFailed, ctx.output, res.code, res.detail);
    if (!res.ok) {
      store.set_state(id, RunbookState::kFailed);
      tell();
      return RunbookState::kFailed;
    }
    tell();
  }
  store.set_state(id, RunbookState::kDone);
  tell();
  return RunbookState::kDone;
}

}  // namespace consortia::console
