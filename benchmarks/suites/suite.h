#pragma once
/// Benchmark suites: each loader turns one dataset folder into the Tasks of a benchmark run.
/// One file per suite (dafnycomp.cpp, dafnybench.cpp, clever.cpp, sygus_inv.cpp); the suite
/// table (benchmarks/harness/suite_table.h) names them and pairs each with its solver.

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/result.h"
#include "core/task.h"

namespace verigen::bench {

/// One task of a suite, with what the dataset says a right answer looks like.
struct BenchTask {
  Task task;              ///< what the generator is given; task.id is unique and stable
  std::string reference;  ///< the dataset's ground truth (or "" when it has none)
  std::string category;   ///< grouping for reports: function count, SyGuS logic, CLEVER stage
  /// Why the task cannot be attempted as it stands (a CLEVER stage whose earlier stage's answer
  /// the dataset lacks); recorded as not attempted (error, bad-input). "" when it can.
  std::string blocked;
  /// A stage built on an earlier stage's answer (CLEVER: isomorphism after spec, correctness
  /// after implementation): the earlier task, run first in the same sample (once, shared with
  /// its own attempt), and how this task is staged from the earlier one's answer. `task` is
  /// then only this task's name and placeholder.
  std::shared_ptr<const BenchTask> earlier;
  std::function<Result<Task>(const std::string& answer)> stage_from;
};

/// The per-suite loaders: every task read from `data_dir` (the suite's own folder), unsorted. A
/// Failure is one line naming the folder or file: a missing folder, an unreadable or unparsable
/// file.
Result<std::vector<BenchTask>> load_dafnycomp(const std::string& data_dir);
Result<std::vector<BenchTask>> load_dafnybench(const std::string& data_dir);
Result<std::vector<BenchTask>> load_clever(const std::string& data_dir);
Result<std::vector<BenchTask>> load_sygus_inv(const std::string& data_dir);

}  // namespace verigen::bench
