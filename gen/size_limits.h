#pragma once
/// Size caps that keep one runaway model answer from exhausting memory or disk: how much of an
/// HTTP answer or a cassette answer is read, how large a candidate program may be, and how long
/// one string of a run-log record may get. Generous defaults: real answers are far smaller.

#include <cstddef>
#include <string>

namespace verigen {

/// A model's answer (one HTTP response body, or the texts of one cassette answer).
inline constexpr std::size_t kDefaultMaxResponseBytes = 8u << 20;
/// One extracted candidate program; a larger one is rejected, never audited or verified.
inline constexpr std::size_t kDefaultMaxCandidateBytes = 1u << 20;
/// One string field of a run-log record; a longer one is cut, with a marker saying so.
inline constexpr std::size_t kDefaultMaxLogFieldBytes = 256u << 10;

/// `bytes` for people: "8 MiB", "256 KiB", "1.5 MiB", "300 bytes".
std::string human_size(std::size_t bytes);

}  // namespace verigen
