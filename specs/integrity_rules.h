#pragma once
/// The integrity audit's rules as a model should read them, one line each: what a candidate
/// must keep and which escape hatches make it refused. Prompts render this list, so a model is
/// told exactly what the audit will check, no more and no less.

#include <string>
#include <string_view>
#include <vector>

#include "core/task.h"

namespace verigen {

/// The rule a model is given for an assumption kind of the audit's list (assumption_kinds());
/// "" for `other` (a finding no rule can name in advance). Every other kind has a rule.
std::string assumption_rule(std::string_view kind);

/// Every rule for a `kind` task in `language`: what must stay exactly as given for that kind,
/// what may be added, and (Dafny) one line per assumption kind, from assumption_rule().
std::vector<std::string> integrity_rules(Language language, TaskKind kind);

}  // namespace verigen
