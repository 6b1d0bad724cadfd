// Houdini over SyGuS-INV atoms when a check is undecided: which atoms it gives up, and that
// giving them up turns an undecidable conjunction into an inductive one, with the real Z3 and
// cvc5.

#include "gen/invariants/sygus_houdini.h"

#include <algorithm>
#include <catch2/catch.hpp>

#include "backends/z3/inv_checker.h"
#include "core/file_io.h"
#include "core/process.h"
#include "gen/invariants/portfolio_member.h"
#include "gen/invariants/terms.h"
#include "specs/sygus/problem.h"
#include "test/support/sygus_fixture.h"

using namespace verigen;
using namespace std::chrono_literals;

namespace {

inv::Atom atom(const sygus::Problem& problem, const std::string& text, const std::string& kind) {
  auto term = sygus::parse_invariant(text, problem, "test");
  INFO(text);
  REQUIRE(term.ok());
  return {*term, text, kind};
}

bool has(const std::vector<inv::Atom>& atoms, const std::string& text) {
  return std::any_of(atoms.begin(), atoms.end(),
                     [&](const inv::Atom& a) { return a.text == text; });
}

}  // namespace

// Contract: the suspects are the nonlinear atoms not copied from pre or post; the inequalities
// go first, the equalities only when no inequality is left; linear atoms never.
TEST_CASE("houdini: the atoms an undecided check is blamed on", "[unit]") {
  auto problem = test::sygus_fixture("nia_scaled_sum.sl").problem;
  std::vector<inv::Atom> atoms = {
      atom(problem, "(=> (>= r 500) (= s (+ b (* 500 d))))", "post"),
      atom(problem, "(>= r 0)", "bound"),
      atom(problem, "(= s (+ b (* r d)))", "product"),
      atom(problem, "(<= (- b (* s s)) 4)", "product"),
      atom(problem, "(= (* r d) (* d r))", "pre"),
      atom(problem, "(<= (- s (* b b)) 3)", "data"),
      atom(problem, "(<= (- s b) 4)", "data"),
  };
  CHECK(inv::undecided_suspects(atoms) == std::vector<std::size_t>{3, 5});
  atoms.erase(atoms.begin() + 5);
  atoms.erase(atoms.begin() + 3);
  CHECK(inv::undecided_suspects(atoms) == std::vector<std::size_t>{2});
  atoms.erase(atoms.begin() + 2);
  CHECK(inv::undecided_suspects(atoms).empty());

  CHECK(inv::houdini_check_limit(9000ms) == 3000ms);
  CHECK(inv::houdini_check_limit(600ms) == inv::kMinHoudiniCheck);
}

// Contract: a conjunction whose consecution neither Z3 nor cvc5 decides in its slice does not
// end Houdini: the nonlinear bounds (read off shallow samples, as the enumerator does) are given
// up, and the rest goes on to an inductive core that keeps s = b + r*d. Before, the first check
// ran to the deadline and Houdini returned nothing inductive.
TEST_CASE("houdini gives up nonlinear bounds when a check is undecided", "[z3][solver:cvc5]") {
  auto problem = test::sygus_fixture("nia_scaled_sum.sl").problem;
  SubprocessRunner runner;
  auto peer = inv::make_member_peer({"cvc5"}, runner);
  REQUIRE(peer);
  z3inv::InvariantChecker checker(problem, peer.get());
  // The atoms Houdini had on s11 of SyGuS-INV when its consecution came back undecided, in this
  // problem's names: measured here, Z3 runs out of 10 s on it and cvc5 needs 3.2 s, more than
  // its slice (kPeerSlice).
  std::vector<inv::Atom> atoms = {
      atom(problem, "(=> (>= r 500) (= s (+ b (* 500 d))))", "post"),
      atom(problem, "(>= r (- 1))", "bound"),
      atom(problem, "(>= r 0)", "bound"),
      atom(problem, "(<= r 500)", "bound"),
      atom(problem, "(<= r 501)", "bound"),
      atom(problem, "(<= (- s b) 500)", "octagon"),
      atom(problem, "(>= (- s b) (- 8))", "data"),
      atom(problem, "(<= (- s b) 4)", "data"),
      atom(problem, "(<= (- b (* s s)) 4)", "product"),
      atom(problem, "(<= (- r (* s b)) 16)", "product"),
      atom(problem, "(<= (- s (* b b)) 3)", "product"),
      atom(problem, "(= s (+ b (* r d)))", "product"),
      atom(problem, "(= (+ s (* r b)) (+ b (* s r)))", "product"),
  };
  auto out = inv::sygus_houdini(checker, atoms, Deadline::after(12s));
  for (const auto& a : out.kept) INFO("kept " << a.text);
  CHECK(out.undecided >= 1);
  REQUIRE(out.inductive);
  CHECK(has(out.kept, "(= s (+ b (* r d)))"));
  CHECK(has(out.kept, "(=> (>= r 500) (= s (+ b (* 500 d))))"));
  for (const char* bound :
       {"(<= (- b (* s s)) 4)", "(<= (- r (* s b)) 16)", "(<= (- s (* b b)) 3)"}) {
    CHECK_FALSE(has(out.kept, bound));
    CHECK(has(out.dropped, bound));
  }
  // The core really is inductive: a fresh check of the whole conjunction agrees.
  std::vector<sygus::SExpr> terms;
  for (const auto& a : out.kept) terms.push_back(a.term);
  z3inv::InvariantChecker fresh(problem, peer.get());
  auto fresh_check = fresh.check_one("consecution", inv::conjunction(terms), Deadline::after(10s));
  CHECK(fresh_check.outcome == Outcome::Verified);
}
