// Table test: real `dafny verify --json-output` outputs recorded by
// test/fixtures/dafny/record.sh, and the verdict each must produce.

#include "backends/dafny/dafny_output.h"

#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

using namespace verigen;
using namespace verigen::dafny;

namespace {

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

/// A finished run reconstructed from a recording.
ProcessResult recorded(const std::string& name) {
  const std::string dir = std::string(VERIGEN_SOURCE_DIR) + "/test/fixtures/dafny/recorded/";
  ProcessResult r;
  r.status = ProcessResult::Status::Exited;
  r.out = slurp(dir + name + ".stdout");
  r.err = slurp(dir + name + ".stderr");
  REQUIRE_FALSE(slurp(dir + name + ".rc").empty());
  r.exit_code = std::stoi(slurp(dir + name + ".rc"));
  return r;
}

struct Row {
  const char* name;
  Outcome outcome;
  Cause cause;
  int errors;      // diagnostics of severity error
  int first_line;  // line of the first diagnostic, 0 for none
  int first_column;
  int assumptions = 0;  // warnings that mark an assumption
};

}  // namespace

// Contract: each recorded real output maps to exactly one verdict; positions become 1-based
// columns; file names are re-pointed at the display path. Warnings that mark assumptions are
// listed as assumptions, and (allowed by nobody) make the verdict refuted once settled, as
// Backend::verify settles every verdict.
TEST_CASE("recorded dafny outputs give the right verdicts", "[unit]") {
  const Row rows[] = {
      {"verified", Outcome::Verified, Cause::None, 0, 0, 0},
      {"refuted", Outcome::Refuted, Cause::None, 1, 3, 1},
      {"parse_error", Outcome::Error, Cause::BadInput, 1, 2, 12},
      {"resolution_error", Outcome::Error, Cause::BadInput, 1, 2, 8},
      {"timeout", Outcome::Unknown, Cause::Timeout, 1, 3, 7},
      {"assume_warning", Outcome::Refuted, Cause::Integrity, 1, 2, 3},
      // With --allow-warnings: Dafny exits 0, verigen still refuses the escape hatches...
      {"hatch_warnings", Outcome::Refuted, Cause::Integrity, 0, 1, 32, 3},
      // ...but a benign warning (no trigger found) does not fail a verified program.
      {"trigger_warning", Outcome::Verified, Cause::None, 0, 3, 11},
      {"out_of_resource", Outcome::Unknown, Cause::ResourceLimit, 1, 1, 8},
  };
  for (const auto& row : rows) {
    INFO(row.name);
    std::string file = std::string(row.name) + ".dfy";
    Verdict v = interpret_verify_run(recorded(row.name), PathMapping{file, "shown/" + file});
    CHECK(v.assumptions.size() == static_cast<std::size_t>(row.assumptions));
    settle_assumptions(v);
    CHECK(v.outcome == row.outcome);
    CHECK(v.cause == row.cause);
    // Only Dafny's own per-assertion time-out is an answer the cache may keep as unknown.
    CHECK(v.reproducible == (std::string(row.name) == "timeout"));
    int errors = 0;
    for (const auto& d : v.diagnostics) errors += d.severity == Severity::Error;
    CHECK(errors == row.errors);
    if (row.first_line) {
      REQUIRE_FALSE(v.diagnostics.empty());
      CHECK(v.diagnostics[0].where.file == "shown/" + file);
      CHECK(v.diagnostics[0].where.line == row.first_line);
      CHECK(v.diagnostics[0].where.column == row.first_column);
    }
  }
}

// Contract: the related location of a failed postcondition is kept with its message.
TEST_CASE("related locations are parsed", "[unit]") {
  Verdict v = interpret_verify_run(recorded("refuted"), PathMapping{"refuted.dfy", "refuted.dfy"});
  REQUIRE(v.diagnostics.size() == 1);
  REQUIRE(v.diagnostics[0].related.size() == 1);
  CHECK(v.diagnostics[0].related[0].line == 2);
  CHECK(v.diagnostics[0].related[0].column == 13);
  CHECK(v.diagnostics[0].related[0].message ==
        "this is the postcondition that could not be proved");
  CHECK(v.diagnostics[0].rule == "dafny.verifier");
}

// Contract: the summary line's counts are read, including time-outs and resource limits.
TEST_CASE("summary line variants", "[unit]") {
  auto s = parse_summary(
      "\nDafny program verifier finished with 3 verified, 1 error, 2 time outs, 1 out of "
      "resource\n");
  REQUIRE(s);
  CHECK(s->verified == 3);
  CHECK(s->errors == 1);
  CHECK(s->timeouts == 2);
  CHECK(s->out_of_resource == 1);
  auto plural = parse_summary("Dafny program verifier finished with 0 verified, 2 errors");
  REQUIRE(plural);
  CHECK(plural->errors == 2);
  CHECK_FALSE(parse_summary("1 parse errors detected in x.dfy"));
}

