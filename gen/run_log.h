#pragma once
/// The run log: one JSON object per line for every candidate and its verdict (run.jsonl).
/// It is the scorer's training data, so it is written as the run goes, flushed per line, and
/// never carries secrets (API keys stay in the provider).

#include <fstream>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>

#include "core/result.h"

namespace verigen {

class RunLog {
 public:
  /// A log that discards everything (no --out directory).
  RunLog() = default;
  /// Opens `path` for appending; see ok().
  explicit RunLog(const std::string& path);

  bool ok() const { return error_.empty(); }
  const std::string& error() const { return error_; }

  /// Appends one line; thread-safe. Each line is flushed so a killed run keeps what it logged.
  void append(const nlohmann::json& record);

 private:
  std::mutex mutex_;
  std::ofstream out_;
  std::string error_;
  bool enabled_ = false;
};

}  // namespace verigen
