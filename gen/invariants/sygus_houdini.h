#pragma once
/// Houdini over SyGuS-INV atoms with Z3: start from the conjunction of all atoms, and while
/// initiation or consecution has a counterexample, drop the atoms that the counterexample's
/// (successor) state falsifies. What survives is the greatest inductive subset of the atoms
/// (Flanagan & Leino), unless the deadline or an Unknown from Z3 stops the loop first.
/// An Unknown on nonlinear atoms is met by giving those atoms up (see sygus_houdini).

#include <chrono>
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
  int undecided = 0;          ///< undecided checks that made Houdini give up suspects
};

/// The atoms an undecided check is blamed on (suspects), as indices into `atoms` in order: the
/// nonlinear inequalities if there are any, else the nonlinear equalities. Atoms of kind "pre"
/// or "post" are never suspects; empty when nothing is left to give up.
std::vector<std::size_t> undecided_suspects(const std::vector<Atom>& atoms);

/// The least time one Houdini check gets, whatever is left.
inline constexpr std::chrono::milliseconds kMinHoudiniCheck{500};

/// How long one Houdini check may run with `remaining` left: a third of it, at least
/// kMinHoudiniCheck, so that a check Z3 cannot decide leaves time to try a weaker conjunction.
std::chrono::milliseconds houdini_check_limit(std::chrono::milliseconds remaining);

/// Runs Houdini on `atoms` with `checker` before `deadline`. While some atom is nonlinear and
/// comes from neither pre nor post (a suspect), each check gets houdini_check_limit of what is
/// left. When a check is undecided (Unknown), the suspects are given up, inequalities before
/// equalities, and Houdini goes on; if that ends without an inductive conjunction, the outcome
/// is the atoms as they were at the first undecided check.
SygusHoudiniOutcome sygus_houdini(z3inv::InvariantChecker& checker, std::vector<Atom> atoms,
                                  Deadline deadline);

/// True when `term` holds in `state`: the C++ evaluator first, Z3's model evaluation for what
/// it cannot decide; nullopt when neither can.
std::optional<bool> holds_in(z3inv::InvariantChecker& checker, const sygus::SExpr& term,
                             const z3inv::State& state, const Valuation& valuation);

}  // namespace verigen::inv
