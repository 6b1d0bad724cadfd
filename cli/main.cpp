/// verigen: the command-line entry point. Subcommands live in cmd_*.cpp.

#include <CLI/CLI.hpp>
#include <csignal>
#include <iostream>

#include "cli/commands.h"

int main(int argc, char** argv) {
  // A tool that closed its stdin must not kill us with SIGPIPE; write errors are handled.
  std::signal(SIGPIPE, SIG_IGN);
  CLI::App app{"verigen: generate, verify and compile formally verified code"};
  app.set_version_flag("--version", "verigen 0.1.0");
  app.require_subcommand(1);
  int exit_code = verigen::cli::kExitOk;
  verigen::cli::register_verify(app, exit_code);
  verigen::cli::register_compile(app, exit_code);
  verigen::cli::register_gen(app, exit_code);
  verigen::cli::register_check(app, exit_code);
  verigen::cli::register_bench(app, exit_code);
  verigen::cli::register_rank(app, exit_code);
  verigen::cli::register_inv(app, exit_code);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    // CLI11 returns 0 for --help/--version; usage errors are exit code 2 by our contract.
    return code == 0 ? 0 : verigen::cli::kExitBadInput;
  }
  return exit_code;
}
