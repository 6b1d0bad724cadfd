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
  }
  return candidate;
}

}  // namespace verigen
