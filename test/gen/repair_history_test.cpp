// The repair conversation: which earlier attempts a repair request carries, in which order,
// within its token budget.

#include <catch2/catch.hpp>

#include "gen/llm_generator.h"

using namespace verigen;

// Contract: turns come oldest first, each attempt (fenced) followed by its feedback; when the
// budget does not hold all, the newest are kept and a first turn says how many were left out;
// a budget of 0 carries nothing.
TEST_CASE("repair history keeps the newest attempts within its budget", "[unit]") {
  std::vector<RepairTurn> earlier = {
      {"one", "error one"}, {"two", "error two"}, {"three", "error three"}};
  auto all = repair_history(earlier, "dafny", 10000);
  REQUIRE(all.size() == 6);
  CHECK(all[0].role == "assistant");
  CHECK(all[0].content == "```dafny\none\n```");
  CHECK(all[1].role == "user");
  CHECK(all[1].content == "That attempt failed.\nerror one");
  CHECK(all[5].content == "That attempt failed.\nerror three");

  // One turn pair costs estimated_tokens of both texts: room for exactly the newest two.
  long pair = estimated_tokens("```dafny\nthree\n```") +
              estimated_tokens("That attempt failed.\nerror three");
  auto two = repair_history(earlier, "dafny", 2 * pair + 1);
  REQUIRE(two.size() == 5);
  CHECK(two[0].content == "1 earlier attempts are left out; the latest ones follow.");
  CHECK(two[1].content == "```dafny\ntwo\n```");
  CHECK(two[4].content == "That attempt failed.\nerror three");

  CHECK(repair_history(earlier, "dafny", 0).empty());
  CHECK(repair_history(earlier, "dafny", 3).empty());  // not even the newest fits
  CHECK(repair_history({}, "dafny", 10000).empty());
}
