#pragma once
/// The one place a verifier is put together (after KLEE's ConstructSolverChain): the language's
/// back-end, the probe of its tool, and the cache decorator. Every command and the benchmark
/// harness verify through a Verifier made here.

#include <memory>
#include <optional>
#include <string>

#include "backends/backend_factory.h"
#include "core/caching_backend.h"
#include "core/process.h"
#include "core/result.h"
#include "core/verification_cache.h"

namespace verigen {

/// How a command wants its verifier.
struct VerifierOptions {
  BackendOptions backends;
  /// Read and write the verification cache (`--no-cache` turns it off). With the cache on,
  /// detected tool versions are remembered beside it too.
  bool use_cache = true;
  /// The cache's folder; "" for VerificationCache::default_directory().
  std::string cache_directory;
};

/// A back-end and its decorators, owned together.
class Verifier {
 public:
  Verifier(std::unique_ptr<Backend> tool, std::optional<VerificationCache> cache);

  /// What to verify with: the cached back-end, or the tool itself without the cache.
  Backend& backend() { return cached_ ? static_cast<Backend&>(*cached_) : *tool_; }
  /// The undecorated back-end (its name and version, for certificates).
  Backend& tool() { return *tool_; }
  /// "" when the tool can be used; else the one line that says what is missing and how to
  /// install it (asked once, by the back-end itself, on first call).
  const std::string& missing();

 private:
  std::unique_ptr<Backend> tool_;
  std::optional<VerificationCache> cache_;
  std::unique_ptr<CachingBackend> cached_;
  std::optional<std::string> missing_;
};

/// The verifier for `language`, running tools through `runner` (which must outlive it); a
/// Failure naming the language when verigen has no back-end for it.
Result<std::unique_ptr<Verifier>> make_verifier(Language language, ProcessRunner& runner,
                                                VerifierOptions options);

}  // namespace verigen
