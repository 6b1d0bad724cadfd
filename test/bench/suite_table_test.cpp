// The table of benchmark suites: one entry per suite, each complete; unknown names refused in
// one line that lists the known ones.

#include "benchmarks/harness/suite_table.h"

#include <catch2/catch.hpp>
#include <set>
#include <sstream>

using namespace verigen;
using namespace verigen::bench;

// Contract: names are unique and non-empty, every entry has a loader and a solver, and
// suite_names() lists the table in its order.
TEST_CASE("suite table entries are unique and complete", "[unit]") {
  std::set<std::string> seen;
  REQUIRE_FALSE(suite_table().empty());
  for (const auto& suite : suite_table()) {
    INFO(suite.name);
    CHECK_FALSE(suite.name.empty());
    CHECK(seen.insert(suite.name).second);
    CHECK(static_cast<bool>(suite.load));
    CHECK(static_cast<bool>(suite.solver));
    auto found = find_suite(suite.name);
    REQUIRE(found.ok());
    CHECK(*found == &suite);
  }
  const auto names = suite_names();
  CHECK(names.size() == suite_table().size());
  CHECK(std::set<std::string>(names.begin(), names.end()) == seen);
}

// Contract: an unknown suite is one line naming it and listing every known suite, from
// find_suite, load_suite and run_bench alike (run_bench touches nothing else first).
TEST_CASE("an unknown suite is one line listing the known ones", "[unit]") {
  auto unknown = find_suite("nosuch");
  REQUIRE_FALSE(unknown.ok());
  const std::string& message = unknown.error();
  CHECK(message.rfind("bench: error: unknown suite 'nosuch' (", 0) == 0);
  CHECK(message.find('\n') == std::string::npos);
  for (const auto& name : suite_names()) CHECK(message.find(name) != std::string::npos);
  auto loaded = load_suite("nosuch", "/nonexistent");
  REQUIRE_FALSE(loaded.ok());
  CHECK(loaded.error() == message);

  RunOptions o;
  o.suite = "nosuch";
  o.db = "/nonexistent/never-created.db";
  std::ostringstream out, err;
  CHECK(run_bench(o, out, err) == 2);
  CHECK(err.str() == message + "\n");
}
