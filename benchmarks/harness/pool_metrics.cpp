#include "benchmarks/harness/pool_metrics.h"

#include <algorithm>
#include <numeric>
#include <random>
#include <set>

namespace verigen::bench {
namespace {

bool has_origin(const PoolEntry& e, const std::string& origin) {
  return std::find(e.origins.begin(), e.origins.end(), origin) != e.origins.end();
}

/// A candidate symbolic completion wrote (it only exists because the pool failed).
bool completed(const PoolEntry& e) {
  return !e.origins.empty() && is_completion_origin(e.origins.front());
}

/// 1-based place of the first solved entry of `order` (indices into entries); 0 when none.
int first_solved(const PoolRecord& r, const std::vector<std::size_t>& order, bool dafnybench) {
  for (std::size_t i = 0; i < order.size(); ++i)
    if (r.entries[order[i]].solved_under(dafnybench)) return static_cast<int>(i) + 1;
  return 0;
}

/// Adds one task's outcome under one order: solved, within 1 and 3 calls, and the calls an
/// order spends (up to the first verified, else every candidate it has).
void tally(StrategyMetrics& s, int first, std::size_t size, double weight = 1) {
  if (first > 0) {
    s.solved += weight;
    s.v_at_1 += first <= 1 ? weight : 0;
    s.v_at_3 += first <= 3 ? weight : 0;
    s.calls += weight * first;
  } else {
    s.calls += weight * static_cast<double>(size);
  }
}

/// Why verigen's verdict on a model's task differs from the recorded one.
std::string classify(const PoolEntry* entry, const PoolEntry& hint_free, bool ours,
                     bool dafnybench) {
  if (ours)
    return entry && entry->solved_under(dafnybench) ? "verified by us"
                                                    : "verified by us (hint-free program)";
  if (!entry) return "no output";
  if (!entry->rejected.empty()) return "no program in the output";
  if (!(dafnybench ? entry->dafnybench : entry->strict).empty()) return "audit";
  if (!entry->outcome) return "not verified";
  if (*entry->outcome == Outcome::Unknown) return "timeout";
  if (*entry->outcome == Outcome::Error) return "error";
  const std::string& d = entry->detail;
  // Dafny's audit of the program found an assumption (a body-less declaration with a contract,
  // an assume) that the hint-free program itself makes; DafnyBench's checker never looks.
  if (d.find("assumption (") != std::string::npos) return "assumption in the task";
  for (const char* word : {"parse", "resolution", "unresolved", "syntax", "not found"})
    if (d.find(word) != std::string::npos) return "parse/resolution";
  (void)hint_free;
  return "dafny refuted";
}

}  // namespace

PoolMetrics compute_pool_metrics(const std::vector<std::pair<std::string, PoolRecord>>& records,
                                 int shuffles, unsigned seed) {
  PoolMetrics m;
  if (records.empty()) return m;
  m.rules = records.front().second.rules;
  m.verify_all = std::all_of(records.begin(), records.end(),
                             [](const auto& r) { return r.second.verify_all; });
  const bool dafnybench = m.rules == "dafnybench";

  // Each model's own tasks solved (the hint-free program counted as a model of its own): the
  // fixed order puts the best first.
  std::map<std::string, int> solved_by;
  for (const auto& [task, r] : records)
    for (const auto& e : r.entries)
      for (const auto& o : e.origins) {
        if (completed(e)) continue;
        solved_by.try_emplace(o, 0);
        if (e.rank > 0 && e.solved_under(dafnybench)) ++solved_by[o];
      }
  std::vector<std::string> model_order;
  for (const auto& [o, n] : solved_by) model_order.push_back(o);
  std::stable_sort(model_order.begin(), model_order.end(),
                   [&](const auto& a, const auto& b) { return solved_by[a] > solved_by[b]; });
  auto position = [&](const PoolEntry& e) {
    std::size_t best = model_order.size();
    for (const auto& o : e.origins) {
      auto at = std::find(model_order.begin(), model_order.end(), o);
      best = std::min(best, static_cast<std::size_t>(at - model_order.begin()));
    }
    return best;
  };

  StrategyMetrics ranker{"ranker"}, fixed{"fixed model order"}, random{"random order"};
  StrategyMetrics with_completion{"ranker + completion"};
  bool any_completion = false;
  std::map<std::string, StrategyMetrics> single;
  std::mt19937 rng(seed);
  for (const auto& [task, r] : records) {
    ++m.tasks;
    m.candidates += static_cast<int>(r.entries.size());
    PoolTaskSummary summary{task,
                            static_cast<int>(r.entries.size()),
                            r.first_verified_rank,
                            r.calls + r.completion_calls,
                            {}};
    for (const auto& e : r.entries)
      if (e.solved_under(dafnybench))
        summary.verified_origins.insert(summary.verified_origins.end(), e.origins.begin(),
                                        e.origins.end());
    m.per_task.push_back(std::move(summary));
    for (const auto& e : r.entries)
      for (const auto& o : e.origins) m.outputs += o == kHintFreeOrigin ? 0 : 1;
    std::vector<std::size_t> eligible;
    for (std::size_t i = 0; i < r.entries.size(); ++i)
      if (r.entries[i].rank > 0 && !completed(r.entries[i])) eligible.push_back(i);
    std::sort(eligible.begin(), eligible.end(),
              [&](std::size_t a, std::size_t b) { return r.entries[a].rank < r.entries[b].rank; });
    const int ranked = first_solved(r, eligible, dafnybench);
    if (ranked > 0) ++m.oracle;  // without verify_all, the ranker's find is all that is known
    bool won_by_completion = false;
    for (const auto& e : r.entries) {
      any_completion = any_completion || completed(e);
      won_by_completion = won_by_completion || (completed(e) && e.solved_under(dafnybench));
    }
    won_by_completion = won_by_completion && ranked == 0;
    m.completion_wins += won_by_completion ? 1 : 0;
    with_completion.solved += ranked > 0 || won_by_completion ? 1 : 0;
    with_completion.calls += r.completion_calls;
    if (!r.verify_all) {
      // Only the ranker's own search ran: its calls are what it spent.
      if (ranked > 0) {
        with_completion.v_at_1 += r.first_verified_rank <= 1 ? 1 : 0;
        with_completion.v_at_3 += r.first_verified_rank <= 3 ? 1 : 0;
        ranker.solved += 1;
        ranker.v_at_1 += r.first_verified_rank <= 1 ? 1 : 0;
        ranker.v_at_3 += r.first_verified_rank <= 3 ? 1 : 0;
      }
      ranker.calls += r.calls;
      with_completion.calls += r.calls;
      continue;
    }
    tally(ranker, ranked, eligible.size());
    with_completion.calls += ranked > 0 ? ranked : static_cast<double>(eligible.size());
    with_completion.v_at_1 += ranked > 0 && ranked <= 1 ? 1 : 0;
    with_completion.v_at_3 += ranked > 0 && ranked <= 3 ? 1 : 0;
    auto by_model = eligible;
    std::stable_sort(by_model.begin(), by_model.end(), [&](std::size_t a, std::size_t b) {
      return position(r.entries[a]) < position(r.entries[b]);
    });
    tally(fixed, first_solved(r, by_model, dafnybench), by_model.size());
    auto shuffled = eligible;
    for (int s = 0; s < shuffles; ++s) {
      std::shuffle(shuffled.begin(), shuffled.end(), rng);
      tally(random, first_solved(r, shuffled, dafnybench), shuffled.size(), 1.0 / shuffles);
    }
    for (const auto& o : model_order) {
      std::vector<std::size_t> own;
      for (std::size_t i : eligible)
        if (has_origin(r.entries[i], o)) own.push_back(i);
      auto& s = single[o];
      s.name = o;
      tally(s, first_solved(r, own, dafnybench), own.size());
    }
  }
  m.strategies.push_back(ranker);
  if (any_completion) m.strategies.push_back(with_completion);
  if (m.verify_all) {
    m.strategies.push_back(fixed);
    m.strategies.push_back(random);
    for (const auto& o : model_order) m.strategies.push_back(single[o]);
  }

  for (bool lenient : {false, true}) {
    RuleAgreement a;
    a.rules = lenient ? "dafnybench" : "strict";
    // Under the other rule set, a candidate only it allows was never verified.
    a.complete = m.verify_all && (m.rules == "dafnybench" || !lenient);
    for (const auto& [task, r] : records) {
      const PoolEntry* hint_free = nullptr;
      for (const auto& e : r.entries)
        if (has_origin(e, kHintFreeOrigin)) hint_free = &e;
      bool any = false;
      for (const auto& e : r.entries) any = any || (!completed(e) && e.solved_under(lenient));
      a.oracle += any ? 1 : 0;
      for (const auto& [model, recorded] : r.recorded) {
        if (recorded.empty()) continue;
        const PoolEntry* entry = nullptr;
        for (const auto& e : r.entries)
          if (has_origin(e, model)) entry = &e;
        const bool theirs = recorded != "failed";
        const bool ours = (entry && entry->solved_under(lenient)) ||
                          (hint_free && hint_free->solved_under(lenient));
        auto& counts = a.models[model];
        ++counts.tasks;
        counts.ours += ours ? 1 : 0;
        counts.recorded += theirs ? 1 : 0;
        ++a.compared;
        if (ours == theirs) {
          ++counts.agree;
          ++a.agree;
          continue;
        }
        // DafnyBench's 0: its own run of the hint-free program verified; judge that program.
        const PoolEntry* judged = recorded == "0" && !ours ? hint_free : entry;
        PoolDisagreement d{task,
                           model,
                           recorded,
                           ours,
                           classify(judged, hint_free ? *hint_free : PoolEntry{}, ours, lenient),
                           judged ? judged->detail : ""};
        if (judged && d.detail.empty())
          d.detail = !judged->rejected.empty() ? judged->rejected
                                               : (lenient ? judged->dafnybench : judged->strict);
        ++a.by_class[d.klass];
        a.disagreements.push_back(std::move(d));
      }
    }
    m.agreement.push_back(std::move(a));
  }
  return m;
}

}  // namespace verigen::bench
