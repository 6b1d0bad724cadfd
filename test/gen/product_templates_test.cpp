// The enumerator's nonlinear atoms (gen/invariants/product_templates.h): products of two
// variables against a third at 0 and at the samples' bounds, and equalities over variables and
// products found from data; none for linear problems.

#include "gen/invariants/product_templates.h"

#include <catch2/catch.hpp>

using namespace verigen;
using namespace verigen::inv;

namespace {

bool has(const std::vector<Atom>& atoms, const std::string& text) {
  for (const auto& a : atoms)
    if (a.text == text) return a.kind == "product";
  return false;
}

Valuation state(std::vector<std::pair<std::string, long long>> values) {
  Valuation v;
  for (auto& [name, value] : values) v[name] = value;
  return v;
}

}  // namespace

// Contract: `c <= a*b` (a loop counting to a product) is offered, with its bound form, even when
// no sample reaches the bound.
TEST_CASE("product atoms: a counter below a product", "[unit]") {
  ProblemFacts facts;
  facts.nonlinear = true;
  facts.pair_ints = {"c", "a", "b"};
  std::vector<Valuation> samples = {
      state({{"c", 0}, {"a", 2}, {"b", 3}}), state({{"c", 1}, {"a", 2}, {"b", 3}}),
      state({{"c", 0}, {"a", 5}, {"b", 1}}), state({{"c", 2}, {"a", 5}, {"b", 1}})};
  auto atoms = product_atoms(facts, samples);
  CHECK(has(atoms, "(<= c (* a b))"));
  CHECK(has(atoms, "(<= (- c (* a b)) (- 3))"));
}

// Contract: a = i(i+1)/2 is found as a linear equality over i, a and i*i.
TEST_CASE("product atoms: a triangular number from data", "[unit]") {
  ProblemFacts facts;
  facts.nonlinear = true;
  facts.pair_ints = {"i", "a"};
  std::vector<Valuation> samples;
  for (long long i = 0; i < 7; ++i) samples.push_back(state({{"i", i}, {"a", i * (i + 1) / 2}}));
  auto atoms = product_atoms(facts, samples);
  std::string all;
  for (const auto& a : atoms) all += a.text + "\n";
  INFO(all);
  CHECK(has(atoms, "(= (+ i (* i i)) (* 2 a))"));
}

// Contract: linear problems get no product atoms.
TEST_CASE("product atoms: none for a linear problem", "[unit]") {
  ProblemFacts facts;
  facts.pair_ints = {"x", "y"};
  std::vector<Valuation> samples = {state({{"x", 0}, {"y", 1}}), state({{"x", 2}, {"y", 5}})};
  CHECK(product_atoms(facts, samples).empty());
}

// Contract: a bound read off the samples is offered only when its offset is near 0 (at most
// kMaxProductOffset): a far one measures the samples' reach, not the program.
TEST_CASE("product atoms: no bound far from zero", "[unit]") {
  ProblemFacts facts;
  facts.nonlinear = true;
  facts.pair_ints = {"c", "a", "b"};
  // c - a*b spans [-3, 0] on the first pair of samples; the third adds -100.
  std::vector<Valuation> near = {state({{"c", 0}, {"a", 1}, {"b", 3}}),
                                 state({{"c", 2}, {"a", 2}, {"b", 1}})};
  CHECK(has(product_atoms(facts, near), "(>= (- c (* a b)) (- 3))"));
  auto far = near;
  far.push_back(state({{"c", 0}, {"a", 10}, {"b", 10}}));
  auto atoms = product_atoms(facts, far);
  CHECK(has(atoms, "(<= c (* a b))"));  // the bound at 0 stays
  for (const auto& a : atoms) {
    INFO(a.text);
    CHECK(a.text != "(>= (- c (* a b)) (- 100))");
    CHECK(a.text.find("(- 100)") == std::string::npos);
  }
}
