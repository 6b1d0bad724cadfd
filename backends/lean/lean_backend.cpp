#include "backends/lean/lean_backend.h"

#include <algorithm>
#include <filesystem>
#include <regex>

#include "backends/lean/lean_output.h"
#include "backends/scratch_copy.h"

namespace verigen::lean {
namespace fs = std::filesystem;

const char* const kInstallHint =
    "install Lean 4 with elan (https://github.com/leanprover/elan) and put lean and lake on PATH";

std::string find_lake_project(const std::string& file) {
  std::error_code ec;
  for (fs::path dir = fs::absolute(file, ec).parent_path(); !dir.empty(); dir = dir.parent_path()) {
    if (fs::exists(dir / "lakefile.lean", ec) || fs::exists(dir / "lakefile.toml", ec))
      return dir.string();
    if (dir == dir.parent_path()) break;
  }
  return {};
}

std::vector<std::string> LeanBackend::command(const std::string& file, const std::string& project) {
  if (!project.empty()) return {"lake", "env", "lean", "--json", file};
  return {"lean", "--json", file};
}

std::string LeanBackend::version() {
  return version_within(Deadline::after(std::chrono::seconds(60)));
}

std::string LeanBackend::version_within(Deadline deadline) {
  std::lock_guard<std::mutex> lock(version_mutex_);
  if (version_known_) return version_;
  {
    ProcessSpec spec;
    spec.argv = {"lean", "--version"};
    spec.deadline = Deadline::after(
        std::min<std::chrono::milliseconds>(deadline.remaining(), std::chrono::seconds(60)));
    auto run = runner_.run(spec);
    if (!run.exited() && run.status != ProcessResult::Status::NotFound) return version_;
    version_known_ = true;
    static const std::regex kVersion(R"(version (\d+\.\d+\.\d+[^,\s]*))");
    std::smatch m;
    if (run.exited() && run.exit_code == 0 && std::regex_search(run.out, m, kVersion))
      version_ = m[1];
  }
  return version_;
}

Verdict LeanBackend::do_verify(const Candidate& candidate, Deadline deadline) {
  std::string project = options_.project_dir.empty() ? find_lake_project(candidate.display_path)
                                                     : options_.project_dir;
  // Inside a project the copy must live in it, so its imports resolve.
  auto file = ScratchCopy::create(candidate.display_path, candidate.text, ".lean", project);
  if (!file.ok()) return Verdict::error(Cause::Internal, file.error());
  ProcessSpec spec;
  spec.argv = command(fs::absolute(file->path()).string(), project);
  spec.working_directory = project;
  spec.deadline = deadline.is_never() ? Deadline::after(std::chrono::minutes(20)) : deadline;
  auto run = runner_.run(spec);
  if (run.status == ProcessResult::Status::NotFound)
    return Verdict::error(Cause::ToolNotFound, std::string("lean: error: ") + spec.argv[0] +
                                                   " not found on PATH; " + kInstallHint);
  TrustChecks checks;
  auto line_of = [&](std::size_t offset) {
    return 1 + static_cast<int>(std::count(
                   candidate.text.begin(),
                   candidate.text.begin() +
                       static_cast<std::ptrdiff_t>(std::min(offset, candidate.text.size())),
                   '\n'));
  };
  for (const auto& [begin, end] : candidate.answer_regions)
    checks.answer_lines.emplace_back(line_of(begin), line_of(end > begin ? end - 1 : begin));
  checks.axioms_expected = candidate.text.find("\n#print axioms ") != std::string::npos;
  Verdict v = interpret_lean_run(
      run, PathMapping{fs::absolute(file->path()).string(), candidate.display_path}, checks);
  const std::string probed = version_within(spec.deadline);
  v.tool_version = probed.empty() ? "lean" : "lean " + probed;
  v.elapsed = run.elapsed;
  return v;
}

}  // namespace verigen::lean
