#include <catch2/catch.hpp>

#include "backends/dafny/dafny_tool.h"

using namespace verigen::dafny;

// Contract: versions are read from `dafny --version`; usage banners of old Dafny are not.
TEST_CASE("dafny version parsing", "[unit]") {
  auto v = parse_dafny_version("4.11.0+fcb2042d6d043a2634f0854338c08feeaaaf4ae2\n");
  REQUIRE(v);
  CHECK(v->major == 4);
  CHECK(v->minor == 11);
  CHECK(v->text == "4.11.0");
  auto old = parse_dafny_version("2.3.0.10506\n");
  REQUIRE(old);
  CHECK(old->major == 2);
  CHECK_FALSE(parse_dafny_version("Usage: dafny [ option ... ] [ filename ... ]"));
}
