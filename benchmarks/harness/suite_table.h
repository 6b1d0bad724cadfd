#pragma once
/// The benchmark suites `verigen bench run` knows, one entry each: its name, how its dataset
/// folder is read, how a sample is attempted and, where the suite has them, how published model
/// outputs are read for replay. The only place a suite's name is written; the runner and the CLI
/// (help text, validation) take everything from here.

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "benchmarks/harness/published_outputs.h"
#include "benchmarks/harness/runner.h"
#include "benchmarks/suites/suite.h"

namespace verigen::bench {

/// Reads a suite's dataset folder into its tasks, in any order; a Failure is one line naming the
/// folder or file.
using SuiteLoader = std::function<Result<std::vector<BenchTask>>(const std::string& data_dir)>;

/// Builds the attempt function of a run (see SolverSetup) from the options, the selected tasks
/// and, for a replay, the published outputs (null otherwise).
using SuiteSolver =
    std::function<SolverSetup(const RunOptions& options, const std::vector<BenchTask>& tasks,
                              std::shared_ptr<const PublishedOutputs> outputs)>;

/// Reads a published-outputs file (`--outputs FILE`); see load_published_outputs.
using OutputsReader = std::function<Result<PublishedOutputs>(const std::string& path)>;

struct Suite {
  std::string name;            ///< as typed on the command line and stored in run keys
  SuiteLoader load;            ///< never empty
  SuiteSolver solver;          ///< never empty
  OutputsReader read_outputs;  ///< empty: the suite has no published outputs to replay
  /// The tasks are Lean 4 + Mathlib proofs: a run needs --lean-project.
  bool needs_lean_project = false;
  /// Its published outputs are Dafny annotate answers that can be pooled across models
  /// (pool_attempt.h: several --outputs, --rules, --verify-all).
  bool pools = false;
};

/// Every suite, in a fixed order.
const std::vector<Suite>& suite_table();

/// The suites' names, in the table's order.
std::vector<std::string> suite_names();

/// The entry named `name`; an unknown name is a one-line Failure listing the known ones.
Result<const Suite*> find_suite(const std::string& name);

/// Every task of `suite` read from `data_dir` (the suite's own folder, e.g.
/// ../shared/datasets/dafnycomp), sorted by task id.
Result<std::vector<BenchTask>> load_tasks(const Suite& suite, const std::string& data_dir);

/// find_suite, then load_tasks.
Result<std::vector<BenchTask>> load_suite(const std::string& name, const std::string& data_dir);

}  // namespace verigen::bench
