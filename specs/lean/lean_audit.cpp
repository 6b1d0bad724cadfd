#include "specs/lean/lean_audit.h"

#include "specs/hatch_audit.h"
#include "specs/lean/clever_stage.h"
#include "specs/lean/lean_hole_audit.h"
#include "specs/lean/lean_spec.h"
#include "specs/lean/lean_syntax.h"
#include "specs/source_span.h"

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

Diagnostic at(const std::string& text, const std::string& path, std::size_t offset,
              std::string rule, std::string message) {
  Diagnostic d;
  auto pos = position_of(text, offset);
  d.where.file = path;
  d.where.line = pos.line;
  d.where.column = pos.column;
  d.rule = std::move(rule);
  d.message = std::move(message);
  return d;
}

}  // namespace

std::vector<Diagnostic> audit_lean_task(const Task& task, const std::string& candidate) {
  const std::string& original = task.spec_text;
  const std::string& path = task.spec_path;
  std::vector<std::pair<std::size_t, std::size_t>> holes;
  for (const auto& h : task.holes) holes.emplace_back(h.begin, h.end);
  auto findings = audit_by_hatches(original, candidate, path, scan_words(candidate, kLeanComments),
                                   hatches(scan_words(original, kLeanComments)),
                                   hatches(scan_words(candidate, kLeanComments)), holes);
  auto answers = locate_answers(task, candidate);
  if (!answers) {
    // Text before the task's first line or after its last one is a command of its own.
    bool reported = false;
    for (const auto& f : findings) reported |= f.rule == "integrity.fixed-part-changed";
    if (!reported)
      findings.push_back(at(candidate, path, 0, "integrity.fixed-part-changed",
                            "the candidate adds text before or after the task's own, or changes "
                            "it: only the holes may be written"));
    return findings;
  }
  for (std::size_t i = 0; i < answers->size() && i < task.holes.size(); ++i) {
    const auto [begin, end] = (*answers)[i];
    const Hole& hole = task.holes[i];
    for (auto& f : audit_lean_hole(std::string_view(candidate).substr(begin, end - begin),
                                   hole_category(hole.name), stage_forbidden_names(hole.name)))
      findings.push_back(at(candidate, path, begin + f.offset, f.rule,
                            f.message + " (in the answer for " + hole.name + ")"));
  }
  return findings;
}

std::vector<Diagnostic> audit_lean(const std::string& original, const std::string& candidate,
                                   const std::string& display_path) {
  Task task;
  task.language = Language::Lean;
  task.spec_path = display_path;
  task.spec_text = original;
  auto sections = clever_sections(display_path, original);
  if (sections.ok() && !sections->empty()) {
    for (const auto& s : *sections)
      if (s.name == "generated_spec_body" || s.name == "spec_isomorphism_proof" ||
          s.name == "implementation" || s.name == "correctness_proof")
        task.holes.push_back({s.name, s.begin, s.end, ""});
  } else {
    for (const auto& w : scan_words(original, kLeanComments).words)
      if (w.text == "sorry") task.holes.push_back({"sorry", w.begin, w.begin + w.text.size(), ""});
  }
  return audit_lean_task(task, candidate);
}

}  // namespace verigen::lean
