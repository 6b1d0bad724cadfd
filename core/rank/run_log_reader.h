#pragma once
/// Reading run logs (JSONL, one candidate per line) as the scorer's training and evaluation
/// data. Both `verigen gen` and `verigen inv` write them.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/outcome.h"
#include "core/result.h"

namespace verigen::rank {

/// One checked candidate.
struct LoggedCandidate {
  int candidate = 0;  ///< position in the source's own order
  int round = 0;      ///< repair round (0 = first)
  std::string text;
  Outcome outcome = Outcome::Unknown;
  bool verified() const { return outcome == Outcome::Verified; }
};

/// All checked candidates of one task, in the order they were logged.
struct TaskLog {
  std::string task;       ///< the task id
  std::string task_text;  ///< the problem text the candidates answer
  std::vector<LoggedCandidate> candidates;
  bool any_verified() const;
};

/// Parses one log's text. Lines whose "verdict" is null (never checked) and blank lines are
/// skipped; any other malformed line fails with "PATH:LINE: error: …". Tasks come out in order of
/// first appearance.
Result<std::vector<TaskLog>> parse_run_log(std::string_view text, const std::string& path);

/// Reads and merges several logs; candidates of a task id seen in several logs are merged into
/// one task (the first task_text wins).
Result<std::vector<TaskLog>> read_run_logs(const std::vector<std::string>& paths);

}  // namespace verigen::rank
