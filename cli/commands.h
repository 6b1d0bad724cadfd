#pragma once
/// Each subcommand lives in its own cmd_<name>.cpp and registers itself on the CLI11 app.
/// A registered callback stores its exit code in `exit_code`; main() returns it.

#include <CLI/CLI.hpp>

namespace verigen::cli {

/// Exit codes of the CLI contract (DESIGN.md).
enum ExitCode : int {
  kExitOk = 0,           ///< everything verified / the command succeeded
  kExitNotVerified = 1,  ///< something refuted, unknown or rejected by the integrity audit
  kExitBadInput = 2,     ///< bad input or usage
  kExitToolMissing = 3   ///< a tool is missing or crashed
};

void register_verify(CLI::App& app, int& exit_code);
void register_compile(CLI::App& app, int& exit_code);
/// `verigen check` (cli/cmd_check.cpp); it also calls register_hook.
void register_check(CLI::App& app, int& exit_code);
/// `verigen hook install` (cli/cmd_hook.cpp).
void register_hook(CLI::App& app, int& exit_code);
void register_gen(CLI::App& app, int& exit_code);
/// `verigen inv FILE.sl...`: loop-invariant synthesis (cli/cmd_inv.cpp).
void register_inv(CLI::App& app, int& exit_code);
/// `verigen rank train|eval`: the contrastive scorer (cli/cmd_rank.cpp).
void register_rank(CLI::App& app, int& exit_code);
/// `verigen bench run|report|merge` (cli/cmd_bench.cpp registers `bench` and `run`, and calls
/// the two below, which live in cli/cmd_bench_report.cpp).
void register_bench(CLI::App& app, int& exit_code);
void register_bench_report(CLI::App& bench, int& exit_code);
void register_bench_merge(CLI::App& bench, int& exit_code);

}  // namespace verigen::cli
