// The result store on real SQLite files: round trip, idempotent recording, resuming, merging
// shards, and refusing files that are not ours.

#include <sqlite3.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <map>

#include "test/bench/bench_fixtures.h"

using namespace verigen;
using namespace verigen::bench;
using namespace verigen::bench::test;

namespace {

std::unique_ptr<ResultStore> open_ok(const std::string& path) {
  auto store = ResultStore::open(path);
  INFO((store.ok() ? "" : store.error()));
  REQUIRE(store.ok());
  return std::move(*store);
}

// Samples of every run keyed by the run's key, so databases with different ids compare.
std::map<std::string, std::vector<SampleRecord>> by_key(const ResultStore& store) {
  std::map<std::string, std::vector<SampleRecord>> out;
  for (const auto& run : store.runs())
    out[run.key.model + "/" + std::to_string(run.key.k)] = store.samples(run.id);
  return out;
}

}  // namespace

// Everything recorded comes back field for field, ordered by task then sample.
TEST_CASE("store: samples and runs round-trip", "[unit]") {
  ScratchDir dir;
  auto store = open_ok(dir.file("results.db"));
  auto id = store->ensure_run(key("gpt"));
  REQUIRE(id.ok());
  SampleRecord b = sample("b", "3", 1, Outcome::Refuted);
  b.integrity_rejected = true;
  b.cause = Cause::Integrity;
  b.verifier_outcome = Outcome::Verified;  // refused by the audit, verified by the verifier
  SampleRecord a = sample("a", "2", 0, Outcome::Unknown, "failed");
  a.verifier_outcome = std::nullopt;  // the verifier never ran: stored as ''
  REQUIRE(store->record(*id, b).ok());
  REQUIRE(store->record(*id, a).ok());

  auto read = store->samples(*id);
  REQUIRE(read.size() == 2);
  CHECK(fields(read[0]) == fields(a));
  CHECK(fields(read[1]) == fields(b));

  auto runs = store->runs();
  REQUIRE(runs.size() == 1);
  CHECK(runs[0].id == *id);
  CHECK(runs[0].key.model == "gpt");
  CHECK(runs[0].key.options == R"({"timeout":60})");
  CHECK(runs[0].key.seed == 7);
  CHECK(runs[0].created.size() == 20);  // 2024-01-02T03:04:05Z
}

// A key names one run: the same key gives the same id, any difference a new run.
TEST_CASE("store: ensure_run matches runs by their whole key", "[unit]") {
  ScratchDir dir;
  auto store = open_ok(dir.file("results.db"));
  auto first = store->ensure_run(key("gpt"));
  auto again = store->ensure_run(key("gpt"));
  RunKey other_seed = key("gpt");
  other_seed.seed = 8;
  auto second = store->ensure_run(other_seed);
  REQUIRE((first.ok() && again.ok() && second.ok()));
  CHECK(*first == *again);
  CHECK(*first != *second);
  CHECK(store->runs().size() == 2);
}

// Recording a finished (task, sample) again keeps the first verdict and still succeeds.
TEST_CASE("store: recording the same sample twice keeps the first", "[unit]") {
  ScratchDir dir;
  auto store = open_ok(dir.file("results.db"));
  auto id = *store->ensure_run(key("gpt"));
  REQUIRE(store->record(id, sample("a", "2", 0, Outcome::Verified)).ok());
  auto changed = sample("a", "2", 0, Outcome::Refuted);
  changed.detail = "second";
  REQUIRE(store->record(id, changed).ok());
  auto read = store->samples(id);
  REQUIRE(read.size() == 1);
  CHECK(read[0].outcome == Outcome::Verified);
  CHECK(read[0].detail == "a sample 0");
}

// A re-opened database resumes: same run id, and finished() lists what is done.
TEST_CASE("store: reopening resumes a run", "[unit]") {
  ScratchDir dir;
  std::int64_t id = 0;
  {
    auto store = open_ok(dir.file("results.db"));
    id = *store->ensure_run(key("gpt"));
    REQUIRE(store->record(id, sample("a", "2", 0, Outcome::Verified)).ok());
    REQUIRE(store->record(id, sample("b", "2", 1, Outcome::Error)).ok());
  }
  auto store = open_ok(dir.file("results.db"));
  CHECK(*store->ensure_run(key("gpt")) == id);
  std::set<std::pair<std::string, int>> expected{{"a", 0}, {"b", 1}};
  CHECK(store->finished(id) == expected);
  CHECK(store->finished(id + 1).empty());
}

