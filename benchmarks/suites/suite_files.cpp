#include "benchmarks/suites/suite_files.h"

#include <algorithm>
#include <filesystem>

namespace verigen::bench {
namespace fs = std::filesystem;

namespace {

Result<std::vector<fs::directory_entry>> entries(const std::string& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec))
    return fail(dir + ": error: no such dataset folder (set --data DIR or $VERIGEN_DATA)");
  std::vector<fs::directory_entry> out;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
    out.push_back(*it);
  if (ec) return fail(dir + ": error: cannot list: " + ec.message());
  return out;
}

}  // namespace

Result<std::vector<std::string>> list_files(const std::string& dir, const std::string& suffix) {
  auto all = entries(dir);
  if (!all.ok()) return fail(all.error());
  std::vector<std::string> out;
  for (const auto& e : *all) {
    // native() rather than string(): file names are bytes, whatever the locale says.
    const std::string name = e.path().filename().native();
    std::error_code ec;
    if (e.is_regular_file(ec) && name.size() >= suffix.size() &&
        name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0)
      out.push_back(e.path().native());
  }
  std::sort(out.begin(), out.end());
  return out;
}

Result<std::vector<std::string>> list_dirs(const std::string& dir) {
  auto all = entries(dir);
  if (!all.ok()) return fail(all.error());
  std::vector<std::string> out;
  for (const auto& e : *all) {
    std::error_code ec;
    if (e.is_directory(ec)) out.push_back(e.path().filename().native());
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace verigen::bench
