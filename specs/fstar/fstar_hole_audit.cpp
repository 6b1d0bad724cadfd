#include "specs/fstar/fstar_hole_audit.h"

#include <set>

#include "specs/fstar/fstar_spec.h"
#include "specs/source_span.h"

namespace verigen::fstar {
namespace {

/// Keywords that begin or qualify a top-level declaration of F*; none belongs inside one.
const std::set<std::string, std::less<>> kDeclarationKeywords = {"val",
                                                                 "type",
                                                                 "module",
                                                                 "open",
                                                                 "friend",
                                                                 "include",
                                                                 "effect",
                                                                 "new_effect",
                                                                 "sub_effect",
                                                                 "layered_effect",
                                                                 "class",
                                                                 "instance",
                                                                 "irreducible",
                                                                 "noeq",
                                                                 "unopteq",
                                                                 "inline_for_extraction",
                                                                 "noextract",
                                                                 "private",
                                                                 "abstract",
                                                                 "total",
                                                                 "unfold",
                                                                 "reifiable",
                                                                 "reflectable",
                                                                 "exception",
                                                                 "polymonadic_bind",
                                                                 "polymonadic_subcomp",
                                                                 "splice",
                                                                 "interface"};

/// Names that prove anything or switch checking off, matched against every dotted part.
const std::set<std::string, std::less<>> kHatchNames = {
    "admit",           "admit_",       "tadmit",        "admit_all",
    "admit_dump",      "magic",        "unsafe_coerce", "admit_smt_queries",
    "set_options",     "push_options", "pop_options",   "with_options",
    "synth_by_tactic", "assume"};

/// Option text that turns proofs off, wherever it appears (a string handed to a tactic that
/// sets options is still an option change).
const char* const kOptionText[] = {"admit_smt_queries", "--lax", "--admit", "smtencoding"};

/// True when something outside comments and white space is left (`()` has no word but is code).
bool has_code(std::string_view s) {
  int depth = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s.compare(i, 2, "(*") == 0) {
      ++depth, ++i;
    } else if (depth > 0 && s.compare(i, 2, "*)") == 0) {
      --depth, ++i;
    } else if (depth == 0 && s.compare(i, 2, "//") == 0) {
      while (i < s.size() && s[i] != '\n') ++i;
    } else if (depth == 0 && !(s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r')) {
      return true;
    }
  }
  return false;
}

}  // namespace

std::vector<FStarHoleFinding> audit_fstar_hole(std::string_view answer) {
  std::vector<FStarHoleFinding> out;
  auto scan = scan_words(answer, kFStarComments);
  if (scan.error) {
    out.push_back({scan.error->first, "integrity.unparsable",
                   "the answer cannot be audited: " + scan.error->second});
    return out;
  }
  for (const auto& w : scan.words) {
    if (w.text.rfind('#', 0) == 0) {
      out.push_back({w.begin, "integrity.command-in-hole",
                     "`" + w.text + "` is a pragma, not part of an expression"});
      continue;
    }
    if (kDeclarationKeywords.count(w.text))
      out.push_back({w.begin, "integrity.command-in-hole",
                     "`" + w.text + "` belongs to a top-level declaration"});
    std::size_t start = 0;
    while (true) {
      auto dot = w.text.find('.', start);
      std::string part = w.text.substr(start, dot == std::string::npos ? dot : dot - start);
      if (kHatchNames.count(part)) {
        out.push_back({w.begin, "integrity.escape-hatch", "escape hatch: `" + part + "`"});
        break;
      }
      if (dot == std::string::npos) break;
      start = dot + 1;
    }
    // A `let` in column 0 starts a new top-level definition.
    if (w.text == "let" && w.begin > 0 && answer[w.begin - 1] == '\n')
      out.push_back({w.begin, "integrity.command-in-hole",
                     "a `let` in column 0 is a new top-level definition"});
  }
  for (std::size_t at = answer.find("[@"); at != std::string_view::npos;
       at = answer.find("[@", at + 1))
    out.push_back({at, "integrity.command-in-hole", "an attribute (`[@...]`)"});
  for (const char* text : kOptionText)
    if (auto at = answer.find(text); at != std::string_view::npos)
      out.push_back({at, "integrity.escape-hatch", std::string("option text `") + text + "`"});
  if (!has_code(answer)) out.push_back({0, "integrity.hole-category", "the answer is empty"});
  return out;
}

std::vector<Diagnostic> audit_fstar_task(const Task& task, const std::string& candidate) {
  auto findings = audit_fstar(task.spec_text, candidate, task.spec_path);
  auto place = [&](std::size_t offset, std::string rule, std::string message) {
    Diagnostic d;
    auto pos = position_of(candidate, offset);
    d.where.file = task.spec_path;
    d.where.line = pos.line;
    d.where.column = pos.column;
    d.rule = std::move(rule);
    d.message = std::move(message);
    findings.push_back(std::move(d));
  };
  auto answers = locate_answers(task, candidate);
  if (!answers) {
    place(0, "integrity.fixed-part-changed",
          "the candidate adds text before or after the task's own, or changes it: only the "
          "`admit ()` holes may be written");
    return findings;
  }
  for (const auto& [begin, end] : *answers)
    for (const auto& f : audit_fstar_hole(std::string_view(candidate).substr(begin, end - begin)))
      place(begin + f.offset, f.rule, f.message);
  return findings;
}

}  // namespace verigen::fstar
