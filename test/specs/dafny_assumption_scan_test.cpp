// verigen's own reading of what a Dafny proof rests on (specs/dafny/assumption_scan): a table
// of constructs, each with the kinds it must (or must not) be reported as.

#include <algorithm>
#include <catch2/catch.hpp>

#include "core/verdict.h"
#include "specs/dafny/assumption_scan.h"

using namespace verigen;
using namespace verigen::dafny;

namespace {

std::vector<std::string> kinds_of(const std::string& text) {
  std::vector<std::string> out;
  for (const auto& a : scan_dafny_assumptions(text, "s.dfy")) out.push_back(a.kind);
  std::sort(out.begin(), out.end());
  return out;
}

struct Row {
  const char* what;
  const char* text;
  std::vector<std::string> kinds;  // sorted
};

}  // namespace

// Contract: every spelling of every assumption is found, by tokens rather than by text, also
// nested in proof blocks; harmless code and annotations are not reported.
TEST_CASE("assumption scan: constructs and their kinds", "[unit]") {
  const Row rows[] = {
      {"plain assume", "method M() { assume false; }", {"assume"}},
      {"assume with axiom, odd spacing",
       "lemma L() ensures false { assume  {:  axiom  } false; }",
       {"assume"}},
      {"assume in a calc hint",
       "lemma C() ensures 1 == 2 { calc { 1; { assume {:axiom} false; } 2; } }",
       {"assume"}},
      {"assume in an assert-by block",
       "lemma A() ensures 1 == 2 { assert 1 == 2 by { assume false; } }",
       {"assume"}},
      {"assume in a such-that", "method S() { var x: int :| assume false; }", {"assume"}},
      {"assume in a nested forall proof",
       "lemma F() ensures forall x: int :: x > 0 { forall x: int ensures x > 0 { assume x > 0; } }",
       {"assume"}},
      {"axiom lemma without body", "lemma {:axiom} L() ensures false", {"axiom", "bodyless"}},
      {"@Axiom lemma", "@Axiom lemma L() ensures false", {"axiom", "bodyless"}},
      {"extern method without body", "method {:extern} M() ensures false", {"extern"}},
      {"extern function without body", "function {:extern} F(): int ensures false", {"extern"}},
      {"@Extern function without body", "@Extern function F(): int ensures F() == 1", {"extern"}},
      {"body-less lemma", "lemma L() ensures false", {"bodyless"}},
      {"body-less method with a contract",
       "method M() returns (r: int) ensures r == 1",
       {"bodyless"}},
      {"body-less lemma in an abstract module",
       "abstract module A { lemma Hole() ensures false }",
       {"bodyless"}},
      {"verify false", "method {:verify false} V() ensures false {}", {"verify-false"}},
      {"only on a lemma", "lemma {:only} L() ensures true {}", {"only"}},
      {"only on an assert", "method M() { assert {:only} true; }", {"only"}},
      {"@VerifyOnly", "@VerifyOnly lemma L() ensures true {}", {"only"}},
      {"options", "module {:options \"--allow-axioms\"} M { }", {"options"}},
      {"selective checking",
       "method {:selective_checking} S() ensures false { assert {:start_checking_here} true; }",
       {"attribute", "attribute"}},
      {"termination false", "trait {:termination false} T { method X() }", {"termination"}},
      {"unknown attribute", "method {:frobnicate} M() {}", {"attribute"}},
      {"decreases star on a method and a loop",
       "method D() ensures false decreases * { while true decreases * {} }",
       {"decreases-star", "decreases-star"}},
      {"loop without a body", "method W() ensures false { while true }", {"bodyless-loop"}},
      {"forall statement without a body",
       "lemma F() ensures forall x: int :: x < 0 { forall x: int ensures x < 0; }",
       {"bodyless-loop"}},
      // Not assumptions:
      {"proof-steering attributes",
       "lemma {:induction false} {:fuel F, 2} L() ensures true {} "
       "function F(x: int): int { x } method {:vcs_split_on_every_assert} M() {}",
       {}},
      {"abstract trait member", "trait T { method X() ensures false }", {}},
      {"uninterpreted function", "function H(x: int): int", {}},
      {"extern with a body", "method {:extern} M() ensures true {}", {}},
      {"assume in a comment and a string",
       "method M() { // assume false\n var s := \"assume false\"; }",
       {}},
      {"expect is not reported here (the back-end decides)", "method E() { expect 1 == 1; }", {}},
      {"old@label is not an attribute",
       "method M(a: array<int>) modifies a { label L: a[0] := 1; assert old@L(a[0]) == "
       "old@L(a[0]); }",
       {}},
      {"quantifier in a function body", "function P(): bool { forall x: int :: x == x }", {}},
  };
  for (const auto& row : rows) {
    INFO(row.what);
    CHECK(kinds_of(row.text) == row.kinds);
  }
}

