#pragma once
/// Nonlinear atoms for NIA problems: products of two Int variables (squares included) compared
/// with a third variable, at the bound 0 and at the bounds the reachable states show when these are
/// near 0
/// (`(<= c (* a b))`, `(>= (- k (* i j)) 0)`, `(<= (* x x) n)`, `(= z (+ (* x y) 3))`), and the
/// linear equalities that hold over variables and products together (`(= (* 2 a) (+ (* i i) i))`).
/// Like the linear templates they over-generate: the data filter and Houdini keep what holds.

#include <vector>

#include "gen/invariants/atom_templates.h"

namespace verigen::inv {

/// Variables whose products are formed: the first this many varying ones of `facts.pair_ints`.
inline constexpr std::size_t kMaxProductVariables = 4;
/// Third variables a product is compared with: the first this many of `facts.pair_ints`.
inline constexpr std::size_t kMaxProductPartners = 6;

/// The largest offset a product bound read off the samples may have (`z - x*y <= c`, |c| at
/// most this); larger ones measure the samples' reach, not the program.
inline constexpr long long kMaxProductOffset = 16;

/// Product atoms for `facts` (empty unless facts.nonlinear) from `samples`, reachable states.
std::vector<Atom> product_atoms(const ProblemFacts& facts, const std::vector<Valuation>& samples);

}  // namespace verigen::inv
