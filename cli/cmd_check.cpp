/// `verigen check [FILE...]`: re-verifies generated code against its certificates (pre-commit).
/// `verigen hook install [--force]`: installs a git pre-commit hook that runs `verigen check`.

#include <unistd.h>

#include <filesystem>
#include <iostream>
#include <memory>

#include "backends/dafny/dafny_backend.h"
#include "cli/commands.h"
#include "core/caching_backend.h"
#include "core/file_io.h"
#include "gen/certificate.h"
#include "gen/generated_check.h"

namespace verigen::cli {
namespace {
namespace fs = std::filesystem;

struct CheckOptions {
  std::vector<std::string> files;
  double timeout = 600;
};

/// Runs git with `args` in the current directory; nullopt when git fails (not a repository).
std::optional<std::string> git(const std::vector<std::string>& args) {
  SubprocessRunner runner;
  ProcessSpec spec;
  spec.argv = {"git"};
  spec.argv.insert(spec.argv.end(), args.begin(), args.end());
  spec.deadline = Deadline::after(std::chrono::seconds(60));
  auto result = runner.run(spec);
  if (!result.exited() || result.exit_code != 0) return std::nullopt;
  return result.out;
}

/// Every file git knows in this repository (tracked, or new and not ignored) that carries a
/// certificate marker.
std::optional<std::vector<std::string>> marked_files_in_repository() {
  auto listing = git({"ls-files", "-z", "--cached", "--others", "--exclude-standard"});
  if (!listing) return std::nullopt;
  std::vector<std::string> marked;
  std::size_t pos = 0;
  while (pos < listing->size()) {
    auto end = listing->find('\0', pos);
    if (end == std::string::npos) end = listing->size();
    std::string file = listing->substr(pos, end - pos);
    pos = end + 1;
    std::error_code ec;
    if (file.empty() || !fs::is_regular_file(file, ec) || fs::file_size(file, ec) > (8u << 20)) continue;
    auto text = read_file(file);
    if (text.ok() && text->find(kCertificateMarker) != std::string::npos) marked.push_back(file);
  }
  return marked;
}

int check_files(const CheckOptions& options) {
  std::vector<std::string> files;
  if (options.files.empty()) {
    auto found = marked_files_in_repository();
    if (!found) {
      std::cerr << "verigen check: error: not inside a git repository (name the files to check)\n";
      return kExitBadInput;
    }
    files = *found;
  } else {
    // Hooks pass every staged file: only those carrying a marker are generated code.
    for (const auto& file : options.files) {
      auto text = read_file(file);
      if (!text.ok()) {
        std::cerr << text.error() << "\n";
        return kExitBadInput;
      }
      if (text->find(kCertificateMarker) != std::string::npos) files.push_back(file);
    }
  }

  SubprocessRunner runner;
  VerificationCache cache(VerificationCache::default_directory());
  dafny::DafnyOptions dafny_options;
  dafny_options.version_memo_dir = cache.directory() + "/tools";
  dafny::DafnyBackend dafny(runner, dafny_options);
  CachingBackend backend(dafny, cache);

  int problems = 0;
  bool tool_missing = !dafny.tool_error().empty();
  for (const auto& file : files) {
    for (const auto& d : check_generated_file(file, backend, Deadline::after_seconds(options.timeout))) {
      std::cout << format_diagnostic(d) << "\n";
      ++problems;
    }
  }
  if (tool_missing) {
    std::cout << dafny.tool_error() << "\n";
    return kExitToolMissing;
  }
  std::cout << "verigen check: " << files.size() << " generated file(s), " << problems << " problem(s)\n";
  return problems == 0 ? kExitOk : kExitNotVerified;
}

/// check_files() behind an exception fence: a hook must get a clear line and an exit code,
/// never an abort.
int run_check(const CheckOptions& options) {
  try {
    return check_files(options);
  } catch (const std::exception& e) {
    std::cerr << "verigen check: error: internal error: " << e.what() << "\n";
    return kExitToolMissing;
  }
}

/// The pre-commit hook script; it names the verigen binary that installed it.
std::string hook_script(const std::string& binary) {
  return "#!/bin/sh\n"
         "# Installed by 'verigen hook install': blocks commits whose generated code no longer\n"
         "# matches its verigen certificate or whose certified source no longer verifies.\n"
         "exec '" + binary + "' check\n";
}

int run_hook_install(bool force) {
  auto hooks = git({"rev-parse", "--git-path", "hooks"});
  if (!hooks) {
    std::cerr << "verigen hook install: error: not inside a git repository\n";
    return kExitBadInput;
  }
  std::string dir = *hooks;
  while (!dir.empty() && (dir.back() == '\n' || dir.back() == '\r')) dir.pop_back();
  const std::string hook = dir + "/pre-commit";
  auto existing = read_file(hook);
  if (existing.ok() && existing->find("verigen hook install") == std::string::npos && !force) {
    std::cerr << hook << ": error: a different pre-commit hook exists; add 'verigen check' to it, "
              << "or use --force to replace it\n";
    return kExitBadInput;
  }
  std::error_code ec;
  std::string binary = fs::canonical("/proc/self/exe", ec).string();
  if (ec) binary = "verigen";
  auto written = write_file_atomic(hook, hook_script(binary));
  if (!written.ok()) {
    std::cerr << written.error() << "\n";
    return kExitBadInput;
  }
  fs::permissions(hook, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                            fs::perms::others_read | fs::perms::others_exec, ec);
  std::cout << "installed " << hook << "\n";
  return kExitOk;
}

}  // namespace

void register_check(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<CheckOptions>();
  auto* cmd = app.add_subcommand("check", "Re-verify generated code against its certificates");
  cmd->add_option("files", options->files, "Files to check (default: every marked file in the repository)");
  cmd->add_option("--timeout", options->timeout, "Wall-clock limit per verification, seconds")
      ->check(CLI::NonNegativeNumber);
  cmd->callback([options, &exit_code] { exit_code = run_check(*options); });

  auto force = std::make_shared<bool>(false);
  auto* hook = app.add_subcommand("hook", "Manage the git pre-commit hook");
  hook->require_subcommand(1);
  auto* install = hook->add_subcommand("install", "Install a pre-commit hook running 'verigen check'");
  install->add_flag("--force", *force, "Replace an existing pre-commit hook");
  install->callback([force, &exit_code] { exit_code = run_hook_install(*force); });
}

}  // namespace verigen::cli
