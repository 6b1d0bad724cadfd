// Spec examples read as data: the literal grammar, its Python form, what is refused, and the
// spec reader's file:line:col errors.

#include <catch2/catch.hpp>

#include "specs/dafny/example_call.h"
#include "specs/dafny/spec_file.h"

using namespace verigen;
using namespace verigen::dafny;

// Contract: a call with literal arguments and a literal value becomes a function name and
// Python literals that ast.literal_eval reads; Dafny spellings are translated.
TEST_CASE("example literals and their Python form", "[unit]") {
  struct Row {
    const char* text;
    const char* function;
    const char* arguments;
    const char* expected;
  };
  const Row rows[] = {
      {"Max(3, 5) == 5", "Max", "[3, 5]", "5"},
      {"  Max( -2 ,-7 )==-2  ", "Max", "[-2, -7]", "-2"},
      {"F() == true", "F", "[]", "True"},
      {"F(False) == false", "F", "[False]", "False"},
      {"F(1_000, 0x1F, 007) == 0.25", "F", "[1000, 0x1F, 7]", "0.25"},
      {"Rev(\"ab\\n\\\"c\") == \"c\\\"\\nba\"", "Rev", "[\"ab\\x0a\\\"c\"]", "\"c\\\"\\x0aba\""},
      {"Up('a') == 'A'", "Up", "[b'\\x61']", "b'\\x41'"},
      {"Len('abc') == 3", "Len", "[\"abc\"]", "3"},
      {"Accent(\"\xc3\xa9\") == '\xc3\xa9'", "Accent", "[\"\\u00e9\"]", "b'\\xc3\\xa9'"},
      {"Esc(\"\\u0041\\U{1F600}\") == 0", "Esc", "[\"A\\U0001f600\"]", "0"},
      {"Sum([1, [2, 3]], []) == 6", "Sum", "[[1, [2, 3]], []]", "6"},
      {"T((1), (2,), (1, 2), ()) == (0)", "T", "[1, (2,), (1, 2), ()]", "0"},
      {"S({1, 2}, {}) == {3}", "S", "[{1, 2}, set()]", "{3}"},
      {"M(map[1 := \"a\", 2 := \"b\"], map[]) == {1: 2}", "M", "[{1: \"a\", 2: \"b\"}, {}]",
       "{1: 2}"},
      {"Two(1) == 1, 2", "Two", "[1]", "(1, 2)"},
      {"Trailing(1, 2,) == [1, 2,]", "Trailing", "[1, 2]", "[1, 2]"},
      {"Eq(\"a == b\") == \"==\"", "Eq", "[\"a == b\"]", "\"==\""},
  };
  for (const auto& row : rows) {
    INFO(row.text);
    auto parsed = parse_example(row.text);
    INFO(parsed.error);
    REQUIRE(parsed.call);
    CHECK(parsed.call->function == row.function);
    CHECK(parsed.call->arguments == row.arguments);
    CHECK(parsed.call->expected == row.expected);
  }
  auto max = parse_example("  Max(3, 5)   ==   5  ");
  REQUIRE(max.call);
  CHECK(max.call->call_text == "Max(3, 5)");
  CHECK(max.call->expected_text == "5");
}

