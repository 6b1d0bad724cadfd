// InvPortfolio (the engine of `verigen inv`) on real SyGuS-INV problems with the real Z3: what it
// claims is re-checked here with a fresh InvariantChecker, traces are replayed state by state, and
// the checking order, ranks and run log are compared with what the options promise.

#include "gen/invariants/inv_portfolio.h"

#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "backends/z3/inv_checker.h"
#include "core/file_io.h"
#include "gen/invariants/invariant_proposer.h"
#include "gen/run_log.h"
#include "rank/scorer.h"
#include "specs/sygus/problem.h"
#include "test/support/sygus_fixture.h"

using namespace verigen;
using namespace std::chrono_literals;

namespace {

using Fixture = test::SygusFixture;
using test::sygus_fixture;

/// A source that proposes a fixed list of invariants, in the given order; those at the
/// positions in `flagged` it calls inductive (InvariantCandidate::inductive), true or not.
class FixedSource : public inv::InvariantProposer {
 public:
  FixedSource(const sygus::Problem& problem, const std::vector<std::string>& texts,
              const std::set<int>& flagged = {}) {
    for (const auto& text : texts) {
      auto body = sygus::parse_invariant(text, problem, "fixed");
      INFO((body.ok() ? "" : body.error()));
      REQUIRE(body.ok());
      inv::InvariantCandidate c;
      c.body = *body;
      c.text = sygus::to_smtlib(*body);
      c.origin = "fixed#" + std::to_string(list_.size());
      c.index = static_cast<int>(list_.size());
      c.inductive = flagged.count(c.index) > 0;
      list_.push_back(std::move(c));
    }
  }
  std::string name() const override { return "fixed"; }
  Result<std::vector<inv::InvariantCandidate>> candidates(const sygus::Problem&, int k,
                                                          Deadline) override {
    std::vector<inv::InvariantCandidate> out = list_;
    if (static_cast<int>(out.size()) > k) out.resize(static_cast<std::size_t>(k));
    return out;
  }

 private:
  std::vector<inv::InvariantCandidate> list_;
};

/// A JSONL file under the temp directory, removed at the end of the test.
struct TempLog {
  TempLog()
      : path((std::filesystem::temp_directory_path() /
              ("verigen-inv-portfolio-" + std::to_string(::getpid()) + ".jsonl"))
                 .string()) {
    std::filesystem::remove(path);
  }
  ~TempLog() {
    std::error_code ignored;
    std::filesystem::remove(path, ignored);
  }
  std::vector<nlohmann::json> lines() const {
    std::vector<nlohmann::json> out;
    std::ifstream in(path);
    for (std::string line; std::getline(in, line);)
      if (!line.empty()) out.push_back(nlohmann::json::parse(line));
    return out;
  }
  std::string path;
};

sygus::SExpr call(const std::string& function, const std::vector<std::string>& args) {
  std::vector<sygus::SExpr> items{sygus::SExpr::symbol(function)};
  for (const auto& a : args) items.push_back(sygus::SExpr::symbol(a));
  return sygus::SExpr::list(std::move(items));
}

// lia.sl: (<= x n) is the invariant; the other two fail initiation and postcondition.
const std::vector<std::string> kLiaWrong = {"(= x 0)", "(>= x 0)", "(< x n)"};
const std::string kLiaRight = "(<= x n)";

}  // namespace

// Contract: a Solved outcome carries an invariant that an independent checker verifies.
TEST_CASE("portfolio solves lia.sl with an invariant that re-checks", "[z3]") {
  auto f = sygus_fixture("lia.sl");
  auto builtin = inv::make_template_proposer();
  InvPortfolio portfolio({builtin.get()}, &rank::Scorer::default_model(), nullptr, {});
  auto out = portfolio.solve(f.problem, f.text, Deadline::after(60s));
  INFO(to_string(out.status));
  REQUIRE(out.status == InvOutcome::Status::Solved);
  REQUIRE(out.invariant);
  CHECK_FALSE(out.origin.empty());
  CHECK(out.checks_run >= 1);
  CHECK(out.checks.size() == 3);

  z3inv::InvariantChecker fresh(f.problem);
  CHECK(fresh.check(*out.invariant, Deadline::after(20s)).outcome == Outcome::Verified);
}

