// The pre-commit hook end to end, in a real temporary git repository.

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "cli_harness.h"
#include "core/file_io.h"

using namespace verigen;
using namespace verigen::test;
namespace fs = std::filesystem;

namespace {

/// Runs a command in `dir` (argv, no shell) and returns its exit code and output.
CliRun run_in(const fs::path& dir, std::vector<std::string> argv, const std::string& cache) {
  SubprocessRunner runner;
  ProcessSpec spec;
  spec.argv = std::move(argv);
  spec.working_directory = dir.string();
  spec.environment = {{"XDG_CACHE_HOME", cache}, {"GIT_AUTHOR_NAME", "t"}, {"GIT_AUTHOR_EMAIL", "t@example.org"},
                      {"GIT_COMMITTER_NAME", "t"}, {"GIT_COMMITTER_EMAIL", "t@example.org"},
                      {"VERIGEN_NO_PROGRESS", "1"}};
  spec.deadline = Deadline::after(std::chrono::minutes(5));
  auto r = runner.run(spec);
  return CliRun{r.exited() ? r.exit_code : -1, r.out, r.err};
}

}  // namespace

// Contract: gen output commits with the hook installed; an edited generated function and a
// deleted certificate are blocked with a clear message; an unrelated file commits freely.
TEST_CASE("pre-commit hook in a real git repository", "[verifier:dafny]") {
  TempDir dir;
  const fs::path repo = dir.path / "repo";
  fs::create_directories(repo);
  const std::string cache = (dir.path / "cache").string();
  const std::string verigen = std::string(VERIGEN_BINARY_DIR) + "/verigen";
  REQUIRE(run_in(repo, {"git", "init", "-q"}, cache).exit_code == 0);
  fs::copy_file(std::string(VERIGEN_SOURCE_DIR) + "/specs/examples/sum_loop_spec.dfy", repo / "sum.dfy");
  REQUIRE(run_in(repo, {verigen, "gen", "sum.dfy", "--out", "gen"}, cache).exit_code == 0);
  REQUIRE(run_in(repo, {verigen, "hook", "install"}, cache).exit_code == 0);
  REQUIRE(run_in(repo, {"git", "add", "-A"}, cache).exit_code == 0);
  auto first = run_in(repo, {"git", "commit", "-q", "-m", "generated"}, cache);
  INFO(first.out << first.err);
  REQUIRE(first.exit_code == 0);

  // An unrelated file commits freely.
  std::ofstream(repo / "notes.txt") << "hello\n";
  REQUIRE(run_in(repo, {"git", "add", "notes.txt"}, cache).exit_code == 0);
  CHECK(run_in(repo, {"git", "commit", "-q", "-m", "notes"}, cache).exit_code == 0);

  // A hand edit of a generated function is blocked, naming the file and its marker line.
  const fs::path module = repo / "gen/py/sum-py/module_.py";
  REQUIRE(fs::exists(module));
  auto text = read_file(module.string()).value();
  auto at = text.find("return ");
  REQUIRE(at != std::string::npos);
  REQUIRE(write_file_atomic(module.string(), text.substr(0, at) + "return -1 and " + text.substr(at + 7)).ok());
  REQUIRE(run_in(repo, {"git", "add", "-A"}, cache).exit_code == 0);
  auto edited = run_in(repo, {"git", "commit", "-q", "-m", "hand edit"}, cache);
  CHECK(edited.exit_code != 0);
  CHECK((edited.out + edited.err).find("gen/py/sum-py/module_.py:1: error: generated code was edited by hand") != std::string::npos);
  REQUIRE(run_in(repo, {"git", "checkout", "--", "."}, cache).exit_code == 0);
  REQUIRE(run_in(repo, {"git", "reset", "-q", "--hard"}, cache).exit_code == 0);

  // A deleted certificate is blocked.
  REQUIRE(run_in(repo, {"git", "rm", "-q", "gen/certificate.json"}, cache).exit_code == 0);
  auto deleted = run_in(repo, {"git", "commit", "-q", "-m", "drop certificate"}, cache);
  CHECK(deleted.exit_code != 0);
  CHECK((deleted.out + deleted.err).find("certificate.json is missing") != std::string::npos);
}

// Contract: re-checking ten unchanged generated functions is fast thanks to the cache (the
// issue's bound: under a second; asserted loosely here, measured in the closing note).
TEST_CASE("re-checking unchanged functions is served by the cache", "[verifier:dafny]") {
  TempDir dir;
  const std::string cache = (dir.path / "cache").string();
  const std::string verigen = std::string(VERIGEN_BINARY_DIR) + "/verigen";
  fs::copy_file(std::string(VERIGEN_SOURCE_DIR) + "/specs/examples/sum_loop_spec.dfy", dir.path / "sum.dfy");
  REQUIRE(run_in(dir.path, {verigen, "gen", "sum.dfy", "--out", "gen"}, cache).exit_code == 0);
  std::vector<std::string> files;
  for (int i = 0; i < 10; ++i) {
    auto copy = dir.path / ("copy" + std::to_string(i));
    fs::copy(dir.path / "gen", copy, fs::copy_options::recursive);
    files.push_back((copy / "py/sum-py/module_.py").string());
  }
  std::vector<std::string> argv = {verigen, "check"};
  argv.insert(argv.end(), files.begin(), files.end());
  run_in(dir.path, argv, cache);  // warms the version memo
  auto started = std::chrono::steady_clock::now();
  auto r = run_in(dir.path, argv, cache);
  auto elapsed = std::chrono::steady_clock::now() - started;
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("10 generated file(s), 0 problem(s)") != std::string::npos);
  CHECK(elapsed < std::chrono::seconds(5));
}