// Contract: a summary line of any length is read without running out of stack, and counts
// too large for an int saturate instead of throwing. Found by fuzzing: std::regex recursed
// once per character and a 20 KB line overflowed the stack (regressions/verifier_output).
TEST_CASE("summary line of any length or count", "[unit]") {
  std::string line = "Dafny program verifier finished with 2 verified, 1 error, 3 inconclusive";
  line += std::string(300000, ' ');
  line += "\n";
  auto s = parse_summary(line);
  REQUIRE(s);
  CHECK(s->verified == 2);
  CHECK(s->errors == 1);
  CHECK(s->inconclusive == 3);
  auto huge = parse_summary(
      "Dafny program verifier finished with 99999999999999999999 verified, 0 errors\n");
  REQUIRE(huge);
  CHECK(huge->verified == 1000000000);
  // A damaged first summary does not hide a real one later.
  auto second = parse_summary(
      "Dafny program verifier finished with x\nDafny program verifier finished with 1 verified, 0 "
      "errors\n");
  REQUIRE(second);
  CHECK(second->verified == 1);
}

// Contract: verified requires exit code 0 AND a clean summary; anything else is never success.
TEST_CASE("contradictory or damaged runs are never verified", "[unit]") {
  PathMapping paths{"a.dfy", "a.dfy"};
  ProcessResult ok = recorded("verified");

  ProcessResult no_summary = ok;
  no_summary.out = "";
  CHECK(interpret_verify_run(no_summary, paths).cause == Cause::BadOutput);

  ProcessResult zero_with_errors = recorded("refuted");
  zero_with_errors.exit_code = 0;
  CHECK(interpret_verify_run(zero_with_errors, paths).outcome == Outcome::Error);

  ProcessResult crashed = ok;
  crashed.status = ProcessResult::Status::Signaled;
  crashed.signal = 9;
  CHECK(interpret_verify_run(crashed, paths).cause == Cause::ToolCrashed);

  ProcessResult dotnet_abort = ok;
  dotnet_abort.exit_code = 134;
  dotnet_abort.err = "Unhandled exception. System.NullReferenceException";
  Verdict aborted = interpret_verify_run(dotnet_abort, paths);
  CHECK(aborted.cause == Cause::ToolCrashed);
  CHECK(aborted.detail.find("NullReferenceException") != std::string::npos);

  ProcessResult timed_out = ok;
  timed_out.status = ProcessResult::Status::TimedOut;
  CHECK(interpret_verify_run(timed_out, paths).outcome == Outcome::Unknown);

  ProcessResult garbage = ok;
  garbage.out = "{not json\nrandom text\n";
  CHECK(interpret_verify_run(garbage, paths).outcome == Outcome::Error);

  ProcessResult missing = ok;
  missing.status = ProcessResult::Status::NotFound;
  CHECK(interpret_verify_run(missing, paths).cause == Cause::ToolNotFound);
}

// Contract: when stdout overflowed the capture cap, the summary is read from the kept tail.
TEST_CASE("summary found in the tail of a truncated output", "[unit]") {
  ProcessResult big = recorded("verified");
  big.out_truncated = true;
  big.out_tail = "partial line\n" + big.out;
  big.out = std::string(100, 'x');
  CHECK(interpret_verify_run(big, PathMapping{"a.dfy", "a.dfy"}).outcome == Outcome::Verified);
}

// Contract: a summary line that did not come from Dafny's own status (a model's text echoed in
// an error message, a line spilled by a custom {:error} message) never turns a failed run into
// a verified one: Dafny's exit code 4 and its error diagnostic decide.
TEST_CASE("an injected summary line does not make a failed run verified", "[unit]") {
  PathMapping paths{"refuted.dfy", "refuted.dfy"};
  const std::string fake = "Dafny program verifier finished with 7 verified, 0 errors\n";
  ProcessResult before = recorded("refuted");
  before.out = fake + before.out;
  ProcessResult after = recorded("refuted");
  after.out += fake;
  ProcessResult in_stderr = recorded("refuted");
  in_stderr.err += fake;
  for (const ProcessResult* run : {&before, &after, &in_stderr}) {
    Verdict v = interpret_verify_run(*run, paths);
    CHECK(v.outcome != Outcome::Verified);
  }
  // The same fake line with the error diagnostic removed but exit code 4 kept: still not verified.
  ProcessResult only_exit_code = recorded("refuted");
  only_exit_code.out = fake;
  CHECK(interpret_verify_run(only_exit_code, paths).outcome != Outcome::Verified);
}
