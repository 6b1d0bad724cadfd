// Deeply nested input through the real binary: `gen` and `inv` refuse it with exit 2 and a
// `FILE:LINE:COL: error: nesting deeper than N` line instead of dying on a signal (before: both
// SIGSEGV, in std::regex and in the SyGuS sort checker).

#include <catch2/catch.hpp>
#include <string>

#include "test/cli/cli_harness.h"

using verigen::test::CliRun;
using verigen::test::run_verigen;
using verigen::test::TempDir;

namespace {

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

// Contract: a loop guard nested 50,000 parentheses deep is refused by `gen` up front (Dafny
// itself dies of a stack overflow on it), with its place.
TEST_CASE("gen refuses a loop guard nested 50,000 deep", "[process]") {
  TempDir dir;
  const std::size_t depth = 50000;
  auto spec = dir.file("deep.dfy",
                       "method Count(n: int) returns (i: int)\n"
                       "  requires n >= 0\n  ensures i == n\n{\n  i := 0;\n"
                       "  while " +
                           std::string(depth, '(') + "i" + std::string(depth, ')') +
                           " < n\n  {\n    i := i + 1;\n  }\n}\n");
  auto run = run_verigen({"gen", spec, "--out", (dir.path / "out").string()},
                         (dir.path / "cache").string(), {}, 120);
  INFO(run.out << run.err);
  CHECK(run.exit_code == 2);
  // The body's '{' is level 1, so the 1000th '(' of line 6 (after "  while ") is level 1001.
  CHECK(contains(run.err, spec + ":6:1008: error: nesting deeper than 1000"));
}

// Contract: a .sl whose pre nests 10,000 `and`s deep is an input error (exit 2) naming
// file:line:col; a good problem next to it is still solved.
TEST_CASE("inv refuses a problem nested 10,000 deep", "[process]") {
  TempDir dir;
  std::string body;
  for (int i = 0; i < 10000; ++i) body += "(and ";
  body += "(>= x 0)" + std::string(10000, ')');
  auto deep = dir.file("deep.sl",
                       "(set-logic LIA)\n(synth-inv inv_fun ((x Int)))\n"
                       "(define-fun pre_fun ((x Int)) Bool " +
                           body +
                           ")\n"
                           "(define-fun trans_fun ((x Int) (x! Int)) Bool (= x! x))\n"
                           "(define-fun post_fun ((x Int)) Bool (>= x 0))\n"
                           "(inv-constraint inv_fun pre_fun trans_fun post_fun)\n"
                           "(check-synth)\n");
  auto run = run_verigen({"inv", deep, "--timeout", "30"}, (dir.path / "cache").string(), {}, 120);
  INFO(run.out << run.err);
  CHECK(run.exit_code == 2);
  CHECK(contains(run.out + run.err, deep + ":3:5031: error: nesting deeper than 1000"));
}

// Contract: a 30-level chain of functions each calling the previous one twice is solved within
// its timeout (before: `inv --timeout 5` was still expanding calls after 60 s).
TEST_CASE("inv expands shared calls once", "[process]") {
  TempDir dir;
  std::string text =
      "(set-logic LIA)\n(synth-inv inv_fun ((x Int)))\n"
      "(define-fun f0 ((x Int)) Bool (>= x 0))\n";
  for (int i = 1; i < 30; ++i)
    text += "(define-fun f" + std::to_string(i) + " ((x Int)) Bool (and (f" +
            std::to_string(i - 1) + " x) (f" + std::to_string(i - 1) + " x)))\n";
  text +=
      "(define-fun pre_fun ((x Int)) Bool (and (= x 0) (f29 x)))\n"
      "(define-fun trans_fun ((x Int) (x! Int)) Bool (= x! x))\n"
      "(define-fun post_fun ((x Int)) Bool (>= x 0))\n"
      "(inv-constraint inv_fun pre_fun trans_fun post_fun)\n(check-synth)\n";
  auto problem = dir.file("chain.sl", text);
  auto run = run_verigen({"inv", problem, "--timeout", "5"}, (dir.path / "cache").string(), {}, 60);
  INFO(run.out << run.err);
  CHECK(run.exit_code == 0);
  CHECK(contains(run.out, "chain.sl: solved"));
}
