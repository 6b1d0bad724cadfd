#pragma once
/// Reproducible runs: answers from a recorded JSONL cassette, keyed by request_key(); and the
/// decorator that records a live provider's answers into one.
///
/// A cassette line: {"key": "<sha256>", "request": {"model", "n", "messages": [...]},
///                   "response": {"texts": [...], "finish_reasons": [...],
///                                "prompt_tokens": N, "completion_tokens": N}}

#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "gen/providers/provider.h"
#include "gen/size_limits.h"

namespace verigen {

class ReplayProvider : public Provider {
 public:
  /// Loads `cassette`; a missing file or malformed line is a Failure `cassette:line: error: ...`.
  /// So is an answer whose texts exceed `max_response_bytes` (the same cap as a live answer) or
  /// a line longer than twice that (the recorded request rides along): the file is read line
  /// by line and a line is never held beyond that length.
  static Result<std::unique_ptr<ReplayProvider>> open(
      const std::string& cassette, std::size_t max_response_bytes = kDefaultMaxResponseBytes);

  std::string name() const override { return "replay"; }
  /// The recorded answer for `request`; an unknown request is a Failure naming the cassette and
  /// the request's key.
  Result<Completions> complete(const CompletionRequest& request, Deadline deadline) override;

  std::size_t size() const { return answers_.size(); }

 private:
  std::string cassette_;
  std::map<std::string, Completions> answers_;
};

class RecordingProvider : public Provider {
 public:
  /// Appends every successful answer of `inner` (which must outlive this) to `cassette`.
  RecordingProvider(Provider& inner, std::string cassette)
      : inner_(inner), cassette_(std::move(cassette)) {}

  std::string name() const override { return inner_.name(); }
  Result<Completions> complete(const CompletionRequest& request, Deadline deadline) override;

 private:
  Provider& inner_;
  std::string cassette_;
  std::mutex mutex_;
};

}  // namespace verigen
