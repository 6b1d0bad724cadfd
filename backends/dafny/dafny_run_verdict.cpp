#include "backends/dafny/dafny_run_verdict.h"

#include "backends/dafny/dafny_output.h"

namespace verigen::dafny {
namespace {

std::string first_line_where(const std::vector<Diagnostic>& diagnostics,
                             bool (*pick)(const Diagnostic&)) {
  for (const auto& d : diagnostics)
    if (pick(d)) return format_diagnostic(d);
  return {};
}

bool is_error(const Diagnostic& d) { return d.severity == Severity::Error; }
bool is_proof_error(const Diagnostic& d) { return is_error(d) && !is_timeout_message(d.message); }
bool is_timeout(const Diagnostic& d) { return is_error(d) && is_timeout_message(d.message); }

}  // namespace

Verdict dafny_run_verdict(const DafnyRunFacts& facts) {
  auto with_diagnostics = [&](Verdict v) {
    v.diagnostics = facts.diagnostics;
    return v;
  };
  if (facts.input_rejected) {
    std::string first = first_line_where(facts.diagnostics, is_error);
    return with_diagnostics(Verdict::error(
        Cause::BadInput, first.empty() ? "dafny: parse or resolution errors" : first));
  }
  if (facts.warnings_rejected) {
    // Dafny itself refuses a program that relies on an unproven assumption; verigen agrees.
    auto findings = facts.diagnostics;
    for (auto& d : findings)
      if (d.severity == Severity::Warning) d.severity = Severity::Error;
    Verdict v = Verdict::rejected(std::move(findings));
    if (v.detail.empty()) v.detail = "dafny rejects warnings (e.g. assume without {:axiom})";
    return v;
  }
  if (facts.errors > 0) {
    std::string first = first_line_where(facts.diagnostics, is_proof_error);
    if (first.empty()) first = first_line_where(facts.diagnostics, is_error);
    return with_diagnostics(Verdict::refuted({}, first));
  }
  if (facts.timeouts > 0) {
    std::string detail = first_line_where(facts.diagnostics, is_timeout);
    if (detail.empty())
      detail = "dafny: " + std::to_string(facts.timeouts) +
               " verification time-out(s) (--verification-time-limit)";
    Verdict timed_out = with_diagnostics(Verdict::unknown(Cause::Timeout, detail));
    timed_out.reproducible = true;  // Dafny's own limit, part of the options, not our clock
    return timed_out;
  }
  if (facts.resource_limits > 0) {
    std::string detail = first_line_where(facts.diagnostics, is_error);
    if (detail.empty()) detail = "dafny: out of resource or inconclusive";
    return with_diagnostics(Verdict::unknown(Cause::ResourceLimit, detail));
  }
  if (!facts.complete)
    return with_diagnostics(Verdict::error(Cause::BadOutput, facts.incomplete_detail));
  Verdict v = with_diagnostics(Verdict::verified_by(""));
  // Proved, perhaps under assumptions nobody proved: the back-end's policy judges them
  // (settle_assumptions), never this reading of the output.
  v.assumptions = assumptions_from_warnings(v.diagnostics);
  return v;
}

}  // namespace verigen::dafny
