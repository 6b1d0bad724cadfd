#include "rank/scorer.h"

#include <spdlog/spdlog.h>

#include <cmath>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <random>

#include "core/file_io.h"
#include "rank/dafny_features.h"

namespace verigen {
// Generated from rank/default_model.json by cmake/EmbedFiles.cmake.
std::optional<std::string_view> rank_embedded_file(std::string_view name);
}  // namespace verigen

namespace verigen::rank {
namespace {

// Weights are floats: parsing them as float (strtof) and printing them shortest-round-trip
// makes save/load lossless and keeps the file about half the size of doubles.
using FloatJson = nlohmann::basic_json<std::map, std::vector, std::string, bool, std::int64_t,
                                       std::uint64_t, float>;

constexpr const char* kFormat = "verigen-rank";
constexpr int kVersion = 1;

Result<std::vector<float>> read_weights(const FloatJson& weights, const char* key,
                                        std::size_t expected, const std::string& name) {
  if (!weights.contains(key) || !weights[key].is_array())
    return fail(name + ": error: model has no \"weights\"." + key + " array");
  const auto& array = weights[key];
  if (array.size() != expected)
    return fail(name + ": error: \"weights\"." + key + " has " + std::to_string(array.size()) +
                " numbers, the dims need " + std::to_string(expected));
  std::vector<float> out;
  out.reserve(expected);
  for (const auto& v : array) {
    if (!v.is_number()) return fail(name + ": error: \"weights\"." + key + " holds a non-number");
    float f = v.get<float>();
    if (!std::isfinite(f))
      return fail(name + ": error: \"weights\"." + key + " holds a non-finite number");
    out.push_back(f);
  }
  return out;
}

Result<std::uint32_t> read_dim(const FloatJson& dims, const char* key, const std::string& name) {
  if (!dims.contains(key) || !dims[key].is_number_unsigned() ||
      dims[key].get<std::uint64_t>() == 0 || dims[key].get<std::uint64_t>() > (1u << 20))
    return fail(name + ": error: \"dims\"." + key + " must be a positive integer up to 2^20");
  return static_cast<std::uint32_t>(dims[key].get<std::uint64_t>());
}

}  // namespace

std::string_view to_string(FeatureSet features) {
  switch (features) {
    case FeatureSet::Dafny:
      return "dafny";
    case FeatureSet::DafnyContent:
      return "dafny-content";
    case FeatureSet::Tokens:
      break;
  }
  return "tokens";
}

std::vector<std::string> feature_set_names() {
  std::vector<std::string> names;
  for (FeatureSet f : kFeatureSets) names.emplace_back(to_string(f));
  return names;
}

std::optional<FeatureSet> feature_set_from_string(std::string_view name) {
  for (FeatureSet f : kFeatureSets)
    if (to_string(f) == name) return f;
  return std::nullopt;
}

SparseVector task_input(FeatureSet features, std::string_view task_text, std::uint32_t dims) {
  if (is_dafny(features)) {
    // Candidates are only ever compared within their task, and a pool gives a hundred or so
    // tasks to learn from: a task embedding learnt from their text fitted those tasks and lost
    // 7-10 tasks of V@1 under cross-validation. One constant direction instead.
    SparseVector constant;
    if (dims > 0) constant.entries.emplace_back(0, 1.0f);
    return constant;
  }
  return task_features(task_text, dims);
}

SparseVector candidate_input(FeatureSet features, const TaskProfile& profile,
                             std::string_view task_text, std::string_view candidate_text,
                             std::string_view origins, std::uint32_t dims) {
  if (is_dafny(features))
    return dafny_candidate_features(task_text, candidate_text, origins, dims,
                                    features == FeatureSet::DafnyContent);
  return candidate_features(profile, candidate_text, dims);
}

Scorer::Scorer(ModelDims dims, std::uint64_t seed, double temperature, FeatureSet features)
    : dims_(dims), temperature_(static_cast<float>(temperature)), features_(features) {
  // mt19937_64's sequence is fixed by the standard; the uniform mapping is ours, because
  // std::uniform_real_distribution may differ between standard libraries.
  std::mt19937_64 rng(seed);
  const double scale =
      1.0 / std::sqrt(static_cast<double>(std::max<std::uint32_t>(dims.embedding, 1)));
  auto draw = [&] {
    double u = static_cast<double>(rng() >> 11) * 0x1.0p-53;  // [0, 1)
    return static_cast<float>((2 * u - 1) * scale);
  };
  task_.resize(std::size_t{dims.embedding} * dims.task_features);
  candidate_.resize(std::size_t{dims.embedding} * dims.candidate_features);
  for (auto& w : task_) w = draw();
  for (auto& w : candidate_) w = draw();
}

namespace {
/// An embedded model, parsed once by the caller's static.
Scorer embedded_model(std::string_view file) {
  auto text = rank_embedded_file(file);
  if (text) {
    auto model = Scorer::from_json(*text, "<embedded " + std::string(file) + ">");
    if (model.ok()) return std::move(*model);
    spdlog::error("{}", model.error());
  }
  // Unreachable in a correct build (a test loads each embedded model); an untrained model
  // still ranks, and the library must not abort.
  return Scorer();
}
}  // namespace

const Scorer& Scorer::default_model() {
  static const Scorer kModel = embedded_model("default_model.json");
  return kModel;
}

const Scorer& Scorer::default_dafny_model() {
  static const Scorer kModel = embedded_model("default_dafny_model.json");
  return kModel;
}

Result<Scorer> Scorer::load(const std::string& path) {
  auto text = read_file(path);
  if (!text.ok()) return fail(text.error());
  return from_json(*text, path);
}

Result<Scorer> Scorer::from_json(std::string_view text, const std::string& name) {
  FloatJson j;
  try {
    j = FloatJson::parse(text);
  } catch (const std::exception& e) {
    return fail(name + ": error: not a model file (malformed JSON: " + e.what() + ")");
  }
  if (!j.is_object() || !j.contains("format") || j["format"] != kFormat)
    return fail(name + ": error: not a verigen-rank model (\"format\" must be \"" + kFormat +
                "\")");
  if (!j.contains("version") || !j["version"].is_number_integer())
    return fail(name + ": error: model has no integer \"version\"");
  if (j["version"].get<std::int64_t>() != kVersion)
    return fail(name + ": error: model version " +
                std::to_string(j["version"].get<std::int64_t>()) +
                " is not supported (this verigen reads version " + std::to_string(kVersion) + ")");
  if (j.value("features", 0) != kFeatureVersion)
    return fail(name + ": error: model was trained on features version " +
                std::to_string(j.value("features", 0)) + ", this verigen computes version " +
                std::to_string(kFeatureVersion) + " (retrain with 'verigen rank train')");
  // Models written before the Dafny feature set have no "feature_set": they read tokens.
  FeatureSet features = FeatureSet::Tokens;
  if (j.contains("feature_set")) {
    auto named = j["feature_set"].is_string()
                     ? feature_set_from_string(j["feature_set"].get<std::string>())
                     : std::nullopt;
    if (!named) {
      std::string allowed;
      for (const auto& n : feature_set_names())
        allowed += (allowed.empty() ? "\"" : ", \"") + n + "\"";
      return fail(name + ": error: \"feature_set\" must be one of " + allowed);
    }
    features = *named;
  }
  if (!j.contains("dims") || !j["dims"].is_object())
    return fail(name + ": error: model has no \"dims\" object");
  ModelDims dims;
  for (auto [key, field] : {std::pair{"task_features", &dims.task_features},
                            std::pair{"candidate_features", &dims.candidate_features},
                            std::pair{"embedding", &dims.embedding}}) {
    auto d = read_dim(j["dims"], key, name);
    if (!d.ok()) return fail(d.error());
    *field = *d;
  }
  if (!j.contains("weights") || !j["weights"].is_object())
    return fail(name + ": error: model has no \"weights\" object");
  auto task =
      read_weights(j["weights"], "task", std::size_t{dims.embedding} * dims.task_features, name);
  if (!task.ok()) return fail(task.error());
  auto candidate = read_weights(j["weights"], "candidate",
                                std::size_t{dims.embedding} * dims.candidate_features, name);
  if (!candidate.ok()) return fail(candidate.error());
  double temperature = j.contains("temperature") && j["temperature"].is_number()
                           ? j["temperature"].get<double>()
                           : 0.1;
  if (!(temperature > 0)) return fail(name + ": error: \"temperature\" must be positive");

  Scorer model(ModelDims{1, 1, 1}, 0, temperature);
  model.dims_ = dims;
  model.temperature_ = static_cast<float>(temperature);
  model.features_ = features;
  model.task_ = std::move(*task);
  model.candidate_ = std::move(*candidate);
  return model;
}

std::string Scorer::to_json() const {
  FloatJson j;
  j["format"] = kFormat;
  j["version"] = kVersion;
  j["features"] = kFeatureVersion;
  j["feature_set"] = std::string(to_string(features_));
  j["dims"] = {{"task_features", dims_.task_features},
               {"candidate_features", dims_.candidate_features},
               {"embedding", dims_.embedding}};
  j["temperature"] = temperature_;
  j["weights"]["task"] = task_;
  j["weights"]["candidate"] = candidate_;
  return j.dump() + "\n";
}

Result<void> Scorer::save(const std::string& path) const {
  return write_file_atomic(path, to_json());
}

std::vector<float> Scorer::project(const std::vector<float>& matrix, std::uint32_t rows,
                                   std::uint32_t cols, const SparseVector& x) {
  std::vector<float> out(rows, 0.0f);
  for (std::uint32_t r = 0; r < rows; ++r) {
    const float* row = matrix.data() + std::size_t{r} * cols;
    float sum = 0;
    for (const auto& [i, v] : x.entries) sum += row[i] * v;
    out[r] = sum;
  }
  return out;
}

PreparedTask Scorer::prepare(std::string_view task_text) const {
  PreparedTask p;
  if (is_dafny(features_)) p.text = std::string(task_text);
  p.profile = profile_task(task_text);
  p.embedding = project(task_, dims_.embedding, dims_.task_features,
                        task_input(features_, task_text, dims_.task_features));
  return p;
}

double Scorer::score(const PreparedTask& task, std::string_view candidate_text,
                     std::string_view origins) const {
  auto v = project(candidate_, dims_.embedding, dims_.candidate_features,
                   candidate_input(features_, task.profile, task.text, candidate_text, origins,
                                   dims_.candidate_features));
  return cosine(task.embedding, v);
}

double Scorer::score(std::string_view task_text, std::string_view candidate_text) const {
  return score(prepare(task_text), candidate_text);
}

double cosine(const std::vector<float>& a, const std::vector<float>& b) {
  double dot = 0, na = 0, nb = 0;
  for (std::size_t i = 0; i < a.size() && i < b.size(); ++i) {
    dot += static_cast<double>(a[i]) * b[i];
    na += static_cast<double>(a[i]) * a[i];
    nb += static_cast<double>(b[i]) * b[i];
  }
  if (na <= 0 || nb <= 0) return 0;
  return dot / std::sqrt(na * nb);
}

}  // namespace verigen::rank
