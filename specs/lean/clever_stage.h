#pragma once
/// CLEVER's four stages as CLEVER's harness stages them (trishullab/clever,
/// `src/clever_bench/task.py` and `lean_problem.py`): one Lean file per stage holding only the
/// blocks that stage may see, in CLEVER's layout (`import Imports.AllImports`, then
/// `-- <Label>` and the block, blank lines between), the generated spec before the ground truth
/// so it cannot name it, and the answer in one hole. verigen adds what CLEVER leaves to trust:
/// the `#test` cases uncommented where an implementation is present, and `#print axioms` for
/// the stage's declaration at the end. Differences from CLEVER's own files, and why, are listed
/// in specs/lean/README.md.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "core/task.h"

namespace verigen::lean {

/// The Lean version and Mathlib revision CLEVER's problems are written for (the dataset's
/// commit 603e318, `src/lean4/lean-toolchain` and `lakefile.lean`).
inline constexpr const char* kCleverLeanVersion = "4.24.0";
inline constexpr const char* kCleverMathlibRevision = "v4.24.0";

enum class CleverStage { Spec, Isomorphism, Implementation, Correctness };

/// "spec", "isomorphism", "implementation", "correctness".
std::string_view stage_name(CleverStage stage);
std::optional<CleverStage> stage_from_name(std::string_view name);
/// The section of a problem file whose text the stage's answer is: generated_spec_body,
/// spec_isomorphism_proof, implementation, correctness_proof.
std::string_view stage_section(CleverStage stage);

/// A CLEVER problem file read into its blocks, each stripped of surrounding white space as
/// CLEVER's parser strips them.
struct CleverProblem {
  std::string path;
  std::string function_signature;  ///< problem_details' YAML `function_signature`
  std::string docstring;           ///< its `docstring` (a `|` block keeps its final newline)
  std::string problem_spec, generated_spec, generated_spec_body, spec_isomorphism,
      spec_isomorphism_proof, implementation_signature, implementation, test_cases,
      correctness_definition, correctness_proof;

  /// CLEVER's natural-language spec: the signature, then the docstring in triple quotes.
  std::string nl_spec() const;
};

/// The blocks of a problem file; a Failure `path:line:col: error: ...` when a section is
/// missing or malformed.
Result<CleverProblem> read_clever_problem(const std::string& path, const std::string& text);

/// What earlier stages answered: the isomorphism stage needs a generated spec, the correctness
/// stage an implementation. Unset: the problem file's own section, when it is not `sorry`.
struct StageInputs {
  std::optional<std::string> generated_spec_body;
  std::optional<std::string> implementation;
};

/// The stage's task: its file (the hole holds `sorry`), the hole named after the stage's
/// section, the NL spec as doc, category = stage name, id "<path>#<section>". A Failure when a
/// chained input is missing (the problem's own section is `sorry` and none was given).
Result<Task> clever_stage_task(const CleverProblem& problem, CleverStage stage,
                               const StageInputs& inputs = {});

/// Names the stage's answer may not mention: what the stage is compared against or comes
/// later (the spec stage may not name `problem_spec`; the implementation may not use it).
std::vector<std::string> stage_forbidden_names(std::string_view section);

/// `-- #test ...` lines made `#test ...` (CLEVER's problems comment them out until an
/// implementation exists).
std::string uncomment_tests(std::string_view tests);

}  // namespace verigen::lean
