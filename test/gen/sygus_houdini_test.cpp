// Houdini over SyGuS-INV atoms with the real Z3, where Z3 cannot decide a whole step: the atoms
// it cannot carry across the step are dropped and the rest is proved atom by atom.

#include "gen/invariants/sygus_houdini.h"

#include <algorithm>
#include <catch2/catch.hpp>

#include "gen/invariants/terms.h"
#include "specs/sygus/problem.h"

using namespace verigen;
using namespace std::chrono_literals;

namespace {

sygus::Problem fermat() {
  auto problem =
      sygus::load_problem(std::string(VERIGEN_SOURCE_DIR) + "/test/fixtures/sygus/fermat.sl");
  INFO((problem.ok() ? "" : problem.error()));
  REQUIRE(problem.ok());
  return *problem;
}

std::vector<inv::Atom> atoms_of(const sygus::Problem& p, const std::vector<std::string>& texts) {
  std::vector<inv::Atom> atoms;
  for (const auto& t : texts) {
    auto term = sygus::parse_invariant(t, p, "test");
    REQUIRE(term.ok());
    inv::add_atom(atoms, *term, "test");
  }
  return atoms;
}

bool has(const std::vector<inv::Atom>& atoms, const std::string& text) {
  return std::any_of(atoms.begin(), atoms.end(), [&](const auto& a) { return a.text == text; });
}

}  // namespace

// Contract: an atom whose step Z3 cannot decide (x^3 + y^3 = z^3 stays false: Fermat for cubes)
// no longer stops Houdini with nothing proved. It is dropped, a refutable atom is dropped on its
// counterexample as always, and what is left is proved inductive atom by atom. Before, the first
// unknown ended the loop with every atom kept and inductive false.
TEST_CASE("houdini: atoms Z3 cannot carry across a step are dropped, the rest proved", "[z3]") {
  sygus::Problem p = fermat();
  const std::string cube = "(not (= (+ (* x x x) (* y y y)) (* z z z)))";
  auto atoms = atoms_of(p, {"(> x 0)", "(> y 0)", "(> z 0)", cube, "(<= y 5)"});
  z3inv::InvariantChecker checker(p);
  auto out = inv::sygus_houdini(checker, atoms, Deadline::after(20s));
  CHECK(out.inductive);
  CHECK(has(out.dropped, "(<= y 5)"));
  CHECK(has(out.dropped, sygus::to_smtlib(*sygus::parse_invariant(cube, p, "test"))));
  CHECK(out.kept.size() == 3);
  for (const char* kept : {"(> x 0)", "(> y 0)", "(> z 0)"}) CHECK(has(out.kept, kept));
  // What Houdini calls inductive, the checker proves whole.
  std::vector<sygus::SExpr> terms;
  for (const auto& a : out.kept) terms.push_back(a.term);
  CHECK(checker.check_one("consecution", inv::conjunction(terms), Deadline::after(10s)).outcome ==
        Outcome::Verified);
}
