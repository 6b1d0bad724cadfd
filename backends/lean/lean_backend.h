#pragma once
/// The Lean 4 back-end: `lake env lean --json FILE` inside the user's Lake project, or plain
/// `lean --json FILE` outside one.

#include <mutex>
#include <string>

#include "core/backend.h"
#include "core/process.h"

namespace verigen::lean {

struct LeanOptions {
  /// The Lake project to run in; empty: the nearest ancestor of the file with a lakefile
  /// (lakefile.lean or lakefile.toml), or none.
  std::string project_dir;
};

/// What to install when Lean is missing (elan cannot be fetched by verigen's own scripts).
extern const char* const kInstallHint;

/// The nearest ancestor directory of `file` holding lakefile.lean or lakefile.toml; "" if none.
std::string find_lake_project(const std::string& file);

class LeanBackend : public Backend {
 public:
  /// `runner` must outlive the back-end.
  LeanBackend(ProcessRunner& runner, LeanOptions options = {})
      : runner_(runner), options_(std::move(options)) {}

  std::string name() const override { return "lean"; }
  /// "4.x.y" from `lean --version`, "" when Lean is missing.
  std::string version() override;
  std::string options_fingerprint() const override { return "project=" + options_.project_dir; }

  /// The argv for checking `file`, with `project` ("" for none).
  static std::vector<std::string> command(const std::string& file, const std::string& project);

 protected:
  Verdict do_verify(const Candidate& candidate, Deadline deadline) override;

 private:
  ProcessRunner& runner_;
  LeanOptions options_;
  /// The version, asking the tool at most until `deadline` (and 60 s); a probe that did not
  /// finish is not remembered, so a later call asks again.
  std::string version_within(Deadline deadline);

  std::mutex version_mutex_;
  bool version_known_ = false;
  std::string version_;
};

}  // namespace verigen::lean
