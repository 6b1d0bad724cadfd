#include "gen/invariants/atom_templates.h"

#include <algorithm>
#include <numeric>
#include <set>

#include "gen/affine_hull.h"
#include "gen/invariants/terms.h"

namespace verigen::inv {
namespace {

using sygus::SExpr;

SExpr scaled(long long a, const std::string& x) {
  if (a == 1) return sym(x);
  if (a == -1) return app("-", {sym(x)});
  return app("*", {num(a), sym(x)});
}

/// a*x + b*y written the way a person would: `(+ x y)`, `(- x y)`, `(+ (* 2 x) y)`.
SExpr linear(long long a, const std::string& x, long long b, const std::string& y) {
  if (b < 0) return app("-", {scaled(a, x), scaled(-b, y)});
  return app("+", {scaled(a, x), scaled(b, y)});
}

std::optional<long long> int_of(const Valuation& v, const std::string& name) {
  auto it = v.find(name);
  if (it == v.end() || !std::holds_alternative<long long>(it->second)) return std::nullopt;
  return std::get<long long>(it->second);
}

/// The values of `names` in every sample, or nullopt when a sample lacks one.
std::optional<std::vector<std::vector<long long>>> columns(const std::vector<std::string>& names,
                                                           const std::vector<Valuation>& samples) {
  std::vector<std::vector<long long>> out(names.size());
  for (const auto& s : samples)
    for (std::size_t i = 0; i < names.size(); ++i) {
      auto v = int_of(s, names[i]);
      if (!v) return std::nullopt;
      out[i].push_back(*v);
    }
  return out;
}

SExpr sum_of(std::vector<SExpr> terms) {
  if (terms.empty()) return num(0);
  if (terms.size() == 1) return terms.front();
  return app("+", std::move(terms));
}

/// a·x + k = 0 written with positive coefficients on both sides: `(= (+ i y) (+ j x))`.
std::optional<SExpr> equation(const std::vector<long long>& a,
                              const std::vector<std::string>& names) {
  std::vector<SExpr> left, right;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (a[i] > 0) left.push_back(scaled(a[i], names[i]));
    if (a[i] < 0) right.push_back(scaled(-a[i], names[i]));
  }
  // Long equations are rarely what holds; they mostly fit too few samples.
  if (left.size() + right.size() > 5 || left.empty()) return std::nullopt;
  long long k = a[names.size()];
  if (k > 0) left.push_back(num(k));
  if (k < 0) right.push_back(num(-k));
  return app("=", {sum_of(std::move(left)), sum_of(std::move(right))});
}

bool varies(const std::vector<long long>& column) {
  return std::adjacent_find(column.begin(), column.end(), std::not_equal_to<>()) != column.end();
}

/// The value of a*x + b*y (+ c*z) when it is the same on every sample.
std::optional<long long> constant_combination(
    const std::vector<const std::vector<long long>*>& cols, const std::vector<long long>& coeffs) {
  std::optional<long long> value;
  for (std::size_t s = 0; s < cols.front()->size(); ++s) {
    long long v = 0;
    for (std::size_t i = 0; i < cols.size(); ++i) {
      long long term = 0;
      if (__builtin_mul_overflow(coeffs[i], (*cols[i])[s], &term) ||
          __builtin_add_overflow(v, term, &v))
        return std::nullopt;
    }
    if (value && *value != v) return std::nullopt;
    value = v;
  }
  return value;
}

}  // namespace

void add_atom(std::vector<Atom>& atoms, SExpr term, const std::string& kind) {
  auto text = sygus::to_smtlib(term);
  for (const auto& a : atoms)
    if (a.text == text) return;
  atoms.push_back({std::move(term), std::move(text), kind});
}

std::vector<Atom> template_atoms(const ProblemFacts& facts) {
  std::vector<Atom> atoms;
  if (facts.post) {
    add_atom(atoms, *facts.post, "post");
    for (const auto& c : conjuncts(*facts.post)) add_atom(atoms, c, "post");
  }
  if (facts.post_core) add_atom(atoms, *facts.post_core, "post");
  for (const auto& x : facts.ints)
    for (long long c : facts.constants) {
      add_atom(atoms, app(">=", {sym(x), num(c)}), "bound");
      add_atom(atoms, app("<=", {sym(x), num(c)}), "bound");
      add_atom(atoms, app("=", {sym(x), num(c)}), "bound");
    }
  const auto& v = facts.pair_ints;
  for (std::size_t i = 0; i < v.size(); ++i)
    for (std::size_t j = i + 1; j < v.size(); ++j) {
      const auto &x = v[i], &y = v[j];
      add_atom(atoms, app("=", {sym(x), sym(y)}), "octagon");
      add_atom(atoms, app("<=", {sym(x), sym(y)}), "octagon");
      add_atom(atoms, app(">=", {sym(x), sym(y)}), "octagon");
      for (long long c : facts.pair_constants)
        for (long long b : {1LL, -1LL})
          for (const char* op : {"=", "<=", ">="}) {
            // x - y vs 0 is already x vs y.
            if (b == -1 && c == 0) continue;
            add_atom(atoms, app(op, {linear(1, x, b, y), num(c)}), "octagon");
          }
    }
  for (const auto& b : facts.bools) {
    add_atom(atoms, sym(b), "bool");
    add_atom(atoms, app("not", {sym(b)}), "bool");
  }
  if (facts.pre)
    for (const auto& c : conjuncts(*facts.pre)) add_atom(atoms, c, "pre");
  return atoms;
}

