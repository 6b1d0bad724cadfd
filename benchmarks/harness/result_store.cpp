#include "benchmarks/harness/result_store.h"

#include <sqlite3.h>

#include <chrono>
#include <ctime>
#include <filesystem>
#include <system_error>
#include <thread>

#include "benchmarks/harness/sqlite_statement.h"

namespace verigen::bench {
namespace {

// Marks the file as ours ("VGBN"), so a database of another program with a user_version of its
// own is still recognised as foreign. Bump kSchemaVersion with every schema change.
constexpr int kApplicationId = 0x5647424e;
// Version 2 added samples.verifier_outcome, version 3 samples.contract, version 4 samples.pool,
// version 5 samples.model_requests; older files are migrated when opened.
constexpr int kSchemaVersion = 5;
constexpr int kBusyTimeoutMs = 30000;

constexpr const char* kSchema = R"sql(
CREATE TABLE runs (
  id INTEGER PRIMARY KEY,
  suite TEXT NOT NULL, provider TEXT NOT NULL, model TEXT NOT NULL,
  k INTEGER NOT NULL, rounds INTEGER NOT NULL, seed INTEGER NOT NULL, options TEXT NOT NULL,
  created TEXT NOT NULL,
  UNIQUE (suite, provider, model, k, rounds, seed, options));
CREATE TABLE tasks (
  run INTEGER NOT NULL REFERENCES runs(id), task_id TEXT NOT NULL, category TEXT NOT NULL,
  PRIMARY KEY (run, task_id));
CREATE TABLE samples (
  run INTEGER NOT NULL, task_id TEXT NOT NULL, sample INTEGER NOT NULL,
  outcome TEXT NOT NULL, cause TEXT NOT NULL, integrity INTEGER NOT NULL, detail TEXT NOT NULL,
  verifier_calls INTEGER NOT NULL, verify_seconds REAL NOT NULL, generate_seconds REAL NOT NULL,
  prompt_tokens INTEGER NOT NULL, completion_tokens INTEGER NOT NULL,
  candidate_sha256 TEXT NOT NULL, recorded TEXT NOT NULL, finished_at TEXT NOT NULL,
  verifier_outcome TEXT NOT NULL DEFAULT '',
  contract TEXT NOT NULL DEFAULT '',
  pool TEXT NOT NULL DEFAULT '',
  model_requests INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (run, task_id, sample),
  FOREIGN KEY (run, task_id) REFERENCES tasks(run, task_id));
)sql";

std::string now_utc() {
  std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm utc{};
  gmtime_r(&now, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

int pragma_int(sqlite3* db, const char* text, std::string& error) {
  sql::Statement query(db, text);
  if (!query.ok() || query.step() != SQLITE_ROW) {
    error = sqlite3_errmsg(db);
    return 0;
  }
  return static_cast<int>(query.int64(0));
}

// The columns every sample query reads, in the order read_sample() expects.
constexpr const char* kSampleColumns =
    "s.task_id, t.category, s.sample, s.outcome, s.cause, s.integrity, s.detail, "
    "s.verifier_calls, s.verify_seconds, s.generate_seconds, s.prompt_tokens, "
    "s.completion_tokens, s.candidate_sha256, s.recorded, s.verifier_outcome, s.contract, s.pool, "
    "s.model_requests";

SampleRecord read_sample(const sql::Statement& row) {
  SampleRecord s;
  s.task_id = row.text(0);
  s.category = row.text(1);
  s.sample = static_cast<int>(row.int64(2));
  // A value this build does not know (a newer verigen wrote it) reads as an internal error
  // rather than being mistaken for a verdict.
  s.outcome = outcome_from_string(row.text(3)).value_or(Outcome::Error);
  s.cause = cause_from_string(row.text(4)).value_or(Cause::Internal);
  s.integrity_rejected = row.int64(5) != 0;
  s.detail = row.text(6);
  s.verifier_calls = static_cast<int>(row.int64(7));
  s.verify_seconds = row.real(8);
  s.generate_seconds = row.real(9);
  s.prompt_tokens = static_cast<long>(row.int64(10));
  s.completion_tokens = static_cast<long>(row.int64(11));
  s.candidate_sha256 = row.text(12);
  s.recorded = row.text(13);
  // '' is "never ran"; an unknown name (a newer verigen) reads as an error, as for outcome.
  if (std::string v = row.text(14); !v.empty())
    s.verifier_outcome = outcome_from_string(v).value_or(Outcome::Error);
  s.contract = row.text(15);
  s.pool = row.text(16);
  s.model_requests = static_cast<int>(row.int64(17));
  return s;
}

/// Brings a database of schema `from` to kSchemaVersion; "" on success, else SQLite's message.
std::string migrate(sqlite3* db, int from) {
  if (from < 2) {
    // Samples recorded before the column existed never ran the verifier on refused candidates.
    if (std::string e = sql::exec(
            db, "ALTER TABLE samples ADD COLUMN verifier_outcome TEXT NOT NULL DEFAULT ''");
        !e.empty())
      return e;
  }
  if (from < 3) {
    // Samples recorded before the column existed were never judged against a reference.
    if (std::string e =
            sql::exec(db, "ALTER TABLE samples ADD COLUMN contract TEXT NOT NULL DEFAULT ''");
        !e.empty())
      return e;
  }
  if (from < 4) {
    // Samples recorded before the column existed were not pooled.
    if (std::string e =
            sql::exec(db, "ALTER TABLE samples ADD COLUMN pool TEXT NOT NULL DEFAULT ''");
        !e.empty())
      return e;
  }
  if (from < 5) {
    // Samples recorded before the column existed did not count their requests: 0.
    if (std::string e = sql::exec(
            db, "ALTER TABLE samples ADD COLUMN model_requests INTEGER NOT NULL DEFAULT 0");
        !e.empty())
      return e;
  }
  std::string stamp = "PRAGMA user_version=" + std::to_string(kSchemaVersion) + ";";
  return sql::exec(db, stamp.c_str());
}

std::string verifier_outcome_text(const SampleRecord& s) {
  return s.verifier_outcome ? std::string(to_string(*s.verifier_outcome)) : std::string();
}

}  // namespace

struct ResultStore::Impl {
  sqlite3* db = nullptr;
  ~Impl() { sqlite3_close_v2(db); }
};

ResultStore::ResultStore(std::string path)
    : impl_(std::make_unique<Impl>()), path_(std::move(path)) {}
ResultStore::~ResultStore() = default;

namespace {

/// Opening runs statements that SQLite may refuse with SQLITE_BUSY without waiting for the busy
/// handler (switching a new file to WAL while another process opens it, a lock upgrade it
/// cannot wait for without risking deadlock). Those are transient: open again, a little later.
template <typename Open>
auto open_retrying(Open open) {
  auto result = open();
  for (int attempt = 1; attempt <= 20 && !result.ok(); ++attempt) {
    const std::string& e = result.error();
    if (e.find("locked") == std::string::npos && e.find("busy") == std::string::npos) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(20 * attempt));
    result = open();
  }
  return result;
}

}  // namespace

Result<std::unique_ptr<ResultStore>> ResultStore::open(const std::string& path) {
  return open_retrying([&] { return open_impl(path, /*create=*/true); });
}

Result<std::unique_ptr<ResultStore>> ResultStore::open_existing(const std::string& path) {
  return open_retrying([&] { return open_impl(path, /*create=*/false); });
}

Result<std::unique_ptr<ResultStore>> ResultStore::open_impl(const std::string& path, bool create) {
  auto failure = [&](const std::string& why) { return fail(path + ": error: " + why); };
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) return failure("is a directory");
  if (!create && !std::filesystem::exists(path, ec)) return failure("no such file");

