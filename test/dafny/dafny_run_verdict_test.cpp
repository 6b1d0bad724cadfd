#include "backends/dafny/dafny_run_verdict.h"

#include <catch2/catch.hpp>

using namespace verigen;
using namespace verigen::dafny;

namespace {

Diagnostic diagnostic(Severity severity, std::string message) {
  Diagnostic d;
  d.severity = severity;
  d.message = std::move(message);
  d.where.file = "a.dfy";
  d.where.line = 3;
  return d;
}

}  // namespace

// Contract: the one Dafny rule, in its order: input rejected, warnings rejected, failed
// obligation, time-out, resource limit, incomplete, verified (with assumptions listed).
TEST_CASE("one rule from Dafny's facts to a verdict", "[unit]") {
  DafnyRunFacts complete;
  complete.complete = true;
  CHECK(dafny_run_verdict(complete).verified());

  DafnyRunFacts incomplete;
  incomplete.incomplete_detail = "no summary";
  auto v = dafny_run_verdict(incomplete);
  CHECK(v.cause == Cause::BadOutput);
  CHECK(v.detail == "no summary");

  DafnyRunFacts all = complete;
  all.diagnostics = {
      diagnostic(Severity::Error, "Verification of 'M' timed out after 10 seconds"),
      diagnostic(Severity::Error, "a postcondition could not be proved on this return path")};
  all.errors = 1;
  all.timeouts = 1;
  all.resource_limits = 1;
  v = dafny_run_verdict(all);
  CHECK(v.outcome == Outcome::Refuted);
  CHECK(v.detail.find("postcondition") != std::string::npos);  // the failed proof, not the time-out
  all.errors = 0;
  v = dafny_run_verdict(all);
  CHECK(v.cause == Cause::Timeout);
  CHECK(v.reproducible);
  CHECK(v.detail.find("timed out") != std::string::npos);
  all.timeouts = 0;
  CHECK(dafny_run_verdict(all).cause == Cause::ResourceLimit);

  all.warnings_rejected = true;
  v = dafny_run_verdict(all);
  CHECK(v.outcome == Outcome::Refuted);
  CHECK(v.cause == Cause::Integrity);
  all.input_rejected = true;
  CHECK(dafny_run_verdict(all).cause == Cause::BadInput);

  DafnyRunFacts hatch = complete;
  hatch.diagnostics = {
      diagnostic(Severity::Warning, "Could not find a trigger for this quantifier.")};
  CHECK(dafny_run_verdict(hatch).verified());
  CHECK(dafny_run_verdict(hatch).assumptions.empty());  // a warning that takes nothing on trust
  hatch.diagnostics[0].message = "Method F has {:extern} and a contract: its contract is trusted";
  auto trusted = dafny_run_verdict(hatch);
  REQUIRE(trusted.assumptions.size() == 1);
  CHECK(trusted.assumptions[0].where.line == 3);
}
