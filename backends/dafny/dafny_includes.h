#pragma once
/// The files a Dafny program includes: Dafny does not verify them unless asked to, and a
/// verdict that depends on them must cover their content.

#include <string>
#include <vector>

#include "core/result.h"

namespace verigen::dafny {

/// An included file, read.
struct IncludedFile {
  std::string path;  ///< as resolved (relative includes against the including file's folder)
  std::string text;
};

/// Every file `text` includes, directly or through other included files, each once, in
/// discovery order. Relative names resolve against the folder of the including file; for the
/// program itself that is the folder of `display_path` (the current folder when it has none).
/// A file that cannot be read is a Failure naming the including file, its line and the name.
Result<std::vector<IncludedFile>> collect_includes(const std::string& text,
                                                   const std::string& display_path);

/// A stable fingerprint of the included files' paths and contents, for cache keys; it differs
/// whenever any of them differs, and names an unreadable file instead of failing.
std::string includes_fingerprint(const std::string& text, const std::string& display_path);

}  // namespace verigen::dafny
