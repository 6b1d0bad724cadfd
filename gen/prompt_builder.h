#pragma once
/// The prompts a model is sent for a task: the system prompt (with the integrity audit's rules),
/// the first-round prompt per task kind, and the repair prompt for a failed attempt.

#include <string>

#include "core/result.h"
#include "core/task.h"
#include "core/verdict.h"

namespace verigen {

struct Prompt {
  std::string system;
  std::string user;
};

/// The first-round prompt for `task`, from the templates (`overrides`: a --prompts folder, ""
/// for the embedded ones). The system prompt lists the audit's rules for the task's language
/// and kind (integrity_rules()).
Result<Prompt> first_prompt(const Task& task, const std::string& overrides = "");

/// The repair prompt for `failed`, given why it failed (see CandidateGenerator::repair): the
/// reason, the errors with the lines they point at, the task with its doc and examples, and the
/// failed attempt.
Result<Prompt> repair_prompt(const Task& task, const std::string& failed, const Verdict& verdict,
                             const std::string& overrides = "");

}  // namespace verigen
