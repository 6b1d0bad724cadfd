#pragma once
/// Houdini over SyGuS-INV atoms with Z3: start from the conjunction of all atoms, and while
/// initiation or consecution has a counterexample, drop the atoms that the counterexample's
/// (successor) state falsifies. What survives is the greatest inductive subset of the atoms
/// (Flanagan & Leino), unless the deadline or an Unknown from Z3 stops the loop first.

#include <vector>

#include "backends/z3/inv_checker.h"
#include "core/deadline.h"
#include "gen/invariants/atom_templates.h"

namespace verigen::inv {

struct SygusHoudiniOutcome {
  std::vector<Atom> kept;     ///< the surviving atoms, in their original order
  std::vector<Atom> dropped;  ///< atoms dropped, in the order they were dropped
  bool inductive = false;     ///< initiation and consecution both Verified on `kept`
  int checks = 0;             ///< Z3 checks run
};

/// Runs Houdini on `atoms` with `checker` before `deadline`.
SygusHoudiniOutcome sygus_houdini(z3inv::InvariantChecker& checker, std::vector<Atom> atoms,
                                  Deadline deadline);

/// True when `term` holds in `state`: the C++ evaluator first, Z3's model evaluation for what
/// it cannot decide; nullopt when neither can.
std::optional<bool> holds_in(z3inv::InvariantChecker& checker, const sygus::SExpr& term,
                             const z3inv::State& state, const Valuation& valuation);

}  // namespace verigen::inv
