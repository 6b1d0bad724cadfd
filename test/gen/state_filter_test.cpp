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
