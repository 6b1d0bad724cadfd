#pragma once
// Helpers shared by the Z3 tests: loading fixture problems and building the terms that check a
// counterexample against the problem's own definitions.

#include <catch2/catch.hpp>
#include <filesystem>
#include <string>

#include "backends/z3/inv_checker.h"
#include "specs/sygus/problem.h"

namespace verigen::sygus {

/// A problem from test/fixtures/sygus; fails the test when it does not parse.
inline Problem fixture(const std::string& name) {
  auto path = std::filesystem::path(VERIGEN_SOURCE_DIR) / "test" / "fixtures" / "sygus" / name;
  auto p = load_problem(path.string());
  INFO((p.ok() ? "" : p.error()));
  REQUIRE(p.ok());
  return std::move(p).value();
}

/// A candidate invariant parsed against `p`; fails the test when it does not parse.
inline SExpr invariant(const Problem& p, const std::string& text) {
  auto inv = parse_invariant(text, p, "test");
  INFO((inv.ok() ? "" : inv.error()));
  REQUIRE(inv.ok());
  return std::move(inv).value();
}

/// `(f v1 ... vn)` over the problem's variables.
inline SExpr call(const std::string& f, const Problem& p) {
  std::vector<SExpr> items{SExpr::symbol(f)};
  for (const auto& v : p.variables) items.push_back(SExpr::symbol(v.name));
  return SExpr::list(std::move(items));
}

/// `(trans v1 ... vn v1! ... vn!)`: evaluated in a state from merge().
inline SExpr transition(const Problem& p) {
  SExpr t = call(p.trans, p);
  for (const auto& v : p.variables) t.items.push_back(SExpr::symbol(p.primed(v.name)));
  return t;
}

/// One state holding `s` under the variables' names and `next` under their primed names.
inline z3inv::State merge(const Problem& p, const z3inv::State& s, const z3inv::State& next) {
  z3inv::State both = s;
  for (const auto& [name, value] : next) both[p.primed(name)] = value;
  return both;
}

}  // namespace verigen::sygus
