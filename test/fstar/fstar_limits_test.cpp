// F* output on hostile sizes: lines long enough to overflow std::regex's recursion, positions
// too large for an int.

#include <catch2/catch.hpp>
#include <string>

#include "backends/fstar/fstar_output.h"

using namespace verigen;
using namespace verigen::fstar;

// Contract: a 300,000-character header-like line (SIGSEGV in std::regex before) is noise, and
// positions beyond int range saturate instead of throwing std::out_of_range.
TEST_CASE("fstar human output with a huge line and huge positions", "[unit]") {
  const PathMapping paths{"/tmp/x/A.fst", "A.fst"};
  auto none =
      parse_human_messages("* Error 19 at " + std::string(300000, 'A') + "(1,2-3,4):\n", paths);
  CHECK(none.empty());
  auto big =
      parse_human_messages("* Error 19 at A.fst(99999999999999,2147483647-1,1):\n  - x\n", paths);
  REQUIRE(big.size() == 1);
  CHECK(big[0].where.line == 1000000000);
  CHECK(big[0].where.column == 1000000001);
  CHECK(big[0].message == "x");
}
