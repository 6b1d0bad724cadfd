#pragma once
/// What a failed `gen` run shows: its most promising candidate (the one closest to verifying)
/// and the first of the verifier's messages on it, pointing into a copy of that candidate so
/// that file:line means what it says.

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "core/task.h"
#include "gen/pipeline.h"

namespace verigen {

struct BestFailure {
  const CandidateRecord* record = nullptr;
  std::string file;                     ///< where the candidate was written
  std::vector<Diagnostic> diagnostics;  ///< its first errors, re-pointed at `file`
  std::size_t omitted = 0;              ///< errors not shown
  std::string detail;                   ///< the verdict's detail, re-pointed at `file`
};

/// The candidate of `result` closest to verifying: one the verifier refuted with the fewest
/// errors (the latest round on a tie), else one it could not decide, else one the integrity
/// audit rejected; none when no candidate got that far. Pure.
const CandidateRecord* best_failed_candidate(const PipelineResult& result);

/// Picks the best failed candidate, writes its text to `out_dir`/best-candidate<ext of the
/// spec>, and keeps its first `max_errors` error diagnostics, re-pointed from the spec's path
/// to that file. Nothing (and no file) when there is no such candidate; a Failure when the
/// file cannot be written.
Result<std::optional<BestFailure>> report_best_failure(const Task& task,
                                                       const PipelineResult& result,
                                                       const std::string& out_dir,
                                                       std::size_t max_errors = 5);

/// Indented lines for the terminal: which candidate, its outcome, then `file:line:col: error:
/// message` (and notes for related locations) per diagnostic.
std::string best_failure_text(const BestFailure& best);

/// {"id", "origin", "round", "outcome", "cause", "detail", "file", "diagnostics": [...],
/// "omitted"} for --json.
nlohmann::json best_failure_json(const BestFailure& best);

}  // namespace verigen
