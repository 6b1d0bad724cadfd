// CLEVER's stages as CLEVER's harness builds them: verigen's staged file for each stage of three
// real problems against the file CLEVER's own rules give (fixtures/clever/, written by
// fixtures/clever/stage_as_clever.py), with each deliberate difference applied as a named edit.

#include "specs/lean/clever_stage.h"

#include <catch2/catch.hpp>
#include <filesystem>

#include "core/file_io.h"
#include "core/task.h"
#include "specs/lean/lean_audit.h"
#include "specs/splice.h"

using namespace verigen;
using namespace verigen::lean;
namespace fs = std::filesystem;

namespace {

const fs::path kProblems = fs::path(VERIGEN_SHARED_DIR) / "datasets/clever/lean4/human_eval";
const fs::path kFixtures = fs::path(VERIGEN_SOURCE_DIR) / "test/lean/fixtures/clever";

/// Cuts `text` from the block labelled `label` to its end (the blocks verigen leaves out are
/// the last ones of their file).
std::string without_blocks_from(std::string text, const std::string& label) {
  auto at = text.find("\n\n-- " + label + "\n");
  REQUIRE(at != std::string::npos);
  return text.substr(0, at);
}

CleverProblem problem(int n) {
  const auto path = (kProblems / ("problem_" + std::to_string(n) + ".lean")).string();
  auto text = read_file(path);
  REQUIRE(text.ok());
  auto p = read_clever_problem(path, *text);
  REQUIRE(p.ok());
  return *p;
}

std::string clever_file(int n, const std::string& stage) {
  auto text =
      read_file((kFixtures / ("problem_" + std::to_string(n) + "." + stage + ".lean")).string());
  REQUIRE(text.ok());
  return *text;
}

}  // namespace

// Contract: for problems 0, 2 and 102, each stage's file is CLEVER's, except (1) the spec stage
// leaves out the isomorphism theorem CLEVER shows (it names the hidden problem_spec, so CLEVER's
// own file cannot elaborate, and its `by sorry` proof would be a sorry outside the answer); (2)
// the implementation stage leaves out the correctness theorem and its `by sorry` for the same
// reason; (3) `-- #test` lines are uncommented where an implementation is present; (4) each
// file ends with `#print axioms` for the stage's declaration. The isomorphism stage is given
// the generated spec `True`, as CLEVER's fixture is.
TEST_CASE("clever stages match CLEVER's harness, difference by difference", "[unit]") {
  if (!fs::exists(kProblems)) return;
  for (int n : {0, 2, 102}) {
    CleverProblem p = problem(n);
    StageInputs inputs;
    inputs.generated_spec_body = "True";
    for (auto stage : {CleverStage::Spec, CleverStage::Isomorphism, CleverStage::Implementation,
                       CleverStage::Correctness}) {
      const std::string name(stage_name(stage));
      auto task = clever_stage_task(p, stage, inputs);
      if (stage == CleverStage::Correctness && n == 102) {
        // CLEVER would stage a correctness file with no implementation at all; verigen needs
        // the implementation stage's answer first.
        CHECK_FALSE(task.ok());
        continue;
      }
      REQUIRE(task.ok());
      std::string expected = clever_file(n, name);
      std::string checked;
      if (stage == CleverStage::Spec) {
        expected = without_blocks_from(expected, "Isomorphism Theorem");
        checked = "generated_spec";
      } else if (stage == CleverStage::Isomorphism) {
        checked = "spec_isomorphism";
      } else if (stage == CleverStage::Implementation) {
        expected = uncomment_tests(without_blocks_from(expected, "Correctness Theorem"));
        checked = "implementation";
      } else {
        expected = uncomment_tests(expected);
        checked = "correctness";
      }
      expected += "\n\n#print axioms " + checked + "\n";
      INFO("problem " << n << ", stage " << name);
      CHECK(task->spec_text == expected);
      REQUIRE(task->holes.size() == 1);
      CHECK(task->spec_text.substr(task->holes[0].begin, 5) == "sorry");
      CHECK(task->category == name);
    }
  }
}

// Contract: the spec stage never shows the hidden ground truth, the implementation or the
// proofs; the implementation stage never shows the generated spec or the isomorphism.
TEST_CASE("clever stages hide what CLEVER hides", "[unit]") {
  if (!fs::exists(kProblems)) return;
  CleverProblem p = problem(0);
  auto spec = clever_stage_task(p, CleverStage::Spec);
  REQUIRE(spec.ok());
  for (const char* hidden :
       {"problem_spec", "implementation", "correctness", "#test", "spec_isomorphism", "List.get!"})
    CHECK(spec->spec_text.find(hidden) == std::string::npos);
  auto impl = clever_stage_task(p, CleverStage::Implementation);
  REQUIRE(impl.ok());
  for (const char* hidden : {"generated_spec", "spec_isomorphism", "theorem correctness"})
    CHECK(impl->spec_text.find(hidden) == std::string::npos);
  // The generated spec comes before the ground truth: it cannot name it.
  StageInputs inputs;
  inputs.generated_spec_body = "True";
  auto iso = clever_stage_task(p, CleverStage::Isomorphism, inputs);
  REQUIRE(iso.ok());
  CHECK(iso->spec_text.find("def generated_spec") < iso->spec_text.find("def problem_spec"));
  // The isomorphism stage without a generated spec cannot be staged from the dataset alone.
  CHECK_FALSE(clever_stage_task(p, CleverStage::Isomorphism).ok());
}

