#include "rank/evaluate.h"

#include <catch2/catch.hpp>
#include <set>

#include "test/rank/synthetic_log.h"

using namespace verigen::rank;
using verigen::Outcome;

namespace {

LoggedCandidate checked(int position, const std::string& text, bool verified) {
  return {position, 0, text, verified ? Outcome::Verified : Outcome::Refuted};
}

}  // namespace

// Hand-computed example with an untrained model replaced by known orders: ranks under the
// source order are exact, and the metrics follow from them.
//   task a: source ranks first verified at 1; task b: at 3; task c: at 7; task d: none verified.
//   V@1 = 1/4, V@5 = 2/4, V@10 = 3/4; mean = (1+3+7)/3; median = 3.
TEST_CASE("summarize computes V@N, mean and median by hand", "[unit]") {
  std::vector<TaskRanks> ranks(4);
  ranks[0] = {"a", 4, 1, 2, 1, 1.5, {0.5, 1, 1}};
  ranks[1] = {"b", 6, 2, 1, 3, 2.0, {0.25, 1, 1}};
  ranks[2] = {"c", 12, 1, 2, 7, 6.5, {0, 0.5, 1}};
  ranks[3] = {"d", 5, 0, 0, 0, 0, {0, 0, 0}};
  auto e = summarize(ranks);
  CHECK(e.tasks == 4);
  CHECK(e.tasks_with_verified == 3);
  CHECK(e.tasks_without_verified == 1);
  CHECK(e.candidates == 27);
  CHECK(e.generator.v_at[0] == Approx(0.25));
  CHECK(e.generator.v_at[1] == Approx(0.5));
  CHECK(e.generator.v_at[2] == Approx(0.75));
  CHECK(e.generator.mean_rank == Approx(11.0 / 3));
  CHECK(e.generator.median_rank == 3);
  CHECK(e.scorer.v_at[0] == Approx(0.25));  // only task b has the scorer's rank 1
  CHECK(e.scorer.v_at[1] == Approx(0.75));
  CHECK(e.scorer.median_rank == 2);
  CHECK(e.random.v_at[0] == Approx(0.75 / 4));
  CHECK(e.random.median_rank == 2.0);
  CHECK(e.checks_saved == (1 - 2) + (3 - 1) + (7 - 2));
}

// rank_task on a real (tiny) task: the source order is the "candidate" field, not log order;
// random ranks average over shuffles and lie between 1 and the number of candidates.
TEST_CASE("rank_task follows the candidate positions", "[unit]") {
  TaskLog task{"t",
               "(define-fun post_fun ((x Int) (n Int)) Bool (<= x n))",
               {checked(2, "(<= x n)", true), checked(0, "(= x 41)", false),
                checked(1, "(>= x 99)", false)}};
  Scorer model(ModelDims{64, 64, 4}, 3);
  auto r = rank_task(model, task, EvalOptions{});
  CHECK(r.generator == 3);
  CHECK(r.scorer >= 1);
  CHECK(r.scorer <= 3);
  CHECK(r.random >= 1.0);
  CHECK(r.random <= 3.0);
  CHECK(r.checked == 3);
  CHECK(r.verified == 1);
}

// Cross-validation by task: each task is evaluated exactly once, by a model whose training set
// did not contain it; fold assignment is seeded and balanced.
TEST_CASE("k-fold never evaluates a task it trained on", "[unit]") {
  auto fold_of = assign_folds(10, 3, 7);
  CHECK(fold_of == assign_folds(10, 3, 7));
  std::vector<int> sizes(3, 0);
  for (int f : fold_of) ++sizes[static_cast<std::size_t>(f)];
  CHECK(*std::max_element(sizes.begin(), sizes.end()) -
            *std::min_element(sizes.begin(), sizes.end()) <=
        1);

  auto tasks = parse_run_log(verigen::test::synthetic_log(12, 3, "cv"), "cv.jsonl");
  REQUIRE(tasks.ok());
  TrainOptions options;
  options.dims = ModelDims{128, 256, 8};
  options.epochs = 2;
  auto cv = cross_validate(*tasks, 4, options);
  REQUIRE(cv.ok());
  REQUIRE(cv->folds.size() == 4);
  std::multiset<std::string> evaluated;
  for (const auto& fold : cv->folds) {
    std::set<std::string> trained(fold.train_tasks.begin(), fold.train_tasks.end());
    for (const auto& t : fold.eval_tasks) {
      CHECK(trained.count(t) == 0);
      evaluated.insert(t);
    }
    CHECK(fold.train_tasks.size() + fold.eval_tasks.size() == tasks->size());
  }
  CHECK(evaluated.size() == tasks->size());
  for (const auto& t : *tasks) CHECK(evaluated.count(t.task) == 1);
  CHECK(cv->evaluation.tasks == static_cast<int>(tasks->size()));
  CHECK_FALSE(cross_validate(*tasks, 1, options).ok());
}

// The fixed model order is the baseline a pool's ranker must beat: origins by the tasks they
// solved, best first (a '+'-joined origin counts for each member), and a candidate placed by its
// best member. Hand-made log: model "b" solves two tasks, "a" one, "c" none.
TEST_CASE("model order: origins by tasks solved, candidates by their best origin", "[unit]") {
  auto candidate = [](int i, std::string origin, Outcome outcome) {
    LoggedCandidate c;
    c.candidate = i;
    c.text = "c" + std::to_string(i);
    c.outcome = outcome;
    c.origin = std::move(origin);
    return c;
  };
  TaskLog one{"t1", "task one", {}};
  one.candidates = {candidate(0, "a", Outcome::Refuted), candidate(1, "b", Outcome::Verified)};
  TaskLog two{"t2", "task two", {}};
  two.candidates = {candidate(0, "c", Outcome::Refuted), candidate(1, "a+b", Outcome::Verified)};
  auto order = origin_order({one, two});
  REQUIRE(order == std::vector<std::string>{"b", "a", "c"});
  CHECK(origin_position(order, "c+a") == 1);
  CHECK(origin_position(order, "unknown") == 3);
  EvalOptions options;
  options.origin_order = order;
  // Task one: the generator tries a (refuted) first; the model order tries b first.
  auto ranks = rank_task(Scorer{}, one, options);
  CHECK(ranks.generator == 2);
  CHECK(ranks.model_order == 1);
  auto e = summarize({ranks, rank_task(Scorer{}, two, options)});
  CHECK(e.model_order.v_at[0] == Approx(1.0));
  CHECK(e.model_order.calls_per_solved == Approx(1.0));
}
