#pragma once
/// The integrity audit for any language: one entry point the CLI and the pipeline call.

#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "core/task.h"

namespace verigen {

/// Findings of `candidate` against `original` for a task of `kind` in `language` (see each
/// language's audit for the rules); empty when the candidate keeps everything it must and adds
/// no escape hatch. A language without an audit yields one finding saying so, so nothing
/// unaudited is ever called verified.
/// `allowed` lists the assumption kinds the user trusts ("kind" or "kind:Declaration").
std::vector<Diagnostic> audit_candidate(Language language, const std::string& original,
                                        const std::string& candidate, TaskKind kind,
                                        const std::string& display_path,
                                        const std::vector<std::string>& allowed = {});

/// The same for a candidate of `task`, where the audit can use what the task knows of its
/// holes (Lean and F*: each hole's answer is held to its syntactic category).
std::vector<Diagnostic> audit_task_candidate(const Task& task, const std::string& candidate,
                                             const std::vector<std::string>& allowed = {});

}  // namespace verigen
