#pragma once
/// Metrics of a pooled run (pool_attempt.h), from its tasks' pool records: how many tasks any
/// candidate solves (the oracle), how many each way of ordering the verifier's work solves
/// within 1 and 3 calls and what it spends per solved task, and how verigen's verdicts agree
/// with the verdicts DafnyBench recorded for each model, under each rule set.

#include <map>
#include <string>
#include <vector>

#include "benchmarks/harness/pool_record.h"

namespace verigen::bench {

/// One way of ordering a task's eligible candidates for the verifier.
struct StrategyMetrics {
  std::string name;   ///< "ranker", "fixed model order", "random order", "gpt-4o" …
  double solved = 0;  ///< tasks whose order reaches a verified candidate (mean for random)
  double v_at_1 = 0;  ///< tasks solved by the first call (mean over shuffles for random)
  double v_at_3 = 0;  ///< … within three calls
  double calls = 0;   ///< verifier calls spent over all tasks (up to the first verified)
  double calls_per_solved() const { return solved > 0 ? calls / solved : 0; }
};

/// One disagreement with a recorded verdict.
struct PoolDisagreement {
  std::string task;
  std::string model;
  std::string recorded;  ///< the dataset's verdict ("failed", "0", "3" …)
  bool ours = false;     ///< verigen's: solved under the rule set
  /// why: "audit", "timeout", "assumption in the task", "dafny refuted", "parse/resolution",
  /// "error", "no program in the output", "verified by us" …
  std::string klass;
  std::string detail;
};

/// Agreement with the recorded verdicts under one rule set.
struct RuleAgreement {
  std::string rules;  ///< "strict" or "dafnybench"
  int oracle = 0;     ///< tasks any candidate (or the hint-free program) solves under the rules
  /// Per model: outputs compared, those we count solved, those DafnyBench recorded solved, and
  /// how many verdicts agree. A model's task is solved when its own program, or the hint-free
  /// program (DafnyBench's attempt 0), verifies and passes the rules' audit.
  struct Model {
    int tasks = 0, ours = 0, recorded = 0, agree = 0;
  };
  std::map<std::string, Model> models;
  int compared = 0, agree = 0;
  std::vector<PoolDisagreement> disagreements;
  std::map<std::string, int> by_class;
  /// Complete only when every candidate the other rule set refuses was verified too.
  bool complete = true;
};

/// One task of a pool, as the report lists it.
struct PoolTaskSummary {
  std::string task;
  int candidates = 0;           ///< distinct candidates (the hint-free program included)
  int first_verified_rank = 0;  ///< the ranker's; 0 = none verified
  int calls = 0;                ///< verifier calls spent (completion included)
  std::vector<std::string> verified_origins;  ///< origins of every verified candidate
};

struct PoolMetrics {
  int tasks = 0;
  int candidates = 0;  ///< distinct candidates over all tasks (hint-free programs included)
  int outputs = 0;     ///< model outputs pooled (before duplicates collapsed)
  std::string rules;   ///< the run's rule set
  bool verify_all = false;
  int oracle = 0;                           ///< under the run's rules
  std::vector<StrategyMetrics> strategies;  ///< ranker first; others need verify_all
  int completion_wins = 0;                ///< tasks solved only by a completion(<model>) candidate
  std::vector<RuleAgreement> agreement;   ///< strict, then dafnybench
  std::vector<PoolTaskSummary> per_task;  ///< in the records' order
};

/// The metrics of `records` (one per task). `shuffles` random orders are averaged, seeded by
/// `seed` for reproducible reports.
PoolMetrics compute_pool_metrics(const std::vector<std::pair<std::string, PoolRecord>>& records,
                                 int shuffles = 20, unsigned seed = 1);

}  // namespace verigen::bench
