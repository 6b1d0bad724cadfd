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
};

/// Token usage and the like, summed over a run.
struct GenerationUsage {
  long prompt_tokens = 0;
  long completion_tokens = 0;
  int requests = 0;
  int verifier_calls = 0;  ///< calls the generator made itself (the builtin provider's pruning)
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

  /// Up to `k` repairs of `failed`, given the verifier's `verdict` on it.
  virtual Result<std::vector<RawCandidate>> repair(const Task& task, const std::string& failed,
                                                   const Verdict& verdict, int k,
                                                   Deadline deadline) = 0;

  /// Usage so far (tokens, requests, the generator's own verifier calls).
  virtual GenerationUsage usage() const { return {}; }
};

}  // namespace verigen
