#pragma once
/// CandidateGenerator: where candidate programs come from — a language model through a provider,
/// or the built-in enumerator. The pipeline knows nothing else about them.

#include <string>
#include <vector>

#include "core/deadline.h"
#include "core/result.h"
#include "core/task.h"
#include "core/verdict.h"

namespace verigen {

/// One answer of a generator: a complete program text, or the reason it could not become one.
struct RawCandidate {
  std::string text;      ///< the full candidate program (holes filled); empty when rejected
  std::string origin;    ///< e.g. "openai:gpt-4o#3", "builtin:houdini"
  std::string rejected;  ///< why extraction failed (garbage, truncated ...); empty when usable
  std::string raw;       ///< what the generator produced before extraction, for the run log
  std::string prompt;    ///< the exact prompt (system and user) that produced it, for the run log
};

/// The verdict a repair is given for an answer that never became a candidate (no code block,
/// a truncated answer, prose): `failed` is then the raw answer, and `reason` what was wrong.
/// An Error with cause BadOutput whose detail starts "unusable answer: ", so a generator can
/// tell it from a verifier's verdict without a second interface.
Verdict unusable_answer(const std::string& reason);

/// True for a verdict made by unusable_answer().
bool is_unusable_answer(const Verdict& verdict);

/// Token usage and the like, summed over a run.
struct GenerationUsage {
  long prompt_tokens = 0;
  long completion_tokens = 0;
  int requests = 0;
  int verifier_calls = 0;  ///< calls the generator made itself (the builtin provider's pruning)
  std::string stopped;     ///< why the generator stopped asking (a spent budget); "" if it did not
};

class CandidateGenerator {
 public:
  virtual ~CandidateGenerator() = default;

  /// "builtin", "openai:MODEL", "replay:MODEL".
  virtual std::string name() const = 0;

  /// Up to `k` first-round candidates for `task`. A Failure is a generator-level problem (server
  /// unreachable, no model configured) that ends the run with that message.
  virtual Result<std::vector<RawCandidate>> generate(const Task& task, int k,
                                                     Deadline deadline) = 0;

  /// Up to `k` repairs of `failed`, given why it failed: the verifier's `verdict` on it, the
  /// integrity audit's refusal (verdict.integrity_rejected(), its findings as diagnostics), or
  /// an unusable answer (is_unusable_answer(verdict); `failed` is then the raw answer).
  virtual Result<std::vector<RawCandidate>> repair(const Task& task, const std::string& failed,
                                                   const Verdict& verdict, int k,
                                                   Deadline deadline) = 0;

  /// Usage so far (tokens, requests, the generator's own verifier calls).
  virtual GenerationUsage usage() const { return {}; }
};

}  // namespace verigen
