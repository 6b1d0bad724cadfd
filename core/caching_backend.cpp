#include "core/caching_backend.h"

namespace verigen {

Verdict CachingBackend::do_verify(const Candidate& candidate, Deadline deadline) {
  const std::string tool_version = inner_.version();
  // Without a known tool version a cached answer could come from another Dafny: ask the tool.
  if (tool_version.empty()) return inner_.verify(candidate, deadline);
  const auto key = VerificationCache::key(inner_.name(), tool_version, inner_.options_fingerprint(),
                                          candidate, inner_.dependency_fingerprint(candidate));
  if (auto hit = cache_.load(key, candidate.display_path)) return *hit;
  Verdict verdict = inner_.verify(candidate, deadline);
  cache_.store(key, verdict, candidate.display_path);
  return verdict;
}

}  // namespace verigen
