#pragma once
/// The F* back-end: `fstar.exe --message_format json [--include DIR]... FILE`.

#include <mutex>
#include <string>
#include <vector>

#include "core/backend.h"
#include "core/process.h"

namespace verigen::fstar {

struct FStarOptions {
  std::vector<std::string> include_dirs;
};

/// What to install when F* is missing.
extern const char* const kInstallHint;

class FStarBackend : public Backend {
 public:
  FStarBackend(ProcessRunner& runner, FStarOptions options = {})
      : runner_(runner), options_(std::move(options)) {}

  std::string name() const override { return "fstar"; }
  std::string version() override;
  std::string options_fingerprint() const override;

  /// The argv for checking `file`.
  std::vector<std::string> command(const std::string& file) const;

 protected:
  Verdict do_verify(const Candidate& candidate, Deadline deadline) override;

 private:
  ProcessRunner& runner_;
  FStarOptions options_;
  /// The version, asking the tool at most until `deadline` (and 60 s); a probe that did not
  /// finish is not remembered, so a later call asks again.
  std::string version_within(Deadline deadline);

  std::mutex version_mutex_;
  bool version_known_ = false;
  std::string version_;
};

}  // namespace verigen::fstar
