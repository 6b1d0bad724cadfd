// What the builtin annotator reads off a loop (types, exits, later asserts, frames) and the
// templates it derives from them, without a verifier.

#include <catch2/catch.hpp>
#include <string>

#include "gen/builtin/dafny_loops.h"
#include "gen/builtin/decreases_candidates.h"
#include "gen/builtin/derived_invariants.h"
#include "gen/builtin/initial_type.h"
#include "gen/builtin/invariant_templates.h"
#include "gen/builtin/loop_frames.h"
#include "gen/builtin/sampled_equalities.h"

using namespace verigen;

namespace {

bool has(const std::vector<std::string>& list, const std::string& item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

LoopSite only_loop(const std::string& text) {
  auto sites = dafny_loop_sites(text);
  REQUIRE(sites.size() == 1);
  return sites[0];
}

}  // namespace

// Contract: a local's type is read off its initialiser; what cannot be told stays unknown.
TEST_CASE("initialiser types", "[unit]") {
  std::vector<ScopedVariable> known = {{"n", "nat", ""}, {"s", "seq<int>", ""}};
  CHECK(infer_initial_type("0", known) == "int");
  CHECK(infer_initial_type("'}'", known) == "char");
  CHECK(infer_initial_type("\"ab\"", known) == "string");
  CHECK(infer_initial_type("true", known) == "bool");
  CHECK(infer_initial_type("1.5", known) == "real");
  CHECK(infer_initial_type("new int[n]", known) == "array<int>");
  CHECK(infer_initial_type("|s| - 1", known) == "int");
  CHECK(infer_initial_type("n * 2 + a.Length", known) == "int");
  CHECK(infer_initial_type("s", known) == "seq<int>");
  CHECK(infer_initial_type("F(n)", known).empty());
  CHECK(infer_initial_type("s[0]", known).empty());
}

// Contract: no template compares a char (or a variable of unknown type) with an int.
TEST_CASE("templates never mix types", "[unit]") {
  auto loop = only_loop(
      "method M(s: string) returns (n: int) ensures n >= 0 {\n"
      "  var c := '}';\n  var x := G(s);\n  var i := 0;\n  n := 0;\n"
      "  while i < |s| { if s[i] == c { n := n + 1; } i := i + 1; }\n}\n");
  auto invariants = enumerate_invariants(loop);
  CHECK(has(invariants, "i <= |s|"));
  CHECK(has(invariants, "n <= i"));
  for (const auto& inv : invariants) {
    INFO(inv);
    CHECK(inv.find('c') == std::string::npos);  // neither `c` nor `x` takes part
    CHECK(inv.find('x') == std::string::npos);
  }
}

// Contract: an early exit's condition becomes a history over the earlier indices; the
// consequent of an implication in a postcondition is cut at the counter; a later assert is a
// goal like a postcondition.
TEST_CASE("exit history, implications and later asserts", "[unit]") {
  auto loop = only_loop(
      "method Find(a: array<int>, key: int) returns (r: int)\n"
      "  ensures r < 0 ==> forall k :: 0 <= k < a.Length ==> a[k] != key\n{\n"
      "  var i := 0;\n"
      "  while i < a.Length { if a[i] == key { return i; } i := i + 1; }\n"
      "  assert {:focus} forall k :: 0 <= k < a.Length ==> a[k] != key + 1 || true;\n"
      "  return -1;\n}\n");
  CHECK(loop.exits_early);
  REQUIRE(loop.exit_conditions.size() == 1);
  CHECK(loop.exit_conditions[0] == "a[i] == key");
  REQUIRE(loop.later_asserts.size() == 1);
  auto invariants = enumerate_invariants(loop);
  CHECK(has(invariants, "forall k :: 0 <= k < i ==> !(a[k] == key)"));
  CHECK(has(invariants, "forall k :: 0 <= k < i ==> a[k] != key"));
  CHECK(has(invariants, "forall k :: 0 <= k < i ==> a[k] != key + 1 || true"));
}

// Contract: a modified array keeps its old values beyond the counter; an array in the frame
// that the loop does not write keeps all of them; whole-array slices become prefixes.
TEST_CASE("frames and prefixes", "[unit]") {
  auto loop = only_loop(
      "function Sum(s: seq<int>): int\n"
      "method M(a: array<int>, b: array<int>) returns (t: int)\n"
      "  modifies a, b\n  ensures t == Sum(a[..])\n{\n"
      "  var i := 0;\n  t := 0;\n"
      "  while i < a.Length { t := t + a[i]; a[i] := 0; i := i + 1; }\n}\n");
  CHECK(loop.frames == std::vector<std::string>{"a", "b"});
  auto invariants = enumerate_invariants(loop);
  CHECK(has(invariants, "forall k :: i <= k < a.Length ==> a[k] == old(a[k])"));
  CHECK(has(invariants, "b[..] == old(b[..])"));
  CHECK(has(invariants, "t == Sum(a[..i])"));
}

// Contract: conjuncts split at the top level only, never inside a quantifier or brackets.
TEST_CASE("top-level conjuncts", "[unit]") {
  CHECK(top_level_conjuncts("a && (b && c) && forall k :: p && q") ==
        std::vector<std::string>{"a", "(b && c)", "forall k :: p && q"});
}

// Contract: a `for` loop is annotated like the `while` loop it stands for: its variable starts
// at the first bound and runs to the second, up (`to`) or down (`downto`).
TEST_CASE("for loops", "[unit]") {
  auto up = only_loop(
      "method M(a: array<int>) returns (s: int) ensures s == 0 {\n"
      "  s := 0;\n  for i := 0 to a.Length { s := s + 0; }\n}\n");
  CHECK(up.guard == "i < a.Length");
  CHECK(has(enumerate_invariants(up), "0 <= i <= a.Length"));
  auto down =
      only_loop("method M(n: nat) { var c := 0; for j: int := n downto 1 { c := c + 1; } }\n");
  CHECK(down.guard == "j > 1");
  CHECK(has(enumerate_invariants(down), "1 <= j <= n"));
}

// Contract: a `forall x | range :: body` goal is cut like `forall x :: range ==> body`, at one
// moved variable or between two (a three-way partition's bands).
TEST_CASE("range cuts of bar-form quantifiers", "[unit]") {
  auto loop = only_loop(
      "method P(a: array<int>) returns (lo: int, hi: int) modifies a\n"
      "  ensures forall x | lo <= x < hi :: a[x] == 0\n{\n"
      "  var i := 0; var j := a.Length;\n"
      "  while i < j { if a[i] == 0 { i := i + 1; } else { j := j - 1; } }\n"
      "  return i, j;\n}\n");
  auto invariants = enumerate_invariants(loop);
  CHECK(has(invariants, "forall x :: lo <= x < i ==> a[x] == 0"));
  CHECK(has(invariants, "forall x :: i <= x < j ==> a[x] == 0"));
}

// Contract: the measures offered are the distances the guard's comparisons bound, both ways
// for `!=`, lengths for emptiness tests, nothing for a guard without a comparison.
TEST_CASE("decreases candidates from the guard", "[unit]") {
  auto measures = [](const std::string& guard) {
    LoopSite site;
    site.guard = guard;
    return decreases_candidates(site);
  };
  CHECK(measures("k != n") == std::vector<std::string>{"n - k", "k - n"});
  CHECK(measures("i < a.Length && a[i] != key") ==
        std::vector<std::string>{"a.Length - i", "key - a[i]", "a[i] - key"});
  CHECK(measures("lo <= hi") == std::vector<std::string>{"hi - lo"});
  CHECK(measures("x > 0") == std::vector<std::string>{"x"});
  CHECK(measures("i < n - 1") == std::vector<std::string>{"n - 1 - i"});
  CHECK(measures("j < i + 1") == std::vector<std::string>{"i + 1 - j"});
  CHECK(measures("n > i + 1") == std::vector<std::string>{"n - (i + 1)"});
  CHECK(measures("items != {}") == std::vector<std::string>{"|items|"});
  CHECK(measures("|s| > 0") == std::vector<std::string>{"|s|"});
  CHECK(measures("j < a.Length || i < j") == std::vector<std::string>{"a.Length - j", "j - i"});
  CHECK(measures("!done").empty());
  CHECK(is_termination_error(
      "cannot prove termination; try supplying a decreases clause for the loop"));
  CHECK(is_termination_error("decreases expression might not decrease"));
  CHECK_FALSE(is_termination_error("a postcondition could not be proved on this return path"));
}

// Contract: the heap a loop writes is read off its assignments (through a scoped name, or a
// field of `this`; never a local the body declares), and a loop `modifies` clause is proposed
// only when the method may modify something the loop does not write.
TEST_CASE("loop modifies clauses", "[unit]") {
  auto site = only_loop(
      "method M(a: array<int>, b: array<int>, t: T) modifies a, b, t {\n"
      "  var i := 0;\n"
      "  while i < a.Length {\n"
      "    var tmp := a[i];\n"
      "    tmp := tmp + 1;\n"
      "    a[i] := tmp;\n"
      "    i := i + 1;\n"
      "  }\n"
      "}\n");
  CHECK(site.heap_written == std::vector<std::string>{"a"});
  CHECK(loop_modifies_clause(site) == std::optional<std::string>("modifies a"));

  // All of the frame written (a set display counts as its members): nothing new to say.
  auto all = only_loop(
      "method M(a: array<int>, t: T) modifies {a, t} {\n"
      "  var i := 0;\n"
      "  while i < a.Length { a[i] := 0; t.n := i; i := i + 1; }\n"
      "}\n");
  CHECK(all.heap_written == std::vector<std::string>{"a", "t"});
  CHECK_FALSE(loop_modifies_clause(all).has_value());

  // A field assignment in a class method writes `this`; a loop writing no heap gets `{}`.
  auto fields = only_loop(
      "class C { var n: int\n"
      "  method Bump(a: array<int>) modifies this, a {\n"
      "    var i := 0;\n"
      "    while i < 3 { n := n + 1; i := i + 1; }\n"
      "  }\n"
      "}\n");
  CHECK(fields.heap_written == std::vector<std::string>{"this"});
  CHECK(loop_modifies_clause(fields) == std::optional<std::string>("modifies this"));
  auto reads_only = only_loop(
      "method S(a: array<int>) returns (s: int) modifies a {\n"
      "  var i := 0; s := 0;\n"
      "  while i < a.Length { s := s + a[i]; i := i + 1; }\n"
      "}\n");
  CHECK(reads_only.heap_written.empty());
  CHECK(loop_modifies_clause(reads_only) == std::optional<std::string>("modifies {}"));

  // No frame on the method: no clause.
  auto pure = only_loop(
      "method P(n: int) returns (s: int) { s := 0; var i := 0; while i < n { s := s + i; i := i + "
      "1; } }\n");
  CHECK_FALSE(loop_modifies_clause(pure).has_value());
}

// Contract: the state terms are the integer variables (moved ones first), array lengths and
// sequence lengths; the equalities are those all distinct states satisfy, over a moved term,
// with the constant on the side that keeps it positive, and none from too few states.
TEST_CASE("equalities read off sampled states", "[unit]") {
  auto loop = only_loop(
      "method M(n: nat, a: array<int>) returns (x: int) {\n"
      "  x := 0; var k := n;\n"
      "  while k > 0 { x := x + 2; k := k - 1; }\n"
      "}\n");
  const auto terms = state_terms(loop);
  REQUIRE(terms == std::vector<std::string>{"x", "k", "n", "a.Length"});
  // n = 3, a.Length = 4: (x, k) = (0, 3), (2, 2), (4, 1); n = 5, a.Length = 0: (0, 5), (2, 4),
  // (4, 3); one state twice.
  std::vector<std::vector<long long>> states = {{0, 3, 3, 4}, {2, 2, 3, 4}, {4, 1, 3, 4},
                                                {0, 5, 5, 0}, {2, 4, 5, 0}, {4, 3, 5, 0},
                                                {0, 3, 3, 4}};
  auto eqs = sampled_equalities(loop, terms, states);
  CHECK(has(eqs, "x + 2 * k == 2 * n"));
  for (const auto& eq : eqs)
    CHECK((eq.find('x') != std::string::npos || eq.find('k') != std::string::npos));
  // Five distinct states for four terms: too few to trust.
  states.resize(5);
  CHECK(sampled_equalities(loop, terms, states).empty());
}

// Contract: a postcondition that calls a predicate of the program also stands as the
// predicate's body over the call's arguments, and a two-binder sortedness goal gives the
// partition across each moved variable.
TEST_CASE("inlined predicates and partitions", "[unit]") {
  auto loop = only_loop(
      "predicate Sorted(a: array<int>, lo: int, hi: int) reads a\n"
      "  requires 0 <= lo <= hi <= a.Length\n"
      "{ forall j, k :: lo <= j < k < hi ==> a[j] <= a[k] }\n"
      "method S(a: array<int>) modifies a ensures Sorted(a, 0, a.Length) {\n"
      "  var i := a.Length - 1;\n"
      "  while i > 0 { i := i - 1; }\n"
      "}\n");
  CHECK(has(loop.postconditions, "Sorted(a, 0, a.Length)"));
  CHECK(has(loop.postconditions, "forall j, k :: 0 <= j < k < a.Length ==> a[j] <= a[k]"));
  auto invariants = enumerate_invariants(loop);
  CHECK(has(invariants, "forall j, k :: 0 <= j <= i < k < a.Length ==> a[j] <= a[k]"));
  CHECK(has(invariants, "forall j, k :: 0 <= j < i <= k < a.Length ==> a[j] <= a[k]"));
  CHECK(has(invariants, "forall j, k :: i < j < k < a.Length ==> a[j] <= a[k]"));
  // A call with a compound argument is parenthesised; a call inside a larger conjunct is not
  // inlined.
  auto compound = only_loop(
      "predicate Pos(x: int) { x > 0 }\n"
      "method M(n: int) returns (r: int) ensures Pos(r + 1) && (Pos(n) ==> r > 0) {\n"
      "  r := 0; var i := 0;\n"
      "  while i < n { r := r + 1; i := i + 1; }\n"
      "}\n");
  CHECK(has(compound.postconditions, "(r + 1) > 0"));
  CHECK(compound.postconditions.size() == 2);
}

// Contract: clause texts are read without their comments: a `//` comment inside a multi-line
// ensures (or predicate body) must not reach an invariant, where it would swallow the rest of
// the line.
TEST_CASE("clause texts drop comments", "[unit]") {
  auto loop = only_loop(
      "predicate P(s: seq<int>)\n{\n  // all non-negative\n  forall i :: 0 <= i < |s| ==> s[i] >= "
      "0\n}\n"
      "method M(a: seq<int>) returns (r: seq<int>)\n"
      "  ensures forall x :: 0 <= x < |r| ==>\n    // a comment\n    r[x] >= 0\n"
      "  ensures P(r)\n{\n"
      "  r := []; var i := 0;\n"
      "  while i < |a| { if a[i] >= 0 { r := r + [a[i]]; } i := i + 1; }\n"
      "}\n");
  CHECK(has(loop.postconditions, "forall x :: 0 <= x < |r| ==> r[x] >= 0"));
  CHECK(has(loop.postconditions, "forall i :: 0 <= i < |r| ==> r[i] >= 0"));
  for (const auto& p : loop.postconditions) CHECK(p.find("//") == std::string::npos);
}
