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

// Contract: a cancel ends the source's deadline, and every deadline derived from it, at once;
// the point in time stays, and a sibling source is untouched.
TEST_CASE("cancelled deadline expires at once, with what derives from it", "[unit]") {
  auto parent = Deadline::after(std::chrono::seconds(60));
  CancelSource source(parent);
  CancelSource sibling(parent);
  Deadline d = source.deadline();
  Deadline child = d.capped(std::chrono::seconds(30));
  CancelSource grandchild(child);
  CHECK(d.cancellable());
  CHECK_FALSE(d.is_never());
  CHECK_FALSE(child.expired());
  source.cancel();
  CHECK(d.expired());
  CHECK(child.expired());
  CHECK(grandchild.deadline().expired());
  CHECK(d.remaining() == 0ms);
  CHECK(d.at() == parent.at());
  CHECK_FALSE(sibling.deadline().expired());
  CHECK_FALSE(parent.expired());
}

TEST_CASE("a cancellable deadline without a time limit is not never", "[unit]") {
  CancelSource source(Deadline::never());
  CHECK_FALSE(source.deadline().is_never());
  CHECK_FALSE(source.deadline().expired());
  source.cancel();
  CHECK(source.deadline().expired());
}
