#include "gen/code_blocks.h"

#include <catch2/catch.hpp>

using namespace verigen;

// Contract: fenced blocks come out in order with their language; prose around them is dropped.
TEST_CASE("fenced blocks are extracted with their language", "[unit]") {
  auto blocks = extract_code_blocks(
      "Here is the code:\n```Dafny\nmethod M() {}\n```\nand a second one\n~~~\nx\n~~~\n");
  REQUIRE(blocks.size() == 2);
  CHECK(blocks[0].language == "dafny");
  CHECK(blocks[0].code == "method M() {}\n");
  CHECK(blocks[0].closed);
  CHECK(blocks[1].language.empty());
  CHECK(blocks[1].code == "x\n");
}

// Contract: a completion without fences is taken as bare code; a truncated fence is marked.
TEST_CASE("bare and truncated completions", "[unit]") {
  auto bare = extract_code_blocks("  method M() {}  \n");
  REQUIRE(bare.size() == 1);
  CHECK(bare[0].code == "method M() {}\n");
  auto cut = extract_code_blocks("```dafny\nmethod M() {\n  var x");
  REQUIRE(cut.size() == 1);
  CHECK_FALSE(cut[0].closed);
  CHECK(extract_code_blocks("   \n").empty());
}

// Contract: layout and line comments do not make two candidates different.
TEST_CASE("normalisation ignores layout and comments", "[unit]") {
  CHECK(normalize_code("x := 1; // set\n  y := 2;") == normalize_code("x := 1;\ny := 2;"));
  CHECK(normalize_code("x := 1;") != normalize_code("x := 2;"));
}
