#pragma once
/// The generation pipeline: candidates → integrity audit → ranking → parallel verification,
/// stopping at the first verified candidate → repair rounds on the best failures.

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/backend.h"
#include "core/task.h"
#include "gen/candidate_generator.h"
#include "gen/run_log.h"
#include "gen/size_limits.h"

namespace verigen {

struct PipelineOptions {
  int k = 5;             ///< first-round candidates
  int rounds = 2;        ///< repair rounds after the first
  int jobs = 2;          ///< candidates verified in parallel
  int repair_width = 2;  ///< failed candidates repaired per round
  int repairs_per_failure = 1;
  double verify_timeout_seconds = 300;  ///< per candidate, within the overall deadline
  /// Assumption kinds the user trusts (`--allow-assumption`): "kind" or "kind:Declaration".
  std::vector<std::string> allowed_assumptions;
  /// A candidate program larger than this is rejected with a reason, never audited or verified.
  std::size_t max_candidate_bytes = kDefaultMaxCandidateBytes;
  Deadline deadline = Deadline::never();
  /// A Dafny specify task's reference program (`gen --reference`, DafnyComp's ground truth);
  /// "" for none. A verified candidate whose contract is weaker than the reference's for some
  /// declaration (specs/dafny/spec_strength.h) is refused with one finding per such
  /// declaration (rule integrity.weaker-contract).
  std::string reference;
};

/// Findings of the integrity audit for one candidate text against the task; empty = clean.
using CandidateAudit =
    std::function<std::vector<Diagnostic>(const Task& task, const std::string& candidate)>;
/// Higher is better. Used to order candidates before verification. `origins` names who wrote
/// the candidate, '+'-separated: its own origin, then the origin of every answer of the same
/// round that was the same program after normalisation (collapsed into it, as a pool collapses
/// equal outputs of several models), so a ranker can weigh agreement between samples.
using Ranker = std::function<double(const Task& task, const std::string& candidate,
                                    const std::string& origins)>;

/// Everything known about one candidate.
struct CandidateRecord {
  int id = 0;     ///< order of arrival, across rounds
  int round = 0;  ///< 0 for the first round, then 1.. for repairs
  std::string origin;
  std::string text;
  std::string rejected;  ///< extraction failure or "duplicate of #N"
  /// The generator could not make a program of its answer (no code, truncated, prose): such a
  /// record is repaired with `raw` and the reason in `rejected`.
  bool unusable = false;
  std::string raw;                   ///< the generator's answer before extraction
  std::string prompt;                ///< the prompt that produced it (a model's), for the log
  std::vector<Diagnostic> findings;  ///< integrity findings; non-empty → never verified
  double score = 0;
  int rank = -1;  ///< position in its round's verification order
  std::optional<Verdict> verdict;
  /// Against PipelineOptions::reference, for a candidate that verified: the weakest
  /// declaration's judgement ("equivalent", "stronger", "weaker", "incomparable", "unknown")
  /// and the per-declaration counts ("2 equivalent, 1 stronger"); "" when not judged. A
  /// candidate judged below "stronger" carries the refusal as its verdict.
  std::string contract;
  std::string contract_summary;
};

struct PipelineResult {
  std::optional<CandidateRecord> winner;  ///< the verified candidate, if any
  std::vector<CandidateRecord> candidates;
  int verifier_calls = 0;            ///< all of them: on candidates, and the generator's own
  int generator_verifier_calls = 0;  ///< of those, made by the generator (builtin's pruning)
  std::string failure;               ///< a generator-level failure that stopped the run early
  std::chrono::milliseconds generation_time{0};
  std::chrono::milliseconds verification_time{0};
};

/// Called after each candidate is settled (for progress displays).
using PipelineProgress = std::function<void(const CandidateRecord&)>;

class Pipeline {
 public:
  /// All references must outlive the pipeline. `ranker` may be empty (keep the generator's
  /// order); `log` receives one record per candidate.
  Pipeline(CandidateGenerator& generator, Backend& backend, CandidateAudit audit, Ranker ranker,
           RunLog& log, PipelineOptions options);

  void on_progress(PipelineProgress progress) { progress_ = std::move(progress); }

  /// Runs the pipeline on `task`. Never throws; a verified winner has passed the audit and has
  /// a Verified verdict from the back-end.
  PipelineResult run(const Task& task);

 private:
  /// The first round and the repair rounds.
  PipelineResult run_rounds(const Task& task);
  /// Audits, ranks and verifies one round's candidates; returns true when one verified.
  bool settle_round(const Task& task, std::vector<RawCandidate> raws, int round,
                    PipelineResult& result);
  void log_record(const Task& task, const CandidateRecord& record);

  CandidateGenerator& generator_;
  Backend& backend_;
  CandidateAudit audit_;
  Ranker ranker_;
  RunLog& log_;
  PipelineOptions options_;
  PipelineProgress progress_;
};

}  // namespace verigen
