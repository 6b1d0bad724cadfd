/// verigen: the command-line entry point. Subcommands live in cmd_*.cpp.

#include <CLI/CLI.hpp>
#include <csignal>
#include <iostream>

#include "cli/commands.h"
#include "core/child_groups.h"

namespace {

/// Clears the "[]" a list option's --help line would show as its default: it says nothing.
void drop_empty_list_defaults(CLI::App& app) {
  for (CLI::Option* option : app.get_options()) {
    if (option->get_default_str() == "[]") option->default_str("");
  }
  for (CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; })) {
    drop_empty_list_defaults(*sub);
  }
}

}  // namespace

int main(int argc, char** argv) {
  // A tool that closed its stdin must not kill us with SIGPIPE; write errors are handled.
  std::signal(SIGPIPE, SIG_IGN);
  // Ctrl-C or a kill must not leave the children (each in a group of its own) running on.
  verigen::kill_children_on_fatal_signals();
  CLI::App app{"verigen: generate, verify and compile formally verified code"};
  app.set_version_flag("--version", "verigen 0.1.0");
  app.require_subcommand(1);
  // Every option's --help line shows its default; subcommands copy this setting when created,
  // so it must come before they are registered.
  app.option_defaults()->always_capture_default();
  int exit_code = verigen::cli::kExitOk;
  verigen::cli::register_verify(app, exit_code);
  verigen::cli::register_compile(app, exit_code);
  verigen::cli::register_gen(app, exit_code);
  verigen::cli::register_check(app, exit_code);
  verigen::cli::register_bench(app, exit_code);
  verigen::cli::register_rank(app, exit_code);
  verigen::cli::register_inv(app, exit_code);
  drop_empty_list_defaults(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    // CLI11 returns 0 for --help/--version; usage errors are exit code 2 by our contract.
    return code == 0 ? 0 : verigen::cli::kExitBadInput;
  }
  return exit_code;
}
