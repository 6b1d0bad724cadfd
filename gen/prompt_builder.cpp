#include "gen/prompt_builder.h"

#include "gen/candidate_generator.h"
#include "gen/prompt_template.h"
#include "gen/repair_feedback.h"
#include "specs/integrity_rules.h"

namespace verigen {
namespace {

std::string examples_text(const Task& task) {
  if (task.examples.empty()) return "(none given)";
  std::string out;
  for (const auto& e : task.examples) out += "- " + e.input + " == " + e.expected + "\n";
  return out;
}

/// The template name of a task's first-round prompt.
std::string first_kind(const Task& task) {
  // A CLEVER stage has its own prompt, naming the section to fill.
  if (task.language == Language::Lean && task.holes.size() == 1) {
    const std::string& section = task.holes.front().name;
    if (section == "generated_spec_body") return "clever_spec";
    if (section == "spec_isomorphism_proof") return "clever_isomorphism";
    if (section == "implementation") return "clever_implementation";
    if (section == "correctness_proof") return "clever_correctness";
  }
  TaskKind kind = task.kind == TaskKind::Verify ? TaskKind::Implement : task.kind;
  // F* has no separate specify/annotate templates: its holes are proof or code holes.
  if (task.language == Language::FStar && kind != TaskKind::Implement) kind = TaskKind::Prove;
  return std::string(to_string(kind));
}

Result<std::string> system_prompt(const Task& task, const std::string& overrides) {
  auto text = prompt_template(task.language, "system", overrides);
  if (!text.ok()) return fail(text.error());
  std::string rules;
  for (const auto& rule : integrity_rules(task.language, task.kind)) rules += "- " + rule + "\n";
  return render_template(*text, {{"rules", rules}});
}

/// An unusable answer as the repair prompt shows it: its end, where a final answer would be,
/// when it is long (a reasoning model's draft can fill its whole budget).
constexpr std::size_t kMaxUnusableShown = 8000;

std::string shown_attempt(const std::string& failed, const Verdict& verdict) {
  if (!is_unusable_answer(verdict) || failed.size() <= kMaxUnusableShown) return failed;
  // Start at a character boundary: a cut UTF-8 sequence would make the request invalid JSON.
  std::size_t start = failed.size() - kMaxUnusableShown;
  while (start < failed.size() && (static_cast<unsigned char>(failed[start]) & 0xC0) == 0x80)
    ++start;
  return "[... " + std::to_string(start) + " bytes left out ...]\n" + failed.substr(start);
}

}  // namespace

Result<Prompt> first_prompt(const Task& task, const std::string& overrides) {
  auto system = system_prompt(task, overrides);
  if (!system.ok()) return fail(system.error());
  auto text = prompt_template(task.language, first_kind(task), overrides);
  if (!text.ok()) return fail(text.error());
  auto user = render_template(*text, {{"spec", task.spec_text},
                                      {"doc", task.doc.empty() ? "(none)" : task.doc},
                                      {"examples", examples_text(task)}});
  if (!user.ok()) return fail(user.error());
  return Prompt{*system, *user};
}

Result<Prompt> repair_prompt(const Task& task, const std::string& failed, const Verdict& verdict,
                             const std::string& overrides) {
  auto system = system_prompt(task, overrides);
  if (!system.ok()) return fail(system.error());
  auto text = prompt_template(task.language, "repair", overrides);
  if (!text.ok()) return fail(text.error());
  auto user = render_template(*text, {{"spec", task.spec_text},
                                      {"doc", task.doc.empty() ? "(none)" : task.doc},
                                      {"examples", examples_text(task)},
                                      {"problem", repair_problem(task.language, verdict)},
                                      {"candidate", shown_attempt(failed, verdict)},
                                      {"diagnostics", repair_diagnostics(failed, verdict)}});
  if (!user.ok()) return fail(user.error());
  return Prompt{*system, *user};
}

}  // namespace verigen
