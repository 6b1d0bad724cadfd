#include "backends/lean/lean_toolchain.h"

#include <filesystem>
#include <nlohmann/json.hpp>
#include <regex>

#include "core/file_io.h"
#include "core/json_fields.h"

namespace verigen::lean {

Result<LeanToolchain> probe_lean_toolchain(ProcessRunner& runner, const std::string& project,
                                           Deadline deadline) {
  LeanToolchain found;
  ProcessSpec spec;
  spec.argv = {"lean", "--version"};
  spec.working_directory = project;
  spec.deadline = deadline;
  auto run = runner.run(spec);
  if (run.status == ProcessResult::Status::NotFound)
    return fail("lean: error: lean not found on PATH");
  static const std::regex kVersion(R"(version (\d+\.\d+\.\d+[^,\s]*))");
  std::smatch m;
  if (!run.exited() || run.exit_code != 0 || !std::regex_search(run.out, m, kVersion))
    return fail("lean: error: `lean --version` gave no version (" + run.describe() + ")");
  found.lean_version = m[1];
  const auto manifest = (std::filesystem::path(project) / "lake-manifest.json").string();
  auto text = read_file(manifest);
  if (!text.ok()) return fail(manifest + ": error: cannot read the Lake manifest");
  auto j = nlohmann::json::parse(*text, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return fail(manifest + ": error: not a JSON object");
  const auto& packages = json_field(j, "packages");
  if (packages.is_array())
    for (const auto& p : packages)
      if (json_string(p, "name") == "mathlib") {
        found.mathlib_revision = json_string(p, "inputRev");
        if (found.mathlib_revision.empty()) found.mathlib_revision = json_string(p, "rev");
      }
  return found;
}

std::string toolchain_mismatch(const LeanToolchain& found, const std::string& lean_version,
                               const std::string& mathlib_revision) {
  if (found.lean_version == lean_version && found.mathlib_revision == mathlib_revision) return "";
  return "lean: error: expected Lean " + lean_version + " with Mathlib " + mathlib_revision +
         ", found Lean " + found.lean_version + " with Mathlib " +
         (found.mathlib_revision.empty() ? "(none)" : found.mathlib_revision);
}

}  // namespace verigen::lean
