#include <catch2/catch.hpp>

#include "specs/dafny/audit.h"
#include "specs/integrity_audit.h"

using namespace verigen;
using namespace verigen::dafny;

namespace {

const char* kLoop =
    "method SumTo(n: nat) returns (s: nat)\n"
    "  ensures s == n * (n + 1) / 2\n"
    "{\n"
    "  s := 0;\n"
    "  var i := 0;\n"
    "  while i < n\n"
    "  {\n"
    "    i := i + 1;\n"
    "    s := s + i;\n"
    "  }\n"
    "}\n";

std::string replace(std::string text, const std::string& from, const std::string& to) {
  auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

std::vector<std::string> rules(const std::vector<Diagnostic>& findings) {
  std::vector<std::string> out;
  for (const auto& f : findings) out.push_back(f.rule);
  return out;
}

}  // namespace

// Contract: annotations (invariants, asserts, comments, layout) are not findings.
TEST_CASE("annotations and layout are allowed", "[unit]") {
  auto annotated = replace(kLoop, "  while i < n\n",
                           "  while i < n  // the loop\n    invariant 0 <= i <= n\n    invariant s "
                           "== i * (i + 1) / 2\n    decreases n - i\n");
  annotated = replace(annotated, "    s := s + i;\n", "    s := s + i;\n    assert s >= i;\n");
  CHECK(audit_dafny(kLoop, annotated, AuditMode::Annotate, "f.dfy").empty());
}

// Contract: an added `assume false` is an escape hatch, located in the candidate.
TEST_CASE("assume added", "[unit]") {
  auto cheat = replace(kLoop, "    s := s + i;\n", "    s := s + i;\n    assume false;\n");
  auto findings = audit_dafny(kLoop, cheat, AuditMode::Annotate, "f.dfy");
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].rule == "integrity.escape-hatch");
  CHECK(findings[0].where.file == "f.dfy");
  CHECK(findings[0].where.line == 10);
  CHECK(findings[0].where.column == 5);
}

// Contract: {:verify false} added to a declaration is an escape hatch.
TEST_CASE("verify false added", "[unit]") {
  auto cheat = replace(kLoop, "method SumTo", "method {:verify false} SumTo");
  CHECK(rules(audit_dafny(kLoop, cheat, AuditMode::Annotate, "f.dfy")) ==
        std::vector<std::string>{"integrity.escape-hatch"});
}

// Contract: a weakened postcondition is a contract change naming old and new.
TEST_CASE("ensures weakened", "[unit]") {
  auto cheat = replace(kLoop, "ensures s == n * (n + 1) / 2", "ensures s >= 0");
  auto findings = audit_dafny(kLoop, cheat, AuditMode::Annotate, "f.dfy");
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].rule == "integrity.contract-changed");
  CHECK(findings[0].message.find("became 'ensures s >= 0'") != std::string::npos);
  CHECK(findings[0].where.line == 2);
}

// Contract: a strengthened precondition is a contract change too.
TEST_CASE("requires added", "[unit]") {
  auto cheat = replace(kLoop, "  ensures", "  requires n == 0\n  ensures");
  CHECK(rules(audit_dafny(kLoop, cheat, AuditMode::Annotate, "f.dfy")) ==
        std::vector<std::string>{"integrity.contract-changed"});
}

// Contract: in an annotate task, changed executable code is found and located.
TEST_CASE("loop body changed in an annotate task", "[unit]") {
  auto cheat = replace(kLoop, "    s := s + i;\n", "    s := i * (i + 1) / 2;\n");
  auto findings = audit_dafny(kLoop, cheat, AuditMode::Annotate, "f.dfy");
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].rule == "integrity.code-changed");
  CHECK(findings[0].where.line == 9);
}

// Contract: a lemma's body is proof: an annotate candidate may rewrite it, but may not remove
// it (a body-less lemma is an axiom) or hide an assume in it.
TEST_CASE("lemma bodies are proofs", "[unit]") {
  const std::string original = "lemma L(n: nat) ensures n + 0 == n { }\n";
  const std::string proof =
      "lemma L(n: nat) ensures n + 0 == n { if n == 0 { } else { L(n - 1); } }\n";
  const std::string removed = "lemma L(n: nat) ensures n + 0 == n\n";
  const std::string cheat = "lemma L(n: nat) ensures n + 0 == n { assume false; }\n";
  CHECK(audit_candidate(Language::Dafny, original, proof, TaskKind::Annotate, "l.dfy").empty());
  CHECK_FALSE(
      audit_candidate(Language::Dafny, original, removed, TaskKind::Annotate, "l.dfy").empty());
  CHECK_FALSE(
      audit_candidate(Language::Dafny, original, cheat, TaskKind::Annotate, "l.dfy").empty());
}

// Contract: a new body-less lemma is an unproved assumption; a new proved lemma is fine.
TEST_CASE("new lemmas", "[unit]") {
  auto axiom = std::string(kLoop) + "lemma Magic(n: nat) ensures n * (n + 1) % 2 == 0\n";
  CHECK(rules(audit_dafny(kLoop, axiom, AuditMode::Annotate, "f.dfy")) ==
        std::vector<std::string>{"integrity.escape-hatch"});
  auto proved = std::string(kLoop) + "lemma Fine(n: nat) ensures n + 0 == n {}\n";
  CHECK(audit_dafny(kLoop, proved, AuditMode::Annotate, "f.dfy").empty());
}

