#include "rank/evaluate.h"

#include <algorithm>
#include <map>
#include <numeric>
#include <random>
#include <set>

namespace verigen::rank {
namespace {

/// 1-based position of the first verified candidate in `order` (indices into candidates), 0 if
/// none.
int first_verified(const TaskLog& task, const std::vector<std::size_t>& order) {
  for (std::size_t i = 0; i < order.size(); ++i)
    if (task.candidates[order[i]].verified()) return static_cast<int>(i) + 1;
  return 0;
}

double median(std::vector<double> values) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  const std::size_t n = values.size();
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

/// Metrics of one order from each task's rank and probabilities of landing within top-N.
OrderMetrics metrics(const std::vector<double>& ranks,
                     const std::vector<std::array<double, 3>>& within, int tasks) {
  OrderMetrics m;
  if (tasks == 0) return m;
  for (const auto& w : within)
    for (std::size_t n = 0; n < kTopN.size(); ++n) m.v_at[n] += w[n] / tasks;
  if (!ranks.empty()) {
    m.mean_rank =
        std::accumulate(ranks.begin(), ranks.end(), 0.0) / static_cast<double>(ranks.size());
    m.median_rank = median(ranks);
  }
  return m;
}

std::array<double, 3> within(int rank) {
  std::array<double, 3> w{};
  for (std::size_t n = 0; n < kTopN.size(); ++n) w[n] = rank > 0 && rank <= kTopN[n] ? 1 : 0;
  return w;
}

/// The '+'-separated members of an origin ("gpt-4o+claude-3-opus").
std::vector<std::string> members(std::string_view origin) {
  std::vector<std::string> out;
  for (std::size_t start = 0; start <= origin.size();) {
    std::size_t plus = origin.find('+', start);
    if (plus == std::string_view::npos) plus = origin.size();
    if (plus > start) out.emplace_back(origin.substr(start, plus - start));
    start = plus + 1;
  }
  return out;
}

}  // namespace

std::vector<std::string> origin_order(const std::vector<TaskLog>& tasks) {
  std::map<std::string, int> solved;
  for (const auto& t : tasks) {
    std::set<std::string> solvers;
    for (const auto& c : t.candidates)
      for (auto& m : members(c.origin)) {
        solved.try_emplace(m, 0);
        if (c.verified()) solvers.insert(std::move(m));
      }
    for (const auto& m : solvers) ++solved[m];
  }
  std::vector<std::string> order;
  for (const auto& [m, n] : solved) order.push_back(m);
  std::stable_sort(order.begin(), order.end(),
                   [&](const auto& a, const auto& b) { return solved[a] > solved[b]; });
  return order;
}

std::size_t origin_position(const std::vector<std::string>& order, std::string_view origin) {
  std::size_t best = order.size();
  for (const auto& m : members(origin)) {
    auto at = std::find(order.begin(), order.end(), m);
    best = std::min(best, static_cast<std::size_t>(at - order.begin()));
  }
  return best;
}

TaskRanks rank_task(const Scorer& scorer, const TaskLog& task, const EvalOptions& options) {
  TaskRanks r;
  r.task = task.task;
  r.checked = static_cast<int>(task.candidates.size());
  for (const auto& c : task.candidates) r.verified += c.verified() ? 1 : 0;
  if (r.verified == 0) return r;

  const auto& cs = task.candidates;
  std::vector<std::size_t> source(cs.size());
  std::iota(source.begin(), source.end(), 0);
  std::stable_sort(source.begin(), source.end(), [&](std::size_t a, std::size_t b) {
    return std::pair(cs[a].round, cs[a].candidate) < std::pair(cs[b].round, cs[b].candidate);
  });
  r.generator = first_verified(task, source);

  auto prepared = scorer.prepare(task.task_text);
  std::vector<double> score(cs.size());
  for (std::size_t i = 0; i < cs.size(); ++i)
    score[i] = scorer.score(prepared, cs[i].text, cs[i].origin);
  auto by_score = source;  // stable: ties keep the source's order
  std::stable_sort(by_score.begin(), by_score.end(), [&](std::size_t a, std::size_t b) {
    if (cs[a].round != cs[b].round) return cs[a].round < cs[b].round;
    return score[a] > score[b];
  });
  r.scorer = first_verified(task, by_score);

  auto by_model = source;  // stable: candidates of the same origin keep the source's order
  std::stable_sort(by_model.begin(), by_model.end(), [&](std::size_t a, std::size_t b) {
    if (cs[a].round != cs[b].round) return cs[a].round < cs[b].round;
    return origin_position(options.origin_order, cs[a].origin) <
           origin_position(options.origin_order, cs[b].origin);
  });
  r.model_order = first_verified(task, by_model);

  // Random: shuffle, then restore round sequence with a stable sort by round.
  // Seeded per task by its id (FNV-1a, not std::hash: the same numbers on every platform).
  std::uint64_t task_hash = 1469598103934665603ULL;
  for (unsigned char c : task.task) task_hash = (task_hash ^ c) * 1099511628211ULL;
  std::mt19937_64 rng(options.seed ^ task_hash);
  const int shuffles = std::max(1, options.shuffles);
  for (int s = 0; s < shuffles; ++s) {
    auto order = source;
    for (std::size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[rng() % i]);
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return cs[a].round < cs[b].round; });
    const int rank = first_verified(task, order);
    r.random += static_cast<double>(rank) / shuffles;
    auto w = within(rank);
    for (std::size_t n = 0; n < kTopN.size(); ++n) r.random_within[n] += w[n] / shuffles;
  }
  return r;
}

