#pragma once
/// The one rule that turns what Dafny reported about a verification run into a verdict, for
/// both ways verigen runs Dafny: the one-shot `dafny verify` process (dafny_output.h reads its
/// exit code, JSON lines and summary) and the warm language server (dafny_server.h reads its
/// notifications). Each reader only gathers DafnyRunFacts; what they mean is decided here.

#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "core/verdict.h"

namespace verigen::dafny {

/// What one Dafny run established, whichever way Dafny was run.
struct DafnyRunFacts {
  /// Errors and warnings as Dafny reported them, in order (editor hints already dropped).
  std::vector<Diagnostic> diagnostics;
  /// Dafny could not parse or resolve the program.
  bool input_rejected = false;
  /// Dafny itself refused the program because of warnings (an assume without {:axiom} ...).
  bool warnings_rejected = false;
  /// Proof obligations Dafny reported as failed, as time-outs, and as out of resource or
  /// inconclusive (a server symbol that failed without a message counts here too).
  int errors = 0;
  int timeouts = 0;
  int resource_limits = 0;
  /// Dafny said it checked everything (process: a summary line; server: every symbol reached a
  /// final status). Without it nothing is verified.
  bool complete = false;
  /// Why the run is not complete, for the verdict's detail.
  std::string incomplete_detail;
};

/// The verdict for `facts`, in this order: input rejected → Error/BadInput; warnings rejected
/// → rejected (integrity); any failed obligation → Refuted; else any time-out → Unknown/Timeout
/// (reproducible: Dafny's own limit); else any resource limit → Unknown/ResourceLimit; else not
/// complete → Error/BadOutput; else Verified, with the assumptions Dafny's warnings point at
/// listed for the back-end's policy to judge. Diagnostics go with every verdict.
Verdict dafny_run_verdict(const DafnyRunFacts& facts);

}  // namespace verigen::dafny
