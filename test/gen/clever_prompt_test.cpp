// The prompts of CLEVER's stages come from the staged view: the spec stage never sees the
// ground truth, the implementation or a proof; each stage's prompt names what to write, and
// the isomorphism and correctness prompts differ.

#include <catch2/catch.hpp>
#include <filesystem>
#include <map>

#include "core/file_io.h"
#include "gen/prompt_builder.h"
#include "specs/lean/clever_stage.h"

using namespace verigen;
using namespace verigen::lean;
namespace fs = std::filesystem;

// Contract: on problem 0, the spec prompt holds the description and the signature but no
// `problem_spec`, reference implementation or proof; every stage's prompt names its section.
TEST_CASE("clever prompts: per stage, from the staged view", "[unit]") {
  const fs::path file =
      fs::path(VERIGEN_SHARED_DIR) / "datasets/clever/lean4/human_eval/problem_0.lean";
  if (!fs::exists(file)) return;
  auto text = read_file(file.string());
  REQUIRE(text.ok());
  auto problem = read_clever_problem(file.string(), *text);
  REQUIRE(problem.ok());
  StageInputs inputs;
  inputs.generated_spec_body = "True";
  std::map<std::string, std::string> prompts;
  for (auto stage : {CleverStage::Spec, CleverStage::Isomorphism, CleverStage::Implementation,
                     CleverStage::Correctness}) {
    auto task = clever_stage_task(*problem, stage, inputs);
    REQUIRE(task.ok());
    auto prompt = first_prompt(*task);
    REQUIRE(prompt.ok());
    // The system prompt lists the audit's rules (command names among them); the task is the
    // user prompt.
    prompts[std::string(stage_name(stage))] = prompt->user;
  }
  const std::string& spec = prompts["spec"];
  CHECK(spec.find("has_close_elements") != std::string::npos);  // the signature
  CHECK(spec.find("def generated_spec") != std::string::npos);
  for (const char* hidden : {"problem_spec", "def implementation", "List.get!", "theorem",
                             "unfold problem_spec", "#test"})
    CHECK(spec.find(hidden) == std::string::npos);
  CHECK(prompts["isomorphism"].find("-- Isomorphism Proof") != std::string::npos);
  CHECK(prompts["correctness"].find("-- Correctness Proof") != std::string::npos);
  CHECK(prompts["implementation"].find("#test implementation") != std::string::npos);
  CHECK(prompts["implementation"].find("generated_spec") == std::string::npos);
  CHECK(prompts["isomorphism"] != prompts["correctness"]);
}
