#include "core/verdict.h"

#include <utility>

namespace verigen {

Verdict Verdict::verified_by(std::string tool_version) {
  Verdict v;
  v.outcome = Outcome::Verified;
  v.cause = Cause::None;
  v.tool_version = std::move(tool_version);
  return v;
}

Verdict Verdict::refuted(std::vector<Diagnostic> diagnostics, std::string detail) {
  Verdict v;
  v.outcome = Outcome::Refuted;
  v.cause = Cause::None;
  v.diagnostics = std::move(diagnostics);
  v.detail = std::move(detail);
  return v;
}

Verdict Verdict::unknown(Cause cause, std::string detail) {
  Verdict v;
  v.outcome = Outcome::Unknown;
  v.cause = cause;
  v.detail = std::move(detail);
  return v;
}

Verdict Verdict::error(Cause cause, std::string detail) {
  Verdict v;
  v.outcome = Outcome::Error;
  v.cause = cause;
  v.detail = std::move(detail);
  return v;
}

Verdict Verdict::rejected(std::vector<Diagnostic> findings) {
  Verdict v;
  v.outcome = Outcome::Refuted;
  v.cause = Cause::Integrity;
  if (!findings.empty()) v.detail = format_diagnostic(findings.front());
  v.diagnostics = std::move(findings);
  return v;
}

void settle_assumptions(Verdict& verdict) {
  if (verdict.outcome != Outcome::Verified) return;
  for (const auto& a : verdict.assumptions) {
    if (a.allowed()) continue;
    verdict.outcome = Outcome::Refuted;
    verdict.cause = Cause::Integrity;
    verdict.detail = format_assumption(a);
    return;
  }
}

}  // namespace verigen
