#pragma once
/// Metrics of benchmark runs, computed from the samples in the result store: pass@k, verified
/// rates, costs, per category, and for replay runs the agreement with the recorded verdicts.

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "benchmarks/harness/pool_metrics.h"
#include "benchmarks/harness/result_store.h"

namespace verigen::bench {

/// The unbiased pass@k estimator of Chen et al. 2021 ("Evaluating Large Language Models Trained
/// on Code"): the probability that at least one of k samples drawn without replacement from n,
/// of which c are correct, is correct: 1 - C(n-c, k) / C(n, k). Computed as a product, never
/// through binomials, so it stays exact for large n. Requires 0 <= c <= n and 1 <= k <= n.
double pass_at_k(int n, int c, int k);

/// Orders category names numerically when both are integers ("2" < "10"), else as text.
struct CategoryLess {
  bool operator()(const std::string& a, const std::string& b) const;
};

/// Aggregates over a set of tasks (a whole run or one category of it).
struct Stats {
  int tasks = 0;
  int samples = 0;
  int verified_samples = 0;
  double verified_rate = 0;  ///< verified_samples / samples (0 when there are no samples)
  int solved_tasks = 0;      ///< tasks with at least one verified sample
  /// pass_at_k[k-1] for k = 1 … K, averaged over tasks, where K is the fewest samples any of
  /// these tasks has: a partly finished run reports only the k every task can support.
  std::vector<double> pass_at_k;
  /// Samples whose final verdict is the audit's refusal (SampleEnd::Rejected): a refused output
  /// whose task attempt 0 solved counts as verified, not here.
  int integrity_rejections = 0;
  double verifier_calls_per_task = 0;
  double verify_seconds_per_task = 0;
  double generate_seconds_per_task = 0;
  long prompt_tokens = 0;
  long completion_tokens = 0;
  long model_requests = 0;
  /// Specify tasks with a reference (DafnyComp): a sample counts as verified above only when its
  /// contract is at least as strong as the reference's. Beside it:
  int contract_judged = 0;  ///< samples whose verified candidate was compared with the reference
  int verified_any_contract = 0;  ///< verified with a clean audit, whatever the contract's strength
  int superior_samples = 0;       ///< verified, none weaker and some declaration stronger
  double superiority_rate = 0;    ///< superior_samples / samples
};

/// Where a sample ends, in counts that add up to the samples: verified (by its candidate, or by
/// DafnyBench's attempt 0 even when the audit refused the candidate), else refused by the
/// audit, else not verified (refuted, unknown, error).
enum class SampleEnd { Verified, Rejected, NotVerified };

/// The end of one sample.
SampleEnd sample_end(const SampleRecord& sample);

/// True when the sample is verified through attempt 0 (the hint-free program verified as it
/// is), not through its own candidate.
bool verified_by_attempt_zero(const SampleRecord& sample);

/// Why our final verdict on a replay sample differs from the recorded one.
enum class ReasonClass {
  Integrity,  ///< our audit refused the candidate (the verifier's own verdict is kept beside)
  Timeout,    ///< the verifier ran out of time or resources
  Refuted,    ///< the verifier refuted it (the reason is its first error)
  Other,      ///< parse or resolution errors, tool failures, no candidate
  Verified,   ///< we verified what the dataset recorded as failed
};

/// "integrity", "timeout", "refuted", "other", "verified": the JSON names.
std::string_view to_string(ReasonClass reason);

/// The class of a sample's disagreement, from its outcome, cause and audit flag.
ReasonClass classify(const SampleRecord& sample);

/// A replay sample where our verdict and the dataset's recorded one differ.
struct Disagreement {
  std::string task_id;
  int sample = 0;
  std::string recorded;  ///< as recorded ("failed", "0", "3", …)
  Outcome outcome = Outcome::Error;
  Cause cause = Cause::None;
  std::string reason;  ///< our sample's detail
  ReasonClass reason_class = ReasonClass::Other;
  std::optional<Outcome> verifier_outcome;  ///< the verifier's verdict, audit aside
};

/// Agreement between our verdicts and recorded ones, over samples with a recorded verdict.
/// A recorded value other than "failed" counts as recorded success; ours is success when the
/// outcome is Verified (the final verdict: audit and verifier), and the verifier alone succeeds
/// when verifier_outcome is Verified (the audit's refusals set aside).
struct Agreement {
  int tasks = 0;  ///< distinct tasks among the compared samples
  int compared = 0;
  int ours_verified = 0;
  int recorded_verified = 0;
  int agree = 0;
  double rate = 0;  ///< agree / compared (0 when nothing was compared)
  int verifier_verified = 0;
  int verifier_agree = 0;
  double verifier_rate = 0;  ///< verifier_agree / compared
  /// Compared samples without a verifier verdict (the verifier never ran, or the sample was
  /// recorded before verifier_outcome existed): they count as not verified by the verifier.
  int verifier_not_run = 0;
  std::vector<Disagreement> disagreements;  ///< of the final verdict, in task, sample order

  /// Disagreements of one class.
  int count(ReasonClass reason) const;
};

struct RunMetrics {
  RunInfo run;
  Stats overall;
  std::map<std::string, Stats, CategoryLess> categories;
  std::optional<Agreement> agreement;  ///< only when some sample has a recorded verdict
  std::optional<PoolMetrics> pool;     ///< only for a pooled run (samples with a pool record)
};

/// Computes every metric of one run from its samples (any order).
RunMetrics compute_metrics(const RunInfo& run, const std::vector<SampleRecord>& samples);

/// compute_metrics() for every run of `store`, oldest first.
std::vector<RunMetrics> compute_all(const ResultStore& store);

}  // namespace verigen::bench
