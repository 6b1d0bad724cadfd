#include "benchmarks/harness/suite_table.h"

#include <algorithm>

#include "benchmarks/harness/pipeline_attempt.h"
#include "benchmarks/harness/sygus_attempt.h"

namespace verigen::bench {
namespace {

/// The generation pipeline in `language`; `attempt_zero` as make_pipeline_solver says.
SuiteSolver pipeline(Language language, bool attempt_zero) {
  return [=](const RunOptions& options, const std::vector<BenchTask>& tasks,
             std::shared_ptr<const PublishedOutputs> outputs) {
    return make_pipeline_solver(options, language, tasks, std::move(outputs), attempt_zero);
  };
}

SolverSetup sygus_inv(const RunOptions& options, const std::vector<BenchTask>& tasks,
                      std::shared_ptr<const PublishedOutputs>) {
  return make_sygus_inv_solver(options, tasks);
}

}  // namespace

const std::vector<Suite>& suite_table() {
  // DafnyBench counts a task whose hint-free program verifies as it is as solved (attempt 0),
  // and publishes each model's outputs; the other suites do neither.
  static const std::vector<Suite> kSuites = {
      {"dafnycomp", load_dafnycomp, pipeline(Language::Dafny, false), nullptr},
      {"dafnybench", load_dafnybench, pipeline(Language::Dafny, true), load_published_outputs,
       false, true},
      {"clever", load_clever, pipeline(Language::Lean, false), nullptr, true},
      {"sygus-inv", load_sygus_inv, sygus_inv, nullptr},
  };
  return kSuites;
}

std::vector<std::string> suite_names() {
  std::vector<std::string> names;
  for (const auto& suite : suite_table()) names.push_back(suite.name);
  return names;
}

Result<const Suite*> find_suite(const std::string& name) {
  for (const auto& suite : suite_table())
    if (suite.name == name) return &suite;
  std::string known;
  for (const auto& n : suite_names()) known += (known.empty() ? "" : ", ") + n;
  return fail("bench: error: unknown suite '" + name + "' (" + known + ")");
}

Result<std::vector<BenchTask>> load_tasks(const Suite& suite, const std::string& data_dir) {
  auto tasks = suite.load(data_dir);
  if (!tasks.ok()) return tasks;
  // Sorted by id: shards (index % N) and --limit must pick the same tasks on every machine.
  std::sort(tasks->begin(), tasks->end(),
            [](const BenchTask& a, const BenchTask& b) { return a.task.id < b.task.id; });
  return tasks;
}

Result<std::vector<BenchTask>> load_suite(const std::string& name, const std::string& data_dir) {
  auto suite = find_suite(name);
  if (!suite.ok()) return fail(suite.error());
  return load_tasks(**suite, data_dir);
}

}  // namespace verigen::bench
