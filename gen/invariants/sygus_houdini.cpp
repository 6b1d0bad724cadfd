#include "gen/invariants/sygus_houdini.h"

#include <algorithm>

#include "gen/invariants/terms.h"

namespace verigen::inv {

std::optional<bool> holds_in(z3inv::InvariantChecker& checker, const sygus::SExpr& term,
                             const z3inv::State& state, const Valuation& valuation) {
  if (auto v = evaluate_bool(term, valuation)) return v;
  return checker.holds(term, state);
}

namespace {

// After Z3 answered unknown on a whole step: each atom's own step, the conjunction assumed,
// until one is refuted. Marks in `drop` the atoms Z3 could not carry across the step (what it
// cannot prove cannot be part of an invariant it proves) and leaves them out of what later
// atoms assume, since an undecidable assumption makes every query after it as hard. Returns the
// first refutation, whose successor state the caller uses like any Houdini counterexample; a
// Verified result with nothing marked proves the whole step.
z3inv::CheckResult step_by_atoms(z3inv::InvariantChecker& checker, const std::vector<Atom>& atoms,
                                 Deadline deadline, std::vector<bool>& drop, int& checks) {
  drop.assign(atoms.size(), false);
  auto assumed = [&] {
    std::vector<sygus::SExpr> terms;
    for (std::size_t i = 0; i < atoms.size(); ++i)
      if (!drop[i]) terms.push_back(atoms[i].term);
    return conjunction(terms);
  };
  sygus::SExpr conj = assumed();
  z3inv::CheckResult proved;
  proved.name = "consecution";
  proved.outcome = Outcome::Verified;
  proved.cause = Cause::None;
  for (std::size_t i = 0; i < atoms.size(); ++i) {
    // Equal shares of what is left, one share kept back for the pass that confirms the rest.
    auto share = deadline.remaining() / static_cast<long long>(atoms.size() - i + 1);
    auto r = checker.check_step(conj, atoms[i].term, deadline.capped(share));
    ++checks;
    if (r.outcome == Outcome::Refuted) return r;
    if (deadline.expired()) {
      std::fill(drop.begin() + static_cast<long>(i), drop.end(), true);
      break;
    }
    if (r.outcome != Outcome::Verified) {
      drop[i] = true;
      conj = assumed();
    }
  }
  return proved;
}

}  // namespace

SygusHoudiniOutcome sygus_houdini(z3inv::InvariantChecker& checker, std::vector<Atom> atoms,
                                  Deadline deadline) {
  SygusHoudiniOutcome out;
  // Once Z3 gave up on a whole step, later steps (the conjunction minus a few atoms) go atom by
  // atom at once: the whole query is rarely easier for having lost them.
  bool by_atoms = false;
  while (!deadline.expired()) {
    std::vector<sygus::SExpr> terms;
    for (const auto& a : atoms) terms.push_back(a.term);
    auto conj = conjunction(terms);
    z3inv::CheckResult result = checker.check_one("initiation", conj, deadline);
    ++out.checks;
    if (result.outcome == Outcome::Verified) {
      // A quarter of the time for the whole step: what Z3 cannot decide whole, it often decides
      // atom by atom (products of variables, `mod`).
      if (!by_atoms) {
        result = checker.check_step(conj, conj, deadline.capped(deadline.remaining() / 4));
        ++out.checks;
        if (result.outcome == Outcome::Verified) {
          out.inductive = true;
          break;
        }
      }
      if (by_atoms ||
          (result.outcome == Outcome::Unknown && !deadline.expired() && atoms.size() > 1)) {
        by_atoms = true;
        std::vector<bool> unproved;
        result = step_by_atoms(checker, atoms, deadline, unproved, out.checks);
        bool any = std::find(unproved.begin(), unproved.end(), true) != unproved.end();
        if (result.outcome == Outcome::Verified && !any) {
          out.inductive = true;
          break;
        }
        if (any) {
          std::vector<Atom> next;
          for (std::size_t i = 0; i < atoms.size(); ++i)
            (unproved[i] ? out.dropped : next).push_back(std::move(atoms[i]));
          atoms = std::move(next);
          // A refutation's successor state still blames atoms below (it satisfied the larger
          // conjunction, so every inductive subset of what is left too).
          if (result.outcome != Outcome::Refuted) continue;
        }
      }
    }
    // Initiation blames the pre state; consecution blames the successor s', where an atom
    // that held in s stopped holding.
    if (result.outcome != Outcome::Refuted || result.counterexample.empty()) break;
    const z3inv::State* witness = &result.counterexample.back();
    auto valuation = read_state(*witness);
    // 1: holds in the witness, 0: falsified, -1: could not be evaluated.
    std::vector<int> verdict;
    bool any_false = false, any_unknown = false;
    for (const auto& a : atoms) {
      auto v = holds_in(checker, a.term, *witness, valuation);
      verdict.push_back(v ? int(*v) : -1);
      any_false = any_false || verdict.back() == 0;
      any_unknown = any_unknown || verdict.back() == -1;
    }
    // Some atom must be false in the counterexample; when none is known to be, blame the atoms
    // that could not be evaluated, or stop rather than loop forever.
    if (!any_false && !any_unknown) break;
    std::vector<Atom> next;
    for (std::size_t i = 0; i < atoms.size(); ++i) {
      bool drop = verdict[i] == 0 || (!any_false && verdict[i] == -1);
      (drop ? out.dropped : next).push_back(std::move(atoms[i]));
    }
    atoms = std::move(next);
  }
  out.kept = std::move(atoms);
  return out;
}

}  // namespace verigen::inv
