// Warnings in the answer, the hasSorry tag and `#print axioms`, on `lean --json` lines written
// in the documented format (fixtures/json/README.md names the source of each fact).

#include "backends/lean/lean_trust.h"

#include <catch2/catch.hpp>
#include <filesystem>

#include "backends/lean/lean_output.h"
#include "core/file_io.h"

using namespace verigen;
using namespace verigen::lean;
namespace fs = std::filesystem;

namespace {

Verdict run_on(const std::string& fixture, const TrustChecks& checks) {
  auto text = read_file(
      (fs::path(VERIGEN_SOURCE_DIR) / "test/lean/fixtures/json" / (fixture + ".jsonl")).string());
  REQUIRE(text.ok());
  ProcessResult r;
  r.status = ProcessResult::Status::Exited;
  r.exit_code = 0;
  r.out = *text;
  return interpret_lean_run(r, PathMapping{"/p/VerigenCandidate_x.lean", "problem.lean"}, checks);
}

}  // namespace

// Contract: with the answer on lines 36-39 and `#print axioms` expected, only the clean run
// and a warning outside the answer verify; a hasSorry tag (whatever its text), a non-standard
// axiom, a warning inside the answer and a missing axioms report are integrity failures.
TEST_CASE("lean trust checks on lean --json output", "[unit]") {
  TrustChecks checks;
  checks.answer_lines = {{36, 39}};
  checks.axioms_expected = true;
  struct Row {
    const char* fixture;
    bool verified;
    const char* detail;  ///< a piece of the detail when not verified
  };
  const Row rows[] = {
      {"clean", true, ""},
      {"linter_warning_in_ground_truth", true, ""},
      {"sorry_tag_new_text", false, "sorry"},
      {"native_axioms", false, "Lean.ofReduceBool, Lean.trustCompiler"},
      {"linter_warning_in_answer", false, "a warning in the answer"},
      {"no_axioms_report", false, "no `#print axioms` report"},
  };
  for (const auto& row : rows) {
    Verdict v = run_on(row.fixture, checks);
    INFO(row.fixture << ": " << to_string(v.outcome) << " " << v.detail);
    CHECK(v.verified() == row.verified);
    if (!row.verified) {
      CHECK(v.integrity_rejected());
      CHECK(v.detail.find(row.detail) != std::string::npos);
    }
  }
}

// Contract: the axioms report is read for both forms and wrapped lists.
TEST_CASE("lean trust: reading #print axioms", "[unit]") {
  Diagnostic d;
  d.message = "'x' depends on axioms: [propext,\n Classical.choice, Quot.sound]";
  CHECK(nonstandard_axioms(d) == std::string());
  d.message = "'x' depends on axioms: [propext, sorryAx]";
  CHECK(nonstandard_axioms(d) == std::string("sorryAx"));
  d.message = "'x' does not depend on any axioms";
  CHECK(nonstandard_axioms(d) == std::string());
  d.message = "'x' depends on axioms: [propext, cheat";
  CHECK(nonstandard_axioms(d) == std::string("cheat"));
  d.message = "unrelated";
  CHECK_FALSE(nonstandard_axioms(d).has_value());
}
