#pragma once
/// What a repair prompt tells the model about a failed attempt: why it failed (the verifier,
/// the integrity audit, or an answer that never became a program) and the errors, each with
/// the line of the attempt it points at.

#include <string>

#include "core/task.h"
#include "core/verdict.h"

namespace verigen {

/// At most this many distinct errors go into one repair prompt: the first ones by line are the
/// ones a model can act on, and a long list only crowds out the program.
inline constexpr std::size_t kMaxRepairErrors = 12;

/// The repair prompt's opening paragraph for `verdict` on an attempt at a `language` task:
/// what refused it and, for the audit, that the task's contracts and declarations must stay
/// exactly as given.
std::string repair_problem(Language language, const Verdict& verdict);

/// The errors of `verdict` on `attempt`, deduplicated (same line and message), sorted by line,
/// capped at kMaxRepairErrors (saying how many were left out), each followed by the attempt's
/// line it points at; for an unusable answer, what was wrong with it.
std::string repair_diagnostics(const std::string& attempt, const Verdict& verdict);

}  // namespace verigen
