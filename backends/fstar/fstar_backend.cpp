#include "backends/fstar/fstar_backend.h"

#include <algorithm>
#include <filesystem>
#include <regex>

#include "backends/fstar/fstar_output.h"
#include "backends/scratch_copy.h"

namespace verigen::fstar {
namespace fs = std::filesystem;

const char* const kInstallHint =
    "install F* (https://github.com/FStarLang/FStar/releases, with its z3) and put fstar.exe on "
    "PATH";

std::string FStarBackend::options_fingerprint() const {
  std::string out = "include=";
  for (const auto& dir : options_.include_dirs) out += dir + ";";
  return out;
}

std::vector<std::string> FStarBackend::command(const std::string& file) const {
  std::vector<std::string> argv = {"fstar.exe", "--message_format", "json"};
  for (const auto& dir : options_.include_dirs) argv.insert(argv.end(), {"--include", dir});
  argv.push_back(file);
  return argv;
}

std::string FStarBackend::version() {
  return version_within(Deadline::after(std::chrono::seconds(60)));
}

std::string FStarBackend::version_within(Deadline deadline) {
  std::lock_guard<std::mutex> lock(version_mutex_);
  if (version_known_) return version_;
  {
    ProcessSpec spec;
    spec.argv = {"fstar.exe", "--version"};
    spec.deadline = Deadline::after(
        std::min<std::chrono::milliseconds>(deadline.remaining(), std::chrono::seconds(60)));
    auto run = runner_.run(spec);
    if (!run.exited() && run.status != ProcessResult::Status::NotFound) return version_;
    version_known_ = true;
    static const std::regex kVersion(R"(F\* (?:version )?([^\s]+))");
    std::smatch m;
    if (run.exited() && run.exit_code == 0 && std::regex_search(run.out, m, kVersion))
      version_ = m[1];
  }
  return version_;
}

Verdict FStarBackend::do_verify(const Candidate& candidate, Deadline deadline) {
  // F* ties module names to file names, so a copy keeps the user's file name in a fresh
  // directory (the directory is added to the include path for sibling modules).
  auto file = ScratchCopy::create(
      candidate.display_path, candidate.text,
      fs::path(candidate.display_path).extension() == ".fsti" ? ".fsti" : ".fst");
  if (!file.ok()) return Verdict::error(Cause::Internal, file.error());
  ProcessSpec spec;
  spec.argv = command(file->path());
  spec.deadline = deadline.is_never() ? Deadline::after(std::chrono::minutes(20)) : deadline;
  auto run = runner_.run(spec);
  if (run.status == ProcessResult::Status::NotFound)
    return Verdict::error(
        Cause::ToolNotFound,
        std::string("fstar: error: fstar.exe not found on PATH; ") + kInstallHint);
  Verdict v = interpret_fstar_run(run, PathMapping{file->path(), candidate.display_path});
  if (v.verified()) {
    // A warning inside the generator's own text is never harmless (an admitted query shows
    // only as a warning): the answer is not trusted.
    auto line_of = [&](std::size_t offset) {
      offset = std::min(offset, candidate.text.size());
      return 1 + static_cast<int>(std::count(
                     candidate.text.begin(),
                     candidate.text.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
    };
    std::string warning;
    for (const auto& d : v.diagnostics)
      for (const auto& [begin, end] : candidate.answer_regions)
        if (warning.empty() && d.severity == Severity::Warning && d.where.line >= line_of(begin) &&
            d.where.line <= line_of(end > begin ? end - 1 : begin))
          warning = format_diagnostic(d);
    if (!warning.empty()) {
      auto diagnostics = std::move(v.diagnostics);
      v = Verdict::rejected({});
      v.diagnostics = std::move(diagnostics);
      v.detail = "a warning in the answer: " + warning;
    }
  }
  const std::string probed = version_within(spec.deadline);
  v.tool_version = probed.empty() ? "fstar" : "fstar " + probed;
  v.elapsed = run.elapsed;
  return v;
}

}  // namespace verigen::fstar
