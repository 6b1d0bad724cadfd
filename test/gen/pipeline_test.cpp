// The pipeline with a scripted generator (it stands in for a model, like ninja's
// FakeCommandRunner) and the real Dafny back-end.

#include "gen/pipeline.h"

#include <catch2/catch.hpp>

#include "backends/dafny/dafny_backend.h"
#include "test/support/scripted_generator.h"

using namespace verigen;
using verigen::test::ScriptedGenerator;

namespace {

const char* kSpec = "method Inc(a: int) returns (r: int)\n  ensures r > a\n";
const char* kRight = "method Inc(a: int) returns (r: int)\n  ensures r > a\n{ r := a + 1; }\n";
const char* kWrong = "method Inc(a: int) returns (r: int)\n  ensures r > a\n{ r := a; }\n";
const char* kCheat =
    "method Inc(a: int) returns (r: int)\n  ensures r > a\n{ assume false; r := a; }\n";

Task inc_task() {
  Task t;
  t.id = "inc";
  t.kind = TaskKind::Implement;
  t.spec_path = "inc.dfy";
  t.spec_text = kSpec;
  return t;
}

/// Stands in for the Dafny audit (tested on its own): flags any `assume`.
std::vector<Diagnostic> flag_assume(const Task& task, const std::string& text) {
  if (text.find("assume") == std::string::npos) return {};
  Diagnostic d;
  d.where.file = task.spec_path;
  d.message = "escape hatch added: assume";
  d.rule = "integrity.escape-hatch";
  return {d};
}

}  // namespace

// Contract: of a cheating, a wrong and a right candidate, the right one wins; the cheat is
// reported by the audit and never verified; every candidate is logged.
TEST_CASE("right candidate chosen, cheat reported", "[verifier:dafny]") {
  SubprocessRunner runner;
  dafny::DafnyBackend dafny(runner);
  ScriptedGenerator generator;
  generator.first = {kCheat, kWrong, kRight};
  RunLog log;
  PipelineOptions options;
  options.k = 3;
  options.jobs = 1;
  Pipeline pipeline(generator, dafny, flag_assume, nullptr, log, options);
  auto result = pipeline.run(inc_task());
  REQUIRE(result.winner);
  CHECK(result.winner->text == kRight);
  REQUIRE(result.candidates.size() == 3);
  CHECK(result.candidates[0].findings.size() == 1);
  CHECK(result.candidates[0].verdict->cause == Cause::Integrity);
  CHECK(result.candidates[1].verdict->outcome == Outcome::Refuted);
  CHECK(result.verifier_calls == 2);  // the cheat never reached Dafny
}

// Contract: a failing candidate is repaired with the verifier's diagnostics, and the repaired
// candidate that verifies wins.
TEST_CASE("repair round turns a failure into a verified candidate", "[verifier:dafny]") {
  SubprocessRunner runner;
  dafny::DafnyBackend dafny(runner);
  ScriptedGenerator generator;
  generator.first = {kWrong};
  generator.repairs.push_back({kRight});
  RunLog log;
  PipelineOptions options;
  options.k = 1;
  options.rounds = 1;
  Pipeline pipeline(generator, dafny, flag_assume, nullptr, log, options);
  auto result = pipeline.run(inc_task());
  REQUIRE(result.winner);
  CHECK(result.winner->round == 1);
  REQUIRE(generator.repaired_texts.size() == 1);
  CHECK(generator.repaired_texts[0] == kWrong);
  CHECK(generator.repair_messages[0].find("postcondition") != std::string::npos);
}

// Contract: duplicates (same code up to layout and comments) are verified once; garbage is a
// logged reject; with no verified candidate and no rounds left there is no winner.
TEST_CASE("duplicates and garbage", "[verifier:dafny]") {
  SubprocessRunner runner;
  dafny::DafnyBackend dafny(runner);
  ScriptedGenerator generator;
  generator.first = {kWrong, std::string(kWrong) + "// same\n", ""};
  RunLog log;
  PipelineOptions options;
  options.rounds = 0;
  Pipeline pipeline(generator, dafny, flag_assume, nullptr, log, options);
  auto result = pipeline.run(inc_task());
  CHECK_FALSE(result.winner);
  REQUIRE(result.candidates.size() == 3);
  CHECK(result.candidates[1].rejected == "duplicate of candidate 0");
  CHECK(result.candidates[2].rejected == "empty candidate");
  CHECK(result.verifier_calls == 1);
}

// Contract: the ranker decides the verification order (best score first).
TEST_CASE("ranker orders verification", "[verifier:dafny]") {
  SubprocessRunner runner;
  dafny::DafnyBackend dafny(runner);
  ScriptedGenerator generator;
  generator.first = {kWrong, kRight};
  RunLog log;
  PipelineOptions options;
  options.jobs = 1;
  auto prefer_plus_one = [](const Task&, const std::string& text, const std::string&) {
    return text.find("a + 1") != std::string::npos ? 1.0 : 0.0;
  };
  Pipeline pipeline(generator, dafny, flag_assume, prefer_plus_one, log, options);
  auto result = pipeline.run(inc_task());
  REQUIRE(result.winner);
  CHECK(result.winner->rank == 0);
  CHECK(result.verifier_calls == 1);  // stopped at the first verified candidate
}

// Contract: a candidate larger than max_candidate_bytes is rejected with a reason naming the
// cap, is neither audited nor verified, and does not stop a sound candidate from winning.
TEST_CASE("an oversized candidate is rejected, never verified", "[verifier:dafny]") {
  SubprocessRunner runner;
  dafny::DafnyBackend dafny(runner);
  ScriptedGenerator generator;
  const std::string huge = std::string(kRight) + "// " + std::string(2 << 20, 'x') + "\n";
  generator.first = {huge, kRight};
  int audited = 0;
  auto counting_audit = [&](const Task& task, const std::string& text) {
    ++audited;
    return flag_assume(task, text);
  };
  RunLog log;
  PipelineOptions options;
  options.jobs = 1;
  Pipeline pipeline(generator, dafny, counting_audit, nullptr, log, options);
  auto result = pipeline.run(inc_task());
  REQUIRE(result.winner);
  CHECK(result.winner->id == 1);
  REQUIRE(result.candidates.size() == 2);
  CHECK(result.candidates[0].rejected.find(
            "candidate too large: " + std::to_string(huge.size()) +
            " bytes, more than the 1 MiB cap (--max-candidate-size)") == 0);
  CHECK_FALSE(result.candidates[0].verdict);
  CHECK(audited == 1);
  CHECK(result.verifier_calls == 1);
}