// Contract: escape hatches already in the original are not the candidate's.
TEST_CASE("assume already in the original", "[unit]") {
  auto original = replace(kLoop, "    s := s + i;\n", "    s := s + i;\n    assume s >= 0;\n");
  auto candidate = replace(original, "  while i < n\n", "  while i < n\n    invariant i <= n\n");
  CHECK(audit_dafny(original, candidate, AuditMode::Annotate, "f.dfy").empty());
  auto second =
      replace(candidate, "    assume s >= 0;\n", "    assume s >= 0;\n    assume false;\n");
  CHECK(rules(audit_dafny(original, second, AuditMode::Annotate, "f.dfy")) ==
        std::vector<std::string>{"integrity.escape-hatch"});
}

// Contract: implementing a body-less method is allowed; removing a declaration is not.
TEST_CASE("implement holes and removed declarations", "[unit]") {
  const char* spec = "method Inc(a: int) returns (r: int)\n  ensures r > a\n\nmethod Other() {}\n";
  const char* impl =
      "method Inc(a: int) returns (r: int)\n  ensures r > a\n{ r := a + 1; }\n\nmethod Other() "
      "{}\n";
  CHECK(audit_dafny(spec, impl, AuditMode::Implement, "f.dfy").empty());
  const char* removed = "method Inc(a: int) returns (r: int)\n  ensures r > a\n{ r := a + 1; }\n";
  CHECK(rules(audit_dafny(spec, removed, AuditMode::Implement, "f.dfy")) ==
        std::vector<std::string>{"integrity.declaration-removed"});
}

// Contract: a candidate that cannot be read is a finding, not a crash.
TEST_CASE("unterminated comment in a candidate", "[unit]") {
  auto broken = std::string(kLoop) + "/* never closed\n";
  auto findings = audit_dafny(kLoop, broken, AuditMode::Annotate, "f.dfy");
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].rule == "integrity.unparsable");
  CHECK(findings[0].where.line == 12);
}

// Contract: in a specify task contracts may be added, but bodies stay.
TEST_CASE("specify mode", "[unit]") {
  const char* spec = "method Inc(a: int) returns (r: int)\n{ r := a + 1; }\n";
  const char* specified =
      "method Inc(a: int) returns (r: int)\n  ensures r == a + 1\n{ r := a + 1; }\n";
  CHECK(audit_dafny(spec, specified, AuditMode::Specify, "f.dfy").empty());
  const char* changed = "method Inc(a: int) returns (r: int)\n  ensures r == a\n{ r := a; }\n";
  CHECK(rules(audit_dafny(spec, changed, AuditMode::Specify, "f.dfy")) ==
        std::vector<std::string>{"integrity.code-changed"});
}

// Contract: parentheses that restate precedence and blocks emptied by erased asserts are not
// changes (DafnyBench candidates write `ensures s == (x + y)` and `else { assert P; }`).
TEST_CASE("redundant parentheses and emptied blocks are not changes", "[unit]") {
  auto candidate =
      replace(kLoop, "  ensures s == n * (n + 1) / 2\n", "  ensures (s == n * (n + 1) / 2)\n");
  candidate = replace(candidate, "  while i < n\n", "  while (i < n)\n    invariant i <= n\n");
  candidate =
      replace(candidate, "    s := s + i;\n",
              "    s := (s + i);\n    if i > 1 { assert s > 0; } else { assert s == 1; }\n");
  CHECK(audit_dafny(kLoop, candidate, AuditMode::Annotate, "f.dfy").empty());
}

// Contract: moving parentheses so that the grouping changes is a change, in code and contracts.
TEST_CASE("regrouping is a change", "[unit]") {
  auto code = replace(kLoop, "    s := s + i;\n", "    s := (s + i) * 1;\n");
  auto regrouped = replace(kLoop, "    s := s + i;\n", "    s := s + i * 1;\n");
  CHECK(rules(audit_dafny(code, regrouped, AuditMode::Annotate, "f.dfy")) ==
        std::vector<std::string>{"integrity.code-changed"});
  auto contract =
      replace(kLoop, "  ensures s == n * (n + 1) / 2\n", "  ensures s == n * n + 1 / 2\n");
  CHECK(rules(audit_dafny(kLoop, contract, AuditMode::Annotate, "f.dfy")) ==
        std::vector<std::string>{"integrity.contract-changed"});
}

