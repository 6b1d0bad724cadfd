#pragma once
/// Reading what `dafny verify --json-output` printed: one pure function from exit status and
/// output to a Verdict, so every rule is covered by a table test on recorded real output.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/assumption.h"
#include "core/diagnostic.h"
#include "core/process.h"
#include "core/verdict.h"

namespace verigen::dafny {

/// The counts of Dafny's closing line
/// "Dafny program verifier finished with 3 verified, 1 error, 2 time outs, 1 out of resource".
struct VerifierSummary {
  int verified = 0;
  int errors = 0;
  int timeouts = 0;
  int out_of_resource = 0;
  int inconclusive = 0;
};

/// Parses a summary line (anywhere in `text`); nullopt when there is none.
std::optional<VerifierSummary> parse_summary(std::string_view text);

using verigen::PathMapping;

/// Everything Dafny said, split into structured parts.
struct ParsedOutput {
  std::vector<Diagnostic> diagnostics;  ///< in output order
  std::optional<VerifierSummary> summary;
  bool parse_or_resolution_errors = false;  ///< "N parse errors detected", "resolution/type errors"
  bool warnings_rejected = false;           ///< "Compilation failed because warnings were found"
  std::vector<std::string> other_lines;     ///< anything that was not a JSON message
};

/// Parses `--json-output` lines; non-JSON lines are kept in other_lines.
ParsedOutput parse_json_output(std::string_view out, const PathMapping& paths);

/// The assumption kind of a Dafny warning that points at an unproven assumption (an assume
/// without {:axiom}, a body-less declaration with a contract, an extern contract, {:verify
/// false}, @VerifyOnly, a loop without a body); "" for any other message (missing triggers,
/// deprecated syntax), which takes nothing on trust.
std::string assumption_kind_of_warning(std::string_view message);

/// True for a warning diagnostic of one of those kinds.
bool is_escape_hatch_warning(const Diagnostic& d);

/// The warnings of a finished run that mark assumptions, as assumptions found by "dafny verify"
/// (not yet judged: the back-end's policy decides which are allowed).
std::vector<Assumption> assumptions_from_warnings(const std::vector<Diagnostic>& diagnostics);

/// True for Dafny's "Verification of 'X' timed out" messages.
bool is_timeout_message(const std::string& message);

/// The verdict for one finished `dafny verify` child. Verified only when the process exited 0,
/// the summary line was found, it reports no errors, time-outs or resource exhaustion, and no
/// warning marks an escape hatch (assume without {:axiom}, a body-less declaration with a
/// contract, {:verify false}) — those give Refuted/Integrity even though Dafny exited 0 under
/// --allow-warnings.
/// Timeouts → Unknown/Timeout; killed by a signal or an unexpected exit code → Error/ToolCrashed;
/// parse or resolution errors → Error/BadInput; warnings Dafny rejects (assume without
/// {:axiom}) → Refuted/Integrity; anything contradictory → Error/BadOutput.
Verdict interpret_verify_run(const ProcessResult& run, const PathMapping& paths);

}  // namespace verigen::dafny
