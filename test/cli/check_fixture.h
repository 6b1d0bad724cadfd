#pragma once
// Shared by the `verigen check` and hook tests: commands run in a chosen directory, and one
// `verigen gen` output made once per test process and copied into each test's scratch folder.

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "cli_harness.h"

namespace verigen::test {

/// The built binary.
std::string verigen_binary();

/// Runs `argv` (no shell) in `dir` with XDG_CACHE_HOME=`cache`, a fixed git identity, no
/// progress drawing and `extra_env`; its exit code (-1 when killed) and output.
CliRun run_in(const std::filesystem::path& dir, const std::vector<std::string>& argv,
              const std::string& cache,
              const std::vector<std::pair<std::string, std::string>>& extra_env = {});

/// Copies the output of `verigen gen specs/examples/sum_loop_spec.dfy` (made on first use) to
/// `to`, which must not exist yet. The copy holds
/// certificate.json, sum_loop_spec.dfy and py/sum_loop_spec-py/module_.py (see kModule).
void copy_generated(const std::filesystem::path& to, const std::string& cache);

/// The marked module inside a copy, relative to its top.
inline constexpr const char* kModule = "py/sum_loop_spec-py/module_.py";

}  // namespace verigen::test
