#include "rank/train.h"

#include <cmath>
#include <random>

namespace verigen::rank {
namespace {

/// One task's training example: its features and its candidates' features.
struct Example {
  SparseVector task;
  std::vector<SparseVector> positives;
  std::vector<SparseVector> negatives;
};

/// Adam over a d×cols row-major matrix, updating only the columns a step touched ("lazy" Adam):
/// with hashed sparse features most columns are untouched in any one step.
class SparseAdam {
 public:
  SparseAdam(std::vector<float>& weights, std::uint32_t rows, std::uint32_t cols, double rate)
      : w_(weights),
        rows_(rows),
        cols_(cols),
        rate_(rate),
        m_(weights.size()),
        v_(weights.size()),
        grad_(weights.size()),
        touched_(cols, false) {}

  /// Adds g ⊗ x to the pending gradient.
  void accumulate(const std::vector<double>& g, const SparseVector& x) {
    for (const auto& [c, value] : x.entries) {
      if (!touched_[c]) {
        touched_[c] = true;
        columns_.push_back(c);
      }
      for (std::uint32_t r = 0; r < rows_; ++r)
        grad_[std::size_t{r} * cols_ + c] += static_cast<float>(g[r] * value);
    }
  }

  /// Applies the pending gradient as Adam step number `t` (1-based) and clears it.
  void step(int t) {
    constexpr double kBeta1 = 0.9, kBeta2 = 0.999, kEpsilon = 1e-8;
    const double correct1 = 1 - std::pow(kBeta1, t), correct2 = 1 - std::pow(kBeta2, t);
    for (std::uint32_t c : columns_) {
      for (std::uint32_t r = 0; r < rows_; ++r) {
        const std::size_t i = std::size_t{r} * cols_ + c;
        const double g = grad_[i];
        m_[i] = static_cast<float>(kBeta1 * m_[i] + (1 - kBeta1) * g);
        v_[i] = static_cast<float>(kBeta2 * v_[i] + (1 - kBeta2) * g * g);
        w_[i] -= static_cast<float>(rate_ * (m_[i] / correct1) /
                                    (std::sqrt(v_[i] / correct2) + kEpsilon));
        grad_[i] = 0;
      }
      touched_[c] = false;
    }
    columns_.clear();
  }