  std::unique_ptr<ResultStore> store(new ResultStore(path));
  sqlite3*& db = store->impl_->db;
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX | (create ? SQLITE_OPEN_CREATE : 0);
  if (sqlite3_open_v2(path.c_str(), &db, flags, nullptr) != SQLITE_OK)
    return failure(db ? sqlite3_errmsg(db) : "cannot open the database");
  sqlite3_extended_result_codes(db, 1);
  // The busy timeout comes first: every later statement may meet another process's lock.
  sqlite3_busy_timeout(db, kBusyTimeoutMs);

  // Reading the header is the first real I/O: a file that is not SQLite fails here.
  std::string error;
  pragma_int(db, "PRAGMA schema_version", error);
  if (!error.empty()) return failure("not a verigen results database (" + error + ")");

  // WAL lets readers (a report) run beside a writer, and NORMAL synchronous is durable at
  // every commit except on power loss, which is enough for results that can be re-run.
  if (std::string e = sql::exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;");
      !e.empty())
    return failure(e);

  // Checking and creating the schema under the write lock: two processes that open a new file
  // at once must not both create it.
  sql::Transaction transaction(db);
  if (!transaction.begin_error().empty()) return failure(transaction.begin_error());
  // Read under the lock: another process may have created the schema since we opened.
  int application_id = pragma_int(db, "PRAGMA application_id", error);
  int version = pragma_int(db, "PRAGMA user_version", error);
  int tables = pragma_int(db, "SELECT count(*) FROM sqlite_master", error);
  if (!error.empty()) return failure(error);
  if (tables == 0) {
    if (!create) return failure("not a verigen results database (empty)");
    if (std::string e = sql::exec(db, kSchema); !e.empty()) return failure(e);
    std::string stamp = "PRAGMA application_id=" + std::to_string(kApplicationId) +
                        "; PRAGMA user_version=" + std::to_string(kSchemaVersion) + ";";
    if (std::string e = sql::exec(db, stamp.c_str()); !e.empty()) return failure(e);
  } else if (application_id != kApplicationId) {
    return failure("not a verigen results database");
  } else if (version > kSchemaVersion) {
    return failure("results database schema " + std::to_string(version) +
                   " is newer than this verigen understands (" + std::to_string(kSchemaVersion) +
                   ")");
  } else if (version < kSchemaVersion) {
    // Under the same write lock as creation: two processes opening a version-1 file must not
    // both add the column.
    if (std::string e = migrate(db, version); !e.empty()) return failure(e);
  }
  if (std::string e = transaction.commit(); !e.empty()) return failure(e);
  return store;
}

