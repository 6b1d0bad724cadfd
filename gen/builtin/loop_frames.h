#pragma once
/// `modifies` clauses for loops. A Dafny loop without one may change everything its method may,
/// so after the first iteration Dafny knows nothing of the objects the loop never writes unless
/// an invariant restates them; a clause naming what the loop does write gives those facts for
/// free (a field of another object, an array the method may also change elsewhere).

#include <optional>
#include <string>

#include "gen/builtin/loop_site.h"

namespace verigen {

/// The clause ("modifies a, this"; "modifies {}" when the loop writes no heap) for `loop`, or
/// nullopt when its method has no `modifies` or names nothing the loop does not write, so a
/// clause would say nothing new. Heap writes are read off the body's assignments only (a call
/// that modifies is not seen): the clause is a candidate for the verifier, not a fact.
std::optional<std::string> loop_modifies_clause(const LoopSite& loop);

}  // namespace verigen
