#pragma once
/// `decreases` clauses for recursive declarations of a specify task. A hint-free program loses
/// them, Dafny's default measure (all parameters, in order) fails whenever the one that shrinks
/// is not the first, and Dafny's error sits at the recursive call, naming no clause Houdini
/// could blame. So each candidate measure is tried in turn and kept when it removes
/// termination errors.

#include <string>
#include <vector>

#include "core/backend.h"
#include "gen/builtin/dafny_houdini.h"
#include "gen/builtin/loop_site.h"

namespace verigen {

/// Tries, for each site i in order, each of `measures[i]` as a `decreases` clause beside the
/// site's kept clauses in `result` (the sites carry their own keywords), re-running Houdini
/// (a few rounds) on the text; a measure is kept when the program then has fewer termination
/// errors, replacing `result`. Does nothing when `result` has no termination error. Stops
/// after `max_calls` verifier calls or at the deadline. Returns the verifier calls made and
/// counts the measures kept in `added`.
int add_recursion_measures(Backend& backend, const std::string& text,
                           const std::string& display_path, const std::vector<LoopSite>& sites,
                           const std::vector<std::vector<std::string>>& measures,
                           DafnyHoudiniResult& result, Deadline deadline,
                           const AssumptionPolicy& policy, int max_calls, int& added);

}  // namespace verigen
