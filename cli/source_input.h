#pragma once
/// Reading a source file named on the command line, with the checks every command shares.

#include <string>

#include "core/result.h"
#include "core/task.h"

namespace verigen::cli {

/// A source file that passed the checks.
struct SourceFile {
  std::string path;
  Language language = Language::Dafny;
  std::string text;
};

/// Reads `path` and checks it: it exists and is a readable regular file, it is not empty, it is
/// valid UTF-8, and its extension names a supported language. Failures are one line:
/// "path: error: ..." or "path:line:col: error: ..." for a bad byte.
Result<SourceFile> read_source(const std::string& path);

}  // namespace verigen::cli
