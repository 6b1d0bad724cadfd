#pragma once
/// The loops of a Dafny program, described for the built-in invariant generator.

#include <string>
#include <vector>

#include "gen/builtin/loop_site.h"

namespace verigen {

/// One LoopSite per `while` loop of a method that has no `invariant` yet, with the variables
/// in scope (parameters, results, locals declared before the loop with their initialisers),
/// the variables the loop assigns, and the method's contracts. Expressions keep the user's
/// spelling (they are slices of `text`). Empty for text that does not parse.
std::vector<LoopSite> dafny_loop_sites(const std::string& text);

}  // namespace verigen
