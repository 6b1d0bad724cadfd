#include "core/process_verdict.h"

namespace verigen {

std::optional<Verdict> verdict_for_unfinished_run(const ProcessResult& run,
                                                  const std::string& tool) {
  using Status = ProcessResult::Status;
  switch (run.status) {
    case Status::NotFound:
      return Verdict::error(Cause::ToolNotFound, run.describe());
    case Status::StartFailed:
      return Verdict::error(Cause::ToolCrashed, run.describe());
    case Status::TimedOut:
      return Verdict::unknown(Cause::Timeout,
                              tool + ": wall-clock deadline reached, " + run.describe());
    case Status::Signaled:
      return Verdict::error(Cause::ToolCrashed, tool + " " + run.describe());
    case Status::Exited:
      return std::nullopt;
  }
  return Verdict::error(Cause::Internal, tool + ": unknown process status");
}

std::string output_tail(const std::string& text, std::size_t limit) {
  std::string t = text.size() > limit ? text.substr(text.size() - limit) : text;
  while (!t.empty() && (t.back() == '\n' || t.back() == ' ')) t.pop_back();
  for (auto& c : t)
    if (c == '\n') c = ' ';
  return t;
}

}  // namespace verigen
