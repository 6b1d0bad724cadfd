// interpret_cvc5 on cvc5's real output (test/fixtures/cvc5/recorded, written by record.sh with
// cvc5 1.0.3) and on the ways a run can end: only a readable answer of a cleanly exited cvc5 is
// a claim; timeouts are Unknown, crashes and garbage are Errors, never claims.

#include <catch2/catch.hpp>

#include "backends/cvc5/cvc5_sygus.h"
#include "core/file_io.h"
#include "specs/sygus/problem.h"
#include "test/support/fake_process_runner.h"

using namespace verigen;
using test::FakeProcessRunner;

namespace {

std::string fixtures() { return std::string(VERIGEN_SOURCE_DIR) + "/test/fixtures/"; }

sygus::Problem problem(const std::string& relative) {
  auto p = sygus::load_problem(fixtures() + relative);
  INFO((p.ok() ? "" : p.error()));
  REQUIRE(p.ok());
  return std::move(*p);
}

ProcessResult recorded(const std::string& name) {
  return FakeProcessRunner::recorded(fixtures() + "cvc5/recorded/" + name);
}

}  // namespace

// Contract: an answer is read back as a term over the problem's variables.
TEST_CASE("cvc5 answer is read back as the invariant's body", "[unit]") {
  auto p = problem("sygus/nia_product_bound.sl");
  auto a = cvc5::interpret_cvc5(recorded("solved"), p);
  INFO(a.detail);
  CHECK(a.outcome == Outcome::Verified);
  CHECK(a.cause == Cause::None);
  REQUIRE(a.invariant);
  CHECK(sygus::to_smtlib(*a.invariant).find("(* a b)") != std::string::npos);
}

TEST_CASE("cvc5 output table", "[unit]") {
  auto p = problem("sygus/nia_product_bound.sl");
  struct Row {
    const char* name;
    ProcessResult run;
    Outcome outcome;
    Cause cause;
  };
  auto killed = FakeProcessRunner::timed_out();
  killed.out = "(\n(define-fun inv_fun ((c Int) (a Int) (b Int)) Bool true)\n)\n";
  auto crashed = FakeProcessRunner::crashed(11);
  crashed.out = killed.out;
  ProcessResult missing;
  missing.status = ProcessResult::Status::NotFound;
  missing.error = "'cvc5' not found on PATH";
  const std::vector<Row> rows = {
      {"infeasible (recorded)", recorded("infeasible"), Outcome::Refuted, Cause::None},
      {"parse error (recorded)", recorded("bad_syntax"), Outcome::Error, Cause::BadInput},
      {"gave up", FakeProcessRunner::exited(0, "fail\n"), Outcome::Unknown, Cause::None},
      {"killed at the deadline, half an answer", killed, Outcome::Unknown, Cause::Timeout},
      {"crashed after printing an answer", crashed, Outcome::Error, Cause::ToolCrashed},
      {"missing", missing, Outcome::Error, Cause::ToolNotFound},
      {"answer cut off", FakeProcessRunner::exited(0, "(\n(define-fun inv_fun ((c Int)"),
       Outcome::Error, Cause::BadOutput},
      {"answer over other variables",
       FakeProcessRunner::exited(0, "(\n(define-fun inv_fun ((q Int)) Bool true)\n)\n"),
       Outcome::Error, Cause::BadOutput},
      {"garbage", FakeProcessRunner::exited(0, "hello\n"), Outcome::Error, Cause::BadOutput},
      {"nonzero exit", FakeProcessRunner::exited(3, "", "boom"), Outcome::Error,
       Cause::ToolCrashed},
  };
  for (const auto& row : rows) {
    INFO(row.name);
    auto a = cvc5::interpret_cvc5(row.run, p);
    INFO(a.detail);
    CHECK(a.outcome == row.outcome);
    CHECK(a.cause == row.cause);
    CHECK_FALSE(a.invariant);
    CHECK(a.detail.rfind("cvc5: ", 0) == 0);
    CHECK(a.detail.find('\n') == std::string::npos);
  }
}

// Contract: a missing cvc5 says what to install, in one line.
TEST_CASE("missing cvc5 says what to install", "[unit]") {
  auto p = problem("sygus/nia_product_bound.sl");
  FakeProcessRunner runner;  // answers every command NotFound, as a missing tool
  auto text = read_file(fixtures() + "sygus/nia_product_bound.sl");
  REQUIRE(text.ok());
  auto a = cvc5::solve_with_cvc5(runner, *text, p, Deadline::after(std::chrono::seconds(5)));
  CHECK(a.outcome == Outcome::Error);
  CHECK(a.cause == Cause::ToolNotFound);
  CHECK(a.detail.find("scripts/setup") != std::string::npos);
  REQUIRE(runner.command_lines().size() == 1);
  CHECK(runner.command_lines()[0].rfind("cvc5 --lang=sygus2 ", 0) == 0);
}