// Two shards merged give the samples one unsharded database holds, whatever their run ids;
// merging again adds nothing.
TEST_CASE("store: merging shards equals one database", "[unit]") {
  ScratchDir dir;
  auto single = open_ok(dir.file("single.db"));
  auto shard0 = open_ok(dir.file("shard0.db"));
  auto shard1 = open_ok(dir.file("shard1.db"));
  // shard1 creates its runs in the other order: its ids differ from shard0's.
  auto s1_b = *shard1->ensure_run(key("b", 3));
  auto s1_a = *shard1->ensure_run(key("a"));
  auto s0_a = *shard0->ensure_run(key("a"));
  auto s0_b = *shard0->ensure_run(key("b", 3));
  auto one_a = *single->ensure_run(key("a"));
  auto one_b = *single->ensure_run(key("b", 3));
  for (int t = 0; t < 10; ++t) {
    std::string task = "task" + std::to_string(t);
    Outcome outcome = t % 3 == 0 ? Outcome::Verified : Outcome::Refuted;
    auto& shard = t % 2 == 0 ? shard0 : shard1;
    for (int i = 0; i < 2; ++i) {
      REQUIRE(single->record(one_a, sample(task, "2", i, outcome)).ok());
      REQUIRE(shard->record(t % 2 == 0 ? s0_a : s1_a, sample(task, "2", i, outcome)).ok());
    }
    for (int i = 0; i < 3; ++i) {
      REQUIRE(single->record(one_b, sample(task, "4", i, outcome)).ok());
      REQUIRE(shard->record(t % 2 == 0 ? s0_b : s1_b, sample(task, "4", i, outcome)).ok());
    }
  }

  auto merged = open_ok(dir.file("merged.db"));
  auto first = merged->merge(dir.file("shard0.db"));
  REQUIRE(first.ok());
  CHECK(first->runs_added == 2);
  CHECK(first->samples_added == 25);
  REQUIRE(merged->merge(dir.file("shard1.db")).ok());

  auto expected = by_key(*single);
  auto actual = by_key(*merged);
  REQUIRE(actual.size() == expected.size());
  for (const auto& [name, samples] : expected) {
    INFO(name);
    REQUIRE(actual[name].size() == samples.size());
    for (std::size_t i = 0; i < samples.size(); ++i)
      CHECK(fields(actual[name][i]) == fields(samples[i]));
  }

  auto again = merged->merge(dir.file("shard1.db"));
  REQUIRE(again.ok());
  CHECK(again->runs_added == 0);
  CHECK(again->samples_seen == 25);
  CHECK(again->samples_added == 0);
  CHECK(merged->runs().size() == 2);
}

namespace {

// A results database as verigen wrote it before verifier_outcome existed (schema version 1),
// with one replay sample the audit refused.
void write_version_1(const std::string& path) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
  const char* text = R"sql(
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
  PRIMARY KEY (run, task_id, sample),
  FOREIGN KEY (run, task_id) REFERENCES tasks(run, task_id));
INSERT INTO runs VALUES (1, 'dafnybench', 'replay', 'gpt-4o', 1, 0, 0, '{}',
  '2024-01-01T00:00:00Z');
INSERT INTO tasks VALUES (1, 'old.dfy', '');
INSERT INTO samples VALUES (1, 'old.dfy', 0, 'error', 'timeout', 1, 'integrity: changed', 0, 0, 0,
  0, 0, 'ab', '2', '2024-01-01T00:00:00Z');
PRAGMA application_id = 1447510606;
PRAGMA user_version = 1;
)sql";
  char* error = nullptr;
  int rc = sqlite3_exec(db, text, nullptr, nullptr, &error);
  INFO((error ? error : ""));
  sqlite3_free(error);
  sqlite3_close(db);
  REQUIRE(rc == SQLITE_OK);
}

int user_version(const std::string& path) { return std::stoi(pragma_answer(path, "user_version")); }

}  // namespace

