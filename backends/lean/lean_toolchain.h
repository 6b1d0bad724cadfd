#pragma once
/// Which Lean and which Mathlib a Lake project runs: a benchmark written for one toolchain is
/// checked with that toolchain or not at all (a newer Mathlib renames lemmas, an older Lean
/// lacks tactics, and either changes what "verified" means).

#include <string>

#include "core/deadline.h"
#include "core/process.h"
#include "core/result.h"

namespace verigen::lean {

struct LeanToolchain {
  std::string lean_version;      ///< "4.24.0", from `lean --version`
  std::string mathlib_revision;  ///< the manifest's `inputRev` for mathlib ("v4.24.0"), else `rev`
};

/// Asks `lean --version` inside `project` (so elan picks the project's own toolchain) and reads
/// `project/lake-manifest.json`. A Failure (one line) when Lean is missing or its answer or the
/// manifest cannot be read; a project without Mathlib gives an empty revision.
Result<LeanToolchain> probe_lean_toolchain(ProcessRunner& runner, const std::string& project,
                                           Deadline deadline);

/// "" when `found` is the expected toolchain, else one line naming what was expected and what
/// was found.
std::string toolchain_mismatch(const LeanToolchain& found, const std::string& lean_version,
                               const std::string& mathlib_revision);

}  // namespace verigen::lean
