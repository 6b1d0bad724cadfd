// The builtin invariant templates on guards of every size: a hand-written scanner splits the
// comparison, so a deeply nested guard neither overflows the stack nor changes the templates.

#include "gen/builtin/invariant_templates.h"

#include <catch2/catch.hpp>
#include <string>

using namespace verigen;

namespace {

LoopSite counting_loop(const std::string& guard) {
  LoopSite loop;
  loop.guard = guard;
  loop.variables = {{"n", "int", ""}, {"i", "int", "0"}};
  loop.modified = {"i"};
  return loop;
}

bool has(const std::vector<std::string>& list, const std::string& item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

}  // namespace

// Contract: each comparison shape gives its bound templates; compound and non-comparison
// guards give none from the guard.
TEST_CASE("guard comparisons are split by the scanner", "[unit]") {
  CHECK(has(enumerate_invariants(counting_loop("i < n")), "0 <= i <= n"));
  CHECK(has(enumerate_invariants(counting_loop("  i<=n ")), "0 <= i <= n + 1"));
  CHECK(has(enumerate_invariants(counting_loop("i != n")), "i <= n"));
  CHECK(has(enumerate_invariants(counting_loop("n > i")), "i <= n"));
  CHECK(has(enumerate_invariants(counting_loop("i >= n")), "i >= n - 1"));
  CHECK(has(enumerate_invariants(counting_loop("i < n && n > 0")), "0 <= i <= n"));
  for (const char* guard : {"i == n", "i < n < 3", "i <", "< n", "!b", "a[i] > 0 || i < n"}) {
    INFO(guard);
    auto invariants = enumerate_invariants(counting_loop(guard));
    CHECK_FALSE(has(invariants, "0 <= i <= n"));
    CHECK_FALSE(has(invariants, "0 <= i <= n + 1"));
    CHECK_FALSE(has(invariants, "i <= n < 3"));
  }
}

// Contract: a guard nested 50,000 parentheses deep (which crashed std::regex with SIGSEGV)
// yields templates like any other guard, and the bound keeps its text.
TEST_CASE("a deeply nested guard does not overflow the stack", "[unit]") {
  const std::size_t depth = 50000;
  std::string bound = std::string(depth, '(') + "n" + std::string(depth, ')');
  auto invariants = enumerate_invariants(counting_loop("i < " + bound));
  CHECK(has(invariants, "i <= " + bound));
}
