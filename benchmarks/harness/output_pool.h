#pragma once
/// Pools of published outputs: several models' answers to the same tasks, merged per task into
/// one list of distinct candidates. Two answers that differ only in layout or comments are one
/// candidate that remembers every model that wrote it, so it is audited, ranked and verified
/// once.

#include <map>
#include <string>
#include <vector>

#include "benchmarks/harness/published_outputs.h"

namespace verigen::bench {

/// One distinct candidate of a task's pool.
struct PooledCandidate {
  std::string text;  ///< the program (the first origin's spelling); "" when rejected
  std::string key;   ///< sha256 of the normalised program, or "rejected:<model>"
  std::vector<std::string> origins;  ///< models that wrote it, in the pool's model order
  std::string rejected;  ///< why there is no program (no code block, truncated); "" otherwise
};

/// One task's pool.
struct TaskPool {
  std::string task_id;                      ///< the hints_removed file name
  std::vector<PooledCandidate> candidates;  ///< first appearance order over the models
  std::map<std::string, std::string>
      recorded;  ///< model → what the dataset recorded ("0", "3", "failed")
};

/// Pools of every task any of `models` answered, keyed by task id. Each model's output becomes a
/// candidate through extract_published_program; an answer with no program stays a candidate
/// of its own (one per model, never merged, never verified) so the pool still shows the model
/// answered. Models are visited in the given order, which fixes the candidates' order.
std::map<std::string, TaskPool> build_pools(const std::vector<PublishedOutputs>& models);

/// The key two spellings of one program share: sha256 of normalize_code(text).
std::string pool_key(const std::string& program);

}  // namespace verigen::bench