 private:
  std::vector<float>& w_;
  std::uint32_t rows_, cols_;
  double rate_;
  std::vector<float> m_, v_, grad_;
  std::vector<bool> touched_;
  std::vector<std::uint32_t> columns_;
};

double norm(const std::vector<float>& x) {
  double s = 0;
  for (float v : x) s += static_cast<double>(v) * v;
  return std::sqrt(s);
}

/// d cos(a, b) / d a = b / (|a||b|) − cos · a / |a|², scaled by `g` and added to `out`.
void add_cosine_gradient(const std::vector<float>& a, const std::vector<float>& b, double cos,
                         double na, double nb, double g, std::vector<double>& out) {
  if (na <= 0 || nb <= 0) return;
  for (std::size_t r = 0; r < a.size(); ++r)
    out[r] += g * (b[r] / (na * nb) - cos * a[r] / (na * na));
}

}  // namespace

Result<Scorer> train(const std::vector<TaskLog>& tasks, const TrainOptions& options,
                     TrainReport* report, const EpochCallback& on_epoch) {
  TrainReport local;
  TrainReport& out = report ? *report : local;
  out = TrainReport{};
  const ModelDims& dims = options.dims;

  std::vector<Example> examples;
  for (const auto& t : tasks) {
    Example e;
    auto profile = profile_task(t.task_text);
    for (const auto& c : t.candidates)
      (c.verified() ? e.positives : e.negatives)
          .push_back(candidate_input(options.features, profile, t.task_text, c.text, c.origin,
                                     dims.candidate_features));
    if (e.positives.empty() || e.negatives.empty()) continue;
    e.task = task_input(options.features, t.task_text, dims.task_features);
    out.positives += static_cast<int>(e.positives.size());
    out.negatives += static_cast<int>(e.negatives.size());
    examples.push_back(std::move(e));
  }
  out.tasks = static_cast<int>(examples.size());
  if (examples.empty())
    return fail("no task has both a verified and a failed candidate: nothing to learn from");

  Scorer model(dims, options.seed, options.temperature, options.features);
  SparseAdam task_adam(model.task_projection(), dims.embedding, dims.task_features,
                       options.learning_rate);
  SparseAdam cand_adam(model.candidate_projection(), dims.embedding, dims.candidate_features,
                       options.learning_rate);
  std::mt19937_64 rng(options.seed ^ 0x9e3779b97f4a7c15ULL);
  std::vector<std::size_t> order(examples.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  const double tau = options.temperature;
  int step = 0;

  for (int epoch = 1; epoch <= options.epochs; ++epoch) {
    // Fisher–Yates with our own index draw: std::shuffle's use of the engine is unspecified.
    for (std::size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[rng() % i]);
    double epoch_loss = 0;
    for (std::size_t index : order) {
      const Example& e = examples[index];
      // Forward: the task embedding and every candidate's embedding and cosine.
      auto u = Scorer::project(model.task_projection(), dims.embedding, dims.task_features, e.task);
      const double nu = norm(u);
      std::vector<const SparseVector*> inputs;
      for (const auto& p : e.positives) inputs.push_back(&p);
      for (const auto& n : e.negatives) inputs.push_back(&n);
      const std::size_t P = e.positives.size(), N = inputs.size();
      std::vector<std::vector<float>> v(N);
      std::vector<double> nv(N), s(N), grad_s(N, 0.0);
      for (std::size_t i = 0; i < N; ++i) {
        v[i] = Scorer::project(model.candidate_projection(), dims.embedding,
                               dims.candidate_features, *inputs[i]);
        nv[i] = norm(v[i]);
        s[i] = cosine(u, v[i]);
      }
      // InfoNCE per positive p over {p} ∪ negatives; the task's loss is their mean.
      double max_negative = -1e300;
      for (std::size_t i = P; i < N; ++i) max_negative = std::max(max_negative, s[i] / tau);
      for (std::size_t p = 0; p < P; ++p) {
        const double top = std::max(max_negative, s[p] / tau);  // for a stable log-sum-exp
        double z = std::exp(s[p] / tau - top);
        for (std::size_t i = P; i < N; ++i) z += std::exp(s[i] / tau - top);
        epoch_loss += -(s[p] / tau - top - std::log(z));
        const double weight = 1.0 / static_cast<double>(P);
        grad_s[p] += weight * (std::exp(s[p] / tau - top) / z - 1) / tau;
        for (std::size_t i = P; i < N; ++i)
          grad_s[i] += weight * std::exp(s[i] / tau - top) / z / tau;
      }
      // Backward through the cosines into both projections.
      std::vector<double> grad_u(dims.embedding, 0.0);
      for (std::size_t i = 0; i < N; ++i) {
        if (grad_s[i] == 0) continue;
        add_cosine_gradient(u, v[i], s[i], nu, nv[i], grad_s[i], grad_u);
        std::vector<double> grad_v(dims.embedding, 0.0);
        add_cosine_gradient(v[i], u, s[i], nv[i], nu, grad_s[i], grad_v);
        cand_adam.accumulate(grad_v, *inputs[i]);
      }
      task_adam.accumulate(grad_u, e.task);
      ++step;
      task_adam.step(step);
      cand_adam.step(step);
    }
    out.epoch_loss.push_back(epoch_loss / out.positives);
    if (on_epoch) on_epoch(epoch, out.epoch_loss.back());
  }

  if (options.quantum > 0) {
    for (auto* weights : {&model.task_projection(), &model.candidate_projection()})
      for (auto& w : *weights)
        w = static_cast<float>(std::round(static_cast<double>(w) / options.quantum) *
                               options.quantum);
  }
  return model;
}

}  // namespace verigen::rank
