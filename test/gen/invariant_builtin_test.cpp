// The built-in SyGuS-INV enumerator on small classic loops, judged by the real Z3 checker.

#include <algorithm>
#include <catch2/catch.hpp>
#include <set>

#include "backends/z3/inv_checker.h"
#include "gen/invariants/invariant_proposer.h"
#include "specs/sygus/problem.h"
#include "test/support/sygus_fixture.h"

using namespace verigen;
using namespace std::chrono_literals;

namespace {

sygus::Problem fixture(const std::string& name) { return test::sygus_fixture(name).problem; }

std::vector<inv::InvariantCandidate> builtin_candidates(const sygus::Problem& problem, int k) {
  auto proposer = inv::make_template_proposer();
  auto list = proposer->candidates(problem, k, Deadline::after(20s));
  INFO((list.ok() ? "" : list.error()));
  REQUIRE(list.ok());
  return *list;
}

/// Indices of the candidates InvariantChecker verifies.
std::vector<int> verified(const sygus::Problem& problem,
                          const std::vector<inv::InvariantCandidate>& list) {
  z3inv::InvariantChecker checker(problem);
  std::vector<int> out;
  for (const auto& c : list)
    if (checker.check(c.body, Deadline::after(5s)).outcome == Outcome::Verified)
      out.push_back(c.index);
  return out;
}

}  // namespace

// Contract: for each classic loop, the list's first candidate (the Houdini core) is an invariant
// Z3 verifies, and the list also holds candidates that are not invariants (the ranking
// experiment needs both); indices follow list order and texts are distinct.
TEST_CASE("builtin source finds invariants of classic loops", "[z3]") {
  for (const char* name : {"inv_equal_counters.sl", "inv_count_to_n.sl", "inv_double_step.sl"}) {
    DYNAMIC_SECTION(name) {
      auto problem = fixture(name);
      auto list = builtin_candidates(problem, 24);
      REQUIRE(list.size() >= 3);
      auto good = verified(problem, list);
      std::string texts;
      for (const auto& c : list) texts += c.origin + "  " + c.text + "\n";
      INFO(texts);
      REQUIRE_FALSE(good.empty());
      CHECK(good.front() == 0);
      CHECK(list.front().origin.rfind("builtin:houdini", 0) == 0);
      CHECK(good.size() < list.size());
      std::set<std::string> distinct;
      for (std::size_t i = 0; i < list.size(); ++i) {
        CHECK(list[i].index == static_cast<int>(i));
        CHECK(list[i].text == sygus::to_smtlib(list[i].body));
        distinct.insert(list[i].text);
      }
      CHECK(distinct.size() == list.size());
    }
  }
}

// Contract: the post alone is offered but is not inductive on the counting loop, so the list
// ranks a correct invariant that is stronger than the post (j = i + 10 with a bound on i).
TEST_CASE("builtin source strengthens a non-inductive post", "[z3]") {
  auto problem = fixture("inv_count_to_n.sl");
  auto list = builtin_candidates(problem, 24);
  z3inv::InvariantChecker checker(problem);
  auto post = std::find_if(list.begin(), list.end(),
                           [](const auto& c) { return c.origin == "builtin:post"; });
  REQUIRE(post != list.end());
  CHECK(checker.check(post->body, Deadline::after(5s)).outcome == Outcome::Refuted);
  CHECK(checker.check(list.front().body, Deadline::after(5s)).outcome == Outcome::Verified);
}

// Contract: the same problem gives the same list (texts, origins, order) every time.
TEST_CASE("builtin source is deterministic", "[z3]") {
  auto problem = fixture("inv_double_step.sl");
  auto first = builtin_candidates(problem, 16);
  auto second = builtin_candidates(problem, 16);
  REQUIRE(first.size() == second.size());
  for (std::size_t i = 0; i < first.size(); ++i) {
    CHECK(first[i].text == second[i].text);
    CHECK(first[i].origin == second[i].origin);
  }
}

// Contract: k bounds the list; k = 0 gives nothing.
TEST_CASE("builtin source honours k", "[z3]") {
  auto problem = fixture("inv_equal_counters.sl");
  CHECK(builtin_candidates(problem, 2).size() == 2);
  CHECK(builtin_candidates(problem, 0).empty());
}
