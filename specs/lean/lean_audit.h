#pragma once
/// The integrity audit for Lean 4 candidates.

#include <string>
#include <vector>

#include "core/diagnostic.h"

namespace verigen::lean {

/// Findings of `candidate` against `original`: every added `sorry`, `admit`, `axiom`,
/// `native_decide`, `@[implemented_by ...]` or `@[extern ...]` (counted outside comments and
/// strings, so those already in the original are not the candidate's), and any part of the
/// original outside its holes (its `sorry`s, or the CLEVER sections to fill) that the
/// candidate does not keep.
std::vector<Diagnostic> audit_lean(const std::string& original, const std::string& candidate,
                                   const std::string& display_path);

}  // namespace verigen::lean
