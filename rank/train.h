#pragma once
/// Training the contrastive scorer: InfoNCE over each task's verified (positive) and failed
/// (negative) candidates, Adam with hand-written gradients. Deterministic for a given seed.

#include <cstdint>
#include <functional>
#include <vector>

#include "core/result.h"
#include "rank/run_log_reader.h"
#include "rank/scorer.h"

namespace verigen::rank {

struct TrainOptions {
  ModelDims dims;
  FeatureSet features = FeatureSet::Tokens;  ///< what the candidate tower reads
  int epochs = 30;
  std::uint64_t seed = 1;       ///< initial weights and task order
  double learning_rate = 0.01;  ///< Adam step size
  double temperature = 0.1;     ///< τ: logits are cosine / τ
  /// Weights are rounded to this grid after training so the model file stays compact (scores
  /// move by well under 1e-2); 0 keeps full float precision.
  double quantum = 1e-4;
};

struct TrainReport {
  std::vector<double>
      epoch_loss;  ///< mean InfoNCE loss per positive, per epoch (before its updates)
  int tasks = 0;   ///< tasks with at least one verified and one failed candidate
  int positives = 0;
  int negatives = 0;
};

/// Called after each epoch with its number (1-based) and mean loss.
using EpochCallback = std::function<void(int epoch, double loss)>;

/// Trains a model on `tasks`. Every verified candidate is a positive against the failed
/// (refuted, unknown or error) candidates of the same task; tasks without both kinds teach
/// nothing and are skipped. Fails when no task has both.
Result<Scorer> train(const std::vector<TaskLog>& tasks, const TrainOptions& options,
                     TrainReport* report = nullptr, const EpochCallback& on_epoch = {});

}  // namespace verigen::rank
