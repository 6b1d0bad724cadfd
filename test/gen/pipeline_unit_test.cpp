// The generation pipeline over the seams' fakes: a scripted generator stands in for the model,
// a scripted back-end for the verifier. The orchestration alone, in milliseconds.

#include <catch2/catch.hpp>

#include "gen/pipeline.h"
#include "test/support/scripted_backend.h"
#include "test/support/scripted_generator.h"

using namespace verigen;
using namespace std::chrono_literals;
using verigen::test::refuted_with;
using verigen::test::ScriptedBackend;
using verigen::test::ScriptedGenerator;

namespace {

Task task() {
  Task t;
  t.id = "t";
  t.kind = TaskKind::Implement;
  t.spec_path = "t.dfy";
  t.spec_text = "method M()\n";
  return t;
}

/// Candidate texts "method M() { N }": distinct code, so none is a duplicate of another.
std::string text(int n) { return "method M() { " + std::to_string(n) + " }\n"; }

/// Scores a candidate by its number: the ranker under test orders candidates 3, 2, 1, 0.
double by_number(const Task&, const std::string& candidate, const std::string&) {
  return static_cast<double>(candidate.at(13) - '0');
}

PipelineOptions sequential(int k) {
  PipelineOptions options;
  options.k = k;
  options.jobs = 1;  // one verification at a time: the order of calls is the order of ranks
  options.rounds = 0;
  return options;
}

}  // namespace

// Contract: candidates are verified in the ranker's order (best first), each gets its rank,
// and every one is verified when none succeeds.
TEST_CASE("pipeline verifies candidates in rank order", "[unit]") {
  ScriptedGenerator generator;
  generator.first = {text(0), text(1), text(2), text(3)};
  ScriptedBackend backend;
  backend.otherwise(refuted_with("a postcondition could not be proved"));
  RunLog log;
  Pipeline pipeline(generator, backend, nullptr, by_number, log, sequential(4));
  auto result = pipeline.run(task());
  CHECK_FALSE(result.winner);
  CHECK(backend.texts() == std::vector<std::string>{text(3), text(2), text(1), text(0)});
  REQUIRE(result.candidates.size() == 4);
  CHECK(result.candidates[3].rank == 0);
  CHECK(result.candidates[0].rank == 3);
  CHECK(result.verifier_calls == 4);
}

// Contract: once a candidate verifies no further candidate starts; it is the winner.
TEST_CASE("pipeline stops at the first verified candidate", "[unit]") {
  ScriptedGenerator generator;
  generator.first = {text(0), text(1), text(2), text(3)};
  ScriptedBackend backend;
  backend.otherwise(refuted_with("a postcondition could not be proved"));
  backend.answer(text(2), Verdict::verified_by("scripted 1"));
  RunLog log;
  Pipeline pipeline(generator, backend, nullptr, by_number, log, sequential(4));
  auto result = pipeline.run(task());
  REQUIRE(result.winner);
  CHECK(result.winner->text == text(2));
  CHECK(backend.texts() == std::vector<std::string>{text(3), text(2)});
  CHECK(result.verifier_calls == 2);
  CHECK_FALSE(result.candidates[0].verdict);  // never started
}

// Contract: a failed candidate goes back to the generator with the verifier's own error; the
// repair is verified in the next round and wins; a candidate the audit refuses is never shown
// to the verifier, and is repaired after the verifier's failures, with the audit's findings.
TEST_CASE("pipeline repair rounds feed the verifier's errors back", "[unit]") {
  ScriptedGenerator generator;
  generator.first = {text(1), text(9)};
  generator.repairs.push_back({text(2)});
  ScriptedBackend backend;
  backend.answer(text(1), refuted_with("a postcondition could not be proved on this return path"));
  backend.answer(text(2), Verdict::verified_by("scripted 1"));
  auto refuse_nine = [](const Task&, const std::string& candidate) {
    std::vector<Diagnostic> findings;
    if (candidate == text(9)) findings.push_back(refuted_with("escape hatch added").diagnostics[0]);
    return findings;
  };
  RunLog log;
  PipelineOptions options = sequential(2);
  options.rounds = 2;
  Pipeline pipeline(generator, backend, refuse_nine, nullptr, log, options);
  auto result = pipeline.run(task());
  REQUIRE(result.winner);
  CHECK(result.winner->text == text(2));
  CHECK(result.winner->round == 1);
  CHECK(result.winner->origin == "scripted-repair (repair of 0)");
  CHECK(generator.repaired_texts == std::vector<std::string>{text(1), text(9)});
  CHECK(generator.repair_messages ==
        std::vector<std::string>{"a postcondition could not be proved on this return path",
                                 "escape hatch added"});
  CHECK(backend.texts() == std::vector<std::string>{text(1), text(2)});
}

