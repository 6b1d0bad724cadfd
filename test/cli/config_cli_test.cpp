// verigen.toml and option defaults through the real binary: a bad config file stops `gen` with
// exit 2 and its file:line:col before anything runs; `--help` shows every default.

#include <catch2/catch.hpp>
#include <string>

#include "core/process.h"
#include "test/cli/cli_harness.h"

using namespace verigen;
using verigen::test::CliRun;
using verigen::test::run_verigen;
using verigen::test::TempDir;

namespace {

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

/// Runs build/verigen in `dir` (where it looks for verigen.toml) with the provider environment
/// cleared, so only the file speaks.
CliRun run_in(const TempDir& dir, const std::vector<std::string>& args) {
  SubprocessRunner runner;
  ProcessSpec spec;
  spec.argv = {std::string(VERIGEN_BINARY_DIR) + "/verigen"};
  spec.argv.insert(spec.argv.end(), args.begin(), args.end());
  spec.working_directory = dir.path.string();
  spec.environment = {{"XDG_CACHE_HOME", (dir.path / "cache").string()},
                      {"VERIGEN_NO_PROGRESS", "1"},
                      {"OPENAI_BASE_URL", ""},
                      {"OPENAI_API_KEY", ""},
                      {"VERIGEN_MODEL", ""}};
  spec.deadline = Deadline::after_seconds(120);
  auto result = runner.run(spec);
  return CliRun{result.exited() ? result.exit_code : -1, result.out, result.err};
}

std::string spec_in(const TempDir& dir) {
  return dir.file("max_spec.dfy",
                  "method Max(a: int, b: int) returns (m: int)\n"
                  "  ensures m >= a && m >= b\n");
}

}  // namespace

// Contract: each bad value and an unknown key in verigen.toml make `gen --provider openai`
// exit 2 with `FILE:LINE:COL: error: ...`, before any request is sent.
TEST_CASE("gen stops on a bad verigen.toml with its place", "[process]") {
  struct Case {
    std::string toml;
    std::string message;
  };
  const std::vector<Case> cases = {
      {"model = \"m\"\ntimeout = -5\n",
       ":2:11: error: timeout must be a number of seconds in (0, 86400], got -5"},
      {"model = \"m\"\ntimeout = 1e308\n",
       ":2:11: error: timeout must be a number of seconds in (0, 86400], got 1e+308"},
      {"model = \"m\"\ntimeout = nan\n",
       ":2:11: error: timeout must be a number of seconds in (0, 86400], got nan"},
      {"model = \"m\"\nconcurrency = -3\n",
       ":2:15: error: concurrency must be between 1 and 64, got -3"},
      {"model = \"m\"\nmax_attempts = 0\n",
       ":2:16: error: max_attempts must be between 1 and 100, got 0"},
      {"[provider]\nmodle = \"m\"\n", ":2:1: error: unknown key 'modle' (did you mean 'model'?)"},
      {"[proivder]\nmodel = \"m\"\n",
       ":1:2: error: unknown table 'proivder' (did you mean 'provider'?)"},
      {"model = \"m\"\nbase_url = http://x\n", ":2:"},
  };
  for (const auto& c : cases) {
    TempDir dir;
    auto toml = dir.file("verigen.toml", c.toml);
    auto run = run_in(dir, {"gen", spec_in(dir), "--provider", "openai"});
    INFO(c.toml << "\n" << run.out << run.err);
    CHECK(run.exit_code == 2);
    CHECK(contains(run.err, toml + c.message));
  }
}

// Contract: valid TOML the old reader refused (a literal string, an inline table) configures the
// provider: the model named there is the one `gen` asks for.
TEST_CASE("gen reads valid TOML the old reader refused", "[process]") {
  TempDir dir;
  dir.file("verigen.toml",
           "provider = { model = 'file-model', base_url = 'http://127.0.0.1:9/v1', "
           "max_attempts = 1, timeout = 2.5 }\n");
  auto run = run_in(dir, {"gen", spec_in(dir), "--provider", "openai", "-k", "1", "--rounds", "0",
                          "--timeout", "30"});
  INFO(run.out << run.err);
  // Nothing listens on port 9: the request fails, after the file was read and accepted; its
  // base_url and max_attempts are the ones used.
  CHECK(contains(run.err, "127.0.0.1:9"));
  CHECK(contains(run.err, "1 attempt"));
  CHECK_FALSE(contains(run.err, "verigen.toml:"));
}

// Contract: `--help` of each subcommand shows the default of every option that has one.
TEST_CASE("every subcommand's help shows its defaults", "[process]") {
  struct Case {
    std::vector<std::string> command;
    std::vector<std::string> shown;
  };
  const std::vector<Case> cases = {
      {{"gen"},
       {"--task TEXT:{spec,isomorphism,implementation,correctness}=implementation",
        "--provider TEXT:{builtin,openai,replay}=builtin", "-k INT:POSITIVE=5",
        "--rounds INT:NONNEGATIVE=2", "--jobs INT:POSITIVE=2",
        "--target TEXT:{py,js,cs,java,go}=py", "--timeout FLOAT=1800", "--verify-timeout FLOAT=300",
        "--verification-time-limit INT=20"}},
      {{"inv"},
       {"--timeout FLOAT:NONNEGATIVE=10", "--jobs INT:NONNEGATIVE=cores", "-k INT:POSITIVE=24",
        "--provider TEXT:{builtin,openai,replay}=builtin"}},
      {{"verify"},
       {"--jobs INT:NONNEGATIVE=cores", "--timeout FLOAT:NONNEGATIVE=600",
        "--verification-time-limit INT:NONNEGATIVE=20",
        "--kind TEXT:{implement,annotate,specify}=implement"}},
      {{"compile"}, {"--target TEXT:{py,js,cs,java,go}=py", "--timeout FLOAT:NONNEGATIVE=600"}},
      {{"check"}, {"--timeout FLOAT:NONNEGATIVE=600"}},
      {{"bench", "run"},
       {"--provider TEXT:{builtin,openai,replay}=builtin", "-k INT:POSITIVE=1",
        "--rounds INT:NONNEGATIVE=0", "--jobs INT:POSITIVE=1", "--timeout FLOAT:POSITIVE=300",
        "--verification-time-limit INT=20", "--limit INT:POSITIVE=all", "--seed INT=0"}},
      {{"bench", "report"}, {"--format TEXT:{md,json,svg}=md"}},
      {{"rank", "train"}, {"--epochs INT:POSITIVE=30", "--seed UINT=1"}},
      {{"rank", "eval"}, {"--folds INT:INT in [2 - 1000]=off", "--epochs INT:POSITIVE=30"}},
  };
  for (const auto& c : cases) {
    TempDir dir;
    auto args = c.command;
    args.push_back("--help");
    auto run = run_in(dir, args);
    INFO(args[0] << "\n" << run.out << run.err);
    CHECK(run.exit_code == 0);
    // Help lines are padded; collapse runs of spaces so the checks do not depend on layout.
    std::string help;
    for (char ch : run.out)
      if (!(ch == ' ' && !help.empty() && help.back() == ' ')) help += ch;
    for (const auto& s : c.shown) {
      INFO(s);
      CHECK(contains(help, s));
    }
    // A list option has no default worth showing.
    CHECK_FALSE(contains(help, "=[]"));
  }
}