// Contract: a problem whose post can be violated is Infeasible, with a trace that starts in pre,
// follows trans at every step and ends outside post.
TEST_CASE("portfolio reports counter_unsafe.sl infeasible with a real trace", "[z3]") {
  auto f = sygus_fixture("counter_unsafe.sl");
  auto builtin = inv::make_template_proposer();
  InvPortfolio portfolio({builtin.get()}, &rank::Scorer::default_model(), nullptr, {});
  auto out = portfolio.solve(f.problem, f.text, Deadline::after(60s));
  INFO(to_string(out.status));
  REQUIRE(out.status == InvOutcome::Status::Infeasible);
  CHECK_FALSE(out.invariant);
  REQUIRE(out.trace.size() >= 2);

  std::vector<std::string> vars, primed;
  for (const auto& v : f.problem.variables) {
    vars.push_back(v.name);
    primed.push_back(f.problem.primed(v.name));
  }
  std::vector<std::string> both = vars;
  both.insert(both.end(), primed.begin(), primed.end());

  z3inv::InvariantChecker checker(f.problem);
  CHECK(checker.holds(call(f.problem.pre, vars), out.trace.front()) == std::optional<bool>(true));
  for (std::size_t i = 0; i + 1 < out.trace.size(); ++i) {
    z3inv::State step = out.trace[i];
    for (std::size_t v = 0; v < vars.size(); ++v) step[primed[v]] = out.trace[i + 1].at(vars[v]);
    INFO("step " << i);
    CHECK(checker.holds(call(f.problem.trans, both), step) == std::optional<bool>(true));
  }
  CHECK(checker.holds(call(f.problem.post, vars), out.trace.back()) == std::optional<bool>(false));
  // x counts 0 … 10: ten transitions.
  CHECK(out.trace.size() == 11);
}

// Contract: no time, no claim — an expired deadline never yields Solved (nor an exception).
TEST_CASE("portfolio with an expired deadline does not claim a solution", "[z3]") {
  auto f = sygus_fixture("lia.sl");
  auto builtin = inv::make_template_proposer();
  InvPortfolio portfolio({builtin.get()}, &rank::Scorer::default_model(), nullptr, {});
  auto out = portfolio.solve(f.problem, f.text, Deadline(std::chrono::steady_clock::now() - 1s));
  CHECK(out.status != InvOutcome::Status::Solved);
  CHECK(out.status != InvOutcome::Status::Error);
  CHECK_FALSE(out.invariant);
}

// Contract: without Spacer, wrong candidates only give Unknown; each was handed to Z3 once and
// none is reported as the invariant.
TEST_CASE("portfolio with only wrong candidates and no spacer is unknown", "[z3]") {
  auto f = sygus_fixture("lia.sl");
  FixedSource source(f.problem, kLiaWrong);
  InvPortfolioOptions options;
  options.members = {"builtin"};
  InvPortfolio portfolio({&source}, nullptr, nullptr, options);
  auto out = portfolio.solve(f.problem, f.text, Deadline::after(60s));
  CHECK(out.status == InvOutcome::Status::Unknown);
  CHECK_FALSE(out.invariant);
  CHECK(out.trace.empty());
  CHECK(out.checks_run == static_cast<int>(kLiaWrong.size()));
  REQUIRE(out.candidates.size() == kLiaWrong.size());
  for (const auto& c : out.candidates) {
    REQUIRE(c.verdict);
    CHECK(c.verdict->outcome == Outcome::Refuted);
  }
}

