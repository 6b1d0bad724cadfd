#pragma once
/// Benchmark suites: each loader turns one dataset folder into the Tasks of a benchmark run.
/// One file per suite (dafnycomp.cpp, dafnybench.cpp, clever.cpp, sygus_inv.cpp); this header is
/// the only thing the harness and the CLI see.

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
};

/// The suite names load_suite() knows, in a fixed order.
const std::vector<std::string>& suite_names();

/// Every task of suite `name` read from `data_dir` (the suite's own folder, e.g.
/// ../shared/datasets/dafnycomp), sorted by task id. A Failure is one line naming the folder or
/// file: an unknown suite, a missing folder, an unreadable or unparsable file.
Result<std::vector<BenchTask>> load_suite(const std::string& name, const std::string& data_dir);

/// The per-suite loaders behind load_suite() (same contract, unsorted).
Result<std::vector<BenchTask>> load_dafnycomp(const std::string& data_dir);
Result<std::vector<BenchTask>> load_dafnybench(const std::string& data_dir);
Result<std::vector<BenchTask>> load_clever(const std::string& data_dir);
Result<std::vector<BenchTask>> load_sygus_inv(const std::string& data_dir);

}  // namespace verigen::bench
