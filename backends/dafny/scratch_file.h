#pragma once
/// A private temporary copy of a candidate's text, removed when it goes out of scope.

#include <string>

#include "core/result.h"

namespace verigen::dafny {

/// Owns a fresh directory under $TMPDIR holding one file with the candidate's text. The file
/// keeps the display name's base name (Dafny insists on the .dfy extension and names the file
/// in its messages), so what the user reads matches what they wrote.
class ScratchFile {
 public:
  /// Creates the directory and writes `text` to it; see ok()/error().
  ScratchFile(const std::string& display_path, const std::string& text);
  ~ScratchFile();
  ScratchFile(const ScratchFile&) = delete;
  ScratchFile& operator=(const ScratchFile&) = delete;

  bool ok() const { return error_.empty(); }
  const std::string& error() const { return error_; }
  const std::string& path() const { return path_; }
  const std::string& directory() const { return directory_; }

 private:
  std::string directory_;
  std::string path_;
  std::string error_;
};

}  // namespace verigen::dafny
