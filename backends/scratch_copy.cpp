#include "backends/scratch_copy.h"

#include <stdlib.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <utility>

#include "core/file_io.h"

namespace verigen {
namespace fs = std::filesystem;

Result<ScratchCopy> ScratchCopy::create(const std::string& display_path, const std::string& text,
                                        const std::string& extension,
                                        const std::string& directory) {
  ScratchCopy copy;  // removes what it owns if it is not returned
  std::string& path_ = copy.path_;
  std::string& owned_directory_ = copy.owned_directory_;
  std::string& owned_file_ = copy.owned_file_;
  auto on_disk = read_file(display_path);
  if (on_disk.ok() && *on_disk == text && fs::path(display_path).extension() == extension) {
    path_ = display_path;
    return copy;
  }
  std::string dir = directory;
  if (dir.empty()) {
    std::string pattern = (fs::temp_directory_path() / "verigen-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) return fail("cannot create a temporary directory");
    dir = owned_directory_ = pattern;
  }
  std::string stem = fs::path(display_path).stem().string();
  if (owned_directory_.empty()) {
    // A copy beside the user's files needs a name of its own; Lean takes module names from
    // file names, so it stays an identifier.
    for (auto& c : stem)
      if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_') c = '_';
    if (stem.empty() || std::isdigit(static_cast<unsigned char>(stem[0])))
      stem = "Candidate" + stem;
    // Several copies of one file may exist at once (parallel candidates): each gets a number.
    static std::atomic<unsigned> counter{0};
    path_ = (fs::path(dir) / ("VerigenCandidate_" + std::to_string(::getpid()) + "_" +
                              std::to_string(counter++) + "_" + stem + extension))
                .string();
    owned_file_ = path_;
  } else {
    // In a fresh directory the user's own base name is kept: F* requires `module A` to live
    // in A.fst.
    if (stem.empty()) stem = "Candidate";
    path_ = (fs::path(dir) / (stem + extension)).string();
  }
  auto written = write_file_atomic(path_, text);
  if (!written.ok()) return fail(written.error());
  return copy;
}

ScratchCopy::ScratchCopy(ScratchCopy&& other) noexcept
    : path_(std::move(other.path_)),
      owned_directory_(std::exchange(other.owned_directory_, {})),
      owned_file_(std::exchange(other.owned_file_, {})) {}

ScratchCopy::~ScratchCopy() {
  std::error_code ignored;
  if (!owned_file_.empty()) fs::remove(owned_file_, ignored);
  if (!owned_directory_.empty()) fs::remove_all(owned_directory_, ignored);
}

}  // namespace verigen
