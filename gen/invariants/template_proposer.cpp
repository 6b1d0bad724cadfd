// The built-in invariant enumerator: template and data atoms, filtered on sampled reachable
// states, pruned to an inductive core by Houdini, then offered as a list that mixes the core
// (often the answer) with the weaker and stronger variants a generator would plausibly propose.

#include <algorithm>
#include <map>
#include <set>

#include "backends/z3/inv_checker.h"
#include "gen/invariants/atom_templates.h"
#include "gen/invariants/candidate_list.h"
#include "gen/invariants/invariant_proposer.h"
#include "gen/invariants/problem_facts.h"
#include "gen/invariants/product_templates.h"
#include "gen/invariants/sygus_houdini.h"
#include "gen/invariants/terms.h"

namespace verigen::inv {
namespace {

using namespace std::chrono_literals;
using sygus::SExpr;

constexpr int kSampleCount = 48;
constexpr int kSampleSteps = 24;
constexpr std::size_t kMaxMinimizeAttempts = 60;
constexpr int kMaxDiversify = 3;
constexpr int kDiversifyCount = 12;
/// Deep runs on nonlinear problems: how many, and how far from zero their starts are pushed.
constexpr int kDeepRuns = 5;
constexpr long long kWideStart = 100;

/// A share of what is left before `deadline`.
Deadline share(Deadline deadline, double fraction) {
  auto left = deadline.remaining();
  return deadline.capped(
      std::chrono::milliseconds(static_cast<long long>(left.count() * fraction)));
}

/// Drops bounds that another atom of the set makes redundant (`x >= 0` beside `x >= 2` or
/// `x = 3`), so the Houdini core reads like an invariant a person would write.
std::vector<Atom> prune_bounds(const std::vector<Atom>& atoms) {
  struct Bounds {
    std::optional<long long> lo, hi;
    bool equal = false;
  };
  std::map<std::string, Bounds> by_term;
  auto split =
      [](const Atom& a) -> std::optional<std::tuple<std::string_view, std::string, long long>> {
    const auto& t = a.term;
    if (t.items.size() != 3) return std::nullopt;
    auto op = t.head();
    if (op != ">=" && op != "<=" && op != "=") return std::nullopt;
    auto c = numeral_value(t.items[2]);
    if (!c) return std::nullopt;
    return std::make_tuple(op, sygus::to_smtlib(t.items[1]), *c);
  };
  for (const auto& a : atoms)
    if (auto s = split(a)) {
      auto& [op, lhs, c] = *s;
      auto& b = by_term[lhs];
      if (op == "=") b.equal = true;
      if (op == ">=") b.lo = std::max(b.lo.value_or(c), c);
      if (op == "<=") b.hi = std::min(b.hi.value_or(c), c);
    }
  std::vector<Atom> out;
  for (const auto& a : atoms) {
    if (auto s = split(a)) {
      auto& [op, lhs, c] = *s;
      const auto& b = by_term[lhs];
      if (op != "=" && b.equal) continue;
      if (op == ">=" && c != *b.lo) continue;
      if (op == "<=" && c != *b.hi) continue;
    }
    out.push_back(a);
  }
  return out;
}

std::vector<SExpr> terms_of(const std::vector<Atom>& atoms) {
  std::vector<SExpr> out;
  for (const auto& a : atoms) out.push_back(a.term);
  return out;
}

/// Greedily removes atoms from an inductive `core` that implies post while it stays so; the
/// later (less preferred) atoms go first. Initiation needs no re-check: a subset of atoms that
/// all hold initially still does.
std::vector<Atom> minimize(z3inv::InvariantChecker& checker, std::vector<Atom> core,
                           Deadline deadline) {
  std::size_t attempts = 0;
  for (std::size_t i = core.size();
       i-- > 0 && attempts < kMaxMinimizeAttempts && !deadline.expired();) {
    ++attempts;
    auto rest = core;
    rest.erase(rest.begin() + static_cast<long>(i));
    auto conj = conjunction(terms_of(rest));
    if (checker.check_one("consecution", conj, deadline).outcome != Outcome::Verified) continue;
    if (checker.check_one("postcondition", conj, deadline).outcome != Outcome::Verified) continue;
    core = std::move(rest);
  }
  return core;
}

/// More reachable states when the first batch shows a relevant variable stuck at one value (Z3
/// tends to hand out models that differ only in unconstrained variables): for a few such
/// variables, pre is strengthened to exclude the value seen and sampling runs again on that
/// variant. Without spread in the data, equalities like z = 36*y + c stay hidden.
void diversify(const sygus::Problem& problem, const ProblemFacts& facts,
               std::vector<z3inv::State>& states, std::vector<Valuation>& samples,
               Deadline deadline) {
  const auto* pre = problem.function(problem.pre);
  if (!pre || samples.empty()) return;
  int variants = 0;
  for (const auto& x : facts.pair_ints) {
    if (variants >= kMaxDiversify || deadline.expired()) break;
    auto first = samples.front().find(x);
    if (first == samples.front().end() || !std::holds_alternative<long long>(first->second))
      continue;
    bool stuck = std::all_of(samples.begin(), samples.end(), [&](const Valuation& v) {
      auto it = v.find(x);
      return it != v.end() && it->second == first->second;
    });
    if (!stuck) continue;
    std::size_t position = 0;
    while (position < problem.variables.size() && problem.variables[position].name != x) ++position;
    if (position >= pre->params.size()) continue;
    ++variants;
    sygus::Problem variant = problem;
    for (auto& f : variant.functions)
      if (f.name == problem.pre)
        f.body = app("and", {f.body, negate(app("=", {sym(pre->params[position].name),
                                                      num(std::get<long long>(first->second))}))});
    z3inv::InvariantChecker sampler(variant);
    for (auto& s : sampler.sample_reachable(kDiversifyCount, kSampleSteps, share(deadline, 0.5))) {
      samples.push_back(read_state(s));
      states.push_back(std::move(s));
    }
  }
}

/// Deep runs, for nonlinear problems. Breadth-first samples stay near pre and zero, where many
/// products coincide with small bounds and equations (j = s*s while s is 0 or 1): such atoms
/// survive the samples and make Houdini's nonlinear checks slow or undecidable (on sorin03, 234
/// atoms; its first initiation check took 6 s). States along runs from wide pre states refute
/// them, and give the data equalities over products rows that tell true ones from chance.
void deep_samples(z3inv::InvariantChecker& checker, std::vector<z3inv::State>& states,
                  std::vector<Valuation>& samples, Deadline deadline) {
  for (auto& s : checker.sample_runs(kDeepRuns, kSampleSteps, kWideStart, deadline)) {
    samples.push_back(read_state(s));
    states.push_back(std::move(s));
  }
}

class TemplateSource : public InvariantProposer {
 public:
  explicit TemplateSource(SmtPeer* peer) : peer_(peer) {}
  std::string name() const override { return "builtin"; }

