#include "backends/verifier_stack.h"

namespace verigen {

Verifier::Verifier(std::unique_ptr<Backend> tool, std::optional<VerificationCache> cache)
    : tool_(std::move(tool)), cache_(std::move(cache)) {
  if (cache_) cached_ = std::make_unique<CachingBackend>(*tool_, *cache_);
}

const std::string& Verifier::missing() {
  if (!missing_) {
    missing_ = std::string();
    if (tool_->version().empty()) {
      // The back-end's own verdict on an empty candidate carries its one-line install hint.
      Candidate probe;
      probe.display_path = "probe";
      Verdict v = tool_->verify(probe, Deadline::after(std::chrono::seconds(60)));
      missing_ = v.cause == Cause::ToolNotFound && !v.detail.empty()
                     ? v.detail
                     : tool_->name() + ": error: cannot determine the tool's version";
    }
  }
  return *missing_;
}

Result<std::unique_ptr<Verifier>> make_verifier(Language language, ProcessRunner& runner,
                                                VerifierOptions options) {
  std::optional<VerificationCache> cache;
  if (options.use_cache) {
    cache.emplace(options.cache_directory.empty() ? VerificationCache::default_directory()
                                                  : options.cache_directory);
    if (options.backends.dafny.version_memo_dir.empty())
      options.backends.dafny.version_memo_dir = cache->directory() + "/tools";
  }
  auto tool = make_backend(language, runner, options.backends);
  if (!tool.ok()) return fail(tool.error());
  return std::make_unique<Verifier>(std::move(*tool), std::move(cache));
}

}  // namespace verigen
