#pragma once
/// The pooled solver of `bench run dafnybench --provider replay --outputs A --outputs B ...`:
/// every task's candidates are the distinct programs all models wrote for it, plus the
/// hint-free program itself (DafnyBench's attempt 0). Each candidate is audited, the eligible
/// ones are ranked by the contrastive scorer, and the verifier takes them in ranked order until
/// one verifies (all of them with --verify-all, which is what the oracle and V@k need).

#include <map>
#include <memory>
#include <vector>

#include "benchmarks/harness/bench_rules.h"
#include "benchmarks/harness/output_pool.h"
#include "benchmarks/harness/runner.h"
#include "core/backend.h"
#include "gen/run_log.h"
#include "rank/scorer.h"

namespace verigen::bench {

/// How a pool is judged and searched.
struct PoolSearch {
  RuleSet rules = RuleSet::Strict;  ///< which audit findings make a candidate ineligible
  bool verify_all = false;          ///< verify every eligible candidate, not only to the first
  double timeout_seconds = 300;     ///< per verification
  /// Symbolic completion when nothing verifies: the builtin annotator adds template invariants
  /// to this many of the best-ranked failures whose errors are about invariants, postconditions
  /// or assertions (their own invariants kept as seeds), and then annotates the hint-free
  /// program itself; 0 turns it off.
  int complete = 0;
  double completion_seconds = 120;  ///< Houdini's budget per completion
};

/// One task's search: audits `pool`'s candidates (and the hint-free program) against the task
/// under both rule sets, ranks those eligible under `search.rules` with `scorer`, verifies in
/// ranked order through `backend` and fills the sample (outcome Verified when a candidate
/// verified; verifier_calls: every call spent) and its pool record. Each candidate, with its
/// findings, score, rank and verdict, goes to `log` as one run-log line (`nullptr`: none).
/// Completions, when `search.complete` > 0 and nothing verified, join the pool as
/// `completion(<origins>)` (and `completion(hint-free)`) entries, audited like any candidate.
/// Never throws.
SampleRecord search_pool(const BenchTask& task, const TaskPool& pool, const rank::Scorer& scorer,
                         Backend& backend, const PoolSearch& search, RunLog* log);

/// The attempt function of a pooled run over `pools` (the Dafny verifier with its cache, the
/// shipped Dafny ranking model unless options.scorer names another). Exit code 3 when Dafny is
/// missing, 2 for a model that cannot be loaded.
SolverSetup make_pool_solver(const RunOptions& options,
                             std::shared_ptr<const std::map<std::string, TaskPool>> pools);

}  // namespace verigen::bench
