#pragma once
/// Candidate atoms for the built-in enumerator: templates over the problem's variables and
/// constants (bounds, equalities, octagon relations, Bool literals, post and pre conjuncts),
/// linear equalities, bounds and parities discovered from reachable states, and implications
/// from guards. Over-generation is intended: the data filter and Houdini keep only what holds.

#include <string>
#include <vector>

#include "gen/invariants/concrete_eval.h"
#include "gen/invariants/problem_facts.h"

namespace verigen::inv {

/// One atom and the template family that produced it ("post", "bound", "octagon", "data",
/// "mod", "bool", "implication", "pre").
struct Atom {
  sygus::SExpr term;
  std::string text;  ///< sygus::to_smtlib(term)
  std::string kind;
};

/// Appends `term` to `atoms` unless an atom with the same text is there already.
void add_atom(std::vector<Atom>& atoms, sygus::SExpr term, const std::string& kind);

/// Template atoms from the problem alone, in a stable order: post and its conjuncts, bounds and
/// equalities against constants, pairwise relations, Bool literals, pre's conjuncts.
std::vector<Atom> template_atoms(const ProblemFacts& facts);

/// Atoms read off `samples` (reachable states): equalities `a*x + b*y = c` and `±x ± y ± z = c`
/// that every sample satisfies, the samples' bounds on x, x+y and x-y, and constant parities.
/// Variables constant over the samples are left to the template bounds.
std::vector<Atom> data_atoms(const ProblemFacts& facts, const std::vector<Valuation>& samples);

/// `guard => atom` for each guard (and its negation) holding on some samples but not all, and
/// each atom of `refuted` (atoms that failed on some sample) that holds on every sample where the
/// guard does and shares a variable with the guard or post. At most `limit` of them.
std::vector<Atom> implication_atoms(const ProblemFacts& facts, const std::vector<Atom>& refuted,
                                    const std::vector<Valuation>& samples, std::size_t limit = 150);

}  // namespace verigen::inv
