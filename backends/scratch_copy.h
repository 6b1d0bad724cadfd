#pragma once
/// A candidate's text as a file a tool can read: the user's own file when it already holds
/// exactly that text (so relative imports resolve), else a private copy removed afterwards.

#include <optional>
#include <string>

#include "core/result.h"

namespace verigen {

class ScratchCopy {
 public:
  /// `display_path` is the user's name for the text; `extension` the one the tool insists on
  /// (".lean", ".fst"); `directory` where a copy goes ("" = a fresh directory under $TMPDIR,
  /// where the copy keeps the display name's base name). A Failure when it cannot be written.
  static Result<ScratchCopy> create(const std::string& display_path, const std::string& text,
                                    const std::string& extension,
                                    const std::string& directory = {});
  ~ScratchCopy();
  /// The new object owns (and will remove) what `other` owned.
  ScratchCopy(ScratchCopy&& other) noexcept;
  ScratchCopy& operator=(ScratchCopy&&) = delete;
  ScratchCopy(const ScratchCopy&) = delete;
  ScratchCopy& operator=(const ScratchCopy&) = delete;

  /// The file to give the tool.
  const std::string& path() const { return path_; }

 private:
  ScratchCopy() = default;

  std::string path_;
  std::string owned_directory_;
  std::string owned_file_;
};

}  // namespace verigen
