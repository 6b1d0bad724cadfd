/// `verigen rank train LOG... --out MODEL [--epochs N] [--seed S]` and
/// `verigen rank eval LOG... [--model MODEL | --folds K] [--json]`: the contrastive scorer,
/// trained and measured on run logs.

#include <cstdio>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "rank/evaluate.h"
#include "rank/run_log_reader.h"
#include "rank/scorer.h"
#include "rank/train.h"

namespace verigen::cli {
namespace {

struct RankOptions {
  std::vector<std::string> logs;
  std::string out;
  std::string model;
  int folds = 0;
  int epochs = 30;
  std::uint64_t seed = 1;
  bool json = false;
  std::string features = "tokens";  ///< tokens (SyGuS, any text) or dafny
};

/// Training options for `features`: the Dafny feature set is small and named, so its model is
/// smaller than the token model (and its file is shipped in the binary beside it).
rank::TrainOptions train_options_for(const RankOptions& options) {
  rank::TrainOptions t;
  t.epochs = options.epochs;
  t.seed = options.seed;
  t.features = rank::feature_set_from_string(options.features).value_or(rank::FeatureSet::Tokens);
  if (rank::is_dafny(t.features)) t.dims = {256, 1024, 16};
  return t;
}

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

/// The logs' tasks, or prints why there are none. Damaged lines (a killed run's partial last
/// line) are skipped with a warning each, the first few by place, so one bad line does not
/// throw away a whole run's data; a log with nothing but damaged lines is an error.
std::optional<std::vector<rank::TaskLog>> read_logs(const RankOptions& options) {
  auto contents = rank::read_run_logs(options.logs);
  if (!contents.ok()) {
    std::cerr << contents.error() << "\n";
    return std::nullopt;
  }
  const auto& damaged = contents->damaged;
  if (contents->tasks.empty() && !damaged.empty()) {
    std::cerr << damaged.front().message() << " (" << damaged.size()
              << " damaged line(s), no checked candidate left)\n";
    return std::nullopt;
  }
  constexpr std::size_t kShown = 5;
  for (std::size_t i = 0; i < damaged.size() && i < kShown; ++i)
    std::cerr << damaged[i].path << ":" << damaged[i].line
              << ": warning: skipped a damaged line: " << damaged[i].why << "\n";
  if (!damaged.empty())
    std::cerr << "rank: warning: skipped " << damaged.size() << " damaged line(s) in total\n";
  return std::move(contents->tasks);
}

int run_train(const RankOptions& options) {
  auto tasks = read_logs(options);
  if (!tasks) return kExitBadInput;
  rank::TrainOptions train_options = train_options_for(options);
  rank::TrainReport report;
  auto model = rank::train(*tasks, train_options, &report, [&](int epoch, double loss) {
    std::printf("epoch %d/%d: loss %.4f\n", epoch, options.epochs, loss);
    std::fflush(stdout);
  });
  if (!model.ok()) {
    std::cerr << joined(options.logs) << ": error: " << model.error() << "\n";
    return kExitBadInput;
  }
  auto saved = model->save(options.out);
  if (!saved.ok()) {
    std::cerr << saved.error() << "\n";
    return kExitBadInput;
  }
  std::printf("wrote %s: trained on %d tasks, %d verified and %d failed candidates\n",
              options.out.c_str(), report.tasks, report.positives, report.negatives);
  return kExitOk;
}

nlohmann::json metrics_json(const rank::OrderMetrics& m) {
  return {{"v@1", m.v_at[0]},
          {"v@5", m.v_at[1]},
          {"v@10", m.v_at[2]},
          {"mean_rank", m.mean_rank},
          {"median_rank", m.median_rank},
          {"calls_per_solved", m.calls_per_solved}};
}

void print_table(const rank::Evaluation& e, const std::string& model, int shuffles) {
  std::printf(
      "%d tasks with a checked candidate (%d with a verified one, %d without), %d candidates\n",
      e.tasks, e.tasks_with_verified, e.tasks_without_verified, e.candidates);
  std::printf("model: %s\n\n", model.c_str());
  std::printf("%-16s %7s %7s %7s %10s %12s %17s\n", "order", "V@1", "V@5", "V@10", "mean rank",
              "median rank", "checks per solved");
  auto row = [](const std::string& name, const rank::OrderMetrics& m) {
    std::printf("%-16s %6.1f%% %6.1f%% %6.1f%% %10.2f %12.1f %17.2f\n", name.c_str(),
                100 * m.v_at[0], 100 * m.v_at[1], 100 * m.v_at[2], m.mean_rank, m.median_rank,
                m.calls_per_solved);
  };
  row("scorer", e.scorer);
  row("generator order", e.generator);
  row("model order", e.model_order);
  row("random (" + std::to_string(shuffles) + ")", e.random);
  std::printf("\nchecks saved by the scorer over the generator order: %lld\n", e.checks_saved);
}

int run_eval(const RankOptions& options) {
  auto tasks = read_logs(options);
  if (!tasks) return kExitBadInput;
  rank::EvalOptions eval_options;
  eval_options.seed = options.seed;
  rank::Evaluation evaluation;
  std::string model_name;
  nlohmann::json fold_losses = nullptr;
  if (options.folds > 0) {
    rank::TrainOptions train_options = train_options_for(options);
    auto cv = rank::cross_validate(*tasks, options.folds, train_options, eval_options);
    if (!cv.ok()) {
      std::cerr << joined(options.logs) << ": error: " << cv.error() << "\n";
      return kExitBadInput;
    }
    evaluation = std::move(cv->evaluation);
    model_name = std::to_string(cv->folds.size()) + "-fold cross-validation by task";
    fold_losses = nlohmann::json::array();
    for (const auto& fold : cv->folds)
      fold_losses.push_back({{"train_tasks", fold.train_tasks.size()},
                             {"eval_tasks", fold.eval_tasks.size()},
                             {"first_loss", fold.epoch_loss.empty() ? 0 : fold.epoch_loss.front()},
                             {"last_loss", fold.epoch_loss.empty() ? 0 : fold.epoch_loss.back()}});
  } else if (!options.model.empty()) {
    auto model = rank::Scorer::load(options.model);
    if (!model.ok()) {
      std::cerr << model.error() << "\n";
      return kExitBadInput;
    }
    evaluation = rank::evaluate(*model, *tasks, eval_options);
    model_name = options.model;
  } else {
    const bool dafny = options.features != "tokens";
    evaluation =
        rank::evaluate(dafny ? rank::Scorer::default_dafny_model() : rank::Scorer::default_model(),
                       *tasks, eval_options);
    model_name = dafny ? "default Dafny model (shipped)" : "default (shipped)";
  }

  if (options.json) {
    nlohmann::json out = {
        {"tasks", evaluation.tasks},
        {"tasks_with_verified", evaluation.tasks_with_verified},
        {"tasks_without_verified", evaluation.tasks_without_verified},
        {"candidates", evaluation.candidates},
        {"model", model_name},
        {"folds", options.folds > 0 ? nlohmann::json(fold_losses) : nlohmann::json(nullptr)},
        {"scorer", metrics_json(evaluation.scorer)},
        {"generator", metrics_json(evaluation.generator)},
        {"model_order", metrics_json(evaluation.model_order)},
        {"random", metrics_json(evaluation.random)},
        {"random_shuffles", eval_options.shuffles},
        {"checks_saved", evaluation.checks_saved}};
    std::cout << out.dump(2) << "\n";
  } else {
    print_table(evaluation, model_name, eval_options.shuffles);
  }
  return kExitOk;
}

}  // namespace

void register_rank(CLI::App& app, int& exit_code) {
  auto* cmd = app.add_subcommand("rank", "Train and evaluate the contrastive candidate scorer");
  cmd->require_subcommand(1);

  auto train = std::make_shared<RankOptions>();
  auto* train_cmd = cmd->add_subcommand("train", "Train a scorer model on run logs (JSONL)");
  train_cmd->add_option("logs", train->logs, "Run logs")->required();
  train_cmd->add_option("--out", train->out, "Model file to write")->required();
  train_cmd->add_option("--epochs", train->epochs, "Training epochs")->check(CLI::PositiveNumber);
  train_cmd->add_option("--seed", train->seed, "Seed for initial weights and task order");
  train_cmd
      ->add_option("--features", train->features,
                   "Feature set: tokens (SyGuS invariants), dafny (Dafny candidates: writers "
                   "and well-formedness) or dafny-content (dafny plus the hints and code a "
                   "candidate added or changed)")
      ->check(CLI::IsMember(rank::feature_set_names()));
  train_cmd->callback([train, &exit_code] { exit_code = run_train(*train); });

  auto eval = std::make_shared<RankOptions>();
  auto* eval_cmd = cmd->add_subcommand(
      "eval", "Rank of the first verified candidate: scorer vs the generator's order vs random");
  eval_cmd->add_option("logs", eval->logs, "Run logs")->required();
  auto* model =
      eval_cmd->add_option("--model", eval->model, "Model file (default: the shipped one)");
  eval_cmd->add_option("--folds", eval->folds, "Cross-validate by task with K folds instead")
      ->check(CLI::Range(2, 1000))
      ->default_str("off")
      ->excludes(model);
  eval_cmd->add_option("--epochs", eval->epochs, "Training epochs per fold (--folds)")
      ->check(CLI::PositiveNumber);
  eval_cmd->add_option("--seed", eval->seed, "Seed for folds, training and random orders");
  eval_cmd
      ->add_option("--features", eval->features,
                   "Feature set of --folds training and of the shipped model: tokens, dafny or "
                   "dafny-content")
      ->check(CLI::IsMember(rank::feature_set_names()));
  eval_cmd->add_flag("--json", eval->json, "Print one JSON document on stdout");
  eval_cmd->callback([eval, &exit_code] { exit_code = run_eval(*eval); });
}

}  // namespace verigen::cli
