#include "core/json_fields.h"

#include <catch2/catch.hpp>

using namespace verigen;
using nlohmann::json;

// Contract: fields of any shape are read without throwing: the wrong type or a missing key
// gives the fallback, numbers saturate. (nlohmann's const operator[] asserts on a missing key;
// fuzzing the Lean reader found it.)
TEST_CASE("JSON fields of any shape", "[unit]") {
  const json doc = json::parse(R"({"s": "x", "n": 7, "big": 99999999999999, "neg": -99999999999999,
                                   "u": 18446744073709551615, "f": 1.5, "a": [1, "two"], "o": {"k": 3}})");
  CHECK(json_string(doc, "s") == "x");
  CHECK(json_string(doc, "n", "none") == "none");
  CHECK(json_string(doc, "missing", "none") == "none");
  CHECK(json_int(doc, "n", -1) == 7);
  CHECK(json_int(doc, "big", -1) == 1000000000);
  CHECK(json_int(doc, "neg", -1) == -1000000000);
  CHECK(json_int(doc, "u", -1) == 1000000000);
  CHECK(json_int(doc, "f", -1) == -1);
  CHECK(json_int(doc, "s", -1) == -1);
  CHECK(json_int(json_field(doc, "o"), "k", 0) == 3);
  CHECK(json_field(json_field(doc, "missing"), "k").is_null());
  CHECK(json_field(doc["a"], "k").is_null());
  CHECK(json_int(json_element(doc["a"], 0), -1) == 1);
  CHECK(json_int(json_element(doc["a"], 1), -1) == -1);
  CHECK(json_element(doc["a"], 5).is_null());
  CHECK(json_element(doc["o"], 0).is_null());
  const json scalar = 3;
  CHECK(json_string(scalar, "k", "f") == "f");
}
