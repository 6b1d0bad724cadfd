#include "core/outcome.h"

#include <catch2/catch.hpp>

using namespace verigen;

// Contract: combining outcomes keeps the dominant one; Verified survives only if all agree.
TEST_CASE("outcome dominance", "[unit]") {
  CHECK(combine(Outcome::Verified, Outcome::Verified) == Outcome::Verified);
  CHECK(combine(Outcome::Verified, Outcome::Unknown) == Outcome::Unknown);
  CHECK(combine(Outcome::Unknown, Outcome::Error) == Outcome::Error);
  CHECK(combine(Outcome::Error, Outcome::Refuted) == Outcome::Refuted);
  CHECK(combine(Outcome::Refuted, Outcome::Verified) == Outcome::Refuted);
}

TEST_CASE("outcome and cause names round-trip", "[unit]") {
  for (auto o : {Outcome::Verified, Outcome::Unknown, Outcome::Error, Outcome::Refuted})
    CHECK(outcome_from_string(to_string(o)) == o);
  for (auto c : {Cause::None, Cause::Timeout, Cause::ToolNotFound, Cause::ToolCrashed,
                 Cause::BadOutput, Cause::Integrity, Cause::Internal})
    CHECK(cause_from_string(to_string(c)) == c);
  CHECK_FALSE(outcome_from_string("ok").has_value());
}
