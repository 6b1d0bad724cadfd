#pragma once
/// One line of a run log (run.jsonl): a candidate, where it came from and what the checker said.
/// The one schema both writers (the generation pipeline, the invariant portfolio) and the reader
/// (the scorer's training data) share; nothing else names the fields.

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "core/outcome.h"
#include "core/result.h"

namespace verigen {

struct RunLogRecord {
  std::string task;       ///< the task id (a file path for SyGuS problems)
  std::string task_text;  ///< the problem text the candidate answers
  std::string kind;       ///< "implement", "specify", ..., "invariant"
  std::string language;   ///< "dafny", "lean", "fstar", "sygus"
  int candidate = 0;      ///< position in the source's own order
  int round = 0;          ///< repair round (0 = first)
  std::string origin;     ///< the generator or source that wrote it
  std::string text;
  std::string rejected;              ///< why it was never checked (duplicate, too large ...)
  std::vector<Diagnostic> findings;  ///< integrity findings; non-empty: never verified
  double score = 0;
  int rank = -1;  ///< position in the verification order; -1 when never ranked
  /// The checker's verdict as its writer shaped it (verdict_to_json for a back-end, the
  /// invariant checker's own form); null when the candidate was never checked, else an object
  /// with at least a string "outcome".
  nlohmann::json verdict;
  // Last, so writers that do not know them (designated initializers) may leave them out.
  std::string prompt{};  ///< the exact prompt a model was sent ("" for other generators)
  std::string answer{};  ///< the model's raw completion, before extraction ("" likewise)

  /// The verdict's outcome; nullopt when never checked.
  std::optional<Outcome> outcome() const;

  /// The line's JSON: every field above, plus "task_sha256" of task_text (so logs can be
  /// joined on the problem without comparing texts).
  nlohmann::json to_json() const;

  /// Reads a line written by to_json(), or by an older verigen (fields added since are optional:
  /// "round", "origin", "rejected", "findings", "score", "rank", "kind", "language", "prompt",
  /// "answer"). Never
  /// throws: a line of the wrong shape is a Failure saying what is wrong, e.g. `missing string
  /// "task_text"`.
  static Result<RunLogRecord> from_json(const nlohmann::json& line);
};

}  // namespace verigen
