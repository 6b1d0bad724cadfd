#include "specs/fstar/fstar_spec.h"

#include "specs/hatch_audit.h"
#include "specs/source_span.h"

namespace verigen::fstar {
namespace {

/// The holes of F*: `admit` followed by `()`.
std::vector<std::pair<std::size_t, std::size_t>> admit_holes(const std::string& text,
                                                             const WordScan& scan) {
  std::vector<std::pair<std::size_t, std::size_t>> holes;
  for (const auto& w : scan.words) {
    if (w.text != "admit") continue;
    std::size_t i = w.begin + w.text.size();
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
    if (i + 1 < text.size() && text[i] == '(' && text[i + 1] == ')')
      holes.emplace_back(w.begin, i + 2);
  }
  return holes;
}

std::vector<HatchOccurrence> hatches(const std::string& text, const WordScan& scan) {
  std::vector<HatchOccurrence> out;
  for (const auto& w : scan.words) {
    if (w.text == "admit" || w.text == "assume" || w.text == "admit_smt_queries")
      out.push_back({w.text, w.begin});
    if (w.text == "#set-options" || w.text == "#push-options" || w.text == "#reset-options") {
      // The whole pragma line is the hatch: a changed option string is a different kind, so a
      // candidate that edits one shows up as one added.
      auto end = text.find('\n', w.begin);
      out.push_back(
          {text.substr(w.begin, end == std::string::npos ? std::string::npos : end - w.begin),
           w.begin});
    }
  }
  return out;
}

}  // namespace

Result<Task> parse_fstar_spec(const std::string& path, const std::string& text) {
  auto scan = scan_words(text, kFStarComments);
  if (scan.error) return fail(spec_error(path, text, scan.error->first, scan.error->second));
  Task t;
  t.id = path;
  t.language = Language::FStar;
  t.kind = TaskKind::Prove;
  t.spec_path = path;
  t.spec_text = text;
  for (const auto& [b, e] : admit_holes(text, scan)) t.holes.push_back({"admit", b, e, ""});
  if (t.holes.empty())
    return fail(spec_error(path, text, 0, "nothing to generate: no `admit ()` in this file"));
  return t;
}

std::vector<Diagnostic> audit_fstar(const std::string& original, const std::string& candidate,
                                    const std::string& display_path) {
  auto before = scan_words(original, kFStarComments);
  auto after = scan_words(candidate, kFStarComments);
  return audit_by_hatches(original, candidate, display_path, after, hatches(original, before),
                          hatches(candidate, after), admit_holes(original, before));
}

}  // namespace verigen::fstar
