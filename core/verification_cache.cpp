#include "core/verification_cache.h"

#include <cstdlib>
#include <nlohmann/json.hpp>

#include "core/file_io.h"
#include "core/hash.h"
#include "core/json_fields.h"
#include "core/verdict_json.h"

namespace verigen {
namespace {
// Bump when the entry layout changes: old entries then simply miss.
constexpr int kFormat = 3;
}  // namespace

VerificationCache::VerificationCache(std::string directory) : directory_(std::move(directory)) {}

std::string VerificationCache::default_directory() {
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg)
    return std::string(xdg) + "/verigen";
  if (const char* home = std::getenv("HOME"); home && *home)
    return std::string(home) + "/.cache/verigen";
  return "/tmp/verigen-cache";
}

std::string VerificationCache::key(const std::string& backend, const std::string& tool_version,
                                   const std::string& options, const Candidate& candidate,
                                   const std::string& dependencies) {
  // Length-prefixed fields: no two different inputs concatenate to the same bytes.
  std::string material;
  const std::string policy = candidate.assumption_policy.fingerprint();
  for (const std::string* field : {&backend, &tool_version, &options, &candidate.symbol,
                                   &candidate.text, &policy, &dependencies}) {
    material += std::to_string(field->size());
    material += ':';
    material += *field;
  }
  return sha256_hex(material);
}

std::string VerificationCache::path_of(const std::string& key) const {
  return directory_ + "/verdicts/" + key.substr(0, 2) + "/" + key + ".json";
}

std::optional<Verdict> VerificationCache::load(const std::string& key,
                                               const std::string& display_path) const {
  auto text = read_file(path_of(key));
  if (!text.ok()) return std::nullopt;
  auto entry = nlohmann::json::parse(*text, nullptr, false);
  // A damaged entry (any shape) is a miss, never an exception.
  if (entry.is_discarded() || json_int(json_field(entry, "format"), 0) != kFormat ||
      json_string(entry, "key") != key || !entry.contains("verdict"))
    return std::nullopt;
  auto verdict = verdict_from_json(entry["verdict"], display_path);
  if (!verdict) return std::nullopt;
  verdict->cached = true;
  return verdict;
}

bool VerificationCache::store(const std::string& key, const Verdict& verdict,
                              const std::string& display_path) const {
  bool definitive = verdict.outcome == Outcome::Verified ||
                    (verdict.outcome == Outcome::Refuted && verdict.cause == Cause::None);
  // A time-out under the tool's own limit (part of the key's options) is the tool's answer for
  // those options; a wall-clock kill, a crash or an error is not and is asked again.
  bool tool_limit = verdict.outcome == Outcome::Unknown && verdict.reproducible;
  if (!definitive && !tool_limit) return false;
  nlohmann::json entry = {
      {"format", kFormat}, {"key", key}, {"verdict", verdict_to_json(verdict, display_path)}};
  return write_file_atomic(path_of(key), entry.dump()).ok();
}

}  // namespace verigen
