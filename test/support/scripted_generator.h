#pragma once
// A CandidateGenerator that stands in for a model: first-round candidates and repairs come from
// scripts, and each repair request is recorded with the verifier's message it was given.

#include <deque>
#include <string>
#include <vector>

#include "gen/candidate_generator.h"

namespace verigen::test {

class ScriptedGenerator : public CandidateGenerator {
 public:
  std::vector<std::string> first;  ///< generate()'s answers, in order
  /// generate()'s answers that never became programs, after `first`: (raw answer, reason).
  std::vector<std::pair<std::string, std::string>> first_unusable;
  std::deque<std::vector<std::string>> repairs;  ///< one entry per repair() call, in order
  std::vector<std::string> repaired_texts;       ///< the failed texts repair() was given
  std::vector<std::string> repair_messages;      ///< the first diagnostic (or detail) of each
  std::vector<Verdict> repair_verdicts;          ///< the verdict each repair() was given

  std::string name() const override { return "scripted"; }

  Result<std::vector<RawCandidate>> generate(const Task&, int k, Deadline) override {
    std::vector<RawCandidate> out;
    for (std::size_t i = 0; i < first.size() && static_cast<int>(i) < k; ++i)
      out.push_back({first[i], "scripted#" + std::to_string(i), "", first[i], ""});
    for (const auto& [answer, reason] : first_unusable)
      out.push_back({"", "scripted#unusable", reason, answer, ""});
    return out;
  }

  Result<std::vector<RawCandidate>> repair(const Task&, const std::string& failed, const Verdict& v,
                                           int, Deadline) override {
    repaired_texts.push_back(failed);
    repair_messages.push_back(v.diagnostics.empty() ? v.detail : v.diagnostics[0].message);
    repair_verdicts.push_back(v);
    std::vector<RawCandidate> out;
    if (!repairs.empty()) {
      for (auto& text : repairs.front()) out.push_back({text, "scripted-repair", "", text, ""});
      repairs.pop_front();
    }
    return out;
  }
};

}  // namespace verigen::test
