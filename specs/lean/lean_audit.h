#pragma once
/// The integrity audit for Lean 4 candidates.

#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "core/task.h"

namespace verigen::lean {

/// Findings of `candidate` for `task`: the task's fixed text must open and close the candidate
/// and stay in order around the holes (nothing added before, between or after), and each
/// hole's answer must fit its hole (lean_hole_audit.h: its syntactic category, no command, no
/// escape hatch, no name the stage may not see). Escape hatches are also counted over the whole
/// candidate against the task's text, as a second reading.
std::vector<Diagnostic> audit_lean_task(const Task& task, const std::string& candidate);

/// The same for a bare `original` (`verify --against`): its holes are its `sorry`s, or its
/// CLEVER sections to fill.
std::vector<Diagnostic> audit_lean(const std::string& original, const std::string& candidate,
                                   const std::string& display_path);

}  // namespace verigen::lean
