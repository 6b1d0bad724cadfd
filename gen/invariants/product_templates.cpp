#include "gen/invariants/product_templates.h"

#include <algorithm>

#include "gen/affine_hull.h"
#include "gen/invariants/terms.h"

namespace verigen::inv {
namespace {

using sygus::SExpr;

std::optional<long long> int_of(const Valuation& v, const std::string& name) {
  auto it = v.find(name);
  if (it == v.end() || !std::holds_alternative<long long>(it->second)) return std::nullopt;
  return std::get<long long>(it->second);
}

/// A term and its value in each sample.
struct Column {
  SExpr term;
  std::vector<long long> values;
};

bool varies(const std::vector<long long>& values) {
  return std::adjacent_find(values.begin(), values.end(), std::not_equal_to<>()) != values.end();
}

SExpr times(long long a, const SExpr& term) {
  if (a == 1) return term;
  return app("*", {num(a), term});
}

SExpr sum_of(std::vector<SExpr> terms) {
  if (terms.empty()) return num(0);
  if (terms.size() == 1) return terms.front();
  return app("+", std::move(terms));
}

/// a·t + k = 0 with positive coefficients on both sides, as atom_templates writes equations.
std::optional<SExpr> equation(const std::vector<long long>& a, const std::vector<Column>& cols) {
  std::vector<SExpr> left, right;
  bool has_product = false;
  for (std::size_t i = 0; i < cols.size(); ++i) {
    if (a[i] == 0) continue;
    (a[i] > 0 ? left : right).push_back(times(std::llabs(a[i]), cols[i].term));
    has_product |= cols[i].term.head() == "*";
  }
  // Equations without a product are the linear templates' business; long ones rarely hold.
  if (!has_product || left.size() + right.size() > 4 || left.empty()) return std::nullopt;
  long long k = a[cols.size()];
  if (k > 0) left.push_back(num(k));
  if (k < 0) right.push_back(num(-k));
  return app("=", {sum_of(std::move(left)), sum_of(std::move(right))});
}

}  // namespace

std::vector<Atom> product_atoms(const ProblemFacts& facts, const std::vector<Valuation>& samples) {
  std::vector<Atom> atoms;
  if (!facts.nonlinear || samples.size() < 2) return atoms;

  std::vector<Column> vars;  // every pair_int with a value in every sample
  for (const auto& x : facts.pair_ints) {
    Column c{sym(x), {}};
    for (const auto& s : samples) {
      auto v = int_of(s, x);
      if (!v) break;
      c.values.push_back(*v);
    }
    if (c.values.size() == samples.size()) vars.push_back(std::move(c));
  }
  std::vector<const Column*> factors;
  for (const auto& c : vars)
    if (factors.size() < kMaxProductVariables && varies(c.values)) factors.push_back(&c);

  std::vector<Column> products;
  for (std::size_t i = 0; i < factors.size(); ++i)
    for (std::size_t j = i; j < factors.size(); ++j) {
      Column p{app("*", {factors[i]->term, factors[j]->term}), {}};
      bool overflow = false;
      for (std::size_t s = 0; s < samples.size() && !overflow; ++s) {
        long long v = 0;
        overflow = __builtin_mul_overflow(factors[i]->values[s], factors[j]->values[s], &v);
        p.values.push_back(v);
      }
      if (!overflow) products.push_back(std::move(p));
    }

  // A product against a third variable: at 0 (the loop bound k - i*j >= 0 rarely shows in
  // short runs) and at the samples' extremes.
  const std::size_t partners = std::min(vars.size(), kMaxProductPartners);
  for (const auto& p : products)
    for (std::size_t z = 0; z < partners; ++z) {
      const auto& zc = vars[z];
      if (zc.term.atom == p.term.items[1].atom || zc.term.atom == p.term.items[2].atom) continue;
      add_atom(atoms, app("<=", {zc.term, p.term}), "product");
      add_atom(atoms, app(">=", {zc.term, p.term}), "product");
      std::vector<long long> diff;
      bool overflow = false;
      for (std::size_t s = 0; s < samples.size() && !overflow; ++s) {
        long long d = 0;
        overflow = __builtin_sub_overflow(zc.values[s], p.values[s], &d);
        diff.push_back(d);
      }
      if (overflow) continue;
      auto [lo, hi] = std::minmax_element(diff.begin(), diff.end());
      SExpr d = app("-", {zc.term, p.term});
      // At 0 the bounds are the templates above; the equality reads as one a person writes.
      if (*lo == *hi) {
        add_atom(atoms, *lo == 0 ? app("=", {zc.term, p.term}) : app("=", {d, num(*lo)}),
                 "product");
        continue;
      }
      // An offset far from zero measures how far the samples reached, not the program: on
      // sorin03, s - n*n >= -575 and n - s*s <= 24 held on every sample and on few states beyond.
      if (*lo != 0 && std::llabs(*lo) <= kMaxProductOffset)
        add_atom(atoms, app(">=", {d, num(*lo)}), "product");
      if (*hi != 0 && std::llabs(*hi) <= kMaxProductOffset)
        add_atom(atoms, app("<=", {d, num(*hi)}), "product");
    }

  // Linear equalities over variables and products together, found from data.
  std::vector<Column> cols;
  for (const auto& c : vars)
    if (varies(c.values)) cols.push_back(c);
  for (const auto& p : products)
    if (varies(p.values)) cols.push_back(p);
  std::vector<std::vector<long long>> rows;
  for (std::size_t s = 0; s < samples.size(); ++s) {
    std::vector<long long> row;
    for (const auto& c : cols) row.push_back(c.values[s]);
    if (std::find(rows.begin(), rows.end(), row) == rows.end()) rows.push_back(std::move(row));
  }
  // As for the linear hull: too few distinct states leave mostly spurious equations.
  if (!cols.empty() && rows.size() > std::min<std::size_t>(cols.size(), 4))
    for (const auto& a : affine_equalities(rows))
      if (auto eq = equation(a, cols)) add_atom(atoms, std::move(*eq), "product");
  return atoms;
}

}  // namespace verigen::inv
