#include "core/text_lines.h"

#include <catch2/catch.hpp>

using namespace verigen;

// Contract: lines without their breaks (CRLF too); a last line without a break counts; an
// empty text has none, an empty line in the middle is kept.
TEST_CASE("lines_of", "[unit]") {
  CHECK(lines_of("").empty());
  CHECK(lines_of("a\nb") == std::vector<std::string_view>{"a", "b"});
  CHECK(lines_of("a\r\n\nb\n") == std::vector<std::string_view>{"a", "", "b"});
}

// Contract: a leading decimal number and the rest; none without a leading digit; a number past
// the cap saturates instead of overflowing (a hostile tool output must not wrap to a negative).
TEST_CASE("leading_number", "[unit]") {
  CHECK_FALSE(leading_number("").has_value());
  CHECK_FALSE(leading_number("x1").has_value());
  auto read = leading_number("12 verified");
  REQUIRE(read.has_value());
  CHECK(read->first == 12);
  CHECK(read->second == " verified");
  auto huge = leading_number("99999999999999999999999999 errors");
  REQUIRE(huge.has_value());
  CHECK(huge->first == kNumberCap);
  CHECK(huge->second == " errors");
  CHECK(saturating_number("2147483648") == kNumberCap);
  CHECK(saturating_number("") == 0);
  CHECK(saturating_number("0042") == 42);
}
