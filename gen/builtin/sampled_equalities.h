#pragma once
/// Linear equalities read off sampled executions, as Daikon finds them: the integer terms of a
/// loop's state are printed at the loop head while the methods run on sample inputs
/// (state_filter.h), and every linear equation all those states satisfy (their affine hull,
/// gen/affine_hull.h) is offered as an invariant: `x + y == n`, `j == 2 * i + 1`. The
/// coefficients come from the data, not from a fixed template; the verifier still decides.

#include <string>
#include <vector>

#include "gen/builtin/loop_site.h"

namespace verigen {

/// The integer terms of `loop`'s state worth relating, as Dafny expressions in scope at its head:
/// the integer variables, `a.Length` of each array and `|s|` of each sequence or string; at most
/// `limit` of them (variables the loop modifies first).
std::vector<std::string> state_terms(const LoopSite& loop, std::size_t limit = 8);

/// The equations every row of `states` (values of `terms`, one row per distinct loop-head state)
/// satisfies, as Dafny equalities with the positive terms on the left (`i + j == n`,
/// `r == 3 * k + 1`). Only equations over some variable the loop modifies (the rest hold before
/// the loop and are kept by Dafny anyway), at most `limit`, and none when there are fewer
/// distinct states than terms + 2: too few points span a hull that fits them by accident.
std::vector<std::string> sampled_equalities(const LoopSite& loop,
                                            const std::vector<std::string>& terms,
                                            const std::vector<std::vector<long long>>& states,
                                            std::size_t limit = 6);

}  // namespace verigen
