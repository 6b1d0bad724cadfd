#pragma once
/// Reading and writing files with errors a user can act on.

#include <string>

#include "core/result.h"

namespace verigen {

/// Reads a whole file. Fails with "PATH: error: ..." for a missing file, a directory, an
/// unreadable file. An empty file is read as "" (callers decide whether that is an error).
Result<std::string> read_file(const std::string& path);

/// Writes `content` to `path` atomically: a temporary file in the same directory, then
/// rename(2), so a reader never sees a partial file and a crash leaves no partial entry.
Result<void> write_file_atomic(const std::string& path, const std::string& content);

/// True when `text` is valid UTF-8; `bad_offset` receives the first bad byte's offset.
bool is_valid_utf8(const std::string& text, std::size_t* bad_offset = nullptr);

}  // namespace verigen
