#include "benchmarks/harness/metrics.h"

#include <algorithm>
#include <charconv>
#include <limits>
#include <nlohmann/json.hpp>
#include <set>

namespace verigen::bench {
namespace {

std::optional<long> as_integer(const std::string& text) {
  long value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || text.empty()) return std::nullopt;
  return value;
}

// Stats are accumulated per task first: pass@k needs each task's n and c.
struct TaskTally {
  int n = 0;
  int c = 0;
};

Stats summarise(const std::vector<const SampleRecord*>& samples) {
  Stats stats;
  std::map<std::string, TaskTally> tasks;
  double calls = 0, verify_seconds = 0, generate_seconds = 0;
  for (const SampleRecord* s : samples) {
    TaskTally& tally = tasks[s->task_id];
    ++tally.n;
    ++stats.samples;
    if (s->outcome == Outcome::Verified) {
      ++tally.c;
      ++stats.verified_samples;
    }
    if (sample_end(*s) == SampleEnd::Rejected) ++stats.integrity_rejections;
    if (!s->contract.empty()) {
      ++stats.contract_judged;
      // A contract is judged only once the candidate verified with a clean audit.
      ++stats.verified_any_contract;
      if (s->outcome == Outcome::Verified && s->contract == "stronger") ++stats.superior_samples;
    } else if (s->outcome == Outcome::Verified) {
      ++stats.verified_any_contract;
    }
    calls += s->verifier_calls;
    verify_seconds += s->verify_seconds;
    generate_seconds += s->generate_seconds;
    stats.prompt_tokens += s->prompt_tokens;
    stats.completion_tokens += s->completion_tokens;
    stats.model_requests += s->model_requests;
  }
  stats.tasks = static_cast<int>(tasks.size());
  if (stats.samples > 0) {
    stats.verified_rate = static_cast<double>(stats.verified_samples) / stats.samples;
    stats.superiority_rate = static_cast<double>(stats.superior_samples) / stats.samples;
  }
  if (stats.tasks == 0) return stats;

  int max_k = std::numeric_limits<int>::max();
  for (const auto& [id, tally] : tasks) {
    max_k = std::min(max_k, tally.n);
    if (tally.c > 0) ++stats.solved_tasks;
  }
  for (int k = 1; k <= max_k; ++k) {
    double sum = 0;
    for (const auto& [id, tally] : tasks) sum += pass_at_k(tally.n, tally.c, k);
    stats.pass_at_k.push_back(sum / stats.tasks);
  }
  stats.verifier_calls_per_task = calls / stats.tasks;
  stats.verify_seconds_per_task = verify_seconds / stats.tasks;
  stats.generate_seconds_per_task = generate_seconds / stats.tasks;
  return stats;
}

}  // namespace

double pass_at_k(int n, int c, int k) {
  if (n <= 0 || k <= 0 || c <= 0) return 0;
  // Fewer wrong samples than draws: every draw of k contains a correct one.
  if (n - c < k) return 1;
  // C(n-c, k) / C(n, k) = prod_{i=n-c+1}^{n} (1 - k/i): no factorials, no overflow.
  double all_wrong = 1;
  for (int i = n - c + 1; i <= n; ++i) all_wrong *= 1.0 - static_cast<double>(k) / i;
  return 1.0 - all_wrong;
}

SampleEnd sample_end(const SampleRecord& s) {
  if (s.outcome == Outcome::Verified) return SampleEnd::Verified;
  return s.integrity_rejected ? SampleEnd::Rejected : SampleEnd::NotVerified;
}

bool verified_by_attempt_zero(const SampleRecord& s) {
  // pipeline_attempt.cpp's try_attempt_zero marks the detail so; the prefix is documented.
  return s.outcome == Outcome::Verified && s.detail.rfind("attempt 0:", 0) == 0;
}

std::string_view to_string(ReasonClass reason) {
  switch (reason) {
    case ReasonClass::Integrity:
      return "integrity";
    case ReasonClass::Timeout:
      return "timeout";
    case ReasonClass::Refuted:
      return "refuted";
    case ReasonClass::Other:
      return "other";
    case ReasonClass::Verified:
      return "verified";
  }
  return "other";
}

ReasonClass classify(const SampleRecord& s) {
  if (s.outcome == Outcome::Verified) return ReasonClass::Verified;
  // The audit runs first: whatever the verifier said of a refused candidate, the audit decided.
  if (s.integrity_rejected) return ReasonClass::Integrity;
  // A resource limit is Dafny's own budget running out, a timeout by another measure.
  if (s.cause == Cause::Timeout || s.cause == Cause::ResourceLimit) return ReasonClass::Timeout;
  if (s.outcome == Outcome::Refuted) return ReasonClass::Refuted;
  return ReasonClass::Other;
}