// Contract: anything that is code rather than data is refused, with the offset of the first
// offending character; nothing is translated for it.
TEST_CASE("examples that are code are refused", "[unit]") {
  struct Row {
    const char* text;
    const char* error;
    std::size_t offset;
  };
  const Row rows[] = {
      {"Max(__import__('os').system('touch x'), 5) == 5", "'__import__' is not a literal", 4},
      {"__import__('os').system('id') == 0", "'__import__' cannot be called from an example", 0},
      {"Max((1).__class__, 2) == 2", "unexpected '.', expected ',' or ')'", 7},
      {"Max(1, 2).real == 2", "expected '==' after the call", 9},
      {"os.system('id') == 0", "expected '(' after 'os'", 2},
      {"Max([x for x in (1, 2)][0], 2) == 2", "'x' is not a literal", 5},
      {"Max((lambda: 1)(), 2) == 2", "'lambda' is not a literal", 5},
      {"Max(1 + 1, 2) == 2", "unexpected '+', expected ',' or ')'", 6},
      {"Max(a, 2) == 2", "'a' is not a literal", 4},
      {"Max(1, 2) == max(1, 2)", "'max' is not a literal", 13},
      {"Max(1, 2) == 2 or __import__('os')", "'o' after the expected value", 15},
      {"Max(1, 2) == 2; import os", "unexpected ';' after the expected value", 14},
      {"Max([1, 2][0], 2) == 2", "unexpected '[', expected ',' or ')'", 10},
      {"Max(*[1, 2]) == 2", "unexpected '*'", 4},
      {"Max(f\"{1}\", 2) == 2", "'f' is not a literal", 4},
      {"Max(1e9, 2) == 2", "malformed number", 4},
      {"Max(1, 2)", "expected '== VALUE' after the call", 9},
      {"Max(1, 2 == 2", "unexpected '=', expected ',' or ')'", 9},
      {"Max(\"open, 2) == 2", "unterminated string literal", 4},
      {"Max(\"\\x41\", 2) == 2", "unknown escape", 5},
      {"(Max)(1, 2) == 2", "expected a call of the function", 0},
      {"Max{1: 2}(1) == 2", "expected '(' after 'Max'", 3},
  };
  for (const auto& row : rows) {
    INFO(row.text);
    auto parsed = parse_example(row.text);
    CHECK_FALSE(parsed.call);
    INFO(parsed.error);
    CHECK(parsed.error.find(row.error) != std::string::npos);
    CHECK(parsed.error_offset == row.offset);
  }
  // Deep nesting is an error, not a stack overflow.
  auto deep = parse_example("F(" + std::string(100000, '[') + std::string(100000, ']') + ") == 0");
  CHECK_FALSE(deep.call);
  CHECK(deep.error.find("nested more than 64 levels deep") != std::string::npos);
}

// Contract: the spec reader refuses a spec whose example is code, naming the file, line and
// column; an example must call a top-level method, function or predicate of the spec; good
// examples in `///` and `/** */` doc comments are read.
TEST_CASE("spec examples are checked when the spec is read", "[unit]") {
  const std::string contract =
      "method Max(a: int, b: int) returns (m: int)\n  ensures m >= a && m >= b\n";
  auto good = parse_spec(
      "max.dfy",
      "/// The larger.\n/// example: Max(3, 5) == 5\n/**\n * - example: Max(1, 1) == 1 */\n" +
          contract);
  REQUIRE(good.ok());
  REQUIRE(good->examples.size() == 2);
  CHECK(good->examples[0].input == "Max(3, 5)");
  CHECK(good->examples[0].expected == "5");
  CHECK(good->examples[1].input == "Max(1, 1)");
  CHECK(good->examples[1].expected == "1");

  auto evil = parse_spec(
      "evil.dfy",
      "/// The larger.\n/// example: Max(__import__('os').system('x'), 5) == 5\n" + contract);
  REQUIRE_FALSE(evil.ok());
  CHECK(evil.error().rfind("evil.dfy:2:18: error: example: '__import__' is not a literal", 0) == 0);

  auto other = parse_spec("other.dfy", "/// example: exec(\"1\") == 1\n" + contract);
  REQUIRE_FALSE(other.ok());
  CHECK(other.error().rfind(
            "other.dfy:1:14: error: example: 'exec' is not a method, function or predicate", 0) ==
        0);

  auto lemma =
      parse_spec("lemma.dfy", "lemma L() ensures true\n/// example: L() == 1\n" + contract);
  REQUIRE_FALSE(lemma.ok());
  CHECK(lemma.error().find("'L' is not a method, function or predicate") != std::string::npos);
}
