/// `verigen check [--staged] [FILE...]`: re-verifies generated code against its certificates
/// (pre-commit). `verigen hook install` lives in cmd_hook.cpp.

#include <filesystem>
#include <iostream>
#include <memory>
#include <variant>

#include "backends/verifier_stack.h"
#include "cli/commands.h"
#include "core/file_io.h"
#include "deliver/certificate.h"
#include "deliver/generated_check.h"
#include "deliver/git_index.h"

namespace verigen::cli {
namespace {
namespace fs = std::filesystem;

struct CheckOptions {
  std::vector<std::string> files;
  bool staged = false;
  std::string key_file;
  double timeout = 600;
  bool no_cache = false;
};

/// Every file git knows in this repository (tracked, or new and not ignored) that carries a
/// certificate marker; nullopt when this is not a git repository.
std::optional<std::vector<std::string>> marked_files_in_repository() {
  SubprocessRunner runner;
  ProcessSpec spec;
  spec.argv = {"git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"};
  spec.deadline = Deadline::after(std::chrono::seconds(60));
  spec.output_cap = 256u << 20;
  auto listing = runner.run(spec);
  if (!listing.exited() || listing.exit_code != 0) return std::nullopt;
  std::vector<std::string> marked;
  std::size_t pos = 0;
  while (pos < listing.out.size()) {
    auto end = listing.out.find('\0', pos);
    if (end == std::string::npos) end = listing.out.size();
    std::string file = listing.out.substr(pos, end - pos);
    pos = end + 1;
    std::error_code ec;
    if (file.empty() || !fs::is_regular_file(file, ec) || fs::file_size(file, ec) > (8u << 20))
      continue;
    auto text = read_file(file);
    if (text.ok() && text->find(kCertificateMarker) != std::string::npos) marked.push_back(file);
  }
  return marked;
}

/// The files to check in the working tree: those named that carry a marker (hooks may pass
/// every staged file), or every marked file of the repository. Exit code on failure.
std::variant<std::vector<std::string>, int> working_tree_files(const CheckOptions& options) {
  if (options.files.empty()) {
    auto found = marked_files_in_repository();
    if (!found) {
      std::cerr << "verigen check: error: not inside a git repository (name the files to check)\n";
      return kExitBadInput;
    }
    return *found;
  }
  std::vector<std::string> files;
  for (const auto& file : options.files) {
    auto text = read_file(file);
    if (!text.ok()) {
      std::cerr << text.error() << "\n";
      return kExitBadInput;
    }
    if (text->find(kCertificateMarker) != std::string::npos) files.push_back(file);
  }
  return files;
}

/// The files to check in the index (paths from the top of the work tree): the staged files
/// named that carry a marker, or every staged file that does. Exit code on failure.
std::variant<std::vector<std::string>, int> staged_files(const CheckOptions& options,
                                                         GitIndex& index) {
  if (options.files.empty()) {
    auto found = index.files_containing(kCertificateMarker);
    if (!found.ok()) {
      std::cerr << found.error() << "\n";
      return kExitBadInput;
    }
    return *found;
  }
  std::vector<std::string> files;
  for (const auto& file : options.files) {
    auto path = index.from_command_line(file);
    if (!path.ok()) {
      std::cerr << path.error() << "\n";
      return kExitBadInput;
    }
    auto text = index.read(*path);
    if (!text.ok()) {
      std::cerr << text.error() << "\n";
      return kExitBadInput;
    }
    // A file the index does not hold is not part of the commit.
    if (*text && (*text)->find(kCertificateMarker) != std::string::npos) files.push_back(*path);
  }
  return files;
}

int check_files(const CheckOptions& options) {
  auto key = CertificateKey::configured(options.key_file);
  if (!key.ok()) {
    std::cerr << key.error() << "\n";
    return kExitBadInput;
  }
  SubprocessRunner runner;
  std::unique_ptr<FileTree> tree;
  std::variant<std::vector<std::string>, int> selected;
  if (options.staged) {
    auto index = GitIndex::open(runner);
    if (!index.ok()) {
      std::cerr << index.error() << "\n";
      return kExitBadInput;
    }
    selected = staged_files(options, **index);
    tree = std::move(*index);
  } else {
    selected = working_tree_files(options);
    tree = std::make_unique<WorkingTree>();
  }
  if (auto* code = std::get_if<int>(&selected)) return *code;
  const auto& files = std::get<std::vector<std::string>>(selected);

  // Certified sources are Dafny programs.
  VerifierOptions verifier_options;
  verifier_options.use_cache = !options.no_cache;
  auto verifier = make_verifier(Language::Dafny, runner, verifier_options);
  if (!verifier.ok()) {
    std::cerr << "verigen check: error: " << verifier.error() << "\n";
    return kExitBadInput;
  }
  Backend& backend = (*verifier)->backend();

  int problems = 0;
  const std::string missing = (*verifier)->missing();
  bool tool_missing = !missing.empty();
  for (const auto& file : files) {
    for (const auto& d :
         check_generated_file(file, *tree, backend, Deadline::after_seconds(options.timeout),
                              *key ? &**key : nullptr)) {
      std::cout << format_diagnostic(d) << "\n";
      ++problems;
    }
  }
  if (tool_missing) {
    std::cout << missing << "\n";
    return kExitToolMissing;
  }
  std::cout << "verigen check: " << files.size() << (options.staged ? " staged" : "")
            << " generated file(s), " << problems << " problem(s)\n";
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

}  // namespace

void register_check(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<CheckOptions>();
  auto* cmd = app.add_subcommand("check", "Re-verify generated code against its certificates");
  cmd->add_option("files", options->files,
                  "Files to check (default: every marked file in the repository)");
  cmd->add_flag("--staged", options->staged,
                "Check what the next commit holds (git's index), not the working copy; the "
                "pre-commit hook's mode");
  cmd->add_option("--key-file", options->key_file,
                  "Certificate key (HMAC-SHA256): accept only certificates with its MAC (default "
                  "$VERIGEN_CERT_KEY_FILE, else the key in $VERIGEN_CERT_KEY)");
  cmd->add_flag("--no-cache", options->no_cache, "Neither read nor write the verification cache");
  cmd->add_option("--timeout", options->timeout, "Wall-clock limit per verification, seconds")
      ->check(CLI::NonNegativeNumber);
  cmd->callback([options, &exit_code] { exit_code = run_check(*options); });
  register_hook(app, exit_code);
}

}  // namespace verigen::cli