// Contract: opening a version-1 database migrates it in place: its samples keep every field and
// read with no verifier verdict, and new samples record theirs.
TEST_CASE("store: a version-1 database gains verifier_outcome when opened", "[unit]") {
  ScratchDir dir;
  std::string path = dir.file("v1.db");
  write_version_1(path);
  REQUIRE(user_version(path) == 1);
  {
    auto store = open_ok(path);
    auto runs = store->runs();
    REQUIRE(runs.size() == 1);
    auto old = store->samples(runs[0].id);
    REQUIRE(old.size() == 1);
    CHECK(old[0].task_id == "old.dfy");
    CHECK(old[0].integrity_rejected);
    CHECK(old[0].recorded == "2");
    CHECK(old[0].detail == "integrity: changed");
    CHECK_FALSE(old[0].verifier_outcome.has_value());
    CHECK(old[0].model_requests == 0);

    SampleRecord fresh = sample("new.dfy", "", 0, Outcome::Refuted, "0");
    fresh.integrity_rejected = true;
    fresh.verifier_outcome = Outcome::Verified;
    fresh.model_requests = 3;
    REQUIRE(store->record(runs[0].id, fresh).ok());
    auto read = store->samples(runs[0].id);
    REQUIRE(read.size() == 2);
    CHECK(fields(read[0]) == fields(fresh));
  }
  CHECK(user_version(path) == 5);
  // Opening the migrated file again changes nothing.
  auto again = open_ok(path);
  CHECK(again->samples(again->runs()[0].id).size() == 2);
}

// Contract: merge copies verifier_outcome, including from a version-1 source (migrated first,
// its samples arrive with none).
TEST_CASE("store: merge copies verifier_outcome", "[unit]") {
  ScratchDir dir;
  RunKey replay{"dafnybench", "replay", "gpt-4o", 1, 0, 0, "{}"};
  auto shard = open_ok(dir.file("shard.db"));
  auto run = *shard->ensure_run(replay);
  SampleRecord refused = sample("b.dfy", "", 0, Outcome::Refuted, "1");
  refused.cause = Cause::Integrity;
  refused.integrity_rejected = true;
  refused.verifier_outcome = Outcome::Unknown;
  SampleRecord plain = sample("c.dfy", "", 0, Outcome::Verified, "0");
  REQUIRE(shard->record(run, refused).ok());
  REQUIRE(shard->record(run, plain).ok());
  write_version_1(dir.file("v1.db"));

  auto merged = open_ok(dir.file("merged.db"));
  REQUIRE(merged->merge(dir.file("shard.db")).ok());
  REQUIRE(merged->merge(dir.file("v1.db")).ok());
  REQUIRE(merged->runs().size() == 1);
  auto read = merged->samples(merged->runs()[0].id);
  REQUIRE(read.size() == 3);
  CHECK(fields(read[0]) == fields(refused));
  CHECK(fields(read[1]) == fields(plain));
  CHECK(read[2].task_id == "old.dfy");
  CHECK_FALSE(read[2].verifier_outcome.has_value());
}

// A file that is not SQLite, or SQLite without our schema, is refused with its name.
TEST_CASE("store: files that are not results databases are refused", "[unit]") {
  ScratchDir dir;
  SECTION("text file") {
    std::string path = dir.file("notes.db");
    std::ofstream(path) << std::string(4096, 'x') << "\n";
    auto store = ResultStore::open(path);
    REQUIRE_FALSE(store.ok());
    CHECK(store.error().rfind(path + ": error: ", 0) == 0);
    CHECK_THAT(store.error(), Catch::Contains("not a verigen results database"));
  }
  SECTION("another program's SQLite database") {
    std::string path = dir.file("other.db");
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
    REQUIRE(sqlite3_exec(db, "CREATE TABLE notes(x TEXT)", nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(db);
    auto store = ResultStore::open(path);
    REQUIRE_FALSE(store.ok());
    CHECK(store.error() == path + ": error: not a verigen results database");
  }
  SECTION("missing file, opened for reading") {
    std::string path = dir.file("missing.db");
    auto store = ResultStore::open_existing(path);
    REQUIRE_FALSE(store.ok());
    CHECK(store.error() == path + ": error: no such file");
    CHECK_FALSE(std::filesystem::exists(path));
  }
  SECTION("merge source that is not a database") {
    std::string bad = dir.file("bad.db");
    std::ofstream(bad) << "garbage garbage garbage garbage garbage garbage garbage garbage\n";
    auto store = open_ok(dir.file("good.db"));
    auto merged = store->merge(bad);
    REQUIRE_FALSE(merged.ok());
    CHECK(merged.error().rfind(bad + ": error: ", 0) == 0);
  }
}
