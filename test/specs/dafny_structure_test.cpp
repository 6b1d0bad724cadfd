#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "specs/dafny/lexer.h"
#include "specs/dafny/structure.h"

using namespace verigen::dafny;

// Contract: comments (nested), strings (verbatim too), chars and primes lex correctly.
TEST_CASE("lexer handles Dafny's lexical corners", "[unit]") {
  auto lexed =
      lex("/* a /* nested */ comment */ x' := @\"say \"\"hi\"\"\" + 'c' + \"\\\"\"; // end");
  REQUIRE_FALSE(lexed.error);
  REQUIRE(lexed.tokens.size() == 8);
  CHECK(lexed.tokens[0].text == "x'");
  CHECK(lexed.tokens[1].text == ":=");
  CHECK(lexed.tokens[2].kind == TokenKind::String);
  CHECK(lexed.tokens[4].kind == TokenKind::Char);
  CHECK(lexed.comments.size() == 2);
}

// Contract: unterminated constructs give an error offset, never a crash or a hang.
TEST_CASE("lexer errors on unterminated input", "[unit]") {
  CHECK(lex("method M() { /* open").error->message == "unterminated comment");
  CHECK(lex("var s := \"abc").error->message == "unterminated string");
  for (const std::string& garbage :
       std::vector<std::string>{"\"", "'", "@\"", "/*", "'\\", std::string(1, '\0'), "\xff\xfe"})
    (void)lex(garbage);
}

// Contract: declarations come with signature, contracts, body and doc comment; loops with their
// clauses; set displays in contracts are not mistaken for bodies.
TEST_CASE("structure of a small program", "[unit]") {
  const char* text =
      "module M {\n"
      "  /// Doc of F.\n"
      "  function F(x: int): int\n    requires x in {1, 2}\n  { x + 1 }\n"
      "  method {:verify false} G(n: nat) returns (s: nat)\n    ensures s == n\n  {\n"
      "    s := 0;\n    while s < n\n      invariant s <= n\n    {\n      s := s + 1;\n      "
      "assert s > 0;\n    }\n  }\n"
      "  lemma L(x: int) ensures x * 0 == 0\n"
      "}\n";
  auto s = parse_structure(text);
  REQUIRE_FALSE(s.error);
  REQUIRE(s.declarations.size() == 3);
  const auto& f = s.declarations[0];
  CHECK(f.qualified_name == "M.F");
  CHECK(f.doc == "Doc of F.");
  REQUIRE(f.contracts.size() == 1);
  CHECK(token_text(s, f.contracts[0].tokens) == "requires x in { 1 , 2 }");
  REQUIRE(f.body);
  CHECK(token_text(s, *f.body) == "{ x + 1 }");
  const auto& g = s.declarations[1];
  CHECK(g.name == "G");
  REQUIRE(g.attributes.size() == 1);
  CHECK(g.attributes[0] == "{: verify false }");
  CHECK_FALSE(s.declarations[2].body);
  REQUIRE(s.loops.size() == 1);
  CHECK(token_text(s, s.loops[0].guard) == "s < n");
  REQUIRE(s.loops[0].clauses.size() == 1);
  CHECK(s.proof_statements.size() == 1);
}

// Contract: `f.requires(x)` and `f.reads(x)` are members of a function value inside a clause,
// not the start of the next clause.
TEST_CASE("function-value members are not clause keywords", "[unit]") {
  auto s = parse_structure(
      "method M<A>(f: A -> bool, x: A) returns (r: bool)\n"
      "  requires f.requires(x) && f.reads(x) == {}\n"
      "  ensures r == f(x)\n"
      "{ r := f(x); }\n");
  REQUIRE_FALSE(s.error);
  REQUIRE(s.declarations.size() == 1);
  const auto& m = s.declarations[0];
  REQUIRE(m.contracts.size() == 2);
  CHECK(token_text(s, m.contracts[0].tokens) ==
        "requires f . requires ( x ) && f . reads ( x ) == { }");
  CHECK(m.contracts[1].keyword == "ensures");
}

// Contract: unbalanced brackets are reported with their offset.
TEST_CASE("unbalanced braces are an error", "[unit]") {
  auto s = parse_structure("method M() {\n  if true {\n}\n");
  REQUIRE(s.error);
  CHECK(s.error->find("never closed") != std::string::npos);
}
