#pragma once
/// cvc5's SyGuS solver as a source of loop invariants: `cvc5 --lang=sygus2 FILE` on a SyGuS-INV
/// problem, run through a ProcessRunner (a child in its own process group, whose group is
/// killed at the deadline, or as soon as a cancellable deadline is cancelled). An answer is a
/// claim, never a verdict: the caller re-checks every invariant with its own checker.

#include <optional>
#include <string>

#include "core/deadline.h"
#include "core/outcome.h"
#include "core/process.h"
#include "specs/sygus/problem.h"

namespace verigen::cvc5 {

/// What cvc5 said about a problem.
struct SygusAnswer {
  /// Verified: cvc5 claims `invariant` (still to be re-checked); Refuted: cvc5 says no invariant
  /// exists ("infeasible"); Unknown: no answer in time, or cvc5 gave up ("fail"); Error: cvc5 is
  /// missing, crashed, or printed what cannot be read.
  Outcome outcome = Outcome::Error;
  Cause cause = Cause::Internal;
  std::string detail;                     ///< one line, starting "cvc5: "
  std::optional<sygus::SExpr> invariant;  ///< the body, over the problem's variables
};

/// The command line for a problem file (as a list, never a shell string).
std::vector<std::string> cvc5_command(const std::string& problem_file);

/// Maps how cvc5 ended and what it printed to an answer. Pure: no I/O, table-tested on cvc5's
/// real output. A run killed at the deadline is Unknown/Timeout whatever it printed before.
SygusAnswer interpret_cvc5(const ProcessResult& run, const sygus::Problem& problem);

/// Runs cvc5 on `problem_text` (the problem's whole file text; `problem` is its parsed form,
/// for reading the answer back) before `deadline`. A missing cvc5 is Error/ToolNotFound with a
/// detail that says what to install. Never throws.
SygusAnswer solve_with_cvc5(ProcessRunner& runner, const std::string& problem_text,
                            const sygus::Problem& problem, Deadline deadline);

}  // namespace verigen::cvc5
