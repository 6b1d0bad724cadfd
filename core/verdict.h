#pragma once
/// Verdict: everything a back-end says about one candidate.

#include <chrono>
#include <string>
#include <vector>

#include "core/assumption.h"
#include "core/diagnostic.h"
#include "core/outcome.h"

namespace verigen {

struct Verdict {
  Outcome outcome = Outcome::Error;
  Cause cause = Cause::Internal;
  std::string detail;  ///< one human line, or the tail of the tool's output
  std::vector<Diagnostic> diagnostics;
  /// Every assumption the proof rests on that the back-end found, allowed or not. A verdict
  /// with an assumption that is not allowed is never Verified (see settle_assumptions).
  std::vector<Assumption> assumptions;
  std::string tool_version;
  std::chrono::milliseconds elapsed{0};
  bool cached = false;  ///< true when served from the verification cache
  /// True for an Unknown the tool itself concluded under a limit that is part of its options
  /// (Dafny's per-assertion --verification-time-limit): the same input and options give that
  /// answer again, so it may be cached. A wall-clock kill is never reproducible.
  bool reproducible = false;

  bool verified() const { return outcome == Outcome::Verified; }

  static Verdict verified_by(std::string tool_version);
  static Verdict refuted(std::vector<Diagnostic> diagnostics, std::string detail = {});
  static Verdict unknown(Cause cause, std::string detail);
  static Verdict error(Cause cause, std::string detail);
  /// Refused for integrity: the candidate edits what it must keep or rests on an assumption
  /// nobody allowed, whatever a verifier would say of it. The detail is the first finding.
  static Verdict rejected(std::vector<Diagnostic> findings);

  /// True for a verdict made by rejected() (or settled by settle_assumptions()).
  bool integrity_rejected() const {
    return outcome == Outcome::Refuted && cause == Cause::Integrity;
  }
};

/// The rule every Verified verdict passes through: a proof that rests on an assumption nobody
/// allowed proves nothing, so such a verdict becomes Refuted with cause Integrity, its detail
/// naming the first such assumption. Other verdicts are left as they are.
void settle_assumptions(Verdict& verdict);

}  // namespace verigen