int Agreement::count(ReasonClass reason) const {
  int n = 0;
  for (const Disagreement& d : disagreements) n += d.reason_class == reason;
  return n;
}

bool CategoryLess::operator()(const std::string& a, const std::string& b) const {
  auto x = as_integer(a), y = as_integer(b);
  if (x && y) return *x != *y ? *x < *y : a < b;
  // Numbers before names, so "2".."5" lead and a stray "other" trails.
  if (x || y) return x.has_value();
  return a < b;
}

RunMetrics compute_metrics(const RunInfo& run, const std::vector<SampleRecord>& samples) {
  RunMetrics metrics;
  metrics.run = run;
  std::vector<const SampleRecord*> all;
  std::map<std::string, std::vector<const SampleRecord*>, CategoryLess> by_category;
  for (const SampleRecord& s : samples) {
    all.push_back(&s);
    by_category[s.category].push_back(&s);
  }
  metrics.overall = summarise(all);
  for (const auto& [category, members] : by_category)
    metrics.categories[category] = summarise(members);
  // CLEVER's headline: a problem solved end to end in a sample when all four of its stages
  // ("<problem>#<stage>") verified in that sample.
  static const std::set<std::string> kStages = {"spec", "isomorphism", "implementation",
                                                "correctness"};
  std::map<std::pair<std::string, int>, std::pair<int, int>> chains;  // → (stages, verified)
  for (const SampleRecord& s : samples) {
    auto hash = s.task_id.rfind('#');
    if (!kStages.count(s.category) || hash == std::string::npos) continue;
    auto& [stages, verified] = chains[{s.task_id.substr(0, hash), s.sample}];
    ++stages;
    verified += sample_end(s) == SampleEnd::Verified ? 1 : 0;
  }
  if (!chains.empty()) {
    std::vector<SampleRecord> problems;
    for (const auto& [key, counts] : chains) {
      SampleRecord r;
      r.task_id = key.first;
      r.sample = key.second;
      r.category = "end-to-end";
      r.outcome = counts.first == 4 && counts.second == 4 ? Outcome::Verified : Outcome::Refuted;
      problems.push_back(std::move(r));
    }
    std::vector<const SampleRecord*> members;
    for (const auto& r : problems) members.push_back(&r);
    metrics.categories["end-to-end"] = summarise(members);
  }

  std::vector<std::pair<std::string, PoolRecord>> pooled;
  for (const SampleRecord* s : all) {
    if (s->pool.empty()) continue;
    // A record this build cannot read (damaged, or a newer verigen's) is left out of the pool
    // metrics rather than guessed at; the sample itself still counts above.
    auto parsed = nlohmann::json::parse(s->pool, nullptr, false);
    if (parsed.is_discarded()) continue;
    if (auto record = PoolRecord::from_json(parsed); record.ok())
      pooled.emplace_back(s->task_id, std::move(*record));
  }
  if (!pooled.empty()) metrics.pool = compute_pool_metrics(pooled);

  std::vector<const SampleRecord*> replayed;
  for (const SampleRecord* s : all)
    if (!s->recorded.empty()) replayed.push_back(s);
  if (replayed.empty()) return metrics;
  std::sort(replayed.begin(), replayed.end(), [](const SampleRecord* a, const SampleRecord* b) {
    return a->task_id != b->task_id ? a->task_id < b->task_id : a->sample < b->sample;
  });
  Agreement agreement;
  std::set<std::string> tasks;
  for (const SampleRecord* s : replayed) {
    bool recorded = s->recorded != "failed";
    bool ours = s->outcome == Outcome::Verified;
    bool alone = s->verifier_outcome == Outcome::Verified;
    ++agreement.compared;
    tasks.insert(s->task_id);
    agreement.recorded_verified += recorded;
    agreement.ours_verified += ours;
    agreement.verifier_verified += alone;
    agreement.verifier_agree += recorded == alone;
    agreement.verifier_not_run += !s->verifier_outcome.has_value();
    if (recorded == ours) {
      ++agreement.agree;
    } else {
      agreement.disagreements.push_back({s->task_id, s->sample, s->recorded, s->outcome, s->cause,
                                         s->detail, classify(*s), s->verifier_outcome});
    }
  }
  agreement.tasks = static_cast<int>(tasks.size());
  agreement.rate = static_cast<double>(agreement.agree) / agreement.compared;
  agreement.verifier_rate = static_cast<double>(agreement.verifier_agree) / agreement.compared;
  metrics.agreement = std::move(agreement);
  return metrics;
}

std::vector<RunMetrics> compute_all(const ResultStore& store) {
  std::vector<RunMetrics> result;
  for (const RunInfo& run : store.runs())
    result.push_back(compute_metrics(run, store.samples(run.id)));
  return result;
}

}  // namespace verigen::bench
