#pragma once
// Small helpers shared by the result-store, metrics and report tests: a scratch directory and
// samples built in one line.

#include <sqlite3.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <random>
#include <string>
#include <tuple>

#include "benchmarks/harness/result_store.h"

namespace verigen::bench::test {

/// A fresh directory under the system temp dir, removed with everything in it.
struct ScratchDir {
  ScratchDir() {
    std::random_device random;
    path = std::filesystem::temp_directory_path() /
           ("verigen-bench-" + std::to_string(random()) + std::to_string(random()));
    std::filesystem::create_directories(path);
  }
  ~ScratchDir() {
    std::error_code ec;
    std::filesystem::remove_all(path, ec);
  }
  std::string file(const std::string& name) const { return (path / name).string(); }
  std::filesystem::path path;
};

inline SampleRecord sample(const std::string& task, const std::string& category, int index,
                           Outcome outcome, std::string recorded = "") {
  SampleRecord s;
  s.task_id = task;
  s.category = category;
  s.sample = index;
  s.outcome = outcome;
  s.cause =
      outcome == Outcome::Verified || outcome == Outcome::Refuted ? Cause::None : Cause::Timeout;
  s.detail = task + " sample " + std::to_string(index);
  s.verifier_calls = 2;
  s.verify_seconds = 1.5;
  s.generate_seconds = 0.25;
  s.prompt_tokens = 100;
  s.completion_tokens = 40;
  s.candidate_sha256 = "ab" + std::to_string(index);
  s.recorded = std::move(recorded);
  s.verifier_outcome = outcome;  // as for a candidate the audit passed
  return s;
}

inline RunKey key(const std::string& model, int k = 2) {
  return RunKey{"dafnycomp", "openai", model, k, 1, 7, R"({"timeout":60})"};
}

/// The first answer of `PRAGMA name` on the database at `path`, as text, through a connection of
/// its own (so it sees what other processes committed).
inline std::string pragma_answer(const std::string& path, const std::string& name) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
  sqlite3_stmt* query = nullptr;
  REQUIRE(sqlite3_prepare_v2(db, ("PRAGMA " + name).c_str(), -1, &query, nullptr) == SQLITE_OK);
  REQUIRE(sqlite3_step(query) == SQLITE_ROW);
  std::string answer = reinterpret_cast<const char*>(sqlite3_column_text(query, 0));
  sqlite3_finalize(query);
  sqlite3_close(db);
  return answer;
}

/// Every stored field, for comparing samples read back.
inline auto fields(const SampleRecord& s) {
  return std::tie(s.task_id, s.category, s.sample, s.outcome, s.cause, s.integrity_rejected,
                  s.detail, s.verifier_calls, s.verify_seconds, s.generate_seconds, s.prompt_tokens,
                  s.completion_tokens, s.candidate_sha256, s.recorded, s.verifier_outcome,
                  s.contract, s.pool, s.model_requests);
}

}  // namespace verigen::bench::test
