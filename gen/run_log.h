#pragma once
/// The run log: one JSON object per line for every candidate and its verdict (run.jsonl).
/// It is the scorer's training data, so it is written as the run goes, flushed per line, and
/// never carries secrets (API keys stay in the provider). No string in a record is longer than
/// a cap (256 KiB by default): a longer one is cut at a character boundary and ends with a
/// marker naming how many bytes were left out, so one huge answer cannot swell the log.

#include <fstream>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>

#include "core/result.h"
#include "core/run_log_record.h"
#include "gen/size_limits.h"

namespace verigen {

class RunLog {
 public:
  /// A log that discards everything (no --out directory).
  RunLog() = default;
  /// Opens `path` for appending (creating its folder); a Failure naming the file when it
  /// cannot. Strings longer than `max_field_bytes` are cut.
  static Result<std::unique_ptr<RunLog>> open(
      const std::string& path, std::size_t max_field_bytes = kDefaultMaxLogFieldBytes);

  /// Appends one candidate's record (RunLogRecord::to_json); thread-safe. Each line is flushed
  /// so a killed run keeps what it logged.
  void append(const RunLogRecord& record) { append(record.to_json()); }
  /// Appends any JSON object as one line, cut as truncated() says.
  void append(const nlohmann::json& record);

  /// `record` with every string (values and keys of nested objects and arrays alike) longer
  /// than `max_bytes` cut to at most that many bytes, at a UTF-8 character boundary, followed
  /// by "[verigen: truncated, N of M bytes omitted]".
  static nlohmann::json truncated(const nlohmann::json& record, std::size_t max_bytes);

 private:
  std::mutex mutex_;
  std::ofstream out_;
  bool enabled_ = false;
  std::size_t max_field_bytes_ = kDefaultMaxLogFieldBytes;
};

}  // namespace verigen
