#include "deliver/file_tree.h"

#include "core/file_io.h"

namespace verigen {
namespace fs = std::filesystem;

Result<std::optional<std::string>> WorkingTree::read(const std::string& path) {
  std::error_code ec;
  if (!fs::exists(path, ec)) return std::optional<std::string>();
  auto text = read_file(path);
  if (!text.ok()) return fail(text.error());
  return std::optional<std::string>(std::move(*text));
}

Result<fs::path> WorkingTree::locate(const std::string& path) {
  // Never fs::absolute(""): it throws, and an empty parent path is what a file in the current
  // directory has (that aborted `check` run in the certificate's own folder).
  fs::path absolute = path;
  if (absolute.is_relative()) {
    std::error_code ec;
    fs::path cwd = fs::current_path(ec);
    if (ec) return fail("cannot read the current directory: " + ec.message());
    absolute = cwd / absolute;
  }
  std::error_code ec;
  fs::path canonical = fs::weakly_canonical(absolute, ec);
  return ec ? absolute.lexically_normal() : canonical.lexically_normal();
}

}  // namespace verigen