// Contract: without check_all the portfolio stops at the first verified candidate; with it every
// candidate is checked, and every candidate is logged as a line `verigen rank` can read.
TEST_CASE("portfolio check_all checks and logs every candidate", "[z3]") {
  auto f = sygus_fixture("lia.sl");
  std::vector<std::string> texts = kLiaWrong;
  texts.insert(texts.begin() + 1, kLiaRight);  // wrong, right, wrong, wrong

  SECTION("first verified stops the search") {
    FixedSource source(f.problem, texts);
    InvPortfolioOptions options;
    options.members = {"builtin"};
    InvPortfolio portfolio({&source}, nullptr, nullptr, options);
    auto out = portfolio.solve(f.problem, f.text, Deadline::after(60s));
    REQUIRE(out.status == InvOutcome::Status::Solved);
    CHECK(out.checks_run == 2);
    CHECK(sygus::to_smtlib(*out.invariant) == kLiaRight);
    CHECK(out.candidates[2].rank == -1);
    CHECK_FALSE(out.candidates[2].verdict);
  }

  SECTION("check_all") {
    TempLog log_file;
    auto opened = RunLog::open(log_file.path);
    REQUIRE(opened.ok());
    RunLog& log = **opened;
    FixedSource source(f.problem, texts);
    InvPortfolioOptions options;
    options.members = {"builtin"};
    options.check_all = true;
    InvPortfolio portfolio({&source}, nullptr, &log, options);
    auto out = portfolio.solve(f.problem, f.text, Deadline::after(60s));
    REQUIRE(out.status == InvOutcome::Status::Solved);
    CHECK(sygus::to_smtlib(*out.invariant) == kLiaRight);
    CHECK(out.checks_run == static_cast<int>(texts.size()));

    auto lines = log_file.lines();
    REQUIRE(lines.size() == texts.size());
    std::set<int> indices;
    int verified = 0;
    for (const auto& line : lines) {
      INFO(line.dump());
      CHECK(line["task"] == f.problem.path);
      CHECK(line["task_text"] == f.text);
      REQUIRE(line["candidate"].is_number_integer());
      indices.insert(line["candidate"].get<int>());
      REQUIRE(line["text"].is_string());
      REQUIRE(line["verdict"].is_object());
      REQUIRE(line["verdict"]["outcome"].is_string());
      const bool right = line["text"] == kLiaRight;
      CHECK(line["verdict"]["outcome"] == (right ? "verified" : "refuted"));
      verified += right;
    }
    CHECK(indices.size() == texts.size());
    CHECK(verified == 1);
  }
}

// Contract: without a scorer candidates are checked in the proposers' order (rank = index); with
// one they are checked by descending score, the ranks are a permutation of 0..n-1 and each
// candidate's score is the scorer's score for it.
TEST_CASE("portfolio orders candidates by the scorer", "[z3]") {
  auto f = sygus_fixture("lia.sl");
  std::vector<std::string> texts = kLiaWrong;
  texts.push_back(kLiaRight);
  FixedSource source(f.problem, texts);
  InvPortfolioOptions options;
  options.members = {"builtin"};
  options.check_all = true;

  SECTION("no scorer: the source's order") {
    InvPortfolio portfolio({&source}, nullptr, nullptr, options);
    auto out = portfolio.solve(f.problem, f.text, Deadline::after(60s));
    REQUIRE(out.candidates.size() == texts.size());
    for (std::size_t i = 0; i < out.candidates.size(); ++i) {
      CHECK(out.candidates[i].candidate.index == static_cast<int>(i));
      CHECK(out.candidates[i].rank == static_cast<int>(i));
      CHECK(out.candidates[i].candidate.text ==
            sygus::to_smtlib(*sygus::parse_invariant(texts[i], f.problem, "t")));
    }
  }

  SECTION("default scorer: descending score") {
    const auto& scorer = rank::Scorer::default_model();
    InvPortfolio portfolio({&source}, &scorer, nullptr, options);
    auto out = portfolio.solve(f.problem, f.text, Deadline::after(60s));
    REQUIRE(out.status == InvOutcome::Status::Solved);
    REQUIRE(out.candidates.size() == texts.size());
    std::set<int> ranks, indices;
    for (std::size_t i = 0; i < out.candidates.size(); ++i) {
      const auto& c = out.candidates[i];
      INFO(c.candidate.text << " score " << c.score);
      ranks.insert(c.rank);
      indices.insert(c.candidate.index);
      CHECK(c.rank == static_cast<int>(i));
      CHECK(c.score == Approx(scorer.score(f.text, c.candidate.text)));
      if (i > 0) CHECK(out.candidates[i - 1].score >= c.score);
    }
    CHECK(ranks == std::set<int>{0, 1, 2, 3});
    CHECK(indices == std::set<int>{0, 1, 2, 3});
    // The scores are not all equal, or this test would not test the ordering.
    CHECK(out.candidates.front().score > out.candidates.back().score);
  }
}

