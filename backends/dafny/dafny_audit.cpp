#include "backends/dafny/dafny_audit.h"

#include <regex>

#include "backends/dafny/dafny_output.h"
#include "backends/dafny/dafny_tool.h"
#include "core/process_verdict.h"
#include "core/text_lines.h"

namespace verigen::dafny {
namespace {

namespace kind = assumption_kind;

bool contains(std::string_view text, std::string_view part) {
  return text.find(part) != std::string_view::npos;
}

/// The kind of a `dafny audit` finding, from the construct its issue quotes.
std::string finding_kind(std::string_view issue) {
  if (contains(issue, "`assume")) return std::string(kind::kAssume);
  if (contains(issue, "{:axiom}")) return std::string(kind::kAxiom);
  if (contains(issue, "{:extern}")) return std::string(kind::kExtern);
  if (contains(issue, "@VerifyOnly") || contains(issue, "{:only}")) return std::string(kind::kOnly);
  if (contains(issue, "decreases *")) return std::string(kind::kDecreasesStar);
  if (contains(issue, "{:verify false}")) return std::string(kind::kVerifyFalse);
  if (contains(issue, "termination")) return std::string(kind::kTermination);
  if (contains(issue, "loop with no body") || contains(issue, "`forall` statement with no body"))
    return std::string(kind::kBodylessLoop);
  if (contains(issue, "no body")) return std::string(kind::kBodyless);
  return std::string(kind::kOther);
}

}  // namespace

std::vector<std::string> audit_command(std::vector<std::string> dafny,
                                       const std::vector<std::string>& files) {
  if (dafny.empty()) dafny = {"dafny"};
  dafny.push_back("audit");
  // Every assumption is reported, also those that `verify` would accept silently.
  for (const auto& f : files) dafny.push_back(!f.empty() && f[0] == '-' ? "./" + f : f);
  return dafny;
}

Result<std::vector<Assumption>> parse_audit_output(std::string_view out, const PathMapping& paths) {
  // Anchored, and no `|` before the position: a source excerpt ("  3 | ...") that happens to
  // quote such text is never read as a finding.
  static const std::regex kWarning(R"(^([^|]*)\((\d+),(\d+)\): Warning: (.*)$)");
  static const std::regex kFinding(R"(^([^:\s]+): (.*) Possible mitigation: .*$)");
  static const std::regex kCompleted(R"(^Dafny auditor completed with (\d+) findings?$)");
  std::vector<Assumption> found;
  int findings = 0;
  std::optional<int> reported;
  for (std::string_view view : lines_of(out)) {
    std::string line(view);
    std::smatch m;
    // Only a short line can be a finding or the summary; a longer one is noise (and std::regex
    // recursion must never see unbounded text).
    if (line.size() > 4096) continue;
    if (std::regex_match(line, m, kCompleted)) {
      reported = std::stoi(m[1].str());
      continue;
    }
    if (!std::regex_match(line, m, kWarning)) continue;
    Assumption a;
    a.where.file = paths.map(m[1].str());
    a.where.line = std::stoi(m[2].str());
    a.where.column = std::stoi(m[3].str()) + 1;  // Dafny's text columns are 0-based
    a.found_by = "dafny audit";
    std::string message = m[4].str();
    std::smatch f;
    if (std::regex_match(message, f, kFinding)) {
      ++findings;
      a.declaration = f[1].str();
      a.message = f[2].str();
      a.kind = finding_kind(a.message);
    } else {
      a.kind = assumption_kind_of_warning(message);
      if (a.kind.empty()) continue;
      a.message = message;
      a.found_by = "dafny";
    }
    found.push_back(std::move(a));
  }
  if (!reported)
    return fail("dafny audit did not report its findings (no 'Dafny auditor completed' line)");
  if (*reported != findings)
    return fail("dafny audit reported " + std::to_string(*reported) + " findings but " +
                std::to_string(findings) + " could be read");
  return found;
}

Result<std::vector<Assumption>> run_dafny_audit(ProcessRunner& runner,
                                                const std::vector<std::string>& dafny,
                                                const std::vector<std::string>& files,
                                                const PathMapping& paths, Deadline deadline) {
  ProcessSpec spec;
  spec.argv = audit_command(dafny, files);
  spec.environment = dafny_environment();
  spec.deadline = deadline;
  ProcessResult run = runner.run(spec);
  if (auto unfinished = verdict_for_unfinished_run(run, "dafny audit"))
    return fail(unfinished->detail);
  if (run.exit_code != 0)
    return fail("dafny audit exited " + std::to_string(run.exit_code) + ": " +
                output_tail(run.out + run.err));
  return parse_audit_output(run.out, paths);
}

}  // namespace verigen::dafny
