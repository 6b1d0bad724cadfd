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
    auto shared = std::make_shared<const lean::CleverProblem>(std::move(*problem));
    auto make = [&](lean::CleverStage stage) -> Result<BenchTask> {
      BenchTask b;
      b.category = std::string(lean::stage_name(stage));
      // A chained stage is staged for real from the earlier stage's answer at run time; until
      // then its task holds a `sorry` where that answer goes.
      lean::StageInputs placeholder;
      placeholder.generated_spec_body = "sorry";
      placeholder.implementation = "sorry";
      auto task = lean::clever_stage_task(*shared, stage, placeholder);
      if (!task.ok()) return fail(task.error());
      const std::string section(lean::stage_section(stage));
      // The dataset's own text of the section (an implementation for 53 problems, a proof for
      // a few, `sorry` elsewhere).
      b.reference = section == "generated_spec_body"      ? shared->generated_spec_body
                    : section == "spec_isomorphism_proof" ? shared->spec_isomorphism_proof
                    : section == "implementation"         ? shared->implementation
                                                          : shared->correctness_proof;
      task->id = "clever/" + name + "#" + b.category;
      b.task = std::move(*task);
      return b;
    };
    auto spec = make(lean::CleverStage::Spec);
    auto iso = make(lean::CleverStage::Isomorphism);
    auto impl = make(lean::CleverStage::Implementation);
    auto cor = make(lean::CleverStage::Correctness);
    for (auto* r : {&spec, &iso, &impl, &cor})
      if (!r->ok()) return fail(r->error());
    // CLEVER's chain: the isomorphism is proved about the generated spec, the correctness
    // about the generated implementation, in the same sample.
    auto chain = [&](BenchTask& later, const BenchTask& earlier, lean::CleverStage stage,
                     bool spec_answer) {
      later.earlier = std::make_shared<const BenchTask>(earlier);
      const std::string id = later.task.id;
      later.stage_from = [shared, stage, spec_answer, id](const std::string& answer) {
        lean::StageInputs inputs;
        (spec_answer ? inputs.generated_spec_body : inputs.implementation) = answer;
        auto task = lean::clever_stage_task(*shared, stage, inputs);
        if (task.ok()) task->id = id;
        return task;
      };
    };
    chain(*iso, *spec, lean::CleverStage::Isomorphism, true);
    chain(*cor, *impl, lean::CleverStage::Correctness, false);
    for (auto* r : {&spec, &iso, &impl, &cor}) out.push_back(std::move(**r));
  }
  return out;
}

}  // namespace verigen::bench
