#pragma once
/// Candidate loop invariants from templates over a loop's variables, guard and contracts.
/// Over-generation is the point: Houdini pruning (houdini.h) keeps only what the verifier
/// proves inductive, so a wrong template costs one verifier round, never a wrong answer.

#include <string>
#include <vector>

#include "gen/builtin/loop_site.h"

namespace verigen {

/// One candidate invariant and the family of templates it comes from ("bound", "order",
/// "frame", "post-index", ... see derived_invariants.h).
struct InvariantTemplate {
  std::string text;
  std::string family;
};

/// Splits a comparison `a < b` / `a <= b` / `a != b` / `a > b` / `a >= b` with no other
/// top-level comparison into its sides; false for any other shape.
bool split_comparison(const std::string& guard, std::string& left, std::string& op,
                      std::string& right);

/// The candidate invariants for `loop` with their families, deduplicated, in a stable order;
/// every template compares only variables of one type (initial_type.h).
std::vector<InvariantTemplate> enumerate_templates(const LoopSite& loop);

/// The candidate invariants for `loop`, deduplicated, in a stable order: bounds from the
/// guard and initial values; relations between modified and other integer variables; the
/// method's postconditions with the guard's bound replaced by the loop counter (`s == n*(n+1)/2`
/// → `s == i*(i+1)/2`, `forall k :: 0 <= k < a.Length ==> P` → `... 0 <= k < i ...`); the
/// preconditions and postconditions over unmodified variables (frame facts).
std::vector<std::string> enumerate_invariants(const LoopSite& loop);

/// Replaces whole-identifier (or whole-expression, for `a.Length`, `|s|`) occurrences of `from`
/// in `text` by `to`.
std::string substitute(const std::string& text, const std::string& from, const std::string& to);

}  // namespace verigen
