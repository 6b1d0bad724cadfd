#pragma once
/// The benchmark database (SQLite): runs, tasks, samples and their verdicts, timings and tokens.
/// One transaction per finished sample, so `kill -9` loses at most what was in flight; WAL mode
/// and a busy timeout, so two processes on one file wait for each other instead of corrupting it.
/// Re-opening the same run (same RunKey) resumes it: finished samples are skipped by the caller.

#include <cstdint>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "core/outcome.h"
#include "core/result.h"

namespace verigen::bench {

/// What identifies a run: everything that changes results. Not the shard, --jobs, --limit or
/// --filter, so shards of one run and a resumed run share a key.
struct RunKey {
  std::string suite;     ///< a name from the suite table (harness/suite_table.h)
  std::string provider;  ///< "builtin", "openai", "replay"
  std::string model;     ///< model name, or the outputs file's stem for replay
  int k = 1;             ///< samples per task
  int rounds = 0;        ///< repair rounds per sample
  long seed = 0;
  std::string options;  ///< canonical JSON of the remaining verdict-relevant options (timeout …)
};

struct RunInfo {
  std::int64_t id = 0;
  RunKey key;
  std::string created;  ///< ISO-8601 UTC
};

/// One task of a run, recorded when its first sample finishes.
struct TaskInfo {
  std::string task_id;
  std::string category;  ///< "2".."5" functions (dafnycomp), logic (sygus-inv), …
};

/// One finished sample (one independent attempt at a task, repairs included).
struct SampleRecord {
  std::string task_id;
  std::string category;
  int sample = 0;  ///< 0 … k-1
  Outcome outcome = Outcome::Error;
  Cause cause = Cause::Internal;
  bool integrity_rejected = false;  ///< the audit refused the candidate (outcome Refuted/Integrity)
  std::string detail;               ///< one line: the first diagnostic, the finding, the error
  int verifier_calls = 0;
  double verify_seconds = 0;
  double generate_seconds = 0;
  long prompt_tokens = 0;
  long completion_tokens = 0;
  int model_requests = 0;        ///< HTTP requests to the model (fan-out and retries count)
  std::string candidate_sha256;  ///< of the final candidate text ("" when none)
  std::string recorded;  ///< replay: what the dataset recorded ("0", "3", "failed"), else ""
  /// The verifier's own verdict on the final candidate, audit aside: equal to `outcome` when
  /// the audit passed it; for a replayed candidate the audit refused, what the verifier said
  /// of it anyway; nullopt when the verifier never ran (stored as '').
  std::optional<Outcome> verifier_outcome;
  /// A specify task with a reference: how the verified candidate's contract compares with the
  /// reference's, its weakest declaration ("equivalent", "stronger", "weaker", "incomparable",
  /// "unknown"); "" when not judged (no reference, or nothing verified).
  std::string contract;
  /// A pooled run (pool_attempt.h): the task's PoolRecord as JSON — its candidates, origins,
  /// audit findings under both rule sets, ranks and verdicts; "" for other runs.
  std::string pool{};
};

/// What one merge copied: runs and samples of the other database, and how many were new here.
struct MergeCounts {
  int runs_seen = 0;
  int runs_added = 0;  ///< runs whose key this database did not have
  long samples_seen = 0;
  long samples_added = 0;  ///< the rest were already present and kept as they were
};

class ResultStore {
 public:
  /// Opens (creating when absent) the database at `path` and its schema; a database of an older
  /// schema is migrated in place (version 1 gains samples.verifier_outcome = '', version 2
  /// samples.contract = '', version 3 samples.pool = '', version 4 samples.model_requests = 0). A
  /// Failure names the file ("results.db: error: not a verigen results database").
  static Result<std::unique_ptr<ResultStore>> open(const std::string& path);
  /// Like open(), but never creates: a missing or empty file is a Failure naming it. For
  /// readers (reports, merge sources), where a typo must not leave an empty database behind.
  static Result<std::unique_ptr<ResultStore>> open_existing(const std::string& path);
  ~ResultStore();
  ResultStore(const ResultStore&) = delete;
  ResultStore& operator=(const ResultStore&) = delete;

  /// The id of the run with this key, created when there is none.
  Result<std::int64_t> ensure_run(const RunKey& key);
  /// Every run in the database, oldest first.
  std::vector<RunInfo> runs() const;

  /// (task_id, sample) pairs already finished in `run`.
  std::set<std::pair<std::string, int>> finished(std::int64_t run) const;
  /// Records one finished sample (and its task) in one transaction. Recording the same
  /// (task, sample) twice keeps the first and returns ok: resuming is idempotent.
  Result<void> record(std::int64_t run, const SampleRecord& sample);
  /// Every sample of `run`, ordered by task id then sample.
  std::vector<SampleRecord> samples(std::int64_t run) const;

  /// Copies every run and sample of the database at `other` into this one, matching runs by
  /// key; samples already present are kept. For `verigen bench merge` after sharded runs.
  /// Returns what was merged; merging a database into itself is a Failure.
  Result<MergeCounts> merge(const std::string& other);

  const std::string& path() const { return path_; }

 private:
  explicit ResultStore(std::string path);
  static Result<std::unique_ptr<ResultStore>> open_impl(const std::string& path, bool create);
  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::string path_;
};

}  // namespace verigen::bench
