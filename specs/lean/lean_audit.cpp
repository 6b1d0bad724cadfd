#include "specs/lean/lean_audit.h"

#include <map>

#include "specs/hatch_audit.h"
#include "specs/lean/lean_spec.h"
#include "specs/lean/lean_syntax.h"

namespace verigen::lean {
namespace {

/// The escape hatches of Lean, by the word that introduces them.
std::vector<HatchOccurrence> hatches(const WordScan& scan) {
  std::vector<HatchOccurrence> out;
  for (std::size_t i = 0; i < scan.words.size(); ++i) {
    const auto& w = scan.words[i].text;
    if (w == "sorry" || w == "admit" || w == "axiom" || w == "native_decide" || w == "sorryAx")
      out.push_back({w, scan.words[i].begin});
    if (w == "@[" && i + 1 < scan.words.size() &&
        (scan.words[i + 1].text == "implemented_by" || scan.words[i + 1].text == "extern"))
      out.push_back({"@[" + scan.words[i + 1].text + "]", scan.words[i].begin});
  }
  return out;
}

}  // namespace

std::vector<Diagnostic> audit_lean(const std::string& original, const std::string& candidate,
                                   const std::string& display_path) {
  auto before = scan_words(original, kLeanComments);
  auto after = scan_words(candidate, kLeanComments);
  std::vector<std::pair<std::size_t, std::size_t>> holes;
  auto sections = clever_sections(display_path, original);
  if (sections.ok() && !sections->empty()) {
    for (const auto& s : *sections)
      if (s.name == "generated_spec_body" || s.name == "spec_isomorphism_proof" ||
          s.name == "implementation" || s.name == "correctness_proof")
        holes.emplace_back(s.begin, s.end);
  } else {
    for (const auto& w : before.words)
      if (w.text == "sorry") holes.emplace_back(w.begin, w.begin + w.text.size());
  }
  return audit_by_hatches(original, candidate, display_path, after, hatches(before), hatches(after),
                          holes);
}

}  // namespace verigen::lean
