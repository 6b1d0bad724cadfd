#pragma once
/// What an F* hole (`admit ()`) may hold: an expression or a proof inside the declaration it
/// belongs to. No pragma (`#set-options`, `#push-options`, `#restart-solver` ...), no attribute
/// (`[@@ ...]`, `[@ ...]`), no new top-level declaration (`val`, `type`, `assume val`, a `let`
/// in column 0 ...), no escape hatch (`admit`, `assume`, `magic`, `tadmit`, `unsafe_coerce`,
/// option strings that admit queries or go lax).

#include <string_view>
#include <vector>

#include "core/diagnostic.h"
#include "core/task.h"

namespace verigen::fstar {

/// One reason an answer does not fit its hole: offset in the answer, rule, message.
struct FStarHoleFinding {
  std::size_t offset = 0;
  std::string rule;
  std::string message;
};

/// The findings of `answer`, the text written in place of one `admit ()`.
std::vector<FStarHoleFinding> audit_fstar_hole(std::string_view answer);

/// Findings of `candidate` for `task`: the fixed text kept around the holes (nothing added
/// before, between or after) and every hole's answer audited as above, with the escape hatches
/// also counted over the whole candidate.
std::vector<Diagnostic> audit_fstar_task(const Task& task, const std::string& candidate);

}  // namespace verigen::fstar
