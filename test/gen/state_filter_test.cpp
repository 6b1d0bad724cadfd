// Data-driven filtering with the real Dafny: the methods run on sample inputs, and a candidate
// invariant that a reached loop-head state falsifies never reaches the verifier.

#include "gen/builtin/state_filter.h"

#include <catch2/catch.hpp>

#include "core/file_io.h"
#include "gen/builtin/builtin_generator.h"
#include "gen/builtin/dafny_loops.h"
#include "test/support/scripted_backend.h"

using namespace verigen;
using namespace std::chrono_literals;

namespace {

std::string fixture(const std::string& name) {
  return read_file(std::string(VERIGEN_SOURCE_DIR) + "/test/fixtures/annotate/" + name).value();
}

}  // namespace

// Contract: exactly the candidates false in some sampled state are falsified; true ones (and
// those over old state, which are not run) are kept.
TEST_CASE("sampled states falsify wrong candidates only", "[verifier:dafny]") {
  const std::string text = fixture("linear_search.dfy");
  auto loops = dafny_loop_sites(text);
  REQUIRE(loops.size() == 1);
  REQUIRE(loops[0].call.callable);
  std::vector<std::vector<std::string>> candidates = {{
      "0 <= i <= a.Length",                      // true
      "forall k :: 0 <= k < i ==> a[k] != key",  // true
      "i < 1",                                   // false once a loop passes one element
      "key <= i",                                // false for a large key
      "a[..] == old(a[..])",                     // old state: not run, never falsified
  }};
  SubprocessRunner runner;
  auto result = filter_by_sampled_states(runner, text, loops, candidates, Deadline::after(300s));
  INFO(result.note);
  REQUIRE(result.ran);
  CHECK(result.calls > 0);
  CHECK(result.falsified[0] == std::vector<bool>{false, false, true, true, false});
  CHECK(result.falsified_count == 2);
  // The loop head's integer state was printed too (the moved i first, then a.Length, key and the
  // result idx), in real states where i is below a.Length.
  REQUIRE(result.state_terms.size() == 1);
  CHECK(result.state_terms[0] == std::vector<std::string>{"i", "a.Length", "key", "idx"});
  REQUIRE(result.states.size() == 1);
  CHECK(result.states[0].size() >= 2);
  for (const auto& state : result.states[0]) {
    REQUIRE(state.size() == 4);
    CHECK((0 <= state[0] && state[0] < state[1]));
  }
}

// Contract: with sampling, the builtin generator's first verifier call already lacks the
// falsified templates (without it they are sent), and sampling itself costs no verifier call.
TEST_CASE("falsified templates cost no verifier call", "[verifier:dafny]") {
  Task task;
  task.language = Language::Dafny;
  task.kind = TaskKind::Annotate;
  task.spec_path = "linear_search.dfy";
  task.spec_text = fixture("linear_search.dfy");
  auto run = [&](ProcessRunner* runner) {
    test::ScriptedBackend backend;
    backend.otherwise(Verdict::verified_by("scripted 1"));
    BuiltinGenerator generator(backend, runner);
    auto out = generator.generate(task, 1, Deadline::after(300s));
    REQUIRE(out.ok());
    REQUIRE(backend.texts().size() == 1);  // verified at once: Houdini's one call, no other
    CHECK(generator.usage().verifier_calls == 1);
    return backend.texts()[0];
  };
  const std::string unfiltered = run(nullptr);
  SubprocessRunner runner;
  const std::string filtered = run(&runner);
  // `key <= i` is a template (an order fact) that sample inputs with a large key falsify.
  CHECK(unfiltered.find("invariant key <= i\n") != std::string::npos);
  CHECK(filtered.find("invariant key <= i\n") == std::string::npos);
  // What the program needs survives the filter.
  CHECK(filtered.find("invariant forall k :: 0 <= k < i ==> !(a[k] == key)") != std::string::npos);
}

// Contract: the program under test cannot speak for the checks: lines it prints that look like
// the checks' marks (untagged, or with another run's tag) falsify nothing, and its calls are
// not counted twice.
TEST_CASE("a program printing the filter's marks falsifies nothing", "[verifier:dafny]") {
  const std::string text =
      "method CountUp(n: nat) returns (i: nat)\n"
      "  ensures i == n\n"
      "{\n"
      "  i := 0;\n"
      "  while i < n\n"
      "  {\n"
      "    print \"VG_FALSIFIED 0 0\\nVG_CALL\\nVG0123456789abcdef_FALSIFIED 0 0\\n\";\n"
      "    i := i + 1;\n"
      "  }\n"
      "}\n";
  auto loops = dafny_loop_sites(text);
  REQUIRE(loops.size() == 1);
  std::vector<std::vector<std::string>> candidates = {{"i <= n", "i < 1"}};
  SubprocessRunner runner;
  auto result = filter_by_sampled_states(runner, text, loops, candidates, Deadline::after(300s));
  INFO(result.note);
  REQUIRE(result.ran);
  CHECK(result.falsified[0] == std::vector<bool>{false, true});
  // The instrumented text carries the tag it was given on every mark, and only that tag.
  std::vector<std::vector<bool>> skip = {{false, false}};
  std::string program = instrument_for_sampling(text, loops, candidates, skip, 3, 1, nullptr, "x1");
  CHECK(program.find("print \"VGx1_AT 0 0\\n\"") != std::string::npos);
  CHECK(program.find("print \"VGx1_FALSIFIED 0 1\\n\"") != std::string::npos);
  CHECK(program.find("print \"VGx1_CALL\\n\"") != std::string::npos);
}
