#pragma once
/// Candidate `decreases` clauses for a loop Dafny cannot prove terminating (DafnyBench's
/// hint-free programs have every `decreases` removed, and Dafny guesses one only from some guard
/// shapes: not from `k != n`, nor when the distance is not the guard's own).

#include <string>
#include <vector>

#include "gen/builtin/loop_site.h"

namespace verigen {

/// The distances the guard's comparisons bound (in its conjuncts and disjuncts), as `decreases`
/// expressions, in a stable order without duplicates: `b - a` for `a < b` and `a <= b`, `a - b` for
/// `a > b` and `a >= b` (`a` alone when b is 0), both for `a != b`, and `|a|` for `a != {}`, `a !=
/// []`, `a != ""` and
/// `|a| > 0`. Several `decreases` clauses on one loop form a lexicographic tuple in Dafny, so
/// Houdini may offer them all and drop the ones Dafny blames.
std::vector<std::string> decreases_candidates(const LoopSite& loop);

/// True when `message` (a Dafny error) says a loop or call may not terminate.
bool is_termination_error(const std::string& message);

}  // namespace verigen
