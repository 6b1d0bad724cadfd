#include "gen/invariants/problem_facts.h"

#include <algorithm>
#include <cstdlib>
#include <map>

#include "gen/invariants/terms.h"

namespace verigen::inv {
namespace {

using sygus::SExpr;

bool mentions_any(const SExpr& e, const std::set<std::string>& names) {
  std::set<std::string> symbols;
  collect_symbols(e, symbols);
  for (const auto& s : symbols)
    if (names.count(s)) return true;
  return false;
}

bool is_condition(const SExpr& e) {
  static const std::set<std::string_view> kOps{"<",        "<=",  ">",   ">=", "=",
                                               "distinct", "not", "and", "or"};
  return e.is_symbol() || kOps.count(e.head()) > 0;
}

/// SSA-style encodings (Code2Inv) copy state variables into fresh ones (`(= k_2 k)`) and state
/// guards over the copies. Within one conjunction, an equality between a variable trans updates
/// (`k`, whose `k!` occurs) and one it never updates names the same value: renaming the copy to
/// the state variable turns `(< k_2 1)` into the loop guard `(< k 1)`.
std::map<std::string, SExpr> aliases(const SExpr& conj, const std::set<std::string>& updated,
                                     const std::set<std::string>& variables) {
  std::map<std::string, SExpr> out;
  for (const auto& c : conjuncts(conj)) {
    if (c.head() != "=" || c.items.size() != 3 || !c.items[1].is_symbol() ||
        !c.items[2].is_symbol())
      continue;
    const auto &u = c.items[1].atom, &w = c.items[2].atom;
    if (!variables.count(u) || !variables.count(w)) continue;
    if (updated.count(u) && !updated.count(w)) out.emplace(w, sym(u));
    if (updated.count(w) && !updated.count(u)) out.emplace(u, sym(w));
  }
  return out;
}

/// Conditions of trans that speak of the current state only: the conjuncts of each disjunct
/// (or of the whole relation) that mention no primed variable, and every `ite` condition.
void trans_guards(const SExpr& trans, const std::set<std::string>& primed,
                  const std::set<std::string>& updated, const std::set<std::string>& variables,
                  std::vector<SExpr>& out) {
  std::vector<SExpr> branches;
  if (trans.head() == "or")
    branches.assign(trans.items.begin() + 1, trans.items.end());
  else
    branches.push_back(trans);
  for (const auto& branch : branches) {
    auto renames = aliases(branch, updated, variables);
    for (const auto& c : conjuncts(branch))
      if (is_condition(c) && !c.is_symbol() && !mentions_any(c, primed)) {
        auto renamed = substitute(c, renames);
        // A copy equated with its original says nothing about the state.
        if (renamed.head() == "=" && renamed.items.size() == 3 && renamed.items[1].is_symbol() &&
            renamed.items[2].is_symbol() && renamed.items[1].atom == renamed.items[2].atom)
          continue;
        out.push_back(renamed);
      }
  }
  // ite conditions are collected separately so nesting inside updates is found too.
  std::vector<const SExpr*> stack{&trans};
  while (!stack.empty()) {
    const SExpr* e = stack.back();
    stack.pop_back();
    if (e->head() == "ite" && e->items.size() == 4 && !mentions_any(e->items[1], primed))
      out.push_back(e->items[1]);
    for (const auto& item : e->items) stack.push_back(&item);
  }
}

/// post as `(or (not (and COPIES...)) REST...)`, SSA style: REST with the copies renamed to the
/// state variables — the property itself, over the variables an invariant can constrain.
std::optional<SExpr> post_core(const SExpr& post, const std::set<std::string>& updated,
                               const std::set<std::string>& variables) {
  if (post.head() != "or" || post.items.size() < 3) return std::nullopt;
  const SExpr& first = post.items[1];
  if (first.head() != "not" || first.items.size() != 2) return std::nullopt;
  auto renames = aliases(first.items[1], updated, variables);
  if (renames.empty()) return std::nullopt;
  std::vector<SExpr> rest(post.items.begin() + 2, post.items.end());
  SExpr core = rest.size() == 1 ? rest.front() : app("or", rest);
  return substitute(core, renames);
}

/// post is usually `(or A B)` ("A or else B") or `(=> A B)`: the antecedent is the case split.
void post_guards(const SExpr& post, std::vector<SExpr>& out) {
  if (post.head() == "=>" && post.items.size() == 3) out.push_back(post.items[1]);
  if (post.head() == "or" && post.items.size() == 3) {
    out.push_back(negate(post.items[1]));
    out.push_back(negate(post.items[2]));
  }
}

}  // namespace

ProblemFacts analyse_problem(const sygus::Problem& problem, const FactLimits& limits) {
  ProblemFacts facts;
  facts.pre = inlined_body(problem, problem.pre);
  facts.trans = inlined_body(problem, problem.trans);
  facts.post = inlined_body(problem, problem.post);
  if (facts.post) collect_symbols(*facts.post, facts.post_symbols);

  std::set<std::string> primed, variables, updated;
  for (const auto& v : problem.variables) {
    primed.insert(problem.primed(v.name));
    variables.insert(v.name);
  }
  if (facts.trans) {
    std::set<std::string> in_trans;
    collect_symbols(*facts.trans, in_trans);
    for (const auto& v : problem.variables)
      if (in_trans.count(problem.primed(v.name))) updated.insert(v.name);
  }
  if (facts.post) facts.post_core = post_core(*facts.post, updated, variables);
  // The copies an SSA post mentions are not what its property is about.
  if (facts.post_core) {
    facts.post_symbols.clear();
    collect_symbols(*facts.post_core, facts.post_symbols);
  }
  std::vector<SExpr> guards;
  if (facts.trans) trans_guards(*facts.trans, primed, updated, variables, guards);
  if (facts.post) post_guards(*facts.post, guards);
  std::set<std::string> seen;
  std::set<std::string> guard_symbols;
  for (const auto& g : guards) {
    if (facts.guards.size() >= limits.max_guards) break;
    if (!seen.insert(sygus::to_smtlib(g)).second) continue;
    facts.guards.push_back(g);
    collect_symbols(g, guard_symbols);
  }

  // Variables the property and the loop's conditions talk about are the ones worth relating;
  // variables only pre mentions come last and fall off the caps first.
  std::set<std::string> pre_symbols;
  if (facts.pre) collect_symbols(*facts.pre, pre_symbols);
  auto rank = [&](const std::string& name) {
    if (facts.post_symbols.count(name)) return 0;
    if (guard_symbols.count(name)) return 1;
    if (pre_symbols.count(name)) return 2;
    return 3;
  };
  std::vector<std::string> ints;
  for (const auto& v : problem.variables) {
    // trans leaves a variable it never mentions primed unconstrained (SSA copies): no atom over
    // it can be inductive, so templates skip it.
    if (!updated.empty() && !updated.count(v.name)) continue;
    if (v.sort == sygus::Sort::Int) ints.push_back(v.name);
    if (v.sort == sygus::Sort::Bool && facts.bools.size() < limits.max_bools)
      facts.bools.push_back(v.name);
  }
  std::stable_sort(ints.begin(), ints.end(),
                   [&](const auto& a, const auto& b) { return rank(a) < rank(b); });
  if (ints.size() > limits.max_ints) ints.resize(limits.max_ints);
  facts.ints = ints;
  facts.pair_ints.assign(ints.begin(), ints.begin() + std::min(ints.size(), limits.max_pair_ints));

  std::set<long long> literals;
  for (const auto& f : problem.functions) collect_numerals(f.body, literals);
  std::set<long long> constants{0, 1};
  for (long long c : literals) {
    // Huge literals (bit masks, sentinels) make no sensible bounds.
    if (std::llabs(c) > 1000000) continue;
    constants.insert({c - 1, c, c + 1});
  }
  std::vector<long long> ordered(constants.begin(), constants.end());
  std::stable_sort(ordered.begin(), ordered.end(), [&](long long a, long long b) {
    bool la = literals.count(a) || a == 0 || a == 1, lb = literals.count(b) || b == 0 || b == 1;
    if (la != lb) return la;  // the problem's own constants before their neighbours
    return std::llabs(a) < std::llabs(b);
  });
  if (ordered.size() > limits.max_constants) ordered.resize(limits.max_constants);
  std::sort(ordered.begin(), ordered.end());
  facts.constants = ordered;

  std::vector<long long> small(literals.begin(), literals.end());
  std::stable_sort(small.begin(), small.end(),
                   [](long long a, long long b) { return std::llabs(a) < std::llabs(b); });
  std::set<long long> pair_constants{-1, 0, 1};
  std::size_t taken = 0;
  for (long long c : small)
    if (std::llabs(c) <= 1000000 && taken < limits.max_pair_literals &&
        pair_constants.insert(c).second)
      ++taken;
  facts.pair_constants.assign(pair_constants.begin(), pair_constants.end());
  // The logic is the problem's own statement that products matter; linear problems would only
  // pay for product atoms that cannot help.
  facts.nonlinear = problem.logic == "NIA";
  return facts;
}

}  // namespace verigen::inv
