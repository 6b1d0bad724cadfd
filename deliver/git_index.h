#pragma once
/// git's index as a FileTree: what the next commit will hold, read with git itself, so a
/// pre-commit check sees the staged bytes rather than the working copy.

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/process.h"
#include "deliver/file_tree.h"

namespace verigen {

class GitIndex : public FileTree {
 public:
  /// The index of the repository holding the current directory (GIT_INDEX_FILE is honoured,
  /// as git sets it for hooks of `commit -a` and `commit PATH`). A Failure when git is missing
  /// or this is not a work tree. `runner` must outlive the index.
  static Result<std::unique_ptr<GitIndex>> open(ProcessRunner& runner);

  /// Every staged file whose content contains `needle`, as paths from the top of the work tree.
  Result<std::vector<std::string>> files_containing(const std::string& needle);

  /// A path given on the command line (relative to the current directory, or absolute) as a
  /// path from the top of the work tree.
  Result<std::string> from_command_line(const std::string& path) const;

  /// Relative paths are from the top of the work tree. Reads the staged blob; nullopt when the
  /// index has no such entry; a Failure for an unmerged entry, a symbolic link or a submodule.
  Result<std::optional<std::string>> read(const std::string& path) override;
  /// The path from the top of the work tree, lexically normal; a Failure when it leaves it.
  Result<std::filesystem::path> locate(const std::string& path) override;
  std::string where() const override { return "from the index (not staged)"; }

 private:
  struct Entry {
    std::string mode;
    std::string blob;
    int stage = 0;
  };
  GitIndex(ProcessRunner& runner, std::filesystem::path top, std::string prefix)
      : runner_(runner), top_(std::move(top)), prefix_(std::move(prefix)) {}
  Result<std::string> git(const std::vector<std::string>& args, std::size_t cap = 8u << 20) const;
  Result<void> load_entries();

  ProcessRunner& runner_;
  std::filesystem::path top_;  ///< the work tree's top, absolute
  std::string prefix_;         ///< the current directory relative to top_ ("" or "a/b/")
  std::map<std::string, Entry> entries_;
};

}  // namespace verigen
