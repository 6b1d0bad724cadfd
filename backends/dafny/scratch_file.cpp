#include "backends/dafny/scratch_file.h"

#include <stdlib.h>

#include <filesystem>

#include "core/file_io.h"

namespace verigen::dafny {
namespace fs = std::filesystem;

ScratchFile::ScratchFile(const std::string& display_path, const std::string& text) {
  std::string pattern = (fs::temp_directory_path() / "verigen-XXXXXX").string();
  if (::mkdtemp(pattern.data()) == nullptr) {
    error_ = "cannot create a temporary directory in " + fs::temp_directory_path().string();
    return;
  }
  directory_ = pattern;
  std::string base = fs::path(display_path).filename().string();
  if (base.empty() || base[0] == '-' || base[0] == '.') base = "candidate" + base;
  if (fs::path(base).extension() != ".dfy") base += ".dfy";
  path_ = (fs::path(directory_) / base).string();
  auto written = write_file_atomic(path_, text);
  if (!written.ok()) error_ = written.error();
}

ScratchFile::~ScratchFile() {
  if (directory_.empty()) return;
  std::error_code ignored;
  fs::remove_all(directory_, ignored);
}

}  // namespace verigen::dafny
