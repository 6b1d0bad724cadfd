#include "core/task.h"

#include <array>
#include <utility>

namespace verigen {
namespace {

constexpr std::array<std::pair<Language, std::string_view>, 4> kLanguageNames{{
    {Language::Dafny, "dafny"},
    {Language::Lean, "lean"},
    {Language::FStar, "fstar"},
    {Language::SyGuS, "sygus"},
}};

constexpr std::array<std::pair<TaskKind, std::string_view>, 6> kKindNames{{
    {TaskKind::Verify, "verify"},
    {TaskKind::Implement, "implement"},
    {TaskKind::Annotate, "annotate"},
    {TaskKind::Specify, "specify"},
    {TaskKind::Prove, "prove"},
    {TaskKind::Invariant, "invariant"},
}};

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

}  // namespace

std::string_view to_string(Language language) {
  for (const auto& [v, n] : kLanguageNames)
    if (v == language) return n;
  return "dafny";
}

std::string_view to_string(TaskKind kind) {
  for (const auto& [v, n] : kKindNames)
    if (v == kind) return n;
  return "verify";
}

std::optional<Language> language_from_string(std::string_view name) {
  for (const auto& [v, n] : kLanguageNames)
    if (n == name) return v;
  return std::nullopt;
}

std::optional<TaskKind> task_kind_from_string(std::string_view name) {
  for (const auto& [v, n] : kKindNames)
    if (n == name) return v;
  return std::nullopt;
}

std::optional<Language> language_of_path(std::string_view path) {
  if (ends_with(path, ".dfy")) return Language::Dafny;
  if (ends_with(path, ".lean")) return Language::Lean;
  if (ends_with(path, ".fst") || ends_with(path, ".fsti")) return Language::FStar;
  if (ends_with(path, ".sl")) return Language::SyGuS;
  return std::nullopt;
}

std::optional<std::vector<std::pair<std::size_t, std::size_t>>> locate_answers(
    const Task& task, std::string_view text) {
  constexpr std::string_view kSpace = " \t\r\n";
  auto trim = [&](std::string_view s) {
    auto b = s.find_first_not_of(kSpace);
    if (b == std::string_view::npos) return std::string_view{};
    return s.substr(b, s.find_last_not_of(kSpace) - b + 1);
  };
  const std::string_view spec = task.spec_text;
  if (task.holes.empty())
    return trim(text) == trim(spec)
               ? std::optional(std::vector<std::pair<std::size_t, std::size_t>>{})
               : std::nullopt;
  std::vector<std::string_view> parts;
  std::size_t from = 0;
  for (const auto& hole : task.holes) {
    parts.push_back(trim(spec.substr(from, hole.begin - from)));
    from = hole.end;
  }
  parts.push_back(trim(spec.substr(from)));
  // The first part opens the text and the last one closes it: nothing may come before or
  // after the task's own text.
  const std::string_view body = trim(text);
  const std::size_t body_at =
      body.empty() ? 0 : static_cast<std::size_t>(body.data() - text.data());
  if (body.substr(0, parts.front().size()) != parts.front()) return std::nullopt;
  const std::string_view last = parts.back();
  if (body.size() < parts.front().size() + last.size() ||
      body.substr(body.size() - last.size()) != last)
    return std::nullopt;
  const std::size_t end_of_answers = body_at + body.size() - last.size();
  std::vector<std::pair<std::size_t, std::size_t>> answers;
  std::size_t cursor = body_at + parts.front().size();
  for (std::size_t i = 1; i < parts.size(); ++i) {
    std::size_t at = end_of_answers;
    // Two holes with only blanks between them (`sorry sorry`) have no boundary to find: the
    // first answer is empty and the next holds the text of both (the fixed parts still match).
    if (i + 1 < parts.size() && parts[i].empty()) at = cursor;
    if (i + 1 < parts.size() && !parts[i].empty()) {
      at = text.find(parts[i], cursor);
      if (at == std::string_view::npos || at + parts[i].size() > end_of_answers)
        return std::nullopt;
    }
    answers.emplace_back(cursor, at);
    cursor = i + 1 < parts.size() ? at + parts[i].size() : at;
  }
  return answers;
}

Candidate candidate_for(const Task& task, std::string text) {
  Candidate candidate;
  candidate.task_id = task.id;
  candidate.language = task.language;
  candidate.display_path = task.spec_path;
  candidate.text = std::move(text);
  // A candidate may keep the assumptions the user's own spec makes, never add one, and never
  // keep one in a declaration it was asked to fill. A Verify task is the file itself: nothing
  // in it is trusted by default.
  if (task.kind != TaskKind::Verify) {
    candidate.assumption_policy.has_original = true;
    candidate.assumption_policy.original = task.spec_text;
    for (const auto& hole : task.holes) candidate.assumption_policy.holes.push_back(hole.name);
    if (auto answers = locate_answers(task, candidate.text)) candidate.answer_regions = *answers;
  }
  return candidate;
}

}  // namespace verigen
