// solve_with_cvc5 with the real cvc5: an answer on a small NIA problem, an infeasible problem,
// and a cancel that kills cvc5's process group at once.

#include <catch2/catch.hpp>
#include <thread>

#include "backends/cvc5/cvc5_sygus.h"
#include "core/file_io.h"
#include "specs/sygus/problem.h"

using namespace verigen;
using namespace std::chrono_literals;

namespace {

struct Input {
  sygus::Problem problem;
  std::string text;
};

Input input(const std::string& relative) {
  const std::string path = std::string(VERIGEN_SOURCE_DIR) + "/test/fixtures/" + relative;
  auto text = read_file(path);
  REQUIRE(text.ok());
  auto p = sygus::parse_problem(*text, path);
  REQUIRE(p.ok());
  return {std::move(*p), std::move(*text)};
}

}  // namespace

TEST_CASE("real cvc5 claims an invariant for a small NIA problem", "[solver:cvc5]") {
  auto in = input("sygus/nia_product_bound.sl");
  SubprocessRunner runner;
  auto a = cvc5::solve_with_cvc5(runner, in.text, in.problem, Deadline::after(30s));
  INFO(a.detail);
  CHECK(a.outcome == Outcome::Verified);
  CHECK(a.invariant);
}

TEST_CASE("real cvc5 says infeasible when post fails at the start", "[solver:cvc5]") {
  auto in = input("cvc5/post_fails_at_start.sl");
  SubprocessRunner runner;
  auto a = cvc5::solve_with_cvc5(runner, in.text, in.problem, Deadline::after(30s));
  INFO(a.detail);
  CHECK(a.outcome == Outcome::Refuted);
}

// Contract: cancelling the deadline stops cvc5 within the runner's poll and grace, long before
// the deadline's own time (a problem cvc5 does not solve in 10 s: two_branch_sum.sl).
TEST_CASE("cancelled cvc5 is killed at once", "[solver:cvc5]") {
  auto in = input("sygus/two_branch_sum.sl");
  SubprocessRunner runner;
  CancelSource source(Deadline::after(60s));
  std::thread canceller([&] {
    std::this_thread::sleep_for(300ms);
    source.cancel();
  });
  const auto t0 = std::chrono::steady_clock::now();
  auto a = cvc5::solve_with_cvc5(runner, in.text, in.problem, source.deadline());
  const auto took = std::chrono::steady_clock::now() - t0;
  canceller.join();
  INFO(a.detail);
  CHECK(a.outcome == Outcome::Unknown);
  CHECK(a.cause == Cause::Timeout);
  CHECK(took < 3s);
}
