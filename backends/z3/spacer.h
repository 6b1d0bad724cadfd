#pragma once
/// Z3's CHC engine (Spacer) on a whole SyGuS-INV problem, run as a child process: the `z3`
/// binary on the problem's Horn clauses, killed at the deadline (or at once when a cancellable
/// deadline is cancelled). In process, cancelling Spacer mid-query sometimes ended verigen:
/// Z3 4.8.12 lets the "canceled" exception escape through a noexcept frame (std::terminate,
/// caught in a core dump of the portfolio test). A child can only die on its own.

#include <string>

#include "backends/z3/inv_checker.h"
#include "core/process.h"

namespace verigen::z3inv {

/// The SMT-LIB script for `z3`: the logic HORN, the relation `verigen_inv` over the problem's
/// variables, three clauses (inv(x) ← pre(x); inv(x') ← inv(x) ∧ trans(x,x'); false ← inv(x) ∧
/// ¬post(x)), then `(check-sat)` and `(get-model)`. Throws TranslateError on a problem the
/// translation refuses.
std::string spacer_script(const sygus::Problem& problem);

/// The command line for a script file (as a list, never a shell string).
std::vector<std::string> spacer_command(const std::string& script_file);

/// Maps how `z3` ended and what it printed to a result. Pure apart from reading the model's
/// term back through Z3's parser; table-tested on z3's real output. `sat` with a model that
/// interprets `verigen_inv` is Verified with that interpretation over the problem's variable
/// names (a claim: the caller re-checks it); `unsat` is Refuted without a trace; a timeout is
/// Unknown/Timeout whatever was printed; a crash, a nonzero exit or unreadable output is an
/// Error, never a verdict.
ChcResult interpret_spacer(const ProcessResult& run, const sygus::Problem& problem);

/// Runs `z3` on spacer_script(problem) before `deadline`; an `unsat` answer gets a trace from
/// find_violation when one is found in time. A missing `z3` is Error/ToolNotFound. Never throws.
ChcResult solve_with_spacer(ProcessRunner& runner, const sygus::Problem& problem,
                            Deadline deadline);

}  // namespace verigen::z3inv
