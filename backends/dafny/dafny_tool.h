#pragma once
/// Finding the Dafny executable and its version.

#include <optional>
#include <string>
#include <vector>

#include "core/process.h"
#include "core/result.h"

namespace verigen::dafny {

/// A parsed Dafny version ("4.11.0+fcb2042..." → 4, 11, 0).
struct DafnyVersion {
  int major = 0;
  int minor = 0;
  int patch = 0;
  std::string text;  ///< as printed, without the build hash
};

/// Parses the first line of `dafny --version`; nullopt when it is not a version.
std::optional<DafnyVersion> parse_dafny_version(const std::string& output);

/// The command that runs Dafny: $VERIGEN_DAFNY if set, else `dafny` on PATH, else
/// ~/.dotnet/tools/dafny (where `dotnet tool install --global dafny` puts it). Empty if none.
std::vector<std::string> dafny_command();

/// Environment every Dafny child gets (roll-forward onto a newer .NET runtime, no telemetry, no
/// diagnostic pipes left in the temporary folder).
std::vector<std::pair<std::string, std::string>> dafny_environment();

/// How to get Dafny 4, for error messages.
extern const char* const kInstallHint;

/// Runs `dafny --version` and checks that it is Dafny 4 or newer. The failure message is one
/// line saying what was found and how to install 4.x. With a non-empty `memo_dir`, a version
/// already detected for the same executable (same resolved path, size, mtime and content) is
/// read from there instead of starting .NET again; a new detection is stored there.
Result<DafnyVersion> detect_dafny(ProcessRunner& runner, const std::string& memo_dir = {});

/// The version of the z3 Dafny runs (the one on PATH, e.g. "4.8.12"); "" when there is none.
std::string solver_version(ProcessRunner& runner);

}  // namespace verigen::dafny
