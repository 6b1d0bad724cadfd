#pragma once
// Runs the built `verigen` binary as a real child process, with a private cache directory.

#include <filesystem>
#include <string>
#include <vector>

#include "core/process.h"

namespace verigen::test {

/// A scratch directory removed at the end of the test.
struct TempDir {
  TempDir();
  ~TempDir();
  std::filesystem::path path;
  std::string file(const std::string& name, const std::string& content) const;
};

struct CliRun {
  int exit_code = -1;
  std::string out;
  std::string err;
};

/// Runs build/verigen with `args`; XDG_CACHE_HOME points at `cache_dir`; `extra_env` is added;
/// in `working_directory` when given (where verigen looks for verigen.toml).
CliRun run_verigen(const std::vector<std::string>& args, const std::string& cache_dir,
                   const std::vector<std::pair<std::string, std::string>>& extra_env = {},
                   double timeout_seconds = 300, const std::string& working_directory = "");

/// Number of regular files below `dir` (0 when it does not exist).
int count_files(const std::filesystem::path& dir);

}  // namespace verigen::test
