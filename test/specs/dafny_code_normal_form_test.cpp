#include <catch2/catch.hpp>

#include "specs/dafny/code_normal_form.h"
#include "specs/dafny/lexer.h"

using namespace verigen::dafny;

namespace {

/// The normal form of `code`, re-joined with single spaces.
std::string normal(const std::string& code) {
  auto lexed = lex(code);
  REQUIRE_FALSE(lexed.error);
  std::vector<std::string_view> texts;
  for (const auto& t : lexed.tokens) texts.push_back(t.text);
  std::string out;
  for (auto k : code_normal_form(texts)) out += (out.empty() ? "" : " ") + std::string(texts[k]);
  return out;
}

}  // namespace

// Contract: parentheses that only restate precedence are dropped; the result reads as Dafny.
TEST_CASE("redundant parentheses are dropped", "[unit]") {
  struct Row {
    const char* code;
    const char* normal;
  };
  const Row rows[] = {
      {"ensures s == (x + y)", "ensures s == x + y"},
      {"if (i < n) { i := i + 1; }", "if i < n { i := i + 1 ; }"},
      {"while (i < n) { }", "while i < n { }"},
      {"x := ((a));", "x := a ;"},
      {"return (a * b) + c;", "return a * b + c ;"},
      {"x := a[(i + 1)..j];", "x := a [ i + 1 .. j ] ;"},
      {"y := -(x);", "y := - x ;"},
      {"r := (|s| - 1);", "r := | s | - 1 ;"},
      {"{ (forall i :: 0 <= i < n ==> a[i] > 0) }", "{ forall i :: 0 <= i < n ==> a [ i ] > 0 }"},
      {"x := (a).Length;", "x := a . Length ;"},
  };
  for (const auto& row : rows) {
    INFO(row.code);
    CHECK(normal(row.code) == row.normal);
  }
}

// Contract: parentheses that group differently from precedence, or are not groups, stay.
TEST_CASE("meaningful parentheses are kept", "[unit]") {
  const char* kept[] = {
      "x := (a + b) * c;",
      "x := a - (b - c);",
      "x := (a - b) - c;",  // equal precedence is never touched, though this pair is redundant
      "ensures (a && b) || c",
      "ensures (a ==> b) ==> c",
      "ensures (a < b) == c",
      "ensures !(a && b)",
      "ensures (forall i :: P(i)) && Q",
      "x := f(a);",
      "x := (a, b);",
      "x := ();",
      "x := seq<int>(n, i => i);",
      "x := (y) => y + 1;",
      "x := (a | b) + c;",
  };
  for (const char* code : kept) {
    INFO(code);
    std::string joined;
    auto lexed = lex(code);
    for (const auto& t : lexed.tokens) joined += (joined.empty() ? "" : " ") + std::string(t.text);
    CHECK(normal(code) == joined);
  }
}

// Contract: blocks emptied by erasing annotations disappear; loops and non-empty blocks do not.
TEST_CASE("empty else and if blocks are dropped", "[unit]") {
  CHECK(normal("if c { x := 1; } else { } y := 2;") == "if c { x := 1 ; } y := 2 ;");
  CHECK(normal("if c { } y := 2;") == "y := 2 ;");
  CHECK(normal("if c { } else { } y := 2;") == "y := 2 ;");
  CHECK(normal("if a { x := 1; } else if b { } y := 2;") == "if a { x := 1 ; } y := 2 ;");
  CHECK(normal("if c { } else { x := 1; }") == "if c { } else { x := 1 ; }");
  CHECK(normal("while c { }") == "while c { }");
}

// Contract: unbalanced input (a damaged file) is returned whole.
TEST_CASE("unbalanced tokens are returned whole", "[unit]") {
  CHECK(normal(") (x)") == ") ( x )");
  CHECK(normal("((x)") == "( ( x )");
}
