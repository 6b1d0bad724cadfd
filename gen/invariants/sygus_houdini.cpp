#include "gen/invariants/sygus_houdini.h"

#include "gen/invariants/terms.h"

namespace verigen::inv {

std::optional<bool> holds_in(z3inv::InvariantChecker& checker, const sygus::SExpr& term,
                             const z3inv::State& state, const Valuation& valuation) {
  if (auto v = evaluate_bool(term, valuation)) return v;
  return checker.holds(term, state);
}

SygusHoudiniOutcome sygus_houdini(z3inv::InvariantChecker& checker, std::vector<Atom> atoms,
                                  Deadline deadline) {
  SygusHoudiniOutcome out;
  while (!deadline.expired()) {
    std::vector<sygus::SExpr> terms;
    for (const auto& a : atoms) terms.push_back(a.term);
    auto conj = conjunction(terms);
    const z3inv::State* witness = nullptr;
    z3inv::CheckResult result;
    bool all_verified = true;
    for (const char* which : {"initiation", "consecution"}) {
      result = checker.check_one(which, conj, deadline);
      ++out.checks;
      if (result.outcome == Outcome::Verified) continue;
      all_verified = false;
      // Initiation blames the pre state; consecution blames the successor s', where an atom
      // that held in s stopped holding.
      if (result.outcome == Outcome::Refuted && !result.counterexample.empty())
        witness = &result.counterexample.back();
      break;
    }
    if (all_verified) {
      out.inductive = true;
      break;
    }
    if (!witness) break;  // Unknown or Error: nothing to learn from, keep what we have
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