// Contract: with cvc5 among the members, the portfolio lends cvc5's SMT solver to the enumerator's
// checks (make_member_peer); without it, no peer exists and Z3 decides alone.
TEST_CASE("portfolio lends cvc5's SMT solver to the enumerator's checks", "[z3][solver:cvc5]") {
  SubprocessRunner runner;
  CHECK(inv::make_member_peer({"builtin", "spacer"}, runner) == nullptr);
  auto peer = inv::make_member_peer({"builtin", "spacer", "cvc5"}, runner);
  REQUIRE(peer);
  CHECK(peer->name() == "cvc5");

  // s = b + r*d: Z3 took 4.7 s on its consecution, cvc5 0.02 s.
  auto f = sygus_fixture("nia_scaled_sum.sl");
  FixedSource source(f.problem, {"(and (<= r 500) (>= r 0) (= s (+ b (* r d))))"});
  InvPortfolioOptions options;
  options.members = {"builtin"};
  options.peer = peer.get();
  InvPortfolio portfolio({&source}, nullptr, nullptr, options);
  auto out = portfolio.solve(f.problem, f.text, Deadline::after(60s));
  INFO(to_string(out.status));
  REQUIRE(out.status == InvOutcome::Status::Solved);
  REQUIRE(out.checks.size() == 3);
  CHECK(out.checks[1].decided_by == "cvc5");
}

// Contract: the lemma stage solves what the members alone do not: phased_counter.sl (Spacer
// alone and the enumerator alone decide nothing in 10 s) is solved by Spacer on the problem
// restricted to the enumerator's inductive lemma, and the answer, lemma and all, re-checks.
TEST_CASE("portfolio: the lemma stage solves a problem with the enumerator's lemma", "[z3]") {
  auto f = sygus_fixture("phased_counter.sl");
  auto builtin = inv::make_template_proposer();
  InvPortfolioOptions options;
  options.members = {"builtin", "spacer"};
  InvPortfolio portfolio({builtin.get()}, &rank::Scorer::default_model(), nullptr, options);
  auto out = portfolio.solve(f.problem, f.text, Deadline::after(40s));
  INFO(to_string(out.status));
  for (const auto& n : out.notes) INFO(n);
  REQUIRE(out.status == InvOutcome::Status::Solved);
  CHECK(out.origin == "spacer+lemma");
  REQUIRE(out.members.size() == 3);
  CHECK(out.members[2].name == "lemmas");
  CHECK(out.members[2].result == "won");
  CHECK(out.members[2].idle > std::chrono::milliseconds(0));
  CHECK(out.members[2].idle <= out.members[2].elapsed);
  // The enumerator's own candidates: none of them is the invariant.
  for (const auto& c : out.candidates)
    if (c.verdict) CHECK(c.verdict->outcome != Outcome::Verified);

  z3inv::InvariantChecker fresh(f.problem);
  REQUIRE(out.invariant);
  CHECK(fresh.check(*out.invariant, Deadline::after(20s)).outcome == Outcome::Verified);
}

