#pragma once
/// Where `verigen check` reads generated files, certificates and certified sources from: the
/// working tree, or git's index (what the next commit will hold).

#include <filesystem>
#include <optional>
#include <string>

#include "core/result.h"

namespace verigen {

class FileTree {
 public:
  virtual ~FileTree() = default;

  /// The content of `path`; nullopt when the tree holds no such file; a Failure (one line
  /// naming the path) when it exists but cannot be read.
  virtual Result<std::optional<std::string>> read(const std::string& path) = 0;

  /// `path` in the one spelling this tree uses for it, so that two spellings of one file
  /// compare equal and paths relative to each other can be computed. A Failure when the path
  /// cannot belong to the tree.
  virtual Result<std::filesystem::path> locate(const std::string& path) = 0;

  /// Words telling the user which tree a missing file is missing from ("" or "from the index").
  virtual std::string where() const = 0;
};

/// The files on disk. Relative paths are relative to the current directory; locate() gives the
/// absolute path with symbolic links resolved as far as it exists.
class WorkingTree : public FileTree {
 public:
  Result<std::optional<std::string>> read(const std::string& path) override;
  Result<std::filesystem::path> locate(const std::string& path) override;
  std::string where() const override { return ""; }
};

}  // namespace verigen
