#include "gen/invariants/sygus_houdini.h"

#include <algorithm>
#include <optional>

#include "gen/invariants/terms.h"
#include "specs/sygus/smt_query.h"

namespace verigen::inv {

std::optional<bool> holds_in(z3inv::InvariantChecker& checker, const sygus::SExpr& term,
                             const z3inv::State& state, const Valuation& valuation) {
  if (auto v = evaluate_bool(term, valuation)) return v;
  return checker.holds(term, state);
}

namespace {

/// Moves the atoms at the indices `drop` accepts from `atoms` to the end of `dropped`, keeping
/// the order of both.
template <typename Drop>
void give_up(std::vector<Atom>& atoms, std::vector<Atom>& dropped, Drop drop) {
  std::vector<Atom> kept;
  for (std::size_t i = 0; i < atoms.size(); ++i)
    (drop(i) ? dropped : kept).push_back(std::move(atoms[i]));
  atoms = std::move(kept);
}

}  // namespace

std::vector<std::size_t> undecided_suspects(const std::vector<Atom>& atoms) {
  for (bool equalities : {false, true}) {
    std::vector<std::size_t> picked;
    for (std::size_t i = 0; i < atoms.size(); ++i) {
      const Atom& a = atoms[i];
      if (a.kind == "post" || a.kind == "pre" || !sygus::is_nonlinear(a.term)) continue;
      if ((a.term.head() == "=") == equalities) picked.push_back(i);
    }
    if (!picked.empty()) return picked;
  }
  return {};
}

std::chrono::milliseconds houdini_check_limit(std::chrono::milliseconds remaining) {
  return std::max(remaining / 3, kMinHoudiniCheck);
}

SygusHoudiniOutcome sygus_houdini(z3inv::InvariantChecker& checker, std::vector<Atom> atoms,
                                  Deadline deadline) {
  SygusHoudiniOutcome out;
  // The atoms as they stood before the first suspect was given up: what Houdini returns when
  // giving up suspects leads nowhere, as it did before it gave any up.
  std::optional<std::vector<Atom>> undecided;
  std::size_t dropped_before_undecided = 0;
  while (!deadline.expired()) {
    std::vector<sygus::SExpr> terms;
    for (const auto& a : atoms) terms.push_back(a.term);
    auto conj = conjunction(terms);
    // Only a conjunction with atoms to give up has its checks capped: a linear one is decided
    // by Z3 and keeps the whole budget, as before.
    auto suspects = undecided_suspects(atoms);
    Deadline check_deadline =
        suspects.empty() ? deadline : deadline.capped(houdini_check_limit(deadline.remaining()));
    const z3inv::State* witness = nullptr;
    z3inv::CheckResult result;
    bool all_verified = true;
    for (const char* which : {"initiation", "consecution"}) {
      result = checker.check_one(which, conj, check_deadline);
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
    if (!witness && result.outcome == Outcome::Unknown && !deadline.expired()) {
      // Z3 could not decide the conjunction in its slice. Rather than give the rest of the
      // budget to one undecidable query, give up the atoms that most often make it so:
      // nonlinear bounds and equations read off shallow samples (s11's l - i*i <= 4). The
      // weaker conjunction still has to pass every check.
      if (!suspects.empty()) {
        ++out.undecided;
        if (!undecided) {
          undecided = atoms;
          dropped_before_undecided = out.dropped.size();
        }
        give_up(atoms, out.dropped, [&](std::size_t i) {
          return std::binary_search(suspects.begin(), suspects.end(), i);
        });
        continue;
      }
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
    give_up(atoms, out.dropped,
            [&](std::size_t i) { return verdict[i] == 0 || (!any_false && verdict[i] == -1); });
  }
  if (!out.inductive && undecided) {
    // Giving up suspects proved nothing: return what Houdini had when Z3 first could not
    // decide, so the caller's own check gets the conjunction it would have had.
    atoms = std::move(*undecided);
    out.dropped.resize(dropped_before_undecided);
  }
  out.kept = std::move(atoms);
  return out;
}

}  // namespace verigen::inv
