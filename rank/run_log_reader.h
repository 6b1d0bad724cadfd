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
  /// Who wrote it ('+'-separated models for a pooled candidate); last, so that aggregate
  /// initialisers written before it existed still compile.
  std::string origin{};
  bool verified() const { return outcome == Outcome::Verified; }
};

/// All checked candidates of one task, in the order they were logged.
struct TaskLog {
  std::string task;       ///< the task id
  std::string task_text;  ///< the problem text the candidates answer
  std::vector<LoggedCandidate> candidates;
  bool any_verified() const;
};

/// A line of a log that could not be read, and why.
struct DamagedLine {
  std::string path;
  std::size_t line = 0;  ///< 1-based
  std::string why;       ///< e.g. "malformed JSON (...)", "missing string \"task_text\""
  /// "PATH:LINE: error: WHY".
  std::string message() const;
};

/// What a log (or several) held: the checked candidates by task, and the lines skipped as
/// damaged (a killed run leaves a partial last line; a hand-edited log may have worse).
struct RunLogContents {
  std::vector<TaskLog> tasks;
  std::vector<DamagedLine> damaged;
};

/// Reads one log's text, line by line through RunLogRecord::from_json. Never fails and never
/// throws: a damaged line is listed in `damaged` and skipped. Lines whose "verdict" is null
/// (never checked) and blank lines are skipped silently. Tasks come out in order of first
/// appearance.
RunLogContents scan_run_log(std::string_view text, const std::string& path);

/// scan_run_log for logs that must be whole (tests, generated training data): the first damaged
/// line fails with "PATH:LINE: error: …".
Result<std::vector<TaskLog>> parse_run_log(std::string_view text, const std::string& path);

/// Reads and merges several logs; candidates of a task id seen in several logs are merged into
/// one task (the first task_text wins). A file that cannot be read is a Failure; damaged lines
/// are skipped and listed, for the caller to report.
Result<RunLogContents> read_run_logs(const std::vector<std::string>& paths);

}  // namespace verigen::rank
