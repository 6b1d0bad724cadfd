#include "rank/train.h"

#include <catch2/catch.hpp>

#include "rank/evaluate.h"
#include "test/rank/synthetic_log.h"

using namespace verigen::rank;

namespace {

std::vector<TaskLog> synthetic_tasks(int count, std::uint64_t seed, const std::string& prefix) {
  auto tasks = parse_run_log(verigen::test::synthetic_log(count, seed, prefix), "synthetic.jsonl");
  REQUIRE(tasks.ok());
  return std::move(*tasks);
}

TrainOptions small_options() {
  TrainOptions options;
  options.dims = ModelDims{512, 1024, 16};
  options.epochs = 15;
  return options;
}

}  // namespace

// Training lowers the InfoNCE loss, and what it learns carries over to a task it never saw:
// the held-out task's verified candidates score above every failed one.
TEST_CASE("training reduces the loss and ranks a held-out task", "[unit]") {
  auto training = synthetic_tasks(40, 11, "train");
  TrainReport report;
  auto model = train(training, small_options(), &report);
  REQUIRE(model.ok());
  REQUIRE(report.epoch_loss.size() == 15);
  CHECK(report.epoch_loss.back() < report.epoch_loss.front());
  CHECK(report.tasks > 30);

  auto held_out = synthetic_tasks(1, 99, "held-out");
  REQUIRE(held_out.size() == 1);
  const TaskLog& task = held_out[0];
  REQUIRE(task.any_verified());
  auto prepared = model->prepare(task.task_text);
  double worst_verified = 2, best_failed = -2;
  for (const auto& c : task.candidates) {
    const double s = model->score(prepared, c.text);
    if (c.verified())
      worst_verified = std::min(worst_verified, s);
    else
      best_failed = std::max(best_failed, s);
  }
  CHECK(worst_verified > best_failed);

  // On many unseen tasks the scorer beats the enumerator's own order.
  auto evaluation = evaluate(*model, synthetic_tasks(30, 123, "unseen"));
  CHECK(evaluation.scorer.v_at[0] > evaluation.generator.v_at[0]);
  CHECK(evaluation.checks_saved > 0);
}

// Same data, same seed: the same model, bit for bit.
TEST_CASE("training is deterministic", "[unit]") {
  auto tasks = synthetic_tasks(10, 5, "det");
  auto options = small_options();
  options.epochs = 3;
  auto a = train(tasks, options);
  auto b = train(tasks, options);
  REQUIRE(a.ok());
  REQUIRE(b.ok());
  CHECK(a->to_json() == b->to_json());
}

// Nothing to contrast (no task with both a verified and a failed candidate) is an error.
TEST_CASE("training without contrast fails", "[unit]") {
  TaskLog only_failures{"t", "(<= x n)", {{0, 0, "(<= x 1)", verigen::Outcome::Refuted}}};
  auto model = train({only_failures}, small_options());
  REQUIRE_FALSE(model.ok());
  CHECK(model.error().find("nothing to learn") != std::string::npos);
}
