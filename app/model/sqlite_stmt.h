// One prepared SQLite statement for the console's tables (history,
// inventory, runbooks, hosts): bind by position, read columns, finalised
// when it goes out of scope.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <string>

namespace consortia::console {

struct Stmt {
  sqlite3_stmt* s = nullptr;
  Stmt(sqlite3* db, const char* sql) { sqlite3_prepare_v2(db, sql, -1, &s, nullptr); }
  ~Stmt() { sqlite3_finalize(s); }
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;
  Stmt& text(int i, const std::string& v) {
    sqlite3_bind_text(s, i, v.c_str(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    return *this;
  }
  Stmt& i64(int i, int64_t v) {
    sqlite3_bind_int64(s, i, v);
    return *this;
  }
  Stmt& real(int i, double v) {
    sqlite3_bind_double(s, i, v);
    return *this;
  }
  std::string col_text(int i) const {
    auto* p = sqlite3_column_text(s, i);
    return p ? reinterpret_cast<const char*>(p) : "";
  }
};

}  // namespace consortia::console
