// The portfolio's start policy (gen/invariants/member_schedule.h): who starts when, for a
// problem's budget and the cores it has.

#include "gen/invariants/member_schedule.h"

#include <catch2/catch.hpp>

using namespace verigen::inv;
using namespace std::chrono_literals;
using ms = std::chrono::milliseconds;

const std::vector<std::string> kAll = {"builtin", "spacer", "cvc5"};

// Contract: a core for every member: nobody waits.
TEST_CASE("schedule: enough cores, all start at once", "[unit]") {
  CHECK(start_offsets(kAll, 10s, 3) == std::vector<ms>{0ms, 0ms, 0ms});
  CHECK(start_offsets(kAll, 10s, 8) == std::vector<ms>{0ms, 0ms, 0ms});
  CHECK(start_offsets({"builtin", "spacer"}, 10s, 2) == std::vector<ms>{0ms, 0ms});
}

// Contract: fewer cores than members: the engines start at once, the enumerator after a head
// start of budget/20 within [kMinHeadStart, kMaxHeadStart]; nobody starts later than that.
TEST_CASE("schedule: scarce cores give the engines a head start", "[unit]") {
  CHECK(start_offsets(kAll, 10s, 2) == std::vector<ms>{500ms, 0ms, 0ms});
  CHECK(start_offsets(kAll, 10s, 1) == std::vector<ms>{500ms, 0ms, 0ms});
  CHECK(start_offsets({"spacer", "builtin"}, 4s, 1) == std::vector<ms>{0ms, 200ms});
  CHECK(start_offsets(kAll, 1s, 1) == std::vector<ms>{kMinHeadStart, 0ms, 0ms});
  CHECK(start_offsets(kAll, 24h, 1) == std::vector<ms>{kMaxHeadStart, 0ms, 0ms});
  CHECK(start_offsets(kAll, 0ms, 0) == std::vector<ms>{kMinHeadStart, 0ms, 0ms});
}

// Contract: the head start is for the engines; without one, or alone, nobody waits.
TEST_CASE("schedule: no engine, no head start", "[unit]") {
  CHECK(start_offsets({"builtin"}, 10s, 1) == std::vector<ms>{0ms});
  CHECK(start_offsets({"builtin", "other"}, 10s, 1) == std::vector<ms>{0ms, 0ms});
  CHECK(start_offsets({}, 10s, 1).empty());
}

// Contract: with scarce cores the engines run nicer than the enumerator; otherwise nobody does.
TEST_CASE("schedule: scarce cores make the engines nicer", "[unit]") {
  const int n = kEngineNiceness;
  CHECK(niceness(kAll, 1) == std::vector<int>{0, n, n});
  CHECK(niceness(kAll, 2) == std::vector<int>{0, n, n});
  CHECK(niceness(kAll, 3) == std::vector<int>{0, 0, 0});
  CHECK(niceness({"spacer", "cvc5"}, 1) == std::vector<int>{0, 0});
  CHECK(niceness({"builtin"}, 1) == std::vector<int>{0});
}

// Contract: Spacer runs a short slice only on nonlinear problems with scarce cores; everybody
// else, and everybody otherwise, runs to the deadline.
TEST_CASE("schedule: Spacer gets a slice of a nonlinear problem when cores are scarce", "[unit]") {
  const ms s = kNonlinearSpacerSlice;
  CHECK(run_limits(kAll, true, 2) == std::vector<ms>{0ms, s, 0ms});
  CHECK(run_limits(kAll, true, 1) == std::vector<ms>{0ms, s, 0ms});
  CHECK(run_limits(kAll, false, 2) == std::vector<ms>{0ms, 0ms, 0ms});
  CHECK(run_limits(kAll, true, 3) == std::vector<ms>{0ms, 0ms, 0ms});
  CHECK(run_limits({"spacer"}, true, 1) == std::vector<ms>{0ms});
}

// Contract: the lemma stage's Spacer is limited like Spacer itself: a slice on a nonlinear
// problem when cores are scarce (counting the members, not the stage), no limit otherwise.
TEST_CASE("schedule: the lemma stage gets Spacer's slice of a nonlinear problem", "[unit]") {
  CHECK(lemma_stage_limit(3, true, 2) == kNonlinearSpacerSlice);
  CHECK(lemma_stage_limit(3, true, 1) == kNonlinearSpacerSlice);
  CHECK(lemma_stage_limit(3, false, 2) == 0ms);
  CHECK(lemma_stage_limit(2, true, 2) == 0ms);
  CHECK(lemma_stage_limit(3, true, 4) == 0ms);
}
