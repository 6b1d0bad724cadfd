#include "check_fixture.h"

#include <catch2/catch.hpp>

namespace verigen::test {
namespace fs = std::filesystem;

std::string verigen_binary() { return std::string(VERIGEN_BINARY_DIR) + "/verigen"; }

CliRun run_in(const fs::path& dir, const std::vector<std::string>& argv, const std::string& cache,
              const std::vector<std::pair<std::string, std::string>>& extra_env) {
  SubprocessRunner runner;
  ProcessSpec spec;
  spec.argv = argv;
  spec.working_directory = dir.string();
  spec.environment = {{"XDG_CACHE_HOME", cache},
                      {"GIT_AUTHOR_NAME", "t"},
                      {"GIT_AUTHOR_EMAIL", "t@example.org"},
                      {"GIT_COMMITTER_NAME", "t"},
                      {"GIT_COMMITTER_EMAIL", "t@example.org"},
                      {"VERIGEN_NO_PROGRESS", "1"}};
  spec.environment.insert(spec.environment.end(), extra_env.begin(), extra_env.end());
  spec.deadline = Deadline::after(std::chrono::minutes(5));
  auto r = runner.run(spec);
  return CliRun{r.exited() ? r.exit_code : -1, r.out, r.err};
}

void copy_generated(const fs::path& to, const std::string& cache) {
  // One gen per test process: Dafny's compile step is the slow part, and every test starts
  // from the same certified output.
  static TempDir once;
  static bool made = false;
  const fs::path out = once.path / "gen";
  if (!made) {
    fs::copy_file(std::string(VERIGEN_SOURCE_DIR) + "/specs/examples/sum_loop_spec.dfy",
                  once.path / "sum_loop_spec.dfy");
    auto gen =
        run_in(once.path, {verigen_binary(), "gen", "sum_loop_spec.dfy", "--out", "gen"}, cache);
    INFO(gen.out << gen.err);
    REQUIRE(gen.exit_code == 0);
    made = true;
  }
  fs::copy(out, to, fs::copy_options::recursive);
}

}  // namespace verigen::test