// Contract: every one of the 161 problems stages its spec and implementation stages, and the
// staged files' only `sorry` is the hole.
TEST_CASE("clever stages: all 161 problems", "[unit]") {
  if (!fs::exists(kProblems)) return;
  int problems = 0;
  for (const auto& entry : fs::directory_iterator(kProblems)) {
    auto text = read_file(entry.path().string());
    REQUIRE(text.ok());
    auto p = read_clever_problem(entry.path().string(), *text);
    REQUIRE(p.ok());
    CHECK_FALSE(p->docstring.empty());
    for (auto stage : {CleverStage::Spec, CleverStage::Implementation}) {
      auto task = clever_stage_task(*p, stage);
      REQUIRE(task.ok());
      const auto& t = task->spec_text;
      CHECK(t.find("sorry") == task->holes[0].begin);
      CHECK(t.find("sorry", task->holes[0].end) == std::string::npos);
    }
    ++problems;
  }
  CHECK(problems == 161);
}

// Contract: the staged task's audit takes the answer's place from the fixed text around it:
// text added before the file or after it is refused; an honest answer passes; a cheat in the
// answer is refused at its rule.
TEST_CASE("clever staged audit: nothing outside the hole", "[unit]") {
  if (!fs::exists(kProblems)) return;
  auto task = clever_stage_task(problem(2), CleverStage::Implementation);
  REQUIRE(task.ok());
  auto with = [&](const std::string& answer) { return splice_holes(*task, {answer}); };
  CHECK(audit_lean_task(*task, with("number - number.floor")).empty());
  auto rules = [](const std::vector<Diagnostic>& findings) {
    std::string out;
    for (const auto& f : findings) out += f.rule + " ";
    return out;
  };
  CHECK(rules(audit_lean_task(*task, "set_option warn.sorry false\n" + with("number")))
            .find("integrity.fixed-part-changed") != std::string::npos);
  CHECK(rules(audit_lean_task(*task, with("number") + "\n#exit\n"))
            .find("integrity.fixed-part-changed") != std::string::npos);
  CHECK(rules(audit_lean_task(*task, with("number\n#exit"))).find("integrity.command-in-hole") !=
        std::string::npos);
  // The answer's region is what the back-end watches for warnings.
  auto answers = locate_answers(*task, with("number - number.floor"));
  REQUIRE(answers.has_value());
  REQUIRE(answers->size() == 1);
  // The blank lines around the answer belong to it: fixed parts are compared without them.
  CHECK(with("number - number.floor")
            .substr((*answers)[0].first, (*answers)[0].second - (*answers)[0].first) ==
        "\n\nnumber - number.floor\n\n");
}

// Contract: a file audited against itself keeps all its fixed parts (the fuzz target's
// invariant): on every CLEVER problem, the only findings are about what its holes hold.
TEST_CASE("lean audit: a problem against itself keeps its fixed parts", "[unit]") {
  if (!fs::exists(kProblems)) return;
  for (const auto& entry : fs::directory_iterator(kProblems)) {
    auto text = read_file(entry.path().string());
    REQUIRE(text.ok());
    for (const auto& d : audit_lean(*text, *text, "self.lean")) {
      INFO(entry.path().filename().string() << ": " << d.message);
      CHECK(d.rule != "integrity.fixed-part-changed");
    }
  }
}

// Contract: holes with only blanks between them (`sorry` on two lines, as a mangled CLEVER file
// the fuzzer made had) still leave every fixed part in place: the first answer is empty, the
// next holds both. Before, the first answer swallowed the rest and the file failed against
// itself.
TEST_CASE("lean audit: adjacent holes against themselves", "[unit]") {
  const std::string text =
      "theorem t : True := by\n  sorry\n  sorry\n\ntheorem u : True := by\n"
      "  sorry\n";
  for (const auto& d : audit_lean(text, text, "adjacent.lean"))
    CHECK(d.rule != "integrity.fixed-part-changed");
  Task task;
  task.spec_text = text;
  for (std::size_t at = text.find("sorry"); at != std::string::npos;
       at = text.find("sorry", at + 1))
    task.holes.push_back({"sorry", at, at + 5, ""});
  auto answers = locate_answers(task, text);
  REQUIRE(answers.has_value());
  REQUIRE(answers->size() == 3);
  CHECK((*answers)[0].first == (*answers)[0].second);
  CHECK(
      text.substr((*answers)[2].first, (*answers)[2].second - (*answers)[2].first).find("sorry") !=
      std::string::npos);
}
