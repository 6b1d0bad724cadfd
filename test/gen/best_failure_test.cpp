// What a failed gen run shows: the candidate closest to verifying and its first errors,
// pointing into a copy of that candidate.

#include "gen/best_failure.h"

#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>

#include "core/file_io.h"

using namespace verigen;
namespace fs = std::filesystem;

namespace {

Diagnostic error_at(const std::string& file, int line, const std::string& message) {
  Diagnostic d;
  d.where.file = file;
  d.where.line = line;
  d.where.column = 1;
  d.message = message;
  return d;
}

CandidateRecord refuted(int id, int round, int errors) {
  CandidateRecord r;
  r.id = id;
  r.round = round;
  r.origin = "model#" + std::to_string(id);
  r.text = "candidate " + std::to_string(id) + "\n";
  std::vector<Diagnostic> diagnostics;
  for (int i = 0; i < errors; ++i)
    diagnostics.push_back(error_at("max.dfy", i + 1, "error " + std::to_string(i)));
  r.verdict = Verdict::refuted(diagnostics, "max.dfy:1:1: error: error 0");
  return r;
}

}  // namespace

// Contract: refuted beats unknown beats audit-rejected; fewer errors win; a later round wins a
// tie; extraction rejects and verified candidates are never chosen.
TEST_CASE("the closest failed candidate", "[unit]") {
  PipelineResult result;
  CHECK(best_failed_candidate(result) == nullptr);
  CandidateRecord garbage;
  garbage.rejected = "no code in the answer";
  result.candidates.push_back(garbage);
  CHECK(best_failed_candidate(result) == nullptr);

  CandidateRecord audited = refuted(1, 0, 1);
  audited.findings = audited.verdict->diagnostics;
  result.candidates.push_back(audited);
  CHECK(best_failed_candidate(result)->id == 1);

  CandidateRecord unknown;
  unknown.id = 2;
  unknown.verdict = Verdict::unknown(Cause::Timeout, "wall-clock deadline reached");
  result.candidates.push_back(unknown);
  CHECK(best_failed_candidate(result)->id == 2);

  result.candidates.push_back(refuted(3, 0, 3));
  result.candidates.push_back(refuted(4, 0, 2));
  result.candidates.push_back(refuted(5, 1, 2));
  CHECK(best_failed_candidate(result)->id == 5);
}

// Contract: the candidate is written next to the run's outputs; its first errors (at most the
// limit, the rest counted) are re-pointed from the spec's name to that file, and the text and
// JSON say so.
TEST_CASE("the closest candidate's first errors point into its copy", "[unit]") {
  auto dir = fs::temp_directory_path() / ("verigen-best-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  Task task;
  task.spec_path = "max.dfy";
  PipelineResult result;
  result.candidates.push_back(refuted(0, 0, 7));
  result.candidates[0].verdict->diagnostics[0].related.push_back(
      {"max.dfy", 9, 3, 0, 0, "this postcondition"});
  auto best = report_best_failure(task, result, dir.string(), 5);
  REQUIRE(best.ok());
  REQUIRE(*best);
  const std::string file = (dir / "best-candidate.dfy").string();
  CHECK((*best)->file == file);
  CHECK(read_file(file).value() == "candidate 0\n");
  REQUIRE((*best)->diagnostics.size() == 5);
  CHECK((*best)->omitted == 2);
  CHECK((*best)->detail == file + ":1:1: error: error 0");
  auto text = best_failure_text(**best);
  CHECK(text == "  closest: candidate 0 (model#0), refuted, in " + file + ":\n    " + file +
                    ":1:1: error: error 0\n    " + file + ":9:3: note: this postcondition\n    " +
                    file + ":2:1: error: error 1\n    " + file + ":3:1: error: error 2\n    " +
                    file + ":4:1: error: error 3\n    " + file +
                    ":5:1: error: error 4\n    ... and 2 more errors");
  auto json = best_failure_json(**best);
  CHECK(json["id"] == 0);
  CHECK(json["outcome"] == "refuted");
  CHECK(json["file"] == file);
  CHECK(json["diagnostics"].size() == 5);
  CHECK(json["diagnostics"][0]["file"] == file);
  CHECK(json["omitted"] == 2);
  fs::remove_all(dir);
}