  Result<std::vector<InvariantCandidate>> candidates(const sygus::Problem& problem, int k,
                                                     Deadline deadline) override {
    // Z3 may throw (out of memory, an unsupported construct); that is this proposer's failure.
    try {
      return enumerate(problem, k, deadline.is_never() ? Deadline::after(30s) : deadline);
    } catch (const std::exception& e) {
      return fail("builtin: error: " + problem.path + ": " + e.what());
    }
  }

 private:
  Result<std::vector<InvariantCandidate>> enumerate(const sygus::Problem& problem, int k,
                                                    Deadline deadline) {
    auto facts = analyse_problem(problem);
    z3inv::InvariantChecker checker(problem, peer_);

    auto states = checker.sample_reachable(kSampleCount, kSampleSteps, share(deadline, 0.2));
    std::vector<Valuation> samples;
    for (const auto& s : states) samples.push_back(read_state(s));
    diversify(problem, facts, states, samples, share(deadline, 0.1));
    if (facts.nonlinear) deep_samples(checker, states, samples, share(deadline, 0.1));

    auto atoms = template_atoms(facts);
    for (auto& a : data_atoms(facts, samples)) add_atom(atoms, std::move(a.term), a.kind);
    for (auto& a : product_atoms(facts, samples)) add_atom(atoms, std::move(a.term), a.kind);
    std::vector<Atom> survivors, refuted;
    for (auto& a : atoms) {
      bool ok = true;
      // An atom Z3 cannot evaluate on a sample is not refuted by it: Houdini decides.
      for (std::size_t s = 0; s < states.size() && ok; ++s)
        ok = holds_in(checker, a.term, states[s], samples[s]).value_or(true);
      (ok ? survivors : refuted).push_back(std::move(a));
    }
    for (auto& a : implication_atoms(facts, refuted, samples))
      add_atom(survivors, std::move(a.term), a.kind);

    auto houdini = sygus_houdini(checker, survivors, share(deadline, 0.7));
    CandidateParts parts;
    parts.facts = &facts;
    parts.core = prune_bounds(houdini.kept);
    parts.core_inductive = houdini.inductive;
    parts.dropped = houdini.dropped;
    if (houdini.inductive && !deadline.expired() &&
        checker.check_one("postcondition", conjunction(terms_of(parts.core)), deadline).outcome ==
            Outcome::Verified) {
      // A third of what is left: the core already holds, and on nonlinear problems each removal
      // costs a consecution of seconds; with most of the rest (0.8 before), gauss_sum's
      // minimizing took 4.4 s of a 10 s budget and the answer came at 9.1 s.
      auto small = minimize(checker, parts.core, share(deadline, 0.3));
      if (small.size() < parts.core.size()) parts.minimal = std::move(small);
    }
    return build_candidate_list(parts, k);
  }

  SmtPeer* peer_;
};

}  // namespace

std::unique_ptr<InvariantProposer> make_template_proposer(SmtPeer* peer) {
  return std::make_unique<TemplateSource>(peer);
}

}  // namespace verigen::inv
