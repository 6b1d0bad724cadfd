// The builtin annotator's invariant families, each on a small real program it must solve with
// the real Dafny through `verigen gen` (audit, certificate and all): the invariant the family
// exists for must be in the verified output.

#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "cli_harness.h"
#include "core/file_io.h"

using namespace verigen;
using namespace verigen::test;
namespace fs = std::filesystem;

namespace {

struct Case {
  const char* file;       // under test/fixtures/annotate/
  const char* family;     // what it exercises
  const char* invariant;  // an invariant the verified output must hold ("" for none in particular)
  const char* also = "";  // another clause it must hold (a `decreases`), "" for none
};

}  // namespace

// Contract: each program verifies with the builtin provider alone, and the family's own
// invariant is among those Houdini kept (and a loop whose measure Dafny cannot guess gets a
// `decreases`); a char beside ints never sinks the candidate.
TEST_CASE("the builtin annotator's families solve their programs", "[verifier:dafny]") {
  const Case cases[] = {
      {"linear_search.dfy", "exit-history", "forall k :: 0 <= k < i ==> !(a[k] == key)"},
      {"array_copy.dfy", "post-index", "forall k :: 0 <= k < i ==> b[k] == a[k]"},
      {"prefix_sum.dfy", "post-index (prefix slice)", "s == Sum(a[..i])"},
      {"zero_fill.dfy", "post, post-index", "forall k :: from <= k < i ==> a[k] == 0"},
      {"fib.dfy", "accumulator", "y == Fib((i + 1))"},
      {"char_count.dfy", "typed templates", "i <= |s|"},
      {"merge_walk.dfy", "decreases", "j <= b.Length",
       "decreases a.Length - i\n    decreases b.Length - j"},
      {"count_down.dfy", "sampled-equality", "x + 2 * k == 2 * n"},
      {"bubble_outer.dfy", "partition, inlined predicate",
       "forall j, k :: 0 <= j <= i < k < a.Length ==> a[j] <= a[k]",
       "invariant forall j, k :: i < j < k < a.Length ==> a[j] <= a[k]"},
      {"tally_fill.dfy", "loop-modifies", "forall k :: 0 <= k < i ==> a[k] == 0",
       "    modifies a\n    invariant"},
  };
  TempDir dir;
  for (const auto& c : cases) {
    INFO(c.file << " (" << c.family << ")");
    const std::string spec = std::string(VERIGEN_SOURCE_DIR) + "/test/fixtures/annotate/" + c.file;
    const std::string out = (dir.path / c.file).string();
    auto r = run_verigen({"gen", spec, "--kind", "annotate", "--out", out, "--json"},
                         (dir.path / "cache").string());
    INFO(r.out << r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(nlohmann::json::parse(r.out)["outcome"] == "verified");
    auto verified = read_file(out + "/" + c.file);
    REQUIRE(verified.ok());
    CHECK(verified->find(std::string("invariant ") + c.invariant) != std::string::npos);
    CHECK(verified->find(c.also) != std::string::npos);
  }
}

// Contract: --max-verifier-calls bounds the annotator's verifier calls per task. merge_walk
// needs a second Houdini run (for its measure); with a budget of 1 the generator makes exactly
// one call, says the budget was used up, and the task is not verified.
TEST_CASE("the annotator keeps to its verifier-call budget", "[verifier:dafny]") {
  TempDir dir;
  const std::string spec =
      std::string(VERIGEN_SOURCE_DIR) + "/test/fixtures/annotate/merge_walk.dfy";
  auto r = run_verigen({"gen", spec, "--kind", "annotate", "--out", (dir.path / "out").string(),
                        "--json", "--max-verifier-calls", "1", "--rounds", "0"},
                       (dir.path / "cache").string());
  INFO(r.out << r.err);
  auto report = nlohmann::json::parse(r.out);
  CHECK(report["outcome"] != "verified");
  CHECK(report["generator_verifier_calls"] == 1);
  CHECK(r.out.find("verifier-call budget of 1 used up") != std::string::npos);
}
