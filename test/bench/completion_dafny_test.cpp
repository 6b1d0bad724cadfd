// Symbolic completion with the real Dafny, on a near miss from DafnyBench: gpt-3.5-turbo's
// verified answer to Clover_array_sum without its bound invariant `0 <= i <= a.Length` (the
// indexing and the quantified invariant then fail: Dafny refutes it, 4 s more than this test
// should spend re-checking). Completion must give that invariant back
// from the templates, keep the answer's own quantified invariant as a seed, and produce a
// program that verifies and that the audit accepts against the hint-free task.

#include <catch2/catch.hpp>
#include <filesystem>

#include "backends/dafny/dafny_backend.h"
#include "benchmarks/harness/near_miss_completion.h"
#include "core/file_io.h"
#include "core/process.h"
#include "specs/integrity_audit.h"

using namespace verigen;
using namespace verigen::bench;
namespace fs = std::filesystem;

namespace {

const char* kNearMiss = R"(method arraySum(a: array<int>, b: array<int>) returns (c: array<int>)
  requires a.Length == b.Length
  ensures c.Length == a.Length
  ensures forall i :: 0 <= i < a.Length ==> a[i] + b[i] == c[i]
{
  c := new int[a.Length];
  var i := 0;
  while i < a.Length
    invariant forall j :: 0 <= j < i ==> c[j] == a[j] + b[j]
  {
    c[i] := a[i] + b[i];
    assert c[i] == a[i] + b[i];
    i := i + 1;
  }
}
)";

}  // namespace

TEST_CASE("completion: a DafnyBench near miss verifies with one template invariant added",
          "[verifier:dafny]") {
  fs::path file = fs::path(VERIGEN_SHARED_DIR) / "datasets" / "dafnybench" / "hints_removed" /
                  "Clover_array_sum_no_hints.dfy";
  if (!fs::exists(file)) {
    WARN("skipped: " << file << " is absent");
    return;
  }
  auto text = read_file(file.string());
  REQUIRE(text.ok());
  Task task;
  task.id = file.filename().string();
  task.language = Language::Dafny;
  task.kind = TaskKind::Annotate;
  task.spec_path = file.string();
  task.spec_text = *text;
  SubprocessRunner runner;
  dafny::DafnyOptions options;
  options.verification_time_limit = 60;  // a loaded machine must not turn a proof into a miss
  dafny::DafnyBackend dafny(runner, options);

  auto completion = complete_near_miss(dafny, task, kNearMiss, 120);
  INFO(completion.program);
  CHECK(completion.verified);
  CHECK(completion.program.find("forall j :: 0 <= j < i ==> c[j] == a[j] + b[j]") !=
        std::string::npos);
  CHECK(audit_candidate(Language::Dafny, task.spec_text, completion.program, TaskKind::Annotate,
                        task.spec_path)
            .empty());
}
