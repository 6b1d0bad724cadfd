#pragma once
/// Evaluating a ranking: where does the first verified candidate of each task land under the
/// scorer, under the source's own order, and under a random order? Cross-validation by task
/// keeps every evaluated task out of the model that ranks it.

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "rank/run_log_reader.h"
#include "rank/scorer.h"
#include "rank/train.h"

namespace verigen::rank {

/// The ranks at which V@N is reported.
inline constexpr std::array<int, 3> kTopN = {1, 5, 10};

/// Metrics of one order. V@N counts over ALL tasks with a checked candidate (a task with no
/// verified candidate is a miss for every order); mean and median rank (1-based) over the tasks
/// with a verified candidate.
struct OrderMetrics {
  std::array<double, 3> v_at{};  ///< V@1, V@5, V@10 as fractions
  double mean_rank = 0;
  double median_rank = 0;
  /// Checks spent per task with a verified candidate: up to the first verified on those tasks,
  /// every candidate on the others (where no order finds one), over the tasks with one.
  double calls_per_solved = 0;
};

/// One task's rank of its first verified candidate under each order (0 = none verified).
struct TaskRanks {
  std::string task;
  int checked = 0;
  int verified = 0;
  int scorer = 0;
  int generator = 0;                      ///< under the generator's own order
  double random = 0;                      ///< mean over the shuffles
  std::array<double, 3> random_within{};  ///< fraction of shuffles with rank ≤ 1, 5, 10
  int model_order = 0;  ///< under the fixed model order (EvalOptions::origin_order); last, so
                        ///< aggregate initialisers written before it existed still compile
};

struct Evaluation {
  int tasks = 0;  ///< tasks with at least one checked candidate
  int tasks_with_verified = 0;
  int tasks_without_verified = 0;
  int candidates = 0;  ///< checked candidates
  OrderMetrics scorer, generator, random;
  /// The fixed model order: each candidate placed by its best origin in EvalOptions'
  /// origin_order (under cross-validation, learned from the training folds only).
  OrderMetrics model_order;
  /// Σ over tasks with a verified candidate of (source rank − scorer rank): checks the scorer
  /// saves (negative when it costs checks).
  long long checks_saved = 0;
  std::vector<TaskRanks> per_task;
};

struct EvalOptions {
  int shuffles = 20;       ///< random orders averaged per task
  std::uint64_t seed = 1;  ///< the shuffles' seed
  /// Origins best first, for the fixed model order (empty: origin_order of the evaluated
  /// tasks; cross_validate sets it from each fold's training tasks).
  std::vector<std::string> origin_order;
};

/// The origins of `tasks`' candidates (each of a '+'-joined origin counts), best first: by the
/// number of tasks where a candidate of that origin verified, ties by name. This is the
/// baseline a ranker has to beat: always try the best model's answer first.
std::vector<std::string> origin_order(const std::vector<TaskLog>& tasks);

/// The place of `origin` ('+'-separated) under `order`: its best member's index; origins not in
/// `order` come after all that are.
std::size_t origin_position(const std::vector<std::string>& order, std::string_view origin);

/// Ranks each task's checked candidates. Every order keeps rounds in sequence (a repair exists
/// only because an earlier round failed) and orders within a round: the scorer by descending
/// score (ties by source order), the source by its "candidate" position, random by shuffling.
TaskRanks rank_task(const Scorer& scorer, const TaskLog& task, const EvalOptions& options);

/// Metrics from per-task ranks (the tasks are kept in `per_task`).
Evaluation summarize(std::vector<TaskRanks> per_task);

/// rank_task over all tasks, then summarize.
Evaluation evaluate(const Scorer& scorer, const std::vector<TaskLog>& tasks,
                    const EvalOptions& options = {});

/// The fold (0..k-1) of each task, by a seeded shuffle of the tasks: fold sizes differ by at
/// most one. Deterministic for a given seed.
std::vector<int> assign_folds(std::size_t task_count, int k, std::uint64_t seed);

struct Fold {
  std::vector<std::string> train_tasks;
  std::vector<std::string> eval_tasks;
  std::vector<double> epoch_loss;
};

struct CrossValidation {
  Evaluation evaluation;  ///< every task evaluated once, by the model of the fold that held it out
  std::vector<Fold> folds;
};

/// K-fold cross-validation by task: for each fold, trains on the other folds' tasks and
/// evaluates on its own, never on a training task. `k` is capped at the number of tasks; fails
/// for k < 2, fewer than 2 tasks, or a fold whose training tasks teach nothing.
Result<CrossValidation> cross_validate(const std::vector<TaskLog>& tasks, int k,
                                       const TrainOptions& train_options,
                                       const EvalOptions& eval_options = {});

}  // namespace verigen::rank
