#pragma once
/// `verigen bench run`: a suite's tasks × k samples, each sample one independent generation
/// pipeline run, recorded in the result store one transaction per sample, resumable and
/// shardable.

#include <functional>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "benchmarks/harness/result_store.h"
#include "benchmarks/suites/suite.h"

namespace verigen::bench {

/// Everything `bench run` is told. Only some of it identifies the run (see run_key()).
struct RunOptions {
  std::string suite;
  std::string data_dir;  ///< the suite's own dataset folder
  std::string db;
  std::string provider = "builtin";  ///< builtin | openai | replay
  std::string model;
  /// replay: published outputs, `<model>.json`; several (or any of `rules`, `verify_all`)
  /// make a pooled run (pool_attempt.h)
  std::vector<std::string> outputs;
  int k = 1;                         ///< samples per task
  int rounds = 0;                    ///< repair rounds per sample
  int jobs = 1;                      ///< samples run in parallel
  double timeout = 300;              ///< seconds per verification
  int verification_time_limit = 20;  ///< Dafny's limit per assertion batch, seconds
  std::string filter;                ///< ECMAScript regex searched in task ids; "" selects all
  long limit = 0;                    ///< the first N selected tasks; 0 = all
  int shard_index = 0;  ///< this process runs tasks whose index % shard_count == shard_index
  int shard_count = 1;
  long seed = 0;
  int max_verifier_calls = 0;  ///< the builtin provider's verifier calls per sample; 0 = no limit
  std::string lean_project;    ///< the CLEVER Lake project (clever only)
  std::string log;             ///< a JSONL file receiving every candidate and verdict; "" = none
  bool no_cache = false;
  std::string rules;        ///< pooled runs: "strict" (default) or "dafnybench" (bench_rules.h)
  bool verify_all = false;  ///< pooled runs: verify every eligible candidate (oracle, V@k)
  std::string scorer;       ///< pooled runs: a ranking model file; "" = the shipped Dafny model
  int complete = 0;  ///< pooled runs: near misses completed by the builtin annotator (0 = off)

  /// A pooled run: several outputs files, or a pool-only option given.
  bool pooled() const { return outputs.size() > 1 || verify_all || !rules.empty() || complete > 0; }
};

/// What identifies the run in the store: suite, provider, model (the outputs' stem for replay),
/// k, rounds, seed and the verdict-relevant options; never shard, jobs, limit or filter, so
/// shards and resumed runs share it.
RunKey run_key(const RunOptions& options);

/// The tasks a process runs, in id order: those whose id matches the filter, then the first
/// `limit` of them, then this shard's (index % count == shard index). Limiting before sharding
/// lets the shards of a limited run add up to the unsharded run. A bad regex is a Failure.
Result<std::vector<BenchTask>> select_tasks(std::vector<BenchTask> tasks,
                                            const RunOptions& options);

/// One sample's attempt at a task. It fills outcome, cause, detail, counts, timings, tokens,
/// candidate hash and `recorded`; the runner sets task id, category and sample. Called from
/// --jobs threads at once: it must be thread-safe and must not throw.
using SampleAttempt = std::function<SampleRecord(const BenchTask& task, int sample)>;

/// The attempt function for a run, or why there is none: `exit_code` 3 when a tool is missing,
/// 2 for bad input. Built once per run, before the store is opened.
struct SolverSetup {
  SampleAttempt attempt;
  std::string error;  ///< one line; empty when `attempt` is set
  int exit_code = 0;
  std::string note{};  ///< one line printed before the run starts (e.g. tasks it cannot attempt)
};

struct Suite;  // benchmarks/harness/suite_table.h

/// Runs `options` on `suite` (its loader, solver and outputs reader; options.suite names it in
/// the store): checks, loads and selects the tasks, builds the solver, opens the store, skips
/// finished (task, sample) pairs, runs the rest over `jobs` threads with progress on the
/// terminal, and prints a summary table on `out`. Problems go to `err` as one line. Returns the
/// CLI exit code: 0 when every selected sample is recorded, 2 bad input, 3 a tool missing.
int run_bench(const RunOptions& options, const Suite& suite, std::ostream& out, std::ostream& err);

/// run_bench on the suite-table entry named options.suite; an unknown name is exit 2 with one
/// line listing the known ones.
int run_bench(const RunOptions& options, std::ostream& out, std::ostream& err);

}  // namespace verigen::bench
