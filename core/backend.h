#pragma once
/// Backend: the one interface every verifier sits behind (dafny, lean, fstar, z3).

#include <string>

#include "core/deadline.h"
#include "core/task.h"
#include "core/verdict.h"

namespace verigen {

/// Non-virtual interface: verify() times the call, fences exceptions and enforces the rule that
/// an expired deadline is never success; subclasses implement do_verify().
class Backend {
 public:
  virtual ~Backend() = default;

  /// Verifies one candidate before `deadline`. Never throws: an exception inside the back-end
  /// becomes Error/Internal. A Verified verdict returned after the deadline passed is kept
  /// (the tool did answer); an Unknown/Error keeps its cause.
  Verdict verify(const Candidate& candidate, Deadline deadline);

  /// Short name: "dafny", "lean", "fstar", "z3".
  virtual std::string name() const = 0;
  /// The tool's version string, or "" when the tool is missing.
  virtual std::string version() = 0;
  /// Options that change verdicts (limits, flags), part of cache keys and certificates.
  virtual std::string options_fingerprint() const = 0;
  /// The version of the solver the tool runs ("4.8.12" for Dafny's Z3), "" when it has none
  /// or it cannot be told; recorded in certificates.
  virtual std::string solver_version() { return {}; }
  /// Everything besides the candidate's text that its verdict depends on (the files it
  /// includes), as a fingerprint for cache keys; "" when nothing.
  virtual std::string dependency_fingerprint(const Candidate& /*candidate*/) { return {}; }

 protected:
  virtual Verdict do_verify(const Candidate& candidate, Deadline deadline) = 0;
};

}  // namespace verigen