// Contract: an answer that never became a program (no code, truncated) is repaired with its
// raw text and the reason; with --rounds 1 a cheat the audit refuses still gets its repair, and
// the repair wins.
TEST_CASE("pipeline repairs audit refusals and unusable answers", "[unit]") {
  ScriptedGenerator generator;
  generator.first = {text(9)};
  generator.first_unusable = {{"I think the answer is", "no code in the answer"}};
  generator.repairs.push_back({text(3)});
  generator.repairs.push_back({text(4)});
  ScriptedBackend backend;
  backend.otherwise(refuted_with("a postcondition could not be proved"));
  backend.answer(text(4), Verdict::verified_by("scripted 1"));
  auto refuse_nine = [](const Task&, const std::string& candidate) {
    std::vector<Diagnostic> findings;
    if (candidate == text(9)) findings.push_back(refuted_with("escape hatch added").diagnostics[0]);
    return findings;
  };
  RunLog log;
  PipelineOptions options = sequential(2);
  options.rounds = 1;
  Pipeline pipeline(generator, backend, refuse_nine, nullptr, log, options);
  auto result = pipeline.run(task());
  REQUIRE(result.winner);
  CHECK(result.winner->text == text(4));
  // The audit refusal first (it is closer to a program), then the unusable answer.
  CHECK(generator.repaired_texts == std::vector<std::string>{text(9), "I think the answer is"});
  REQUIRE(generator.repair_verdicts.size() == 2);
  CHECK(generator.repair_verdicts[0].integrity_rejected());
  CHECK(is_unusable_answer(generator.repair_verdicts[1]));
  CHECK(generator.repair_verdicts[1].detail == "unusable answer: no code in the answer");
  CHECK(backend.texts() == std::vector<std::string>{text(3), text(4)});
}

// Contract: duplicates are not repaired (nothing new to say about them).
TEST_CASE("pipeline does not repair duplicates", "[unit]") {
  ScriptedGenerator generator;
  generator.first = {text(1), text(1)};
  ScriptedBackend backend;
  backend.otherwise(refuted_with("a postcondition could not be proved"));
  RunLog log;
  PipelineOptions options = sequential(2);
  options.rounds = 1;
  Pipeline pipeline(generator, backend, nullptr, nullptr, log, options);
  pipeline.run(task());
  CHECK(generator.repaired_texts == std::vector<std::string>{text(1)});
}

// Contract: when the run's deadline passes, no further candidate starts and no repair round
// begins; each verification gets a deadline no later than the run's.
TEST_CASE("pipeline deadline stops the run", "[unit]") {
  ScriptedGenerator generator;
  generator.first = {text(3), text(2), text(1)};
  generator.repairs.push_back({text(4)});
  ScriptedBackend backend;
  backend.otherwise(refuted_with("a postcondition could not be proved"));
  // The first verification outlasts the run's deadline.
  backend.answer(text(3), refuted_with("a postcondition could not be proved"), 150ms);
  RunLog log;
  PipelineOptions options = sequential(3);
  options.rounds = 2;
  options.deadline = Deadline::after(100ms);
  Pipeline pipeline(generator, backend, nullptr, nullptr, log, options);
  auto result = pipeline.run(task());
  CHECK_FALSE(result.winner);
  CHECK(backend.texts() == std::vector<std::string>{text(3)});
  CHECK(generator.repaired_texts.empty());
  REQUIRE(backend.calls().size() == 1);
  CHECK(backend.calls()[0].deadline.at() <= options.deadline.at());
}
