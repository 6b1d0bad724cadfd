#pragma once
/// Thin RAII wrappers over the SQLite C API, private to the result store: a prepared statement
/// that binds by position and finalizes itself, and a transaction that rolls back unless it
/// was committed. Errors are returned as SQLite's message so callers can name the file.

#include <sqlite3.h>

#include <cstdint>
#include <string>

namespace verigen::bench::sql {

/// One prepared statement. `ok()` is false when preparation failed; `error()` then says why.
class Statement {
 public:
  Statement(sqlite3* db, const char* text) : db_(db) {
    if (sqlite3_prepare_v2(db, text, -1, &stmt_, nullptr) != SQLITE_OK) stmt_ = nullptr;
  }
  ~Statement() { sqlite3_finalize(stmt_); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  bool ok() const { return stmt_ != nullptr; }
  std::string error() const { return sqlite3_errmsg(db_); }

  /// Binds parameters 1, 2, … in order; returns *this for chaining.
  Statement& bind(const std::string& value) {
    sqlite3_bind_text(stmt_, ++next_, value.data(), static_cast<int>(value.size()),
                      SQLITE_TRANSIENT);
    return *this;
  }
  Statement& bind(const char* value) { return bind(std::string(value)); }
  // int64_t is long or long long depending on the platform: cover every integer width once.
  Statement& bind(long long value) {
    sqlite3_bind_int64(stmt_, ++next_, static_cast<sqlite3_int64>(value));
    return *this;
  }
  Statement& bind(long value) { return bind(static_cast<long long>(value)); }
  Statement& bind(int value) { return bind(static_cast<long long>(value)); }
  Statement& bind(bool value) { return bind(static_cast<long long>(value ? 1 : 0)); }
  Statement& bind(double value) {
    sqlite3_bind_double(stmt_, ++next_, value);
    return *this;
  }

  /// Advances: SQLITE_ROW, SQLITE_DONE or an error code.
  int step() { return stmt_ ? sqlite3_step(stmt_) : SQLITE_ERROR; }

  std::int64_t int64(int column) const { return sqlite3_column_int64(stmt_, column); }
  double real(int column) const { return sqlite3_column_double(stmt_, column); }
  std::string text(int column) const {
    const auto* bytes = sqlite3_column_text(stmt_, column);
    return bytes ? std::string(reinterpret_cast<const char*>(bytes),
                               static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column)))
                 : std::string();
  }

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
  int next_ = 0;
};

/// Runs statements that return no rows; "" on success, else SQLite's message.
inline std::string exec(sqlite3* db, const char* text) {
  char* message = nullptr;
  if (sqlite3_exec(db, text, nullptr, nullptr, &message) == SQLITE_OK) return {};
  std::string error = message ? message : sqlite3_errmsg(db);
  sqlite3_free(message);
  return error;
}

/// BEGIN IMMEDIATE on construction (taking the write lock up front, so two writers queue on the
/// busy timeout instead of deadlocking on a lock upgrade); ROLLBACK unless commit() succeeded.
class Transaction {
 public:
  explicit Transaction(sqlite3* db) : db_(db), error_(exec(db, "BEGIN IMMEDIATE")) {}
  ~Transaction() {
    if (error_.empty() && !committed_) exec(db_, "ROLLBACK");
  }
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;

  /// "" when BEGIN succeeded.
  const std::string& begin_error() const { return error_; }
  /// "" on success.
  std::string commit() {
    std::string error = exec(db_, "COMMIT");
    committed_ = error.empty();
    return error;
  }

 private:
  sqlite3* db_;
  std::string error_;
  bool committed_ = false;
};

}  // namespace verigen::bench::sql