namespace {

/// Binds the key's seven columns in table order (suite … options), as the runs queries list them.
sql::Statement& bind_key(sql::Statement& statement, const RunKey& key) {
  return statement.bind(key.suite)
      .bind(key.provider)
      .bind(key.model)
      .bind(key.k)
      .bind(key.rounds)
      .bind(key.seed)
      .bind(key.options);
}

}  // namespace

Result<std::int64_t> ResultStore::ensure_run(const RunKey& key) {
  sqlite3* db = impl_->db;
  auto failure = [&](const std::string& why) { return fail(path_ + ": error: " + why); };
  sql::Transaction transaction(db);
  if (!transaction.begin_error().empty()) return failure(transaction.begin_error());
  sql::Statement insert(db,
                        "INSERT OR IGNORE INTO runs (suite, provider, model, k, rounds, seed, "
                        "options, created) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  bind_key(insert, key).bind(now_utc());
  if (insert.step() != SQLITE_DONE) return failure(insert.error());
  sql::Statement select(db,
                        "SELECT id FROM runs WHERE suite = ? AND provider = ? AND model = ? AND "
                        "k = ? AND rounds = ? AND seed = ? AND options = ?");
  bind_key(select, key);
  if (select.step() != SQLITE_ROW) return failure(select.error());
  std::int64_t id = select.int64(0);
  if (std::string e = transaction.commit(); !e.empty()) return failure(e);
  return id;
}

std::vector<RunInfo> ResultStore::runs() const {
  std::vector<RunInfo> result;
  sql::Statement query(impl_->db,
                       "SELECT id, suite, provider, model, k, rounds, seed, options, created "
                       "FROM runs ORDER BY id");
  while (query.step() == SQLITE_ROW) {
    RunInfo run;
    run.id = query.int64(0);
    run.key.suite = query.text(1);
    run.key.provider = query.text(2);
    run.key.model = query.text(3);
    run.key.k = static_cast<int>(query.int64(4));
    run.key.rounds = static_cast<int>(query.int64(5));
    run.key.seed = static_cast<long>(query.int64(6));
    run.key.options = query.text(7);
    run.created = query.text(8);
    result.push_back(std::move(run));
  }
  return result;
}

std::set<std::pair<std::string, int>> ResultStore::finished(std::int64_t run) const {
  std::set<std::pair<std::string, int>> result;
  sql::Statement query(impl_->db, "SELECT task_id, sample FROM samples WHERE run = ?");
  query.bind(static_cast<long long>(run));
  while (query.step() == SQLITE_ROW)
    result.emplace(query.text(0), static_cast<int>(query.int64(1)));
  return result;
}

Result<void> ResultStore::record(std::int64_t run, const SampleRecord& s) {
  sqlite3* db = impl_->db;
  auto failure = [&](const std::string& why) { return fail(path_ + ": error: " + why); };
  sql::Transaction transaction(db);
  if (!transaction.begin_error().empty()) return failure(transaction.begin_error());
  sql::Statement task(db, "INSERT OR IGNORE INTO tasks (run, task_id, category) VALUES (?, ?, ?)");
  task.bind(static_cast<long long>(run)).bind(s.task_id).bind(s.category);
  if (task.step() != SQLITE_DONE) return failure(task.error());
  sql::Statement sample(db,
                        "INSERT OR IGNORE INTO samples (run, task_id, sample, outcome, cause, "
                        "integrity, detail, verifier_calls, verify_seconds, generate_seconds, "
                        "prompt_tokens, completion_tokens, candidate_sha256, recorded, "
                        "finished_at, verifier_outcome, contract, pool, model_requests) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  sample.bind(static_cast<long long>(run))
      .bind(s.task_id)
      .bind(s.sample)
      .bind(std::string(to_string(s.outcome)))
      .bind(std::string(to_string(s.cause)))
      .bind(s.integrity_rejected)
      .bind(s.detail)
      .bind(s.verifier_calls)
      .bind(s.verify_seconds)
      .bind(s.generate_seconds)
      .bind(s.prompt_tokens)
      .bind(s.completion_tokens)
      .bind(s.candidate_sha256)
      .bind(s.recorded)
      .bind(now_utc())
      .bind(verifier_outcome_text(s))
      .bind(s.contract)
      .bind(s.pool)
      .bind(s.model_requests);
  if (sample.step() != SQLITE_DONE) return failure(sample.error());
  if (std::string e = transaction.commit(); !e.empty()) return failure(e);
  return {};
}

std::vector<SampleRecord> ResultStore::samples(std::int64_t run) const {
  std::vector<SampleRecord> result;
  std::string text = std::string("SELECT ") + kSampleColumns +
                     " FROM samples s JOIN tasks t ON t.run = s.run AND t.task_id = s.task_id"
                     " WHERE s.run = ? ORDER BY s.task_id, s.sample";
  sql::Statement query(impl_->db, text.c_str());
  query.bind(static_cast<long long>(run));
  while (query.step() == SQLITE_ROW) result.push_back(read_sample(query));
  return result;
}

Result<MergeCounts> ResultStore::merge(const std::string& other) {
  // Opening it on its own first checks it is one of ours and gives errors that name it; it also
  // migrates an older schema, so the copy below can name every current column.
  if (auto source = open_existing(other); !source.ok()) return fail(source.error());
  std::error_code ec;
  if (std::filesystem::equivalent(other, path_, ec))
    return fail(other + ": error: cannot merge a results database into itself");

  sqlite3* db = impl_->db;
  auto failure = [&](const std::string& why) { return fail(path_ + ": error: " + why); };
  sql::Statement attach(db, "ATTACH DATABASE ? AS src");
  attach.bind(other);
  if (attach.step() != SQLITE_DONE) return fail(other + ": error: " + attach.error());
  // DETACH must follow the transaction's end (SQLite refuses it inside one): this guard is
  // declared before the transaction, so it is destroyed after it.
  struct Detach {
    sqlite3* db;
    ~Detach() { sql::exec(db, "DETACH DATABASE src"); }
  } detach{db};

  MergeCounts counts;
  sql::Transaction transaction(db);
  if (!transaction.begin_error().empty()) return failure(transaction.begin_error());
  auto count = [&](const char* text) -> long {
    sql::Statement query(db, text);
    return query.step() == SQLITE_ROW ? static_cast<long>(query.int64(0)) : 0;
  };
  counts.runs_seen = static_cast<int>(count("SELECT count(*) FROM src.runs"));
  counts.samples_seen = count("SELECT count(*) FROM src.samples");

  // Runs are matched by their key, never by id: ids differ between shards' databases.
  constexpr const char* kSameRun =
      " JOIN src.runs o ON o.id = x.run JOIN main.runs m ON m.suite = o.suite AND "
      "m.provider = o.provider AND m.model = o.model AND m.k = o.k AND m.rounds = o.rounds AND "
      "m.seed = o.seed AND m.options = o.options";
  const std::string statements[] = {
      "INSERT OR IGNORE INTO main.runs (suite, provider, model, k, rounds, seed, options, "
      "created) SELECT suite, provider, model, k, rounds, seed, options, created FROM src.runs "
      "ORDER BY id",
      std::string("INSERT OR IGNORE INTO main.tasks (run, task_id, category) "
                  "SELECT m.id, x.task_id, x.category FROM src.tasks x") +
          kSameRun,
      std::string("INSERT OR IGNORE INTO main.samples (run, task_id, sample, outcome, cause, "
                  "integrity, detail, verifier_calls, verify_seconds, generate_seconds, "
                  "prompt_tokens, completion_tokens, candidate_sha256, recorded, finished_at, "
                  "verifier_outcome, contract, pool, model_requests) "
                  "SELECT m.id, x.task_id, x.sample, x.outcome, x.cause, x.integrity, x.detail, "
                  "x.verifier_calls, x.verify_seconds, x.generate_seconds, x.prompt_tokens, "
                  "x.completion_tokens, x.candidate_sha256, x.recorded, x.finished_at, "
                  "x.verifier_outcome, x.contract, x.pool, x.model_requests "
                  "FROM src.samples x") +
          kSameRun + " ORDER BY x.run, x.task_id, x.sample",
  };
  for (std::size_t i = 0; i < std::size(statements); ++i) {
    sql::Statement insert(db, statements[i].c_str());
    if (insert.step() != SQLITE_DONE) return failure(insert.error());
    if (i == 0) counts.runs_added = sqlite3_changes(db);
    if (i == 2) counts.samples_added = sqlite3_changes(db);
  }
  if (std::string e = transaction.commit(); !e.empty()) return failure(e);
  return counts;
}

}  // namespace verigen::bench
