#pragma once
/// Signed feature hashing, shared by the feature sets (features.h, dafny_features.h): named
/// features with values become a sparse vector in a fixed number of dimensions, the same on
/// every platform and run.

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <string_view>

#include "rank/features.h"

namespace verigen::rank {

/// FNV-1a followed by a 64-bit finalizer: stable across platforms and runs (std::hash is not).
inline std::uint64_t stable_hash(std::string_view text) {
  std::uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : text) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ULL;
  h ^= h >> 33;
  return h;
}

/// Counts up to 3 exactly, then in powers of two: the model sees "a few" vs "many".
inline int bucket(std::size_t n) {
  if (n < 4) return static_cast<int>(n);
  int b = 2;
  while (n >= 2) {
    n /= 2;
    ++b;
  }
  return std::min(b, 12);
}

/// Accumulates hashed features; a sign bit from the hash makes collisions cancel on average
/// instead of piling up (signed feature hashing).
class Hasher {
 public:
  explicit Hasher(std::uint32_t dims) : dims_(dims) {}
  void add(std::string_view name, float value = 1.0f) {
    if (dims_ == 0) return;
    std::uint64_t h = stable_hash(name);
    auto index = static_cast<std::uint32_t>(h % dims_);
    values_[index] += (h >> 63) ? -value : value;
  }
  SparseVector finish() const {
    SparseVector out;
    double norm = 0;
    for (const auto& [i, v] : values_) norm += static_cast<double>(v) * v;
    if (norm <= 0) return out;
    const double scale = 1.0 / std::sqrt(norm);
    for (const auto& [i, v] : values_)
      if (v != 0) out.entries.emplace_back(i, static_cast<float>(v * scale));
    return out;
  }

 private:
  std::uint32_t dims_;
  std::map<std::uint32_t, float> values_;  // ordered: the output is sorted and deterministic
};

}  // namespace verigen::rank
