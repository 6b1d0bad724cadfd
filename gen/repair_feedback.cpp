#include "gen/repair_feedback.h"

#include <algorithm>
#include <set>
#include <tuple>
#include <vector>

#include "gen/candidate_generator.h"

namespace verigen {
namespace {

std::string tool_name(Language language) {
  switch (language) {
    case Language::Lean:
      return "Lean";
    case Language::FStar:
      return "F*";
    case Language::SyGuS:
      return "Z3";
    default:
      return "Dafny";
  }
}

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    auto end = text.find('\n', pos);
    if (end == std::string::npos) end = text.size();
    lines.push_back(text.substr(pos, end - pos));
    pos = end + 1;
  }
  return lines;
}

}  // namespace

std::string repair_problem(Language language, const Verdict& verdict) {
  if (is_unusable_answer(verdict))
    return "Your previous answer could not be used, so nothing was verified. Answer with the "
           "complete program in one fenced code block, and nothing after it.";
  if (verdict.integrity_rejected())
    return "The integrity audit refused your previous attempt before it reached " +
           tool_name(language) +
           ": it changed something the task fixes or relies on an escape hatch. Keep the "
           "preconditions and postconditions the same as in the task, keep every given "
           "declaration, signature and line of code, and do not use what the audit names "
           "below. The audit found:";
  return "Your previous attempt does not verify yet. " + tool_name(language) + " reported:";
}

std::string repair_diagnostics(const std::string& attempt, const Verdict& verdict) {
  if (is_unusable_answer(verdict)) return "- " + verdict.detail + "\n";
  const auto lines = split_lines(attempt);
  auto line_text = [&](int line) {
    return line > 0 && line <= static_cast<int>(lines.size()) ? lines[line - 1] : std::string();
  };
  std::vector<const Diagnostic*> sorted;
  for (const auto& d : verdict.diagnostics) sorted.push_back(&d);
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](auto* a, auto* b) { return a->where.line < b->where.line; });
  std::set<std::pair<int, std::string>> seen;
  std::string out;
  std::size_t shown = 0, left_out = 0;
  for (const Diagnostic* d : sorted) {
    if (!seen.emplace(d->where.line, d->message).second) continue;
    if (shown == kMaxRepairErrors) {
      ++left_out;
      continue;
    }
    ++shown;
    out += (d->where.line > 0 ? "line " + std::to_string(d->where.line) + ": " : std::string()) +
           severity_name(d->severity) + ": " + d->message + "\n";
    if (auto text = line_text(d->where.line); !text.empty()) out += "    " + text + "\n";
    for (const auto& r : d->related)
      if (auto text = line_text(r.line); !text.empty())
        out +=
            "  related, line " + std::to_string(r.line) + ": " + r.message + "\n    " + text + "\n";
  }
  if (left_out > 0) out += "(" + std::to_string(left_out) + " more errors not shown)\n";
  if (out.empty()) out = std::string(to_string(verdict.outcome)) + ": " + verdict.detail + "\n";
  return out;
}

}  // namespace verigen
