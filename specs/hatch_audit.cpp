#include "specs/hatch_audit.h"

#include <map>

#include "specs/source_span.h"

namespace verigen {

std::vector<Diagnostic> audit_by_hatches(
    const std::string& original, const std::string& candidate, const std::string& display_path,
    const WordScan& candidate_scan, const std::vector<HatchOccurrence>& original_hatches,
    const std::vector<HatchOccurrence>& candidate_hatches,
    const std::vector<std::pair<std::size_t, std::size_t>>& holes) {
  std::vector<Diagnostic> findings;
  auto add = [&](std::size_t offset, const std::string& rule, const std::string& message) {
    Diagnostic d;
    auto pos = position_of(candidate, offset);
    d.where.file = display_path;
    d.where.line = pos.line;
    d.where.column = pos.column;
    d.rule = rule;
    d.message = message;
    findings.push_back(std::move(d));
  };
  if (candidate_scan.error) {
    add(candidate_scan.error->first, "integrity.unparsable",
        "candidate cannot be audited: " + candidate_scan.error->second);
    return findings;
  }
  std::map<std::string, int> allowed;
  for (const auto& h : original_hatches) ++allowed[h.kind];
  std::map<std::string, int> seen;
  for (const auto& h : candidate_hatches) {
    if (++seen[h.kind] == allowed[h.kind] + 1)
      add(h.offset, "integrity.escape-hatch", "escape hatch added: " + h.kind);
  }
  if (auto missing = first_missing_fixed_part(original, holes, candidate)) {
    auto pos = position_of(original, *missing);
    add(0, "integrity.fixed-part-changed",
        "the candidate changes text it had to keep (the original's line " +
            std::to_string(pos.line) + " onwards, outside the holes)");
  }
  return findings;
}

}  // namespace verigen
