// DafnyComp judged as the published numbers judge it: a sample is solved when the program
// verifies, the audit is clean and no declaration's contract is weaker than the ground truth's.
// Real programs, real Dafny, through the same pipeline `bench run` uses.

#include <catch2/catch.hpp>
#include <filesystem>

#include "backends/dafny/dafny_backend.h"
#include "benchmarks/suites/contract_mutants.h"
#include "benchmarks/suites/suite.h"
#include "gen/pipeline.h"
#include "specs/integrity_audit.h"
#include "test/support/scripted_generator.h"

using namespace verigen;
using namespace verigen::bench;
namespace fs = std::filesystem;

namespace {

/// The pipeline's record of `answer` to `task`, judged against its ground truth.
CandidateRecord judge(Backend& backend, const BenchTask& task, const std::string& answer) {
  test::ScriptedGenerator generator;
  generator.first = {answer};
  PipelineOptions options;
  options.k = 1;
  options.rounds = 0;
  options.jobs = 1;
  options.reference = task.reference;
  auto audit = [](const Task& t, const std::string& candidate) {
    return audit_candidate(t.language, t.spec_text, candidate, t.kind, t.spec_path);
  };
  RunLog log;
  Pipeline pipeline(generator, backend, audit, nullptr, log, options);
  auto result = pipeline.run(task.task);
  REQUIRE(result.candidates.size() == 1);
  return result.candidates[0];
}

bool refused_as_weaker(const CandidateRecord& r) {
  if (!r.verdict || !r.verdict->integrity_rejected()) return false;
  for (const auto& d : r.verdict->diagnostics)
    if (d.rule == "integrity.weaker-contract") return true;
  return false;
}

}  // namespace

// Contract: on three ground-truth programs (spread over the sorted ids), the ground truth is
// solved with every declaration equivalent; the program without the ensures of declarations
// nothing calls verifies but is refused as weaker; a mutant whose requires demands more is
// refused as weaker too.
TEST_CASE("dafnycomp judgement: reference, minimal answer, mutant", "[verifier:dafny]") {
  fs::path data = fs::path(VERIGEN_SHARED_DIR) / "datasets" / "dafnycomp";
  if (!fs::exists(data)) {
    WARN("skipped: " << data << " is absent");
    return;
  }
  auto tasks = load_dafnycomp(data.string());
  REQUIRE(tasks.ok());
  std::sort(tasks->begin(), tasks->end(),
            [](const auto& a, const auto& b) { return a.task.id < b.task.id; });
  SubprocessRunner runner;
  // Generous per-assertion limit: the ground truth must verify even on a loaded machine (some
  // of these programs take Dafny close to its default 20 s when other builds run beside it).
  dafny::DafnyOptions options;
  options.verification_time_limit = 60;
  dafny::DafnyBackend dafny(runner, options);
  int judged = 0;
  for (std::size_t i = 0; i < tasks->size() && judged < 3; i += 37) {
    const BenchTask& task = (*tasks)[i];
    auto minimal = without_uncalled_ensures(task.reference);
    const ContractMutant* tightened = nullptr;
    auto mutants = contract_mutants(task.reference);
    for (const auto& m : mutants)
      if (m.kind == "requires-strengthened") tightened = &m;
    if (!minimal || !tightened) continue;
    ++judged;
    INFO(task.task.id);

    auto truth = judge(dafny, task, task.reference);
    if (!truth.verdict || !truth.verdict->verified()) {
      // A ground truth Dafny cannot verify here (some time out in 4.11) judges nothing.
      WARN(task.task.id << ": the ground truth does not verify: "
                        << (truth.verdict ? truth.verdict->detail : "no verdict"));
      --judged;
      continue;
    }
    CHECK(truth.contract == "equivalent");

    auto least = judge(dafny, task, *minimal);
    INFO((least.verdict ? least.verdict->detail : "no verdict"));
    CHECK(refused_as_weaker(least));
    CHECK(least.contract == "weaker");

    auto demanding = judge(dafny, task, tightened->text);
    INFO(tightened->declaration << " / "
                                << (demanding.verdict ? demanding.verdict->detail : "no verdict"));
    // A stronger precondition may stop a caller from verifying; if it verifies, it is weaker.
    CHECK_FALSE((demanding.verdict && demanding.verdict->verified()));
    if (!demanding.contract.empty()) CHECK(refused_as_weaker(demanding));
  }
  CHECK(judged == 3);
}
