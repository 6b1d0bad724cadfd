#pragma once
// A Backend whose verdicts come from a script keyed by candidate text, recording every call:
// the orchestration above a verifier (the generation pipeline) unit-tested without a tool.

#include <chrono>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "core/backend.h"

namespace verigen::test {

class ScriptedBackend : public Backend {
 public:
  /// One verify() call as the back-end saw it.
  struct Call {
    std::string text;
    int index = -1;  ///< the candidate's index (its id in the pipeline)
    Deadline deadline = Deadline::never();
  };

  /// Candidates whose text is `text` get `verdict`, after `delay` (to let a deadline pass).
  ScriptedBackend& answer(std::string text, Verdict verdict,
                          std::chrono::milliseconds delay = std::chrono::milliseconds(0));
  /// The verdict for any other text; Error/Internal "no script" unless set.
  ScriptedBackend& otherwise(Verdict verdict);

  /// The calls so far, in the order they started. Thread-safe.
  std::vector<Call> calls() const;
  /// The texts of calls(), in order.
  std::vector<std::string> texts() const;

  std::string name() const override { return "scripted"; }
  std::string version() override { return "scripted 1"; }
  std::string options_fingerprint() const override { return {}; }

 protected:
  Verdict do_verify(const Candidate& candidate, Deadline deadline) override;

 private:
  struct Answer {
    Verdict verdict;
    std::chrono::milliseconds delay{0};
  };
  mutable std::mutex mutex_;
  std::map<std::string, Answer> script_;
  Verdict otherwise_ =
      Verdict::error(Cause::Internal, "scripted back-end: no script for this text");
  std::vector<Call> calls_;
};

/// A Refuted verdict with one error diagnostic saying `message`, as a verifier reports a failed
/// proof.
Verdict refuted_with(const std::string& message);

}  // namespace verigen::test
