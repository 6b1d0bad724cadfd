#include "cli_harness.h"

#include <unistd.h>

#include <atomic>
#include <fstream>

namespace verigen::test {
namespace fs = std::filesystem;

TempDir::TempDir() {
  static std::atomic<int> counter{0};
  path = fs::temp_directory_path() /
         ("verigen-cli-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
  fs::remove_all(path);
  fs::create_directories(path);
}

TempDir::~TempDir() {
  std::error_code ignored;
  fs::remove_all(path, ignored);
}

std::string TempDir::file(const std::string& name, const std::string& content) const {
  auto p = path / name;
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << content;
  return p.string();
}

CliRun run_verigen(const std::vector<std::string>& args, const std::string& cache_dir,
                   const std::vector<std::pair<std::string, std::string>>& extra_env,
                   double timeout_seconds, const std::string& working_directory) {
  SubprocessRunner runner;
  ProcessSpec spec;
  spec.working_directory = working_directory;
  spec.argv = {std::string(VERIGEN_BINARY_DIR) + "/verigen"};
  spec.argv.insert(spec.argv.end(), args.begin(), args.end());
  spec.environment = {{"XDG_CACHE_HOME", cache_dir}, {"VERIGEN_NO_PROGRESS", "1"}};
  spec.environment.insert(spec.environment.end(), extra_env.begin(), extra_env.end());
  spec.deadline = Deadline::after_seconds(timeout_seconds);
  auto result = runner.run(spec);
  return CliRun{result.exited() ? result.exit_code : -1, result.out, result.err};
}

int count_files(const fs::path& dir) {
  std::error_code ec;
  if (!fs::exists(dir, ec)) return 0;
  int n = 0;
  for (auto& entry : fs::recursive_directory_iterator(dir))
    if (entry.is_regular_file()) ++n;
  return n;
}

}  // namespace verigen::test