// Contract: Dafny 3's `ensures e;` and a clause that says nothing (`requires true`) are the same
// contract; a real extra clause is still a change.
TEST_CASE("trailing semicolons and trivial clauses are not contract changes", "[unit]") {
  auto semicolon =
      replace(kLoop, "  ensures s == n * (n + 1) / 2\n", "  ensures s == n * (n + 1) / 2;\n");
  CHECK(audit_dafny(kLoop, semicolon, AuditMode::Annotate, "f.dfy").empty());
  auto trivial = replace(kLoop, "  ensures s == n", "  requires true\n  ensures s == n");
  CHECK(audit_dafny(kLoop, trivial, AuditMode::Annotate, "f.dfy").empty());
  auto extra = replace(kLoop, "  ensures s == n", "  requires n < 100\n  ensures s == n");
  CHECK(rules(audit_dafny(kLoop, extra, AuditMode::Annotate, "f.dfy")) ==
        std::vector<std::string>{"integrity.contract-changed"});
}

// Contract: the last clause of a body-less declaration ends where the next declaration starts,
// so a proof added to the lemma is not read as a change to its contract.
TEST_CASE("a body-less lemma's contract stops at the next declaration", "[unit]") {
  const std::string original =
      "lemma L(x: int)\n  ensures x * 0 == 0\ndatatype D = A | B\nconst c := 1\n";
  const std::string proved =
      "lemma L(x: int)\n  ensures x * 0 == 0\n{\n}\ndatatype D = A | B\nconst c := 1\n";
  CHECK(audit_dafny(original, proved, AuditMode::Annotate, "f.dfy").empty());
}

// Contract: a program audited against itself has no findings, even when a name is declared
// twice (Dafny refuses that program, but the audit must not invent a changed contract by
// pairing the first declaration with the second) or a declaration has no proper name.
// Found by fuzzing (benchmarks/fuzz/regressions/dafny).
TEST_CASE("self-audit is clean with repeated names", "[unit]") {
  const std::string twice =
      "lemma L(x: int)\n  requires x > 0\n  ensures x >= 1\n{\n}\n"
      "method M() {}\n"
      "lemma L(x: int)\n  ensures x * 0 == 0\n";
  // (Implement mode is left out: there the body-less lemma is a hole the answer must fill.)
  for (auto mode : {AuditMode::Annotate, AuditMode::Specify}) {
    auto findings = audit_dafny(twice, twice, mode, "f.dfy");
    std::string said;
    for (const auto& f : findings) said += f.rule + ": " + f.message + "\n";
    CAPTURE(said);
    CHECK(findings.empty());
  }
  CHECK(audit_dafny("lemma|lemma", "lemma|lemma", AuditMode::Annotate, "f.dfy").empty());
  // Swapping the two changes which contract each occurrence has: still found.
  const std::string swapped =
      "lemma L(x: int)\n  ensures x * 0 == 0\n"
      "method M() {}\n"
      "lemma L(x: int)\n  requires x > 0\n  ensures x >= 1\n{\n}\n";
  CHECK_FALSE(audit_dafny(twice, swapped, AuditMode::Annotate, "f.dfy").empty());
}

// Contract: `f.requires(x)` and `f.reads(x)` inside a clause are members of a function value,
// not clauses of their own, and the parentheses after them are a call's, never a redundant
// group: `f.requires(a && b)` and `f.requires(a) && b` mean different things and must not
// compare equal (they did while `requires` after a `.` was read as the keyword). A candidate
// that weakens such a clause is a contract change; an unchanged one is clean.
TEST_CASE("member calls named like clauses stay inside their clause", "[unit]") {
  const char* original =
      "method Apply(f: bool ~> int, g: set<object> ~> int, a: bool, b: bool, s: set<object>,\n"
      "             t: set<object>) returns (y: int)\n"
      "  requires f.requires(a && b)\n"
      "  reads f.reads(a && b), g.reads(s + t)\n"
      "  ensures y == f(a && b)\n"
      "{\n"
      "  y := f(a && b);\n"
      "}\n";
  CHECK(audit_dafny(original, original, AuditMode::Annotate, "f.dfy").empty());
  auto regrouped = replace(original, "requires f.requires(a && b)", "requires f.requires(a) && b");
  auto findings = audit_dafny(original, regrouped, AuditMode::Annotate, "f.dfy");
  REQUIRE(rules(findings) == std::vector<std::string>{"integrity.contract-changed"});
  CHECK(findings[0].where.line == 3);
  auto reads_regrouped = replace(original, "g.reads(s + t)", "g.reads(s) + t");
  CHECK(rules(audit_dafny(original, reads_regrouped, AuditMode::Annotate, "f.dfy")) ==
        std::vector<std::string>{"integrity.contract-changed"});
  auto dropped = replace(original, "requires f.requires(a && b)", "requires true");
  CHECK(rules(audit_dafny(original, dropped, AuditMode::Annotate, "f.dfy")) ==
        std::vector<std::string>{"integrity.contract-changed"});
  auto code_regrouped =
      replace(original, "  y := f(a && b);", "  y := if f.requires(a) && b then 0 else 1;");
  CHECK_FALSE(audit_dafny(original, code_regrouped, AuditMode::Annotate, "f.dfy").empty());
  // Redundant parentheses inside the call's own are still not a change.
  auto extra = replace(original, "requires f.requires(a && b)", "requires f.requires((a && b))");
  CHECK(audit_dafny(original, extra, AuditMode::Annotate, "f.dfy").empty());
}
