#include "backends/scratch_copy.h"

#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <random>
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
    // file names, so it is an identifier: ASCII letters, digits and `_`, starting with a letter.
    for (auto& c : stem)
      if (!std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) > 127)
        c = '_';
    // Parallel verifications (of one candidate text or of several tasks of one problem) and
    // other verigen processes sharing the folder each get a file no one else has: a random
    // name, created exclusively, so no run ever reads another run's candidate.
    std::random_device random;
    for (int attempt = 0;; ++attempt) {
      char suffix[17];
      std::snprintf(suffix, sizeof suffix, "%08x%08x", random(), random());
      path_ = (fs::path(dir) / ("VerigenCandidate_" + stem + "_" + suffix + extension)).string();
      int fd = ::open(path_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
      if (fd >= 0) {
        owned_file_ = path_;
        std::size_t done = 0;
        while (done < text.size()) {
          ssize_t n = ::write(fd, text.data() + done, text.size() - done);
          if (n <= 0) {
            ::close(fd);
            return fail(path_ + ": error: cannot write the candidate");
          }
          done += static_cast<std::size_t>(n);
        }
        ::close(fd);
        return copy;
      }
      if (errno != EEXIST || attempt == 100)
        return fail(path_ + ": error: cannot create: " + std::strerror(errno));
    }
  }
  // In a fresh directory the user's own base name is kept: F* requires `module A` to live
  // in A.fst.
  if (stem.empty()) stem = "Candidate";
  path_ = (fs::path(dir) / (stem + extension)).string();
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
