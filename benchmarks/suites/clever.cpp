// CLEVER: Lean 4 problems (problem_N.lean) with `-- start_def X` / `-- end_def X` sections, each
// giving four tasks staged as CLEVER's harness stages them (specs/lean/clever_stage.h): spec,
// isomorphism proof, implementation, correctness proof.

#include <filesystem>

#include "benchmarks/suites/suite.h"
#include "benchmarks/suites/suite_files.h"
#include "core/file_io.h"
#include "specs/lean/clever_stage.h"

namespace verigen::bench {
namespace fs = std::filesystem;

Result<std::vector<BenchTask>> load_clever(const std::string& data_dir) {
  auto files = list_files((fs::path(data_dir) / "lean4" / "human_eval").native(), ".lean");
  if (!files.ok()) return fail(files.error());
  std::vector<BenchTask> out;
  for (const auto& path : *files) {
    auto text = read_file(path);
    if (!text.ok()) return fail(text.error());
    auto problem = lean::read_clever_problem(path, *text);
    if (!problem.ok()) return fail(problem.error());
    const std::string name = fs::path(path).stem().native();
    for (auto stage : {lean::CleverStage::Spec, lean::CleverStage::Isomorphism,
                       lean::CleverStage::Implementation, lean::CleverStage::Correctness}) {
      BenchTask b;
      b.category = std::string(lean::stage_name(stage));
      auto task = lean::clever_stage_task(*problem, stage);
      if (!task.ok()) {
        // The stage builds on an earlier stage's answer the dataset does not hold (every
        // generated spec and 118 implementations are `sorry`): staged with a `sorry` there so
        // the task exists, and recorded as not attempted.
        b.blocked = task.error();
        lean::StageInputs placeholder;
        placeholder.generated_spec_body = "sorry";
        placeholder.implementation = "sorry";
        task = lean::clever_stage_task(*problem, stage, placeholder);
        if (!task.ok()) return fail(task.error());
      }
      // The dataset's own text of the section is the reference (an implementation for 43
      // problems, `sorry` elsewhere).
      const std::string section(lean::stage_section(stage));
      b.reference = section == "generated_spec_body"      ? problem->generated_spec_body
                    : section == "spec_isomorphism_proof" ? problem->spec_isomorphism_proof
                    : section == "implementation"         ? problem->implementation
                                                          : problem->correctness_proof;
      task->id = "clever/" + name + "#" + b.category;
      b.task = std::move(*task);
      out.push_back(std::move(b));
    }
  }
  return out;
}

}  // namespace verigen::bench
