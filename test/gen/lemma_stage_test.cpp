// The pieces of the portfolio's lemma stage that need no solver: the board the enumerator posts
// its lemma on, and the problem restricted to a lemma (gen/invariants/strengthen.h).

#include <catch2/catch.hpp>
#include <thread>

#include "gen/invariants/lemma_board.h"
#include "gen/invariants/strengthen.h"
#include "gen/invariants/terms.h"
#include "specs/sygus/problem.h"

using namespace verigen;
using namespace verigen::inv;
using namespace std::chrono_literals;

namespace {

sygus::Problem parsed(const std::string& text) {
  auto problem = sygus::parse_problem(text, "test.sl");
  INFO((problem.ok() ? "" : problem.error()));
  REQUIRE(problem.ok());
  return std::move(*problem);
}

sygus::SExpr term(const sygus::Problem& problem, const std::string& text) {
  auto body = sygus::parse_invariant(text, problem, "lemma");
  INFO((body.ok() ? "" : body.error()));
  REQUIRE(body.ok());
  return *body;
}

// A counter problem whose own names include the ones the restriction would pick first.
const char* kCounter = R"((set-logic LIA)
(synth-inv inv_fun ((x Int) (verigen_post Int)))
(define-fun verigen_lemma ((x Int) (verigen_post Int)) Bool (>= x 0))
(define-fun pre_fun ((x Int) (verigen_post Int)) Bool (and (= x 0) (> verigen_post 0)))
(define-fun trans_fun ((x Int) (verigen_post Int) (x! Int) (verigen_post! Int)) Bool
    (and (< x verigen_post) (= x! (+ x 1)) (= verigen_post! verigen_post)))
(define-fun post_fun ((x Int) (verigen_post Int)) Bool (verigen_lemma x verigen_post))
(inv-constraint inv_fun pre_fun trans_fun post_fun)
(check-synth)
)";

const sygus::FunctionDef& function(const sygus::Problem& problem, const std::string& name) {
  const auto* f = problem.function(name);
  REQUIRE(f != nullptr);
  return *f;
}

}  // namespace

// Contract: the first post or close counts; wait returns the lemma, or nothing after a close.
TEST_CASE("lemma board: the first post counts, a close ends the wait empty", "[unit]") {
  sygus::Problem problem = parsed(kCounter);
  LemmaBoard posted;
  posted.post(term(problem, "(>= x 0)"));
  posted.post(term(problem, "(<= x 5)"));
  posted.close();
  auto got = posted.wait(Deadline::after(1s));
  REQUIRE(got);
  CHECK(sygus::to_smtlib(*got) == "(>= x 0)");

  LemmaBoard closed;
  closed.close();
  closed.post(term(problem, "(>= x 0)"));
  auto start = std::chrono::steady_clock::now();
  CHECK_FALSE(closed.wait(Deadline::after(10s)));
  CHECK(std::chrono::steady_clock::now() - start < 1s);
}

// Contract: wait blocks until another thread posts; it ends at the deadline or on a cancel.
TEST_CASE("lemma board: wait wakes on a post, a deadline or a cancel", "[unit]") {
  sygus::Problem problem = parsed(kCounter);
  LemmaBoard board;
  std::thread poster([&] {
    std::this_thread::sleep_for(100ms);
    board.post(term(problem, "(>= x 0)"));
  });
  auto got = board.wait(Deadline::after(10s));
  poster.join();
  CHECK(got);

  LemmaBoard silent;
  auto start = std::chrono::steady_clock::now();
  CHECK_FALSE(silent.wait(Deadline::after(150ms)));
  CHECK(std::chrono::steady_clock::now() - start >= 150ms);

  CancelSource cancel(Deadline::after(10s));
  std::thread canceller([&] {
    std::this_thread::sleep_for(100ms);
    cancel.cancel();
  });
  start = std::chrono::steady_clock::now();
  CHECK_FALSE(silent.wait(cancel.deadline()));
  canceller.join();
  CHECK(std::chrono::steady_clock::now() - start < 5s);
}

// Contract: the restricted problem keeps pre and the variables, takes trans ∧ L ∧ L' and
// L ⇒ post under names the problem does not use, and reads back as a problem.
TEST_CASE("strengthen: trans and post restricted to the lemma, under fresh names", "[unit]") {
  sygus::Problem problem = parsed(kCounter);
  auto restricted = strengthen(problem, term(problem, "(<= x verigen_post)"));
  INFO((restricted.ok() ? "" : restricted.error()));
  REQUIRE(restricted.ok());
  const auto& r = restricted->problem;
  CHECK(r.pre == "pre_fun");
  CHECK(r.variables.size() == 2);
  // verigen_lemma and verigen_post are the problem's own names: the new ones differ.
  CHECK(r.trans == "verigen_trans");
  CHECK(r.post == "verigen_post_2");
  const auto& lemma = function(r, "verigen_lemma_2");
  CHECK(sygus::to_smtlib(lemma.body) == "(<= x verigen_post)");
  CHECK(sygus::to_smtlib(function(r, r.trans).body) ==
        "(and (trans_fun x verigen_post x! verigen_post!) (verigen_lemma_2 x verigen_post) "
        "(verigen_lemma_2 x! verigen_post!))");
  CHECK(sygus::to_smtlib(function(r, r.post).body) ==
        "(or (not (verigen_lemma_2 x verigen_post)) (post_fun x verigen_post))");
  // The original definitions are all still there, unchanged.
  for (const auto& f : problem.functions)
    CHECK(sygus::to_smtlib(function(r, f.name).body) == sygus::to_smtlib(f.body));
  // The text is what was read back.
  auto again = sygus::parse_problem(restricted->text, "again.sl");
  REQUIRE(again.ok());
  CHECK(again->trans == r.trans);
}

// Contract: a lemma of the wrong sort is refused with a message, never a restricted problem.
TEST_CASE("strengthen: a lemma that is not Bool is refused", "[unit]") {
  sygus::Problem problem = parsed(kCounter);
  auto restricted = strengthen(problem, app("+", {sym("x"), num(1)}));
  REQUIRE_FALSE(restricted.ok());
  CHECK(restricted.error().find("restricted to a lemma") != std::string::npos);
}
