#pragma once
/// The contrastive scorer (after iRank, EMNLP'23): a task and a candidate are embedded by two
/// learned linear projections of their hashed features, and the score is the cosine of the two
/// embeddings. Higher means "more likely to verify". Scoring is const and thread-safe.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "rank/features.h"

namespace verigen::rank {

/// The shape of a model.
struct ModelDims {
  std::uint32_t task_features = 1024;       ///< D: hashed task feature dimensions
  std::uint32_t candidate_features = 2048;  ///< D': hashed candidate feature dimensions
  std::uint32_t embedding = 32;             ///< d: the shared embedding size
  bool operator==(const ModelDims&) const = default;
};

/// Which features a model reads (fixed when it is trained, stored in its file).
enum class FeatureSet {
  Tokens,  ///< features.h: tokens, n-grams and shared names (SyGuS invariants, any text)
  Dafny,   ///< dafny_features.h: who wrote a Dafny candidate, how many agree, is it well-formed
  DafnyContent  ///< Dafny plus what the candidate added and changed (hints, code, size)
};

/// True for both Dafny feature sets (they share the constant task tower).
inline bool is_dafny(FeatureSet features) {
  return features == FeatureSet::Dafny || features == FeatureSet::DafnyContent;
}

/// Every feature set, in the order the CLI lists them.
inline constexpr std::array<FeatureSet, 3> kFeatureSets{FeatureSet::Tokens, FeatureSet::Dafny,
                                                        FeatureSet::DafnyContent};

/// "tokens" / "dafny" / "dafny-content"; and back (nullopt for any other name).
std::string_view to_string(FeatureSet features);
/// The names of kFeatureSets, in order (what --features accepts).
std::vector<std::string> feature_set_names();
std::optional<FeatureSet> feature_set_from_string(std::string_view name);

/// The task tower's input under `features`: task_features(task_text, dims) for Tokens; for
/// Dafny a constant, so the score depends on the candidate alone (ranking is within a task).
SparseVector task_input(FeatureSet features, std::string_view task_text, std::uint32_t dims);

/// The candidate tower's input under `features`: candidate_features(profile, ...) for Tokens,
/// dafny_candidate_features(task_text, ..., origins) for Dafny (`origins` is ignored by Tokens).
SparseVector candidate_input(FeatureSet features, const TaskProfile& profile,
                             std::string_view task_text, std::string_view candidate_text,
                             std::string_view origins, std::uint32_t dims);

/// A task prepared once for scoring many candidates: its profile and its embedding.
struct PreparedTask {
  std::string text;  ///< the task text (the Dafny features compare each candidate with it)
  TaskProfile profile;
  std::vector<float> embedding;  ///< P_task · f(task), length d
};

class Scorer {
 public:
  /// An untrained model: projections drawn uniformly from ±1/sqrt(d) with a fixed `seed`, so
  /// training from the same seed and data is reproducible.
  explicit Scorer(ModelDims dims = {}, std::uint64_t seed = 1, double temperature = 0.1,
                  FeatureSet features = FeatureSet::Tokens);

  /// The model shipped in the binary (rank/default_model.json), parsed once.
  static const Scorer& default_model();
  /// The model for Dafny candidates shipped in the binary (rank/default_dafny_model.json,
  /// trained on DafnyBench's five models' outputs), parsed once.
  static const Scorer& default_dafny_model();

  /// Reads a model file. Fails with one line naming `path` for an unreadable file, malformed
  /// JSON, another format or version, or weights whose length does not match the dims.
  static Result<Scorer> load(const std::string& path);
  /// Parses a model from JSON text; `name` is used in error messages.
  static Result<Scorer> from_json(std::string_view text, const std::string& name);

  /// The versioned model file ({"format":"verigen-rank","version":1,...}); lossless: loading
  /// it gives a model with identical scores.
  std::string to_json() const;
  /// Writes to_json() to `path` atomically.
  Result<void> save(const std::string& path) const;

  /// cosine(P_task·f(task), P_cand·f(task, candidate)), in [-1, 1].
  double score(std::string_view task_text, std::string_view candidate_text) const;
  /// The same, with the task's work done once.
  PreparedTask prepare(std::string_view task_text) const;
  /// `origins`: the '+'-separated models that wrote the candidate (the Dafny features use it).
  double score(const PreparedTask& task, std::string_view candidate_text,
               std::string_view origins = {}) const;

  const ModelDims& dims() const { return dims_; }
  double temperature() const { return temperature_; }
  FeatureSet feature_set() const { return features_; }

  /// Row-major d×D (task) and d×D' (candidate) projections, for the trainer.
  std::vector<float>& task_projection() { return task_; }
  std::vector<float>& candidate_projection() { return candidate_; }
  const std::vector<float>& task_projection() const { return task_; }
  const std::vector<float>& candidate_projection() const { return candidate_; }

  /// P·x for a d×cols row-major matrix and a sparse x.
  static std::vector<float> project(const std::vector<float>& matrix, std::uint32_t rows,
                                    std::uint32_t cols, const SparseVector& x);

 private:
  ModelDims dims_;
  float temperature_;
  FeatureSet features_ = FeatureSet::Tokens;
  std::vector<float> task_;
  std::vector<float> candidate_;
};

/// Cosine similarity; 0 when either vector is zero.
double cosine(const std::vector<float>& a, const std::vector<float>& b);

}  // namespace verigen::rank