// Contract: each finding names its place, its declaration (qualified) and its text.
TEST_CASE("assumption scan: locations, declarations and text", "[unit]") {
  auto found = scan_dafny_assumptions(
      "module M {\n  class C {\n    method X() { assume   1 == 1 ; }\n  }\n}\n", "dir/s.dfy");
  REQUIRE(found.size() == 1);
  CHECK(found[0].where.file == "dir/s.dfy");
  CHECK(found[0].where.line == 3);
  CHECK(found[0].where.column == 18);
  CHECK(found[0].declaration == "M.C.X");
  CHECK(found[0].text == "assume 1 == 1 ;");
  CHECK(found[0].found_by == "verigen");
}

// Contract: expect statements are found to their `;` and blanked without moving anything else.
TEST_CASE("expect statements and blanking", "[unit]") {
  std::string text = "method Main() {\n  expect f(1) == 2, \"msg\";\n  print 1;\n}\n";
  auto ranges = expect_statements(text);
  REQUIRE(ranges.size() == 1);
  CHECK(text.substr(ranges[0].first, ranges[0].second - ranges[0].first) ==
        "expect f(1) == 2, \"msg\";");
  auto blank = blank_ranges(text, ranges);
  CHECK(blank.size() == text.size());
  CHECK(blank.find("expect") == std::string::npos);
  CHECK(blank.find("print 1;") == text.find("print 1;"));
}

// Contract: include directives are read as written, with their places.
TEST_CASE("include directives", "[unit]") {
  auto includes = included_files("include \"a.dfy\"\ninclude \"../lib/b c.dfy\"\nmethod M() {}\n");
  REQUIRE(includes.size() == 2);
  CHECK(includes[0].file == "a.dfy");
  CHECK(includes[1].file == "../lib/b c.dfy");
  CHECK(includes[1].offset == 16);
}

// Contract: the policy allows an assumption the original has in the same declaration with the
// same text, one for one; a hole's assumptions are not the candidate's to keep; kinds the
// user allowed pass anywhere.
TEST_CASE("assumption policy matches against the original", "[unit]") {
  auto original = scan_dafny_assumptions(
      "method M(x: int) { assume x > 0; }\nmethod H() ensures false\n", "o.dfy");
  AssumptionPolicy policy;
  policy.holes = {"H"};
  auto same = scan_dafny_assumptions(
      "method M(x: int) { assume x > 0; }\nmethod H() ensures false\n", "c.dfy");
  apply_assumption_policy(same, original, policy);
  REQUIRE(same.size() == 2);
  CHECK(same[0].allowed_by == "spec");
  CHECK_FALSE(same[1].allowed());  // the hole left body-less
  auto doubled =
      scan_dafny_assumptions("method M(x: int) { assume x > 0; assume x > 0; }\n", "c.dfy");
  apply_assumption_policy(doubled, original, policy);
  CHECK(doubled[0].allowed());
  CHECK_FALSE(doubled[1].allowed());
  auto changed = scan_dafny_assumptions("method M(x: int) { assume false; }\n", "c.dfy");
  apply_assumption_policy(changed, original, policy);
  CHECK_FALSE(changed[0].allowed());
  auto moved = scan_dafny_assumptions("method N(x: int) { assume x > 0; }\n", "c.dfy");
  apply_assumption_policy(moved, original, policy);
  CHECK_FALSE(moved[0].allowed());
  policy.allowed = {"assume:N"};
  apply_assumption_policy(moved, {}, policy);
  CHECK(moved[0].allowed_by == "--allow-assumption assume");
  Verdict v = Verdict::verified_by("dafny");
  v.assumptions = changed;
  settle_assumptions(v);
  CHECK(v.outcome == Outcome::Refuted);
  CHECK(v.cause == Cause::Integrity);
  CHECK(v.detail.find("assumption (assume) in 'M'") != std::string::npos);
}
