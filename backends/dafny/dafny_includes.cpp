#include "backends/dafny/dafny_includes.h"

#include <filesystem>
#include <set>

#include "core/file_io.h"
#include "core/hash.h"
#include "specs/dafny/assumption_scan.h"
#include "specs/source_span.h"

namespace verigen::dafny {
namespace fs = std::filesystem;

namespace {
// More included files than any real program has: refused instead of read without end.
constexpr std::size_t kMaxIncludes = 512;
}  // namespace

Result<std::vector<IncludedFile>> collect_includes(const std::string& text,
                                                   const std::string& display_path) {
  std::vector<IncludedFile> files;
  std::set<std::string> seen;
  std::error_code ec;
  seen.insert(fs::weakly_canonical(
                  display_path.empty() ? fs::path("<candidate>") : fs::path(display_path), ec)
                  .string());
  // Breadth-first: index 0 is the program itself, then files[i - 1] for i >= 1.
  for (std::size_t next = 0; next <= files.size(); ++next) {
    const std::string including = next == 0 ? display_path : files[next - 1].path;
    const std::string current = next == 0 ? text : files[next - 1].text;  // files may grow below
    const fs::path folder = fs::path(including).parent_path();
    for (const auto& directive : included_files(current)) {
      fs::path name(directive.file);
      fs::path path = name.is_absolute() || folder.empty() ? name : folder / name;
      if (!seen.insert(fs::weakly_canonical(path, ec).string()).second) continue;
      auto pos = position_of(current, directive.offset);
      std::string where = (including.empty() ? std::string("<candidate>") : including) + ":" +
                          std::to_string(pos.line) + ":" + std::to_string(pos.column);
      if (files.size() >= kMaxIncludes)
        return fail(where + ": error: more than " + std::to_string(kMaxIncludes) +
                    " included files");
      auto read = read_file(path.string());
      if (!read.ok())
        return fail(where + ": error: cannot read included file '" + directive.file + "' (" +
                    path.string() + ")");
      files.push_back({path.lexically_normal().string(), std::move(*read)});
    }
  }
  return files;
}

std::string includes_fingerprint(const std::string& text, const std::string& display_path) {
  auto files = collect_includes(text, display_path);
  if (!files.ok()) return "unreadable:" + files.error();
  std::string material;
  for (const auto& f : *files) material += f.path + "\n" + sha256_hex(f.text) + "\n";
  return material.empty() ? std::string() : sha256_hex(material);
}

}  // namespace verigen::dafny
