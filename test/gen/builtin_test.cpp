// The built-in invariant generator: templates (unit) and Houdini pruning with the real Dafny.

#include <catch2/catch.hpp>

#include "backends/dafny/dafny_backend.h"
#include "core/file_io.h"
#include "gen/builtin/dafny_houdini.h"
#include "gen/builtin/invariant_templates.h"

using namespace verigen;

namespace {

std::string example(const std::string& name) {
  return read_file(std::string(VERIGEN_SOURCE_DIR) + "/specs/examples/" + name).value();
}

/// The loop of specs/examples/sum_loop_spec.dfy, described by hand (the parser that finds
/// loops has its own tests).
LoopSite sum_loop(const std::string& text) {
  LoopSite loop;
  auto guard = text.find("while i < n");
  REQUIRE(guard != std::string::npos);
  loop.insert_at = text.find('\n', guard) + 1;
  loop.indent = "    ";
  loop.guard = "i < n";
  loop.variables = {{"n", "nat", ""}, {"s", "nat", ""}, {"i", "", "0"}};
  loop.modified = {"i", "s"};
  loop.postconditions = {"s == n * (n + 1) / 2"};
  return loop;
}

bool has(const std::vector<std::string>& list, const std::string& item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

}  // namespace

// Contract: substitution replaces whole identifiers and whole expressions only.
TEST_CASE("substitution respects identifier boundaries", "[unit]") {
  CHECK(substitute("s == n * (n + 1) / 2", "n", "i") == "s == i * (i + 1) / 2");
  CHECK(substitute("nn + n", "n", "i") == "nn + i");
  CHECK(substitute("0 <= k < a.Length ==> a[k] > 0", "a.Length", "i") == "0 <= k < i ==> a[k] > 0");
  CHECK(substitute("a.Length0", "a.Length", "i") == "a.Length0");
}

// Contract: the templates include the bound and the postcondition at the loop's current point.
TEST_CASE("templates for a counting loop", "[unit]") {
  auto text = example("sum_loop_spec.dfy");
  auto invariants = enumerate_invariants(sum_loop(text));
  CHECK(has(invariants, "0 <= i <= n"));
  CHECK(has(invariants, "s == i * (i + 1) / 2"));
  CHECK(has(invariants, "i <= n"));
}

// Contract: Houdini keeps an inductive subset that makes the program verify, and drops the
// invariants Dafny refutes; the program text is otherwise unchanged.
TEST_CASE("houdini finds the invariant of sum_loop_spec", "[verifier:dafny]") {
  auto text = example("sum_loop_spec.dfy");
  auto loop = sum_loop(text);
  std::vector<std::string> candidates = enumerate_invariants(loop);
  candidates.push_back("s == 7");  // false on entry: must be dropped
  SubprocessRunner runner;
  dafny::DafnyBackend dafny(runner);
  auto result = dafny_houdini(dafny, text, "sum_loop_spec.dfy", {loop}, {candidates},
                              Deadline::after(std::chrono::minutes(5)));
  CHECK(result.verdict.verified());
  CHECK_FALSE(has(result.kept[0], "s == 7"));
  CHECK(has(result.kept[0], "s == i * (i + 1) / 2"));
  CHECK(result.dropped >= 1);
  WARN("houdini: " << candidates.size() << " candidates, " << result.iterations
                   << " verifier calls, " << result.dropped << " dropped");
  // Erasing the inserted lines gives back the original text.
  std::string erased;
  std::size_t pos = 0;
  while (pos < result.program.size()) {
    auto end = result.program.find('\n', pos);
    std::string line = result.program.substr(pos, end - pos + 1);
    if (line.find("    invariant ") != 0) erased += line;
    pos = end + 1;
  }
  CHECK(erased == text);
}
