// Lean readers on hostile sizes: lines long enough to overflow std::regex's recursion, positions
// too large for an int.

#include <catch2/catch.hpp>
#include <string>

#include "backends/lean/lean_output.h"
#include "specs/lean/lean_spec.h"

using namespace verigen;
using namespace verigen::lean;

// Contract: CLEVER markers are recognised in all their spellings; a 900,000-character line of
// dashes (SIGSEGV in std::regex before) is just a line.
TEST_CASE("CLEVER markers are scanned, not matched by regex", "[unit]") {
  auto sections = clever_sections(
      "p.lean", "--  start_def a\nx\n---- -- end_def a \n-- start_def b\n\t--\tend_def\tb\n");
  REQUIRE(sections.ok());
  REQUIRE(sections->size() == 2);
  CHECK((*sections)[0].name == "a");
  CHECK((*sections)[1].name == "b");
  for (const char* not_marker : {"- start_def a", "-- start_defa", "-- start_def a b",
                                 "start_def a", "-- start_def", "-- start_def a\r"}) {
    INFO(not_marker);
    auto none = clever_sections("p.lean", std::string(not_marker) + "\n");
    REQUIRE(none.ok());
    CHECK(none->empty());
  }
  // Found by fuzzing: the regex backtracked exponentially over ways to split a run of dashes
  // (a 2 KB CLEVER file with 38 dashes before `result` ran for minutes).
  auto dashes_then_code = clever_sections("p.lean", std::string(60, '-') + "result := 1\n");
  REQUIRE(dashes_then_code.ok());
  CHECK(dashes_then_code->empty());
  std::string dashes;
  for (int i = 0; i < 300000; ++i) dashes += "-- ";
  auto long_line = clever_sections("p.lean", dashes + "start_def X\ny\n-- end_def X\n");
  REQUIRE(long_line.ok());
  CHECK(long_line->size() == 1);
}

// Contract: a 300,000-character output line (SIGSEGV in std::regex before) is message text, and
// positions beyond int range saturate instead of throwing.
TEST_CASE("lean text output with a huge line and huge positions", "[unit]") {
  const PathMapping paths{"/tmp/x/a.lean", "a.lean"};
  auto messages = parse_text_messages(std::string(300000, 'a') + ":1:2: error: boom\n", paths);
  REQUIRE(messages.size() == 1);
  CHECK(messages[0].severity == Severity::Info);
  auto big = parse_text_messages("a.lean:99999999999999999999:2147483647: error: x\n", paths);
  REQUIRE(big.size() == 1);
  CHECK(big[0].where.line == 1000000000);
  CHECK(big[0].where.column == 1000000001);
}
