#pragma once
/// Contracts for a Dafny specify task without a model: template `requires` and `ensures` for
/// each method and function with a body, to be pruned Houdini-style by the verifier together
/// with the loop invariants (a `requires` no caller can establish and an `ensures` the body
/// cannot prove are blamed and dropped, so the verifier decides what is kept).

#include <string>
#include <vector>

#include "gen/builtin/loop_site.h"

namespace verigen {

/// One declaration's contract site: where clauses go (before the body's `{`, with keyword ""
/// since each candidate carries its own `requires`/`ensures`) and the candidate clauses.
struct ContractSite {
  LoopSite site;
  std::string declaration;              ///< the declaration's name
  std::vector<std::string> candidates;  ///< "requires n >= 0", "ensures r <= n", ...
  /// For a declaration that calls itself: measures to try as its `decreases` (each integer
  /// parameter, each sequence parameter's size), since Dafny's default, all parameters in
  /// order, fails when the one that shrinks is not the first (`gcd(b, a % b)`).
  std::vector<std::string> measures;
};

/// A site per method and function with a body and no `requires`/`ensures` yet. Candidates:
/// requires over parameters (`n >= 0`, `n > 0`, `a.Length > 0`, `|s| > 0`); ensures over each
/// result (a method's outputs, a function's value as a call on its parameters): sign, bounds
/// by the integer parameters, by array lengths and sequence sizes, `fresh` for returned arrays,
/// sizes of returned sequences; a method's loop exits (the negated guard and the loop's
/// invariant templates that speak only of parameters and some result); and callers' needs:
/// when a caller hands `x := G(...)` on to `H(..., x, ...)`, H's requires candidates over that
/// parameter become G's ensures over x's output. Empty for text that does not parse.
std::vector<ContractSite> dafny_contract_sites(const std::string& text);

}  // namespace verigen
