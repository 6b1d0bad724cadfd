#pragma once
/// What a Dafny proof rests on: Dafny's own audit (`dafny audit`) and verigen's reading of the
/// source (specs/dafny/assumption_scan), over the program and every file it includes.

#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "backends/dafny/dafny_includes.h"
#include "core/assumption.h"
#include "core/process.h"
#include "core/result.h"

namespace verigen::dafny {

/// Finds assumptions, remembering those of originals (a spec is audited once per run however
/// many candidates are checked against it). Thread-safe.
class AssumptionFinder {
 public:
  /// `runner` must outlive the finder; `dafny` is the command that runs Dafny.
  AssumptionFinder(ProcessRunner& runner, std::vector<std::string> dafny)
      : runner_(runner), dafny_(std::move(dafny)) {}

  /// Every assumption of the program `text` (known to the user as `display_path`, given to
  /// Dafny as `tool_path`) and of `included` files: both sources, each finding kept (the
  /// policy matches them source by source). A Failure when `dafny audit` could not run or
  /// its output could not be read: then nothing may be called verified.
  Result<std::vector<Assumption>> find(const std::string& text, const std::string& tool_path,
                                       const std::string& display_path,
                                       const std::vector<IncludedFile>& included,
                                       Deadline deadline);

  /// The assumptions of an original spec, which is written to a private copy beside
  /// `display_path` (so its includes resolve) and audited once; an original Dafny cannot audit
  /// (it does not resolve) contributes only verigen's own findings, so a candidate can keep
  /// fewer of its assumptions, never more.
  std::vector<Assumption> find_in_original(const std::string& original,
                                           const std::string& display_path, Deadline deadline);

 private:
  ProcessRunner& runner_;
  std::vector<std::string> dafny_;
  std::mutex mutex_;
  std::map<std::string, std::vector<Assumption>> originals_;  // by sha256 of text and path
};

}  // namespace verigen::dafny
