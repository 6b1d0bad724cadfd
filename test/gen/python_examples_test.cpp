// A spec's examples run against the Python that the real Dafny generated: values of every
// literal kind cross into Dafny's runtime and back, and an example that is code never runs.

#include "deliver/python_examples.h"

#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "backends/dafny/dafny_compiler.h"

using namespace verigen;
namespace fs = std::filesystem;

namespace {

const char* kProgram = R"(
function Max(a: int, b: int): int { if a > b then a else b }
function Reverse(s: string): string { if |s| == 0 then "" else Reverse(s[1..]) + [s[0]] }
function Upper(c: char): char { if 'a' <= c <= 'z' then (c as int - 32) as char else c }
function Sum(s: seq<int>): int { if |s| == 0 then 0 else s[0] + Sum(s[1..]) }
function Union(a: set<int>, b: set<int>): set<int> { a + b }
function Keys(m: map<int, string>): set<int> { m.Keys }
function Put(m: map<int, string>, k: int, v: string): map<int, string> { m[k := v] }
function Half(x: real): real { x / 2.0 }
function IsEven(n: int): bool { n % 2 == 0 }
method DivMod(a: int, b: int) returns (q: int, r: int) requires b > 0 { q := a / b; r := a % b; }
method Count(n: nat) returns (c: nat) { c := 0; while c < n decreases n - c { c := c + 1; } }
method Main() { print Max(1, 2), "\n"; }
)";

/// The compiled module's directory, built once for the test run.
std::string compiled_module() {
  static std::string dir = [] {
    auto root = fs::temp_directory_path() / ("verigen-examples-" + std::to_string(::getpid()));
    fs::remove_all(root);
    fs::create_directories(root);
    std::ofstream(root / "values.dfy") << kProgram;
    SubprocessRunner runner;
    auto compiled =
        dafny::compile_dafny(runner, (root / "values.dfy").string(), "py", (root / "py").string(),
                             Deadline::after(std::chrono::minutes(5)));
    REQUIRE(compiled.ok());
    return fs::path(compiled->entry_point).parent_path().string();
  }();
  return dir;
}

}  // namespace

// Contract: examples pass when the generated function returns the expected value, compared by
// value across Dafny's runtime types (sequences, strings, characters, sets, maps, reals,
// tuples of several results), and fail with the value shown in Dafny notation otherwise.
TEST_CASE("examples compare by value through Dafny's Python runtime", "[verifier:dafny]") {
  SubprocessRunner runner;
  const std::vector<Example> passing = {
      {"Max(3, 5)", "5"},
      {"Reverse(\"abc\")", "\"cba\""},
      {"Upper('q')", "'Q'"},
      {"Sum([1, 2, 3])", "6"},
      {"Union({1}, {2, 3})", "{1, 2, 3}"},
      {"Keys(map[1 := \"a\", 2 := \"b\"])", "{1, 2}"},
      {"Put(map[], 1, \"x\")", "map[1 := \"x\"]"},
      {"Half(1.5)", "0.75"},
      {"IsEven(4)", "true"},
      {"DivMod(7, 2)", "3, 1"},
  };
  auto runs = run_python_examples(runner, compiled_module(), passing);
  REQUIRE(runs.size() == passing.size());
  for (const auto& run : runs) {
    INFO(run.example.input << " == " << run.example.expected << " got " << run.actual);
    CHECK(run.passed);
  }
  const std::vector<Example> failing = {{"Max(3, 5)", "3"},
                                        {"IsEven(4)", "1"},
                                        {"Reverse(\"ab\")", "\"ab\""},
                                        {"DivMod(7, 2)", "3, 2"}};
  runs = run_python_examples(runner, compiled_module(), failing);
  REQUIRE(runs.size() == failing.size());
  for (const auto& run : runs) CHECK_FALSE(run.passed);
  CHECK(runs[0].actual == "5");
  CHECK(runs[1].actual == "true");  // a bool is not the integer 1
  CHECK(runs[2].actual == "\"ba\"");
  CHECK(runs[3].actual == "(3, 1)");
}

// Contract: an Example that is code (one that did not come through the spec reader) is not run
// at all: nothing it names is executed and the run says why.
TEST_CASE("an example that is code never runs", "[verifier:dafny]") {
  SubprocessRunner runner;
  auto marker = fs::temp_directory_path() / ("verigen-pwned-" + std::to_string(::getpid()));
  fs::remove(marker);
  const std::string touch = "__import__('os').system('touch " + marker.string() + "')";
  const std::vector<Example> evil = {
      {"Max(" + touch + ", 1)", "1"},
      {"Max(1, 2)", touch},
      {touch, "0"},
      {"Max(1, 2).__class__", "0"},
      {"Max([x for x in [1]][0], 2)", "2"},
  };
  auto runs = run_python_examples(runner, compiled_module(), evil);
  REQUIRE(runs.size() == evil.size());
  for (const auto& run : runs) {
    INFO(run.example.input);
    CHECK_FALSE(run.passed);
    CHECK(run.actual.rfind("error: not run: ", 0) == 0);
  }
  CHECK_FALSE(fs::exists(marker));
}

// Contract: a name the generated module does not define (or a dunder) is an error, not a
// lookup in Python's builtins.
TEST_CASE("only the generated module's functions are called", "[verifier:dafny]") {
  SubprocessRunner runner;
  auto runs =
      run_python_examples(runner, compiled_module(), {{"print(1)", "1"}, {"Missing(1)", "1"}});
  REQUIRE(runs.size() == 2);
  for (const auto& run : runs) {
    CHECK_FALSE(run.passed);
    CHECK(run.actual.find("the generated module has no function") != std::string::npos);
  }
}

// Contract: examples share the run's deadline: one that hangs is killed there (its process
// group) and reported, and those after it are reported as not run; a per-example limit applies
// within the deadline too.
TEST_CASE("a hanging example is killed at the run's deadline", "[verifier:dafny]") {
  SubprocessRunner runner;
  const std::string module = compiled_module();
  const std::vector<Example> examples = {
      {"Count(10)", "10"}, {"Count(100000000000)", "100000000000"}, {"Count(1)", "1"}};
  auto started = std::chrono::steady_clock::now();
  auto runs =
      run_python_examples(runner, module, examples, Deadline::after(std::chrono::seconds(4)));
  auto elapsed = std::chrono::steady_clock::now() - started;
  REQUIRE(runs.size() == 3);
  CHECK(runs[0].passed);
  CHECK_FALSE(runs[1].passed);
  CHECK(runs[1].actual.rfind("error: killed at the run's deadline (--timeout)", 0) == 0);
  CHECK_FALSE(runs[2].passed);
  CHECK(runs[2].actual == "error: not run: the run's deadline (--timeout) had passed");
  CHECK(elapsed < std::chrono::seconds(10));

  auto limited = run_python_examples(runner, module, {examples[1]}, Deadline::never(),
                                     std::chrono::seconds(1));
  REQUIRE(limited.size() == 1);
  CHECK(limited[0].actual.find("ms, the limit for one example") != std::string::npos);
}
