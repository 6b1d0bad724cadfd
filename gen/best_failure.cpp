#include "gen/best_failure.h"

#include <filesystem>
#include <tuple>

#include "core/file_io.h"
#include "core/verdict_json.h"

namespace verigen {
namespace fs = std::filesystem;

namespace {

/// Lower is closer to verifying.
std::tuple<int, std::size_t, int> distance(const CandidateRecord& r) {
  const Verdict& v = *r.verdict;
  int kind = !r.findings.empty()             ? 3
             : v.outcome == Outcome::Refuted ? 0
             : v.outcome == Outcome::Unknown ? 1
                                             : 2;
  std::size_t errors = 0;
  for (const auto& d : v.diagnostics) errors += d.severity == Severity::Error ? 1 : 0;
  return {kind, errors, -r.round};
}

std::string location(const Location& where) {
  std::string out = where.file.empty() ? std::string("<unknown>") : where.file;
  if (where.line > 0) out += ":" + std::to_string(where.line);
  if (where.line > 0 && where.column > 0) out += ":" + std::to_string(where.column);
  return out;
}

}  // namespace

const CandidateRecord* best_failed_candidate(const PipelineResult& result) {
  const CandidateRecord* best = nullptr;
  for (const auto& r : result.candidates) {
    if (!r.verdict || r.verdict->verified()) continue;
    if (!best || distance(r) < distance(*best)) best = &r;
  }
  return best;
}

Result<std::optional<BestFailure>> report_best_failure(const Task& task,
                                                       const PipelineResult& result,
                                                       const std::string& out_dir,
                                                       std::size_t max_errors) {
  const CandidateRecord* record = best_failed_candidate(result);
  if (!record) return std::optional<BestFailure>();
  BestFailure best;
  best.record = record;
  std::string extension = fs::path(task.spec_path).extension().string();
  best.file = (fs::path(out_dir) /
               ("best-candidate" + (extension.empty() ? std::string(".dfy") : extension)))
                  .string();
  if (auto written = write_file_atomic(best.file, record->text); !written.ok())
    return fail(written.error());
  // The verifier saw the candidate under the spec's name; its lines are the candidate's.
  auto repoint = [&](Location& where) {
    if (where.file == task.spec_path) where.file = best.file;
  };
  best.detail = record->verdict->detail;
  const std::string spec_prefix = task.spec_path + ":";
  for (auto at = best.detail.find(spec_prefix); !task.spec_path.empty() && at != std::string::npos;
       at = best.detail.find(spec_prefix, at + best.file.size() + 1))
    best.detail.replace(at, spec_prefix.size(), best.file + ":");
  for (const auto& d : record->verdict->diagnostics) {
    if (d.severity != Severity::Error) continue;
    if (best.diagnostics.size() == max_errors) {
      ++best.omitted;
      continue;
    }
    Diagnostic shown = d;
    repoint(shown.where);
    for (auto& r : shown.related) repoint(r);
    best.diagnostics.push_back(std::move(shown));
  }
  return std::optional<BestFailure>(std::move(best));
}

std::string best_failure_text(const BestFailure& best) {
  const CandidateRecord& r = *best.record;
  const Verdict& v = *r.verdict;
  std::string out =
      "  closest: candidate " + std::to_string(r.id) + " (" + r.origin + "), " +
      (r.findings.empty() ? std::string(to_string(v.outcome)) : "rejected by the integrity audit") +
      ", in " + best.file + (best.diagnostics.empty() ? "" : ":");
  if (best.diagnostics.empty() && !best.detail.empty()) out += ": " + best.detail;
  for (const auto& d : best.diagnostics) {
    out += "\n    " + format_diagnostic(d);
    for (const auto& related : d.related)
      out += "\n    " + location(related) + ": note: " + related.message;
  }
  if (best.omitted > 0)
    out += "\n    ... and " + std::to_string(best.omitted) + " more error" +
           (best.omitted == 1 ? "" : "s");
  return out;
}

nlohmann::json best_failure_json(const BestFailure& best) {
  const CandidateRecord& r = *best.record;
  nlohmann::json diagnostics = nlohmann::json::array();
  for (const auto& d : best.diagnostics) diagnostics.push_back(diagnostic_to_json(d));
  return {{"id", r.id},
          {"origin", r.origin},
          {"round", r.round},
          {"outcome", std::string(to_string(r.verdict->outcome))},
          {"cause", std::string(to_string(r.verdict->cause))},
          {"detail", best.detail},
          {"file", best.file},
          {"diagnostics", diagnostics},
          {"omitted", best.omitted}};
}

}  // namespace verigen
