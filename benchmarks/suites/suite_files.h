#pragma once
/// Small helpers the suite loaders share: listing a dataset folder, reading its files.

#include <string>
#include <vector>

#include "core/result.h"

namespace verigen::bench {

/// The regular files directly in `dir` whose names end with `suffix`, as full paths sorted by
/// name. Names are taken as bytes (spaces and non-ASCII characters pass through untouched).
/// Fails, naming `dir`, when it is missing or not a directory.
Result<std::vector<std::string>> list_files(const std::string& dir, const std::string& suffix);

/// The sub-directories directly in `dir`, as names sorted; Failure as list_files().
Result<std::vector<std::string>> list_dirs(const std::string& dir);

}  // namespace verigen::bench
