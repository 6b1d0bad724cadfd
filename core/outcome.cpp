#include "core/outcome.h"

#include <array>
#include <utility>

namespace verigen {
namespace {

constexpr std::array<std::pair<Outcome, std::string_view>, 4> kOutcomeNames{{
    {Outcome::Verified, "verified"},
    {Outcome::Unknown, "unknown"},
    {Outcome::Error, "error"},
    {Outcome::Refuted, "refuted"},
}};

constexpr std::array<std::pair<Cause, std::string_view>, 10> kCauseNames{{
    {Cause::None, ""},
    {Cause::Timeout, "timeout"},
    {Cause::ResourceLimit, "resource-limit"},
    {Cause::Interrupted, "interrupted"},
    {Cause::ToolNotFound, "tool-not-found"},
    {Cause::ToolCrashed, "tool-crashed"},
    {Cause::BadOutput, "bad-output"},
    {Cause::BadInput, "bad-input"},
    {Cause::Integrity, "integrity"},
    {Cause::Internal, "internal"},
}};

}  // namespace

std::string_view to_string(Outcome outcome) {
  for (const auto& [value, name] : kOutcomeNames)
    if (value == outcome) return name;
  return "error";
}

std::string_view to_string(Cause cause) {
  for (const auto& [value, name] : kCauseNames)
    if (value == cause) return name;
  return "internal";
}

std::optional<Outcome> outcome_from_string(std::string_view name) {
  for (const auto& [value, n] : kOutcomeNames)
    if (n == name) return value;
  return std::nullopt;
}

std::optional<Cause> cause_from_string(std::string_view name) {
  for (const auto& [value, n] : kCauseNames)
    if (n == name) return value;
  return std::nullopt;
}

Outcome combine(Outcome a, Outcome b) { return static_cast<int>(a) > static_cast<int>(b) ? a : b; }

}  // namespace verigen
