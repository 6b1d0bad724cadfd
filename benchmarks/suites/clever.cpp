// CLEVER: Lean 4 problems (problem_N.lean) with `-- start_def X` / `-- end_def X` sections, each
// giving four tasks (spec, isomorphism proof, implementation, correctness proof).

#include <filesystem>

#include "benchmarks/suites/suite.h"
#include "benchmarks/suites/suite_files.h"
#include "core/file_io.h"
#include "specs/lean/lean_spec.h"

namespace verigen::bench {
namespace fs = std::filesystem;

namespace {

/// The report category of a CLEVER task, from the section its hole fills.
std::string stage_of(const Task& t) {
  const std::string section = t.holes.empty() ? "" : t.holes.front().name;
  if (section == "generated_spec_body") return "spec";
  if (section == "spec_isomorphism_proof") return "isomorphism";
  if (section == "implementation") return "implementation";
  if (section == "correctness_proof") return "correctness";
  return section;
}

}  // namespace

Result<std::vector<BenchTask>> load_clever(const std::string& data_dir) {
  auto files = list_files((fs::path(data_dir) / "lean4" / "human_eval").native(), ".lean");
  if (!files.ok()) return fail(files.error());
  std::vector<BenchTask> out;
  for (const auto& path : *files) {
    auto text = read_file(path);
    if (!text.ok()) return fail(text.error());
    auto tasks = lean::clever_tasks(path, *text);
    if (!tasks.ok()) return fail(tasks.error());
    const std::string problem = fs::path(path).stem().native();
    for (auto& t : *tasks) {
      BenchTask b;
      b.category = stage_of(t);
      // The published problem keeps its reference solution in the implementation section; the
      // other sections hold `sorry`.
      if (!t.holes.empty())
        b.reference = t.spec_text.substr(t.holes[0].begin, t.holes[0].end - t.holes[0].begin);
      t.id = "clever/" + problem + "#" + b.category;
      t.category = b.category;
      b.task = std::move(t);
      out.push_back(std::move(b));
    }
  }
  return out;
}

}  // namespace verigen::bench