Evaluation summarize(std::vector<TaskRanks> per_task) {
  Evaluation e;
  std::vector<double> scorer_ranks, source_ranks, random_ranks, model_ranks;
  std::vector<std::array<double, 3>> scorer_within, source_within, random_within, model_within;
  for (const auto& t : per_task) {
    if (t.checked == 0) continue;
    ++e.tasks;
    e.candidates += t.checked;
    if (t.verified == 0) {
      ++e.tasks_without_verified;
      continue;
    }
    ++e.tasks_with_verified;
    scorer_ranks.push_back(t.scorer);
    source_ranks.push_back(t.generator);
    random_ranks.push_back(t.random);
    model_ranks.push_back(t.model_order);
    model_within.push_back(within(t.model_order));
    scorer_within.push_back(within(t.scorer));
    source_within.push_back(within(t.generator));
    random_within.push_back(t.random_within);
    e.checks_saved += t.generator - t.scorer;
  }
  e.scorer = metrics(scorer_ranks, scorer_within, e.tasks);
  e.generator = metrics(source_ranks, source_within, e.tasks);
  e.random = metrics(random_ranks, random_within, e.tasks);
  e.model_order = metrics(model_ranks, model_within, e.tasks);
  double unsolved = 0;
  for (const auto& t : per_task)
    if (t.checked > 0 && t.verified == 0) unsolved += t.checked;
  for (auto [m, ranks] :
       {std::pair{&e.scorer, &scorer_ranks}, std::pair{&e.generator, &source_ranks},
        std::pair{&e.random, &random_ranks}, std::pair{&e.model_order, &model_ranks}})
    if (e.tasks_with_verified > 0)
      m->calls_per_solved =
          (std::accumulate(ranks->begin(), ranks->end(), 0.0) + unsolved) / e.tasks_with_verified;
  e.per_task = std::move(per_task);
  return e;
}

Evaluation evaluate(const Scorer& scorer, const std::vector<TaskLog>& tasks,
                    const EvalOptions& options) {
  EvalOptions with_order = options;
  if (with_order.origin_order.empty()) with_order.origin_order = origin_order(tasks);
  std::vector<TaskRanks> per_task;
  per_task.reserve(tasks.size());
  for (const auto& t : tasks) per_task.push_back(rank_task(scorer, t, with_order));
  return summarize(std::move(per_task));
}

std::vector<int> assign_folds(std::size_t task_count, int k, std::uint64_t seed) {
  std::vector<std::size_t> order(task_count);
  std::iota(order.begin(), order.end(), 0);
  std::mt19937_64 rng(seed);
  for (std::size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[rng() % i]);
  std::vector<int> fold(task_count, 0);
  for (std::size_t i = 0; i < order.size(); ++i)
    fold[order[i]] = static_cast<int>(i % static_cast<std::size_t>(k));
  return fold;
}

Result<CrossValidation> cross_validate(const std::vector<TaskLog>& tasks, int k,
                                       const TrainOptions& train_options,
                                       const EvalOptions& eval_options) {
  if (k < 2) return fail("cross-validation needs at least 2 folds");
  if (tasks.size() < 2) return fail("cross-validation needs at least 2 tasks");
  k = std::min<int>(k, static_cast<int>(tasks.size()));
  const auto fold_of = assign_folds(tasks.size(), k, eval_options.seed);
  CrossValidation cv;
  std::vector<TaskRanks> per_task;
  for (int f = 0; f < k; ++f) {
    Fold fold;
    std::vector<TaskLog> train_set, eval_set;
    for (std::size_t i = 0; i < tasks.size(); ++i) {
      (fold_of[i] == f ? eval_set : train_set).push_back(tasks[i]);
      (fold_of[i] == f ? fold.eval_tasks : fold.train_tasks).push_back(tasks[i].task);
    }
    TrainReport report;
    auto model = train(train_set, train_options, &report);
    if (!model.ok())
      return fail("fold " + std::to_string(f + 1) + " of " + std::to_string(k) + ": " +
                  model.error());
    fold.epoch_loss = report.epoch_loss;
    // The fixed model order a fold may know: which models solved most of its training tasks.
    EvalOptions fold_options = eval_options;
    fold_options.origin_order = origin_order(train_set);
    for (const auto& t : eval_set) per_task.push_back(rank_task(*model, t, fold_options));
    cv.folds.push_back(std::move(fold));
  }
  cv.evaluation = summarize(std::move(per_task));
  return cv;
}

}  // namespace verigen::rank
