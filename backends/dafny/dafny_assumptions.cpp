#include "backends/dafny/dafny_assumptions.h"

#include <filesystem>

#include "backends/dafny/dafny_audit.h"
#include "backends/scratch_copy.h"
#include "core/hash.h"
#include "specs/dafny/assumption_scan.h"

namespace verigen::dafny {
namespace fs = std::filesystem;
namespace {

/// Names the declaration of each finding in `file` (shown as `display`) that came without one:
/// Dafny's warnings do not say, and matching and trusting go by declaration.
void name_declarations(std::vector<Assumption>& found, const std::string& display,
                       const std::string& text) {
  for (auto& a : found)
    if (a.declaration.empty() && a.where.file == display)
      a.declaration = declaration_at(text, a.where.line, a.where.column);
}

}  // namespace

Result<std::vector<Assumption>> AssumptionFinder::find(const std::string& text,
                                                       const std::string& tool_path,
                                                       const std::string& display_path,
                                                       const std::vector<IncludedFile>& included,
                                                       Deadline deadline) {
  std::vector<Assumption> found = scan_dafny_assumptions(text, display_path);
  std::vector<std::string> files = {tool_path};
  for (const auto& f : included) {
    auto more = scan_dafny_assumptions(f.text, f.path);
    found.insert(found.end(), more.begin(), more.end());
    files.push_back(f.path);
  }
  auto audited =
      run_dafny_audit(runner_, dafny_, files, PathMapping{tool_path, display_path}, deadline);
  if (!audited.ok()) return fail(audited.error());
  found.insert(found.end(), audited->begin(), audited->end());
  name_declarations(found, display_path, text);
  for (const auto& f : included) name_declarations(found, f.path, f.text);
  return found;
}

std::vector<Assumption> AssumptionFinder::find_in_original(const std::string& original,
                                                           const std::string& display_path,
                                                           Deadline deadline) {
  const std::string key = sha256_hex(display_path + "\n" + original);
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (auto it = originals_.find(key); it != originals_.end()) return it->second;
  }
  std::vector<Assumption> found = scan_dafny_assumptions(original, display_path);
  auto included = collect_includes(original, display_path);
  if (included.ok()) {
    for (const auto& f : *included) {
      auto more = scan_dafny_assumptions(f.text, f.path);
      found.insert(found.end(), more.begin(), more.end());
    }
    std::string folder = fs::path(display_path).parent_path().string();
    auto copy = ScratchCopy::create(display_path.empty() ? "original.dfy" : display_path, original,
                                    ".dfy", included->empty() ? std::string() : folder);
    if (copy.ok()) {
      std::vector<std::string> files = {copy->path()};
      for (const auto& f : *included) files.push_back(f.path);
      auto audited = run_dafny_audit(runner_, dafny_, files,
                                     PathMapping{copy->path(), display_path}, deadline);
      if (audited.ok()) found.insert(found.end(), audited->begin(), audited->end());
    }
    name_declarations(found, display_path, original);
    for (const auto& f : *included) name_declarations(found, f.path, f.text);
  }
  std::lock_guard<std::mutex> lock(mutex_);
  originals_[key] = found;
  return found;
}

}  // namespace verigen::dafny
