#include "benchmarks/suites/suite.h"

#include <algorithm>

namespace verigen::bench {

const std::vector<std::string>& suite_names() {
  static const std::vector<std::string> kNames = {"dafnycomp", "dafnybench", "clever", "sygus-inv"};
  return kNames;
}

Result<std::vector<BenchTask>> load_suite(const std::string& name, const std::string& data_dir) {
  Result<std::vector<BenchTask>> tasks = fail("");
  if (name == "dafnycomp") tasks = load_dafnycomp(data_dir);
  else if (name == "dafnybench") tasks = load_dafnybench(data_dir);
  else if (name == "clever") tasks = load_clever(data_dir);
  else if (name == "sygus-inv") tasks = load_sygus_inv(data_dir);
  else return fail("bench: error: unknown suite '" + name + "' (dafnycomp, dafnybench, clever, sygus-inv)");
  if (!tasks.ok()) return tasks;
  // Sorted by id: shards (index % N) and --limit must pick the same tasks on every machine.
  std::sort(tasks->begin(), tasks->end(), [](const BenchTask& a, const BenchTask& b) { return a.task.id < b.task.id; });
  return tasks;
}

}  // namespace verigen::bench
