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
