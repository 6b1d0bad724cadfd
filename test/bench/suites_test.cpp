// Suite loaders on the real datasets in ../shared/datasets (skipped with a warning when absent),
// and annotation stripping on small programs written here.

#include <catch2/catch.hpp>
#include <filesystem>
#include <map>

#include "benchmarks/harness/suite_table.h"
#include "benchmarks/suites/dafny_strip.h"
#include "core/file_io.h"
#include "specs/dafny/audit.h"
#include "specs/integrity_audit.h"

using namespace verigen;
using namespace verigen::bench;
namespace fs = std::filesystem;

namespace {

const fs::path kData = fs::path(VERIGEN_SHARED_DIR) / "datasets";

bool have(const char* suite) {
  if (fs::exists(kData / suite)) return true;
  WARN("skipped: " << (kData / suite) << " is absent");
  return false;
}

std::map<std::string, int> categories(const std::vector<BenchTask>& tasks) {
  std::map<std::string, int> out;
  for (const auto& t : tasks) ++out[t.category];
  return out;
}

}  // namespace

// Contract: stripping removes contracts, invariants, decreases and asserts, keeps assume,
// reads/modifies and every byte of code, and leaves no blank lines where clauses were.
TEST_CASE("strip_dafny_annotations removes proof annotations only", "[unit]") {
  const std::string truth =
      "method M(a: array<int>, n: int) returns (r: int)\n"
      "  requires n >= 0\n"
      "  modifies a\n"
      "  ensures r >= 0 decreases n\n"
      "{\n"
      "  r := 0; var i := 0;\n"
      "  while i < n invariant 0 <= i <= n\n"
      "    decreases n - i\n"
      "  {\n"
      "    assert i < n;\n"
      "    assume r >= 0;\n"
      "    i := i + 1;\n"
      "  }\n"
      "}\n";
  auto stripped = strip_dafny_annotations("m.dfy", truth);
  REQUIRE(stripped.ok());
  CHECK(*stripped ==
        "method M(a: array<int>, n: int) returns (r: int)\n"
        "  modifies a\n"
        "{\n"
        "  r := 0; var i := 0;\n"
        "  while i < n\n"
        "  {\n"
        "    assume r >= 0;\n"
        "    i := i + 1;\n"
        "  }\n"
        "}\n");
  CHECK(dafny::audit_dafny(*stripped, truth, dafny::AuditMode::Specify, "m.dfy").empty());
}

// Contract: a program that does not parse is refused with its path named.
TEST_CASE("strip_dafny_annotations names an unparsable file", "[unit]") {
  auto stripped = strip_dafny_annotations("bad.dfy", "method M() { /* never closed");
  REQUIRE_FALSE(stripped.ok());
  CHECK(stripped.error().find("bad.dfy") != std::string::npos);
}

// Contract: an unknown suite or a missing folder is a one-line Failure naming it.
TEST_CASE("load_suite refuses unknown suites and missing folders", "[unit]") {
  auto unknown = load_suite("nosuch", "/nonexistent");
  REQUIRE_FALSE(unknown.ok());
  CHECK(unknown.error().find("nosuch") != std::string::npos);
  auto missing = load_suite("dafnycomp", "/nonexistent/dafnycomp");
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.error().find("/nonexistent/dafnycomp") != std::string::npos);
}

// Contract: 300 DafnyComp tasks, categories 2–5 functions; every stripped program differs from
// its ground truth only by annotations (the ground truth passes the task's audit against it),
// and keeps the ground truth's `assume`s.
TEST_CASE("dafnycomp: 300 tasks whose ground truth audits clean against the stripped input",
          "[unit]") {
  if (!have("dafnycomp")) return;
  auto tasks = load_suite("dafnycomp", (kData / "dafnycomp").string());
  REQUIRE(tasks.ok());
  CHECK(tasks->size() == 300);
  auto cats = categories(*tasks);
  for (const auto& [c, n] : cats) CHECK((c == "2" || c == "3" || c == "4" || c == "5"));
  int clean = 0, with_assume = 0, annotate_refusals = 0;
  for (const auto& t : *tasks) {
    INFO(t.task.id);
    CHECK(t.task.kind == TaskKind::Specify);
    CHECK(t.task.spec_text != t.reference);
    auto findings =
        audit_candidate(Language::Dafny, t.task.spec_text, t.reference, t.task.kind, t.task.id);
    if (findings.empty())
      ++clean;
    else
      FAIL_CHECK(findings.front().message);
    if (t.reference.find("assume") != std::string::npos) {
      ++with_assume;
      CHECK(t.task.spec_text.find("assume") != std::string::npos);
    }
    // Why the task is Specify and not Annotate: the annotate audit forbids new contracts.
    if (!dafny::audit_dafny(t.task.spec_text, t.reference, dafny::AuditMode::Annotate, t.task.id)
             .empty())
      ++annotate_refusals;
  }
  CHECK(clean == 300);
  CHECK(with_assume >= 36);
  WARN("dafnycomp categories: 2=" << cats["2"] << " 3=" << cats["3"] << " 4=" << cats["4"]
                                  << " 5=" << cats["5"] << "; annotate audit would refuse "
                                  << annotate_refusals << " ground truths");
}

// Contract: 387 DafnyBench tasks keyed by their hints_removed file name, each with its ground
// truth; names with spaces load.
TEST_CASE("dafnybench: 387 annotate tasks with references", "[unit]") {
  if (!have("dafnybench")) return;
  auto tasks = load_suite("dafnybench", (kData / "dafnybench").string());
  REQUIRE(tasks.ok());
  CHECK(tasks->size() == 387);
  int spaced = 0;
  for (const auto& t : *tasks) {
    INFO(t.task.id);
    CHECK(t.task.kind == TaskKind::Annotate);
    CHECK(t.task.id.ends_with("_no_hints.dfy"));
    CHECK_FALSE(t.reference.empty());
    spaced += t.task.id.find(' ') != std::string::npos;
  }
  CHECK(spaced > 0);
}

// Contract: 161 CLEVER problems give four tasks each, one per stage, each with one hole.
TEST_CASE("clever: 161 x 4 tasks", "[unit]") {
  if (!have("clever")) return;
  auto tasks = load_suite("clever", (kData / "clever").string());
  REQUIRE(tasks.ok());
  CHECK(tasks->size() == 161 * 4);
  auto cats = categories(*tasks);
  CHECK(cats["spec"] == 161);
  CHECK(cats["isomorphism"] == 161);
  CHECK(cats["implementation"] == 161);
  CHECK(cats["correctness"] == 161);
  for (const auto& t : *tasks) {
    CHECK(t.task.language == Language::Lean);
    CHECK(t.task.holes.size() == 1);
  }
}

// Contract: 433 SyGuS-INV tasks, categorised by their set-logic.
TEST_CASE("sygus-inv: 433 invariant tasks by logic", "[unit]") {
  if (!have("sygus-inv")) return;
  auto tasks = load_suite("sygus-inv", (kData / "sygus-inv").string());
  REQUIRE(tasks.ok());
  CHECK(tasks->size() == 433);
  auto cats = categories(*tasks);
  CHECK(cats["LIA"] == 399);
  CHECK(cats["NIA"] == 20);
  CHECK(cats["ALIA"] == 14);
  for (const auto& t : *tasks)
    CHECK((t.task.language == Language::SyGuS && t.task.kind == TaskKind::Invariant));
}
