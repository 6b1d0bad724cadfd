/// `verigen bench run SUITE --db DB ...`: runs a benchmark suite into a results database
/// (resumable, shardable). `bench report` and `bench merge` live in cmd_bench_report.cpp.

#include <glob.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <memory>

#include "benchmarks/harness/runner.h"
#include "benchmarks/harness/suite_table.h"
#include "cli/commands.h"

namespace verigen::cli {
namespace {
namespace fs = std::filesystem;

struct BenchRunCommand {
  bench::RunOptions options;
  std::string data;
  std::string shard;
};

/// The suite's dataset folder: --data DIR, else $VERIGEN_DATA, else ../shared/datasets (from the
/// current directory, the layout of a checkout beside the shared datasets). DIR may be the
/// datasets root (holding <suite>/) or the suite's folder itself.
std::string data_dir(const std::string& given, const std::string& suite) {
  std::string root = given;
  if (root.empty()) {
    const char* env = std::getenv("VERIGEN_DATA");
    root = env && *env ? env : "../shared/datasets";
  }
  std::error_code ec;
  fs::path nested = fs::path(root) / suite;
  return fs::is_directory(nested, ec) ? nested.string() : root;
}

/// The suite table's names as prose ("a, b or c"), for the help text.
std::string suite_list() {
  const auto names = bench::suite_names();
  std::string text;
  for (std::size_t i = 0; i < names.size(); ++i)
    text += (i == 0 ? "" : i + 1 == names.size() ? " or " : ", ") + names[i];
  return text;
}

/// "I/N" → (I, N); false when it is not two integers around a slash.
bool parse_shard(const std::string& text, int& index, int& count) {
  auto slash = text.find('/');
  if (slash == std::string::npos) return false;
  char* end = nullptr;
  long i = std::strtol(text.c_str(), &end, 10);
  if (end != text.c_str() + slash) return false;
  long n = std::strtol(text.c_str() + slash + 1, &end, 10);
  if (*end != '\0' || slash + 1 == text.size()) return false;
  index = static_cast<int>(i);
  count = static_cast<int>(n);
  return true;
}

/// Each --outputs argument, a glob pattern expanded in sorted order when it has wildcards (a
/// shell does it too, but a quoted pattern or a Slurm script may pass it through). A pattern
/// that matches nothing is an error: a pool silently missing its models would mislead.
bool expand_outputs(std::vector<std::string>& outputs) {
  std::vector<std::string> expanded;
  for (const auto& given : outputs) {
    if (given.find_first_of("*?[") == std::string::npos) {
      expanded.push_back(given);
      continue;
    }
    glob_t found{};
    int status = glob(given.c_str(), 0, nullptr, &found);
    if (status != 0) {
      globfree(&found);
      std::cerr << "bench: error: --outputs '" << given << "' matches no file\n";
      return false;
    }
    for (std::size_t i = 0; i < found.gl_pathc; ++i) {
      std::string path = found.gl_pathv[i];
      // DafnyBench keeps each model's <model>_results.csv beside its outputs: not an output.
      if (path.ends_with(".json")) expanded.push_back(path);
    }
    globfree(&found);
  }
  outputs = std::move(expanded);
  return true;
}

int run(BenchRunCommand& c) {
  auto& o = c.options;
  if (!expand_outputs(o.outputs)) return kExitBadInput;
  if (!c.shard.empty() && !parse_shard(c.shard, o.shard_index, o.shard_count)) {
    std::cerr << "bench: error: --shard '" << c.shard << "' is not I/N (e.g. 0/4)\n";
    return kExitBadInput;
  }
  o.data_dir = data_dir(c.data, o.suite);
  return bench::run_bench(o, std::cout, std::cerr);
}

}  // namespace

void register_bench(CLI::App& app, int& exit_code) {
  auto* bench = app.add_subcommand("bench", "Benchmark harness: run suites, report, merge shards");
  bench->require_subcommand(1);

  auto c = std::make_shared<BenchRunCommand>();
  auto& o = c->options;
  auto* cmd =
      bench->add_subcommand("run", "Run a suite into a results database (resumable, shardable)");
  cmd->add_option("suite", o.suite, suite_list())
      ->required()
      ->check(CLI::IsMember(bench::suite_names()));
  cmd->add_option("--db", o.db,
                  "Results database (SQLite; created when absent, resumed when present)")
      ->required();
  cmd->add_option("--data", c->data,
                  "Datasets folder (default $VERIGEN_DATA, else ../shared/datasets)");
  cmd->add_option("--provider", o.provider, "builtin (default), openai, or replay (with --outputs)")
      ->check(CLI::IsMember({"builtin", "openai", "replay"}));
  cmd->add_option("--outputs", o.outputs,
                  "Published outputs to replay (DafnyBench <model>.json); repeat it or give a "
                  "glob to pool several models' outputs per task");
  cmd->add_option("--rules", o.rules,
                  "Pools: whose judgement counts, strict (verigen's, default) or dafnybench "
                  "(code rewrites allowed, the specification kept)")
      ->check(CLI::IsMember({"strict", "dafnybench"}));
  cmd->add_flag("--verify-all", o.verify_all,
                "Pools: verify every eligible candidate, not only up to the first verified");
  cmd->add_option("--complete", o.complete,
                  "Pools: when nothing verifies, complete this many best-ranked near misses "
                  "(and the hint-free program) with the builtin annotator")
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--scorer", o.scorer,
                  "Pools: ranking model file (default: the shipped Dafny model)");
  cmd->add_option("--model", o.model, "Model name (openai)");
  cmd->add_option("-k", o.k, "Samples per task")->check(CLI::PositiveNumber);
  cmd->add_option("--rounds", o.rounds, "Repair rounds per sample")->check(CLI::NonNegativeNumber);
  cmd->add_option("--jobs,-j", o.jobs, "Samples run in parallel")->check(CLI::PositiveNumber);
  cmd->add_option("--timeout", o.timeout, "Wall-clock limit per verification, seconds")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--verification-time-limit", o.verification_time_limit,
                  "Dafny's limit per assertion batch, seconds");
  cmd->add_option("--filter", o.filter, "Only tasks whose id matches this regular expression");
  cmd->add_option("--limit", o.limit, "Only the first N tasks (after --filter, before --shard)")
      ->check(CLI::PositiveNumber)
      ->default_str("all");
  cmd->add_option("--shard", c->shard,
                  "I/N: run the tasks whose index % N == I (tasks sorted by id)");
  cmd->add_option("--seed", o.seed, "Sampling seed (sample i uses seed + i)");
  cmd->add_option("--max-verifier-calls", o.max_verifier_calls,
                  "Verifier calls the builtin provider makes per sample at most (0: no limit)")
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--lean-project", o.lean_project,
                  "CLEVER Lake project (clever only; Lean 4 + Mathlib)");
  cmd->add_option("--log", o.log, "Append every candidate and verdict to this JSONL file");
  cmd->add_flag("--no-cache", o.no_cache, "Neither read nor write the verification cache");
  cmd->callback([c, &exit_code] { exit_code = run(*c); });

  register_bench_report(*bench, exit_code);
  register_bench_merge(*bench, exit_code);
}

}  // namespace verigen::cli
