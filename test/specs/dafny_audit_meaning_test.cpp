// The Dafny integrity audit read as an attacker would: every declaration kind is compared,
// names are resolved before anything is erased, the user's own claims stay, and proof-only
// additions remain allowed. A table of (original, candidate, mode) with the finding each must
// give, or none.

#include <catch2/catch.hpp>

#include "specs/dafny/audit.h"

using namespace verigen;
using namespace verigen::dafny;

namespace {

struct Row {
  const char* what;
  const char* original;
  const char* candidate;
  AuditMode mode;
  const char* rule;  // the first finding's rule, or "" for a clean candidate
};

const char* kSum =
    "method Sum(a: array<int>) returns (s: int)\n"
    "{\n"
    "  s := 0;\n"
    "  var i := 0;\n"
    "  while i < a.Length\n"
    "  {\n"
    "    s := s + a[i];\n"
    "    i := i + 1;\n"
    "  }\n"
    "}\n";

}  // namespace

// Contract: see each row's description.
TEST_CASE("audit by meaning: a table of honest and dishonest candidates", "[unit]") {
  const Row rows[] = {
      // Honest candidates.
      {"declarations reordered", "method A() {}\nmethod B() {}\n", "method B() {}\nmethod A() {}\n",
       AuditMode::Annotate, ""},
      {"ghost variable declared and updated in a loop", kSum,
       "method Sum(a: array<int>) returns (s: int)\n{\n  s := 0;\n  var i := 0;\n  ghost var seen "
       ":= 0;\n"
       "  while i < a.Length\n    invariant 0 <= i <= a.Length\n  {\n    s := s + a[i];\n    seen "
       ":= seen + 1;\n"
       "    i := i + 1;\n  }\n}\n",
       AuditMode::Annotate, ""},
      {"helper lemma and its call", kSum,
       "lemma Helper(n: int) ensures n + 0 == n {}\n"
       "method Sum(a: array<int>) returns (s: int)\n{\n  s := 0;\n  var i := 0;\n  while i < "
       "a.Length\n  {\n"
       "    Helper(i);\n    s := s + a[i];\n    i := i + 1;\n  }\n}\n",
       AuditMode::Annotate, ""},
      {"helper predicate and proof forall", kSum,
       "ghost predicate P(k: int) { k >= 0 }\n"
       "method Sum(a: array<int>) returns (s: int)\n{\n  s := 0;\n  var i := 0;\n"
       "  forall k | 0 <= k < 3 ensures P(k) { }\n  while i < a.Length\n  {\n    s := s + a[i];\n  "
       "  i := i + 1;\n  }\n}\n",
       AuditMode::Annotate, ""},
      {"the user's assert kept, with a by block",
       "method M(x: int) { var y := x * 2; assert y == x + x; }\n",
       "method M(x: int) { var y := x * 2; assert y == x + x by { assert true; } }\n",
       AuditMode::Annotate, ""},
      {"proof-steering attributes added", "lemma L(n: nat) ensures n >= 0 {}\n",
       "lemma {:induction false} L(n: nat) ensures n >= 0 {}\n", AuditMode::Annotate, ""},
      {"an original assume kept where it was", "method M(x: int) { assume x > 0; }\n",
       "method M(x: int) { assume x > 0; assert x > 0; }\n", AuditMode::Annotate, ""},

      // Spec declarations other than methods are compared.
      {"const changed", "const Target := 42\nmethod M() returns (r: int) ensures r == Target\n",
       "const Target := 0\nmethod M() returns (r: int) ensures r == Target { r := 0; }\n",
       AuditMode::Implement, "integrity.declaration-changed"},
      {"subset type weakened", "type Small = x | 0 <= x < 10\nmethod M() returns (r: Small)\n",
       "type Small = x | true\nmethod M() returns (r: Small) { r := 100; }\n", AuditMode::Implement,
       "integrity.declaration-changed"},
      {"newtype range changed", "newtype Byte = x | 0 <= x < 256\n",
       "newtype Byte = x | 0 <= x < 512\n", AuditMode::Annotate, "integrity.declaration-changed"},
      {"datatype constructor added", "datatype Color = Red | Green\n",
       "datatype Color = Red | Green | Blue\n", AuditMode::Annotate,
       "integrity.declaration-changed"},
      {"class field changed", "class C { var x: nat }\n", "class C { var x: int }\n",
       AuditMode::Annotate, "integrity.declaration-changed"},
      {"module made a refinement", "module M { }\n", "module M refines N { }\n",
       AuditMode::Annotate, "integrity.declaration-changed"},
      {"predicate used by the spec rewritten",
       "predicate Ok(x: int) { x > 0 }\nmethod M(x: int) requires Ok(x)\n",
       "predicate Ok(x: int) { true }\nmethod M(x: int) requires Ok(x) {}\n", AuditMode::Implement,
       "integrity.code-changed"},
      {"meaningful attribute added", "function F(x: int): int { x }\n",
       "function {:opaque} F(x: int): int { x }\n", AuditMode::Annotate,
       "integrity.signature-changed"},

      // Nothing but helpers may be added.
      {"import added", "module A { }\nmodule B { }\n",
       "module A { }\nmodule B { import opened A }\n", AuditMode::Annotate,
       "integrity.declaration-added"},
      {"include added", "method M() {}\n", "include \"other.dfy\"\nmethod M() {}\n",
       AuditMode::Annotate, "integrity.include-added"},
      {"const added", "method M() {}\n", "const K := 1\nmethod M() {}\n", AuditMode::Annotate,
       "integrity.declaration-added"},
      {"helper module added", "method M() {}\n", "module Helpers { lemma L() {} }\nmethod M() {}\n",
       AuditMode::Annotate, "integrity.declaration-added"},

      // Names are resolved before anything is erased.
      {"a method named like a lemma elsewhere is a call, not proof", kSum,
       "module Hide { lemma Boom() {} }\nmethod Boom() ensures false { expect false; }\n"
       "method Sum(a: array<int>) returns (s: int)\n{\n  s := 0;\n  var i := 0;\n  while i < "
       "a.Length\n  {\n"
       "    Boom();\n    s := s + a[i];\n    i := i + 1;\n  }\n}\n",
       AuditMode::Annotate, "integrity.declaration-added"},
      {"a call resolving to a class method named like a new lemma stays",
       "class C { var f: int\n method Work() modifies this { f := 1; } }\n",
       "lemma Boom() {}\nclass C { var f: int\n method Boom() modifies this { f := 2; }\n"
       " method Work() modifies this { f := 1; Boom(); } }\n",
       AuditMode::Annotate, "integrity.code-changed"},
      {"a qualified call of an ambiguous name stays", "method Boom() {}\nmethod M() {}\n",
       "module H { lemma Boom() {} }\nmethod Boom() {}\nmethod M() { H.Boom(); }\n",
       AuditMode::Annotate, "integrity.declaration-added"},
      {"a new method's call in executable code", "method M(x: int) returns (r: int) { r := x; }\n",
       "method Extra() {}\nmethod M(x: int) returns (r: int) { Extra(); r := x; }\n",
       AuditMode::Annotate, "integrity.code-changed"},
      {"a new declaration shadowing a spec name",
       "predicate Sorted(s: seq<int>) { forall i, j :: 0 <= i < j < |s| ==> s[i] <= s[j] }\n"
       "class C { method Sort(s: seq<int>) returns (r: seq<int>) ensures Sorted(r) }\n",
       "predicate Sorted(s: seq<int>) { forall i, j :: 0 <= i < j < |s| ==> s[i] <= s[j] }\n"
       "class C { predicate Sorted(s: seq<int>) { true }\n"
       "  method Sort(s: seq<int>) returns (r: seq<int>) ensures Sorted(r) { r := s; } }\n",
       AuditMode::Implement, "integrity.name-captured"},
      {"a ghost variable named like a field is not erased",
       "class C { var count: int\n method M() modifies this { count := 1; } }\n",
       "class C { var count: int\n method M() modifies this { ghost var count := 0; count := 1; } "
       "}\n",
       AuditMode::Annotate, "integrity.code-changed"},

      // The user's claims stay.
      {"the user's assert removed", "method M(x: int) { var y := x * 2; assert y == x + x; }\n",
       "method M(x: int) { var y := x * 2; }\n", AuditMode::Annotate, "integrity.code-changed"},
      {"the user's assert moved before its subject",
       "method M(x: int) { var y := x * 2; assert y == x + x; }\n",
       "method M(x: int) { assert true; var y := x * 2; }\n", AuditMode::Annotate,
       "integrity.code-changed"},

      // Escape hatches wherever they hide.
      {"assume inside a calc hint", "lemma L() ensures 1 == 1 {}\n",
       "lemma L() ensures 1 == 1 { calc { 1; { assume {:axiom} false; } 1; } }\n",
       AuditMode::Annotate, "integrity.escape-hatch"},
      {"assume inside an assert-by block", "method M(x: int) { assert x == x; }\n",
       "method M(x: int) { assert x == x by { assume  {:  axiom  } false; } }\n",
       AuditMode::Annotate, "integrity.escape-hatch"},
      {"decreases star in an implementation", "method M() returns (r: int) ensures r == 1\n",
       "method M() returns (r: int) ensures r == 1 decreases * { while true decreases * { } }\n",
       AuditMode::Implement, "integrity.escape-hatch"},
      {"the hole left without a body", "method M() returns (r: int) ensures r == 1\n",
       "method M() returns (r: int) ensures r == 1\n", AuditMode::Implement,
       "integrity.escape-hatch"},
      {"an @Axiom helper", "method M() returns (r: int) ensures r == 1\n",
       "@Axiom lemma Magic() ensures false\nmethod M() returns (r: int) ensures r == 1 { Magic(); "
       "r := 0; }\n",
       AuditMode::Implement, "integrity.escape-hatch"},
      {"an original assume changed", "method M(x: int) { assume x > 0; }\n",
       "method M(x: int) { assume false; }\n", AuditMode::Annotate, "integrity.escape-hatch"},
  };
  for (const auto& row : rows) {
    INFO(row.what);
    auto findings = audit_dafny(row.original, row.candidate, row.mode, "c.dfy");
    if (std::string(row.rule).empty()) {
      for (const auto& f : findings) INFO(format_diagnostic(f));
      CHECK(findings.empty());
    } else {
      REQUIRE_FALSE(findings.empty());
      INFO(format_diagnostic(findings.front()));
      bool has = false;
      for (const auto& f : findings) has |= f.rule == row.rule;
      CHECK(has);
    }
  }
}

// Contract: kinds the user allowed are not findings, but only those kinds.
TEST_CASE("audit honours explicit allowances", "[unit]") {
  const char* original = "method M() returns (r: int) ensures r == 1\n";
  const char* candidate =
      "method {:extern} Ext() returns (r: int) ensures r == 1\n"
      "method M() returns (r: int) ensures r == 1 { r := Ext(); }\n";
  CHECK_FALSE(audit_dafny(original, candidate, AuditMode::Implement, "c.dfy").empty());
  CHECK(audit_dafny(original, candidate, AuditMode::Implement, "c.dfy", {"extern"}).empty());
  CHECK_FALSE(audit_dafny(original, candidate, AuditMode::Implement, "c.dfy", {"axiom"}).empty());
}
