#pragma once
/// A content-addressed store of definitive verdicts, so an unchanged file is never verified
/// twice: key = SHA-256 of (back-end, tool version, options, symbol, source bytes, the
/// assumption policy, and the content of every file the verdict depends on).

#include <optional>
#include <string>

#include "core/task.h"
#include "core/verdict.h"

namespace verigen {

class VerificationCache {
 public:
  /// A cache rooted at `directory` (created on first store).
  explicit VerificationCache(std::string directory);

  /// $XDG_CACHE_HOME/verigen, else ~/.cache/verigen.
  static std::string default_directory();

  /// The key of a candidate under a back-end configuration.
  static std::string key(const std::string& backend, const std::string& tool_version,
                         const std::string& options, const Candidate& candidate,
                         const std::string& dependencies = {});

  /// The stored verdict for `key`, with diagnostics re-pointed at `display_path`; nullopt on a
  /// miss or a corrupt entry (which the next store() overwrites).
  std::optional<Verdict> load(const std::string& key, const std::string& display_path) const;

  /// Stores a verdict if it is definitive (Verified, or Refuted by the tool) or an Unknown the
  /// tool reached under its own option-set limit (Verdict::reproducible); other Unknowns and
  /// Errors depend on our clock and the machine and are never cached. Atomic: a crash leaves no
  /// partial entry. Returns false when nothing was written.
  bool store(const std::string& key, const Verdict& verdict, const std::string& display_path) const;

  const std::string& directory() const { return directory_; }

 private:
  std::string path_of(const std::string& key) const;
  std::string directory_;
};

}  // namespace verigen