// Contract: the lemma is a hint, never trusted: a proposer that calls a non-inductive term
// inductive gets the restricted problem solved (no step keeps t at 5, so anything holds there),
// but the claim lemma ∧ J fails the re-check and is refused, and nothing wrong is certified.
TEST_CASE("portfolio: a false lemma makes the lemma stage's claim fail the re-check", "[z3]") {
  auto f = sygus_fixture("phased_counter.sl");
  FixedSource source(f.problem, {"(= t 5)"}, {0});
  InvPortfolioOptions options;
  options.members = {"builtin", "spacer"};
  InvPortfolio portfolio({&source}, nullptr, nullptr, options);
  auto out = portfolio.solve(f.problem, f.text, Deadline::after(4s));
  INFO(to_string(out.status));
  REQUIRE(out.members.size() == 3);
  CHECK(out.members[2].result == "refused");
  CHECK(std::any_of(out.notes.begin(), out.notes.end(), [](const std::string& n) {
    return n.find("lemmas's invariant did not re-check") != std::string::npos;
  }));
  CHECK(out.status != InvOutcome::Status::Infeasible);
  if (out.status == InvOutcome::Status::Solved) {
    z3inv::InvariantChecker fresh(f.problem);
    REQUIRE(out.invariant);
    CHECK(fresh.check(*out.invariant, Deadline::after(20s)).outcome == Outcome::Verified);
  }
}

// Contract: a candidate nobody called inductive, but which Z3 finds inductive when the
// enumerator checks it (initiation and consecution verified, post not), is the lemma once no
// candidate holds: here the Houdini core of phased_counter.sl, written out, from a fixed list.
TEST_CASE("portfolio: a checked inductive candidate becomes the lemma", "[z3]") {
  auto f = sygus_fixture("phased_counter.sl");
  const std::string bounds =
      "(and (<= a 999999) (<= b 999999) (>= p 0) (<= p 999999) (>= q 0) (<= q 999999) (>= r 0) "
      "(<= (- a p) 1000000) (<= (- a q) 1000000) (<= (- a r) 1000000) (<= (- b p) 1000000) "
      "(<= (- b q) 1000000) (<= (- b r) 1000000) (>= (+ p q) 0) (<= (- p q) 1000000) "
      "(>= (+ p r) 0) (<= (- p r) 1000000) (>= (+ t r) 0) (>= (+ q r) 0) (<= (- q r) 1000000) "
      "(<= (- 0 1000000) a) (< a 1000000) (<= (- 0 1000000) b) (< b 1000000))";
  FixedSource source(f.problem, {"(= t 0)", bounds});
  InvPortfolioOptions options;
  options.members = {"builtin", "spacer"};
  options.violation_depth = 0;
  InvPortfolio portfolio({&source}, nullptr, nullptr, options);
  auto out = portfolio.solve(f.problem, f.text, Deadline::after(40s));
  INFO(to_string(out.status));
  REQUIRE(out.candidates.size() == 2);
  REQUIRE(out.candidates[1].verdict);
  REQUIRE(out.candidates[1].verdict->failed());
  CHECK(out.candidates[1].verdict->failed()->name == "postcondition");
  REQUIRE(out.status == InvOutcome::Status::Solved);
  CHECK(out.origin == "spacer+lemma");
  REQUIRE(out.invariant);
  // The claim is the lemma and Spacer's J together, and it re-checks.
  CHECK(sygus::to_smtlib(*out.invariant).find("(>= (+ t r) 0)") != std::string::npos);
  z3inv::InvariantChecker fresh(f.problem);
  CHECK(fresh.check(*out.invariant, Deadline::after(20s)).outcome == Outcome::Verified);
}
