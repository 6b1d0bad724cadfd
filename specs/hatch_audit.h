#pragma once
/// The audit shape Lean and F* share: escape hatches counted against the original, fixed parts
/// kept in order.

#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "specs/word_scan.h"

namespace verigen {

/// One escape hatch found in a text.
struct HatchOccurrence {
  std::string kind;    ///< "sorry", "@[extern]", "#set-options ...", ...
  std::size_t offset;  ///< where it is
};

/// Findings: a scan error in the candidate; each hatch kind the candidate has more of than the
/// original (pointing at the first extra occurrence); the first fixed part of the original
/// (outside `holes`) that the candidate does not keep.
std::vector<Diagnostic> audit_by_hatches(
    const std::string& original, const std::string& candidate, const std::string& display_path,
    const WordScan& candidate_scan, const std::vector<HatchOccurrence>& original_hatches,
    const std::vector<HatchOccurrence>& candidate_hatches,
    const std::vector<std::pair<std::size_t, std::size_t>>& holes);

}  // namespace verigen
