#include "test/support/scripted_backend.h"

#include <thread>

namespace verigen::test {

ScriptedBackend& ScriptedBackend::answer(std::string text, Verdict verdict,
                                         std::chrono::milliseconds delay) {
  std::lock_guard<std::mutex> lock(mutex_);
  script_[std::move(text)] = {std::move(verdict), delay};
  return *this;
}

ScriptedBackend& ScriptedBackend::otherwise(Verdict verdict) {
  std::lock_guard<std::mutex> lock(mutex_);
  otherwise_ = std::move(verdict);
  return *this;
}

std::vector<ScriptedBackend::Call> ScriptedBackend::calls() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return calls_;
}

std::vector<std::string> ScriptedBackend::texts() const {
  std::vector<std::string> out;
  for (const auto& call : calls()) out.push_back(call.text);
  return out;
}

Verdict ScriptedBackend::do_verify(const Candidate& candidate, Deadline deadline) {
  Answer answer{otherwise_, std::chrono::milliseconds(0)};
  {
    std::lock_guard<std::mutex> lock(mutex_);
    calls_.push_back({candidate.text, candidate.index, deadline});
    if (auto it = script_.find(candidate.text); it != script_.end()) answer = it->second;
  }
  // Sleep outside the lock: parallel callers overlap as they would with a real tool.
  if (answer.delay.count() > 0) std::this_thread::sleep_for(answer.delay);
  return answer.verdict;
}

Verdict refuted_with(const std::string& message) {
  Diagnostic d;
  d.severity = Severity::Error;
  d.message = message;
  return Verdict::refuted({d});
}

}  // namespace verigen::test
