#pragma once
/// What a pooled run keeps of one task (benchmarks/harness/pool_attempt.h): each distinct
/// candidate with the models that wrote it, the audit's judgement under both rule sets, its rank
/// and its verdict. Stored as JSON beside the task's sample (samples.pool) and read back by the
/// report, which replays other verification orders over these verdicts.

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/outcome.h"
#include "core/result.h"

namespace verigen::bench {

/// The origin of the hint-free program itself (DafnyBench's attempt 0) in a pool.
inline constexpr const char* kHintFreeOrigin = "hint-free";

/// Whether `origin` names a symbolic completion ("completion(<origins>)"), not a model.
inline bool is_completion_origin(const std::string& origin) {
  return origin.rfind("completion(", 0) == 0;
}

struct PoolEntry {
  std::string sha256;                ///< of the program text ("" when there is none)
  std::vector<std::string> origins;  ///< models (or kHintFreeOrigin, or completion(<model>))
  std::string rejected;              ///< no program: why
  std::string strict;                ///< the first finding under strict rules ("" = none)
  std::string dafnybench;            ///< the first finding under DafnyBench's rules
  double score = 0;                  ///< the ranker's score
  int rank =
      0;  ///< 1-based place in the verification order; 0 = not eligible under the run's rules
  std::optional<Outcome> outcome;  ///< the verifier's verdict; nullopt = never verified
  std::string detail;              ///< the verdict's first error, one line
  double seconds = 0;

  bool verified() const { return outcome == Outcome::Verified; }
  /// Verified and kept by the audit under `dafnybench_rules` (else strict rules).
  bool solved_under(bool dafnybench_rules) const {
    return verified() && rejected.empty() && (dafnybench_rules ? dafnybench : strict).empty();
  }
};

struct PoolRecord {
  std::string rules;                            ///< the run's rule set, "strict" or "dafnybench"
  bool verify_all = false;                      ///< every eligible candidate was verified
  std::vector<PoolEntry> entries;               ///< in pool order (hint-free program first)
  std::map<std::string, std::string> recorded;  ///< model → the dataset's recorded verdict
  int first_verified_rank = 0;                  ///< under the ranker; 0 = none verified
  int calls_to_first = 0;    ///< verifier calls the ranked order spent up to and including it
  int calls = 0;             ///< verifier calls spent on the pool's candidates
  int completion_calls = 0;  ///< verifier calls spent by symbolic completion (Houdini included)

  nlohmann::json to_json() const;
  /// Reads to_json()'s form; a Failure names what is missing.
  static Result<PoolRecord> from_json(const nlohmann::json& j);
};

}  // namespace verigen::bench
