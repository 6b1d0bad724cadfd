// Table test: real `dafny audit` outputs recorded by test/fixtures/dafny/record.sh, and the
// assumptions each must give; damaged outputs must fail rather than read as "no assumption".

#include "backends/dafny/dafny_audit.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <fstream>
#include <map>
#include <sstream>

using namespace verigen;
using namespace verigen::dafny;

namespace {

std::string recorded(const std::string& name) {
  std::ifstream in(
      std::string(VERIGEN_SOURCE_DIR) + "/test/fixtures/dafny/recorded/" + name + ".stdout",
      std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  REQUIRE_FALSE(s.str().empty());
  return s.str();
}

}  // namespace

// Contract: every audit finding is an assumption with its place (1-based column), declaration
// and kind; the resolver's assumption warnings are assumptions too (from "dafny"), other
// warnings are not; file names are re-pointed at the display path.
TEST_CASE("recorded dafny audit output: every kind", "[unit]") {
  auto parsed =
      parse_audit_output(recorded("audit_hatches"), PathMapping{"audit_hatches.dfy", "shown.dfy"});
  REQUIRE(parsed.ok());
  std::map<std::string, int> audit_kinds;
  int from_resolver = 0;
  for (const auto& a : *parsed) {
    CHECK(a.where.file == "shown.dfy");
    if (a.found_by == "dafny audit")
      ++audit_kinds[a.kind];
    else
      ++from_resolver;
  }
  CHECK(audit_kinds == std::map<std::string, int>{{"assume", 2},
                                                  {"axiom", 1},
                                                  {"extern", 3},
                                                  {"only", 1},
                                                  {"bodyless-loop", 1},
                                                  {"decreases-star", 1},
                                                  {"verify-false", 1},
                                                  {"bodyless", 1},
                                                  {"termination", 1}});
  CHECK(from_resolver == 8);
  const Assumption& first_audit =
      *std::find_if(parsed->begin(), parsed->end(),
                    [](const Assumption& a) { return a.found_by == "dafny audit"; });
  CHECK(first_audit.declaration == "L1");
  CHECK(first_audit.kind == "assume");
  CHECK(first_audit.where.line == 2);
  CHECK(first_audit.where.column == 28);

  auto clean = parse_audit_output(recorded("audit_clean"), PathMapping{"audit_clean.dfy", "c.dfy"});
  REQUIRE(clean.ok());
  CHECK(clean->empty());
}

// Contract: an output that does not account for its findings is a failure, never an empty list.
TEST_CASE("damaged dafny audit output fails", "[unit]") {
  auto text = recorded("audit_hatches");
  PathMapping paths{"audit_hatches.dfy", "a.dfy"};
  auto truncated = text.substr(0, text.find("Dafny auditor completed"));
  CHECK_FALSE(parse_audit_output(truncated, paths).ok());
  auto miscounted = text;
  miscounted.replace(miscounted.find("12 findings"), 11, "13 findings");
  auto result = parse_audit_output(miscounted, paths);
  REQUIRE_FALSE(result.ok());
  CHECK(result.error().find("13 findings but 12") != std::string::npos);
  CHECK_FALSE(parse_audit_output("", paths).ok());
  // A finding in words no version of Dafny used yet still counts, as kind "other".
  auto novel = parse_audit_output(
      "x.dfy(1,0): Warning: Q: Something new. Possible mitigation: none.\n"
      "Dafny auditor completed with 1 findings\n",
      paths);
  REQUIRE(novel.ok());
  REQUIRE(novel->size() == 1);
  CHECK((*novel)[0].kind == "other");
}

// Contract: the audit command lists every file, guarding names that look like options.
TEST_CASE("dafny audit command", "[unit]") {
  CHECK(audit_command({"dafny"}, {"a.dfy", "-b.dfy"}) ==
        std::vector<std::string>{"dafny", "audit", "a.dfy", "./-b.dfy"});
}