std::vector<Atom> data_atoms(const ProblemFacts& facts, const std::vector<Valuation>& samples) {
  std::vector<Atom> atoms;
  if (samples.size() < 2) return atoms;
  auto cols = columns(facts.ints, samples);
  if (!cols) return atoms;
  const std::size_t n = facts.ints.size(), np = facts.pair_ints.size();
  auto name = [&](std::size_t i) -> const std::string& { return facts.ints[i]; };

  for (std::size_t i = 0; i < n; ++i) {
    const auto& col = (*cols)[i];
    if (!varies(col)) continue;
    auto [lo, hi] = std::minmax_element(col.begin(), col.end());
    add_atom(atoms, app(">=", {sym(name(i)), num(*lo)}), "data");
    add_atom(atoms, app("<=", {sym(name(i)), num(*hi)}), "data");
    for (long long m : {2LL, 3LL}) {
      long long r = ((col.front() % m) + m) % m;
      bool same =
          std::all_of(col.begin(), col.end(), [&](long long x) { return ((x % m) + m) % m == r; });
      if (same) add_atom(atoms, app("=", {app("mod", {sym(name(i)), num(m)}), num(r)}), "mod");
    }
  }
  std::vector<std::vector<long long>> rows;
  for (std::size_t s = 0; s < samples.size(); ++s) {
    std::vector<long long> row;
    for (std::size_t i = 0; i < n; ++i) row.push_back((*cols)[i][s]);
    if (std::find(rows.begin(), rows.end(), row) == rows.end()) rows.push_back(std::move(row));
  }
  // Fewer distinct states than variables leave too many spurious equations to be worth it.
  if (rows.size() > std::min<std::size_t>(n, 4))
    for (const auto& a : affine_equalities(rows))
      if (auto eq = equation(a, facts.ints)) add_atom(atoms, std::move(*eq), "data");
  // pair_ints is a prefix of ints, so its columns are the first np.
  for (std::size_t i = 0; i < np; ++i)
    for (std::size_t j = i + 1; j < np; ++j) {
      const auto &ci = (*cols)[i], &cj = (*cols)[j];
      if (!varies(ci) || !varies(cj)) continue;
      for (long long a = 1; a <= 3; ++a)
        for (long long b : {1LL, -1LL, 2LL, -2LL, 3LL, -3LL}) {
          if (std::gcd(a, std::llabs(b)) != 1) continue;
          if (auto c = constant_combination({&ci, &cj}, {a, b}))
            add_atom(atoms, app("=", {linear(a, name(i), b, name(j)), num(*c)}), "data");
        }
      for (long long b : {1LL, -1LL}) {
        std::vector<long long> sums;
        for (std::size_t s = 0; s < ci.size(); ++s) sums.push_back(ci[s] + b * cj[s]);
        auto [lo, hi] = std::minmax_element(sums.begin(), sums.end());
        add_atom(atoms, app(">=", {linear(1, name(i), b, name(j)), num(*lo)}), "data");
        add_atom(atoms, app("<=", {linear(1, name(i), b, name(j)), num(*hi)}), "data");
      }
    }
  const std::size_t nt = std::min<std::size_t>(np, 8);
  for (std::size_t i = 0; i < nt; ++i)
    for (std::size_t j = i + 1; j < nt; ++j)
      for (std::size_t k = j + 1; k < nt; ++k) {
        const auto &ci = (*cols)[i], &cj = (*cols)[j], &ck = (*cols)[k];
        if (!varies(ci) || !varies(cj) || !varies(ck)) continue;
        for (long long b : {1LL, -1LL})
          for (long long c : {1LL, -1LL})
            if (auto value = constant_combination({&ci, &cj, &ck}, {1, b, c})) {
              SExpr lhs = linear(1, name(i), b, name(j));
              lhs = app(c > 0 ? "+" : "-", {lhs, sym(name(k))});
              add_atom(atoms, app("=", {lhs, num(*value)}), "data");
            }
      }
  return atoms;
}

std::vector<Atom> implication_atoms(const ProblemFacts& facts, const std::vector<Atom>& refuted,
                                    const std::vector<Valuation>& samples, std::size_t limit) {
  std::vector<Atom> atoms;
  if (samples.size() < 2) return atoms;
  std::vector<SExpr> antecedents;
  for (const auto& g : facts.guards) {
    antecedents.push_back(g);
    antecedents.push_back(negate(g));
  }
  for (const auto& g : antecedents) {
    std::vector<bool> where;
    std::size_t count = 0;
    for (const auto& s : samples) {
      auto v = evaluate_bool(g, s);
      where.push_back(v.value_or(false));
      count += where.back();
    }
    // A guard true nowhere makes every implication vacuous; true everywhere adds nothing.
    if (count == 0 || count == samples.size()) continue;
    std::set<std::string> related = facts.post_symbols;
    collect_symbols(g, related);
    for (const auto& a : refuted) {
      if (atoms.size() >= limit) return atoms;
      // Products under guards multiply nonlinear atoms whose checks are slow, for little gain.
      if (a.kind == "post" || a.kind == "pre" || a.kind == "product") continue;
      std::set<std::string> symbols;
      collect_symbols(a.term, symbols);
      bool shares = std::any_of(symbols.begin(), symbols.end(),
                                [&](const auto& s) { return related.count(s) > 0; });
      if (!shares) continue;
      bool holds = true;
      for (std::size_t s = 0; s < samples.size() && holds; ++s)
        if (where[s]) holds = evaluate_bool(a.term, samples[s]).value_or(false);
      if (holds) add_atom(atoms, app("=>", {g, a.term}), "implication");
    }
  }
  return atoms;
}

}  // namespace verigen::inv
