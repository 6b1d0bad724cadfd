/// `verigen hook install [--force]`: installs a git pre-commit hook that runs
/// `verigen check --staged`; with --force an existing hook is kept and chained, never lost.

#include <filesystem>
#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "core/file_io.h"
#include "core/process.h"

namespace verigen::cli {
namespace {
namespace fs = std::filesystem;

/// Identifies hooks written by this command (so a re-install replaces them).
constexpr const char* kHookSignature = "Installed by 'verigen hook install'";

/// `text` as one single-quoted sh word.
std::string sh_quote(const std::string& text) {
  std::string quoted = "'";
  for (char c : text) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

/// The pre-commit hook script; it names the verigen binary that installed it. A hook that was
/// there before runs first, with the same arguments, and its failure blocks the commit.
std::string hook_script(const std::string& binary) {
  return std::string("#!/bin/sh\n# ") + kHookSignature +
         ": blocks commits whose staged generated code no\n"
         "# longer matches its verigen certificate or whose certified source no longer verifies.\n"
         "# The hook that was here before, if any, was kept as pre-commit.legacy and runs first.\n"
         "legacy=\"$(dirname \"$0\")/pre-commit.legacy\"\n"
         "if [ -x \"$legacy\" ]; then\n"
         "  \"$legacy\" \"$@\" || exit $?\n"
         "fi\n"
         "exec " +
         sh_quote(binary) + " check --staged\n";
}

/// The hooks folder of the repository holding the current directory (core.hooksPath aware).
Result<std::string> hooks_directory() {
  SubprocessRunner runner;
  ProcessSpec spec;
  spec.argv = {"git", "rev-parse", "--git-path", "hooks"};
  spec.deadline = Deadline::after(std::chrono::seconds(60));
  auto r = runner.run(spec);
  if (!r.exited() || r.exit_code != 0)
    return fail("verigen hook install: error: not inside a git repository");
  std::string dir = r.out;
  while (!dir.empty() && (dir.back() == '\n' || dir.back() == '\r')) dir.pop_back();
  return dir;
}

/// True when something (a file, or a link, even a dangling one) is at `path`.
bool present(const fs::path& path) {
  std::error_code ec;
  return fs::symlink_status(path, ec).type() != fs::file_type::not_found && !ec;
}

int run_hook_install(bool force) {
  auto dir = hooks_directory();
  if (!dir.ok()) {
    std::cerr << dir.error() << "\n";
    return kExitBadInput;
  }
  std::error_code ec;
  fs::create_directories(*dir, ec);
  const fs::path hook = fs::path(*dir) / "pre-commit";
  const fs::path legacy = fs::path(*dir) / "pre-commit.legacy";
  if (present(hook)) {
    auto existing = read_file(hook.string());
    bool ours = existing.ok() && existing->find(kHookSignature) != std::string::npos;
    if (!ours && !force) {
      std::cerr << hook.string() << ": error: a different pre-commit hook exists; --force keeps it "
                << "(as pre-commit.legacy, run before verigen's check)\n";
      return kExitBadInput;
    }
    if (!ours) {
      if (present(legacy)) {
        std::cerr << legacy.string() << ": error: exists already beside a different pre-commit "
                  << "hook; merge them by hand, then run verigen hook install again\n";
        return kExitBadInput;
      }
      fs::rename(hook, legacy, ec);
      if (ec) {
        std::cerr << hook.string() << ": error: cannot keep it as " << legacy.string() << ": "
                  << ec.message() << "\n";
        return kExitBadInput;
      }
      std::cout << "kept the existing hook as " << legacy.string() << "; it runs first\n";
    }
  }
  std::string binary = fs::canonical("/proc/self/exe", ec).string();
  if (ec) binary = "verigen";
  auto written = write_file_atomic(hook.string(), hook_script(binary));
  if (!written.ok()) {
    std::cerr << written.error() << "\n";
    return kExitBadInput;
  }
  fs::permissions(hook,
                  fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                      fs::perms::others_read | fs::perms::others_exec,
                  ec);
  std::cout << "installed " << hook.string() << "\n";
  return kExitOk;
}

}  // namespace

void register_hook(CLI::App& app, int& exit_code) {
  auto force = std::make_shared<bool>(false);
  auto* hook = app.add_subcommand("hook", "Manage the git pre-commit hook");
  hook->require_subcommand(1);
  auto* install =
      hook->add_subcommand("install", "Install a pre-commit hook running 'verigen check --staged'");
  install->add_flag("--force", *force,
                    "Install over a different pre-commit hook, keeping it as pre-commit.legacy "
                    "and running it first");
  install->callback([force, &exit_code] {
    try {
      exit_code = run_hook_install(*force);
    } catch (const std::exception& e) {
      std::cerr << "verigen hook install: error: " << e.what() << "\n";
      exit_code = kExitToolMissing;
    }
  });
}

}  // namespace verigen::cli
