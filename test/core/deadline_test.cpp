#include "core/deadline.h"

#include <catch2/catch.hpp>
#include <thread>

using namespace verigen;
using namespace std::chrono_literals;

// Contract: never() never expires; after() expires once its budget has passed.
TEST_CASE("deadline expiry", "[unit]") {
  CHECK_FALSE(Deadline::never().expired());
  CHECK(Deadline::after_seconds(0).is_never());
  auto d = Deadline::after(20ms);
  CHECK_FALSE(d.expired());
  std::this_thread::sleep_for(30ms);
  CHECK(d.expired());
  CHECK(d.remaining() == 0ms);
}

TEST_CASE("capped deadline never outlives its parent", "[unit]") {
  auto parent = Deadline::after(50ms);
  CHECK(parent.capped(10s).at() == parent.at());
  CHECK(parent.capped(1ms).at() < parent.at());
}
