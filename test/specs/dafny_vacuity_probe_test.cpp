// The probe that asks Dafny whether added preconditions can hold (specs/dafny/vacuity).

#include <catch2/catch.hpp>

#include "specs/dafny/vacuity.h"

using namespace verigen;
using namespace verigen::dafny;

namespace {

const char* kSpec =
    "class Box { var v: int\n"
    "  method Get<T(==)>(t: T, k: int) returns (r: int)\n"
    "    requires k >= 0\n"
    "  { r := v; }\n"
    "}\n"
    "method Div(a: int, b: int) returns (q: int) { q := 0; }\n";

}  // namespace

// Contract: one lemma per declaration with an added requires, right after it, with the same
// type parameters and parameters, negating all its preconditions (the original's included);
// nothing for declarations whose preconditions are the original's.
TEST_CASE("vacuity probe lemmas", "[unit]") {
  std::string answer = kSpec;
  answer.replace(answer.find("    requires k >= 0\n"), 20,
                 "    requires k >= 0\n    requires L: {:foo} k < 0\n");
  answer.replace(answer.find("returns (q: int) {"), 18, "returns (q: int) requires b != 0 {");
  auto probe = vacuity_probe(kSpec, answer);
  REQUIRE(probe.lemmas.size() == 2);
  CHECK(probe.lemmas[0].declaration == "Box.Get");
  CHECK(probe.lemmas[1].declaration == "Div");
  CHECK(probe.text.find(
            "lemma VerigenVacuity_0<T(==)>(t: T, k: int)\n  ensures !((k >= 0) && (k < 0))") !=
        std::string::npos);
  CHECK(probe.text.find("lemma VerigenVacuity_1(a: int, b: int)\n  ensures !((b != 0))") !=
        std::string::npos);
  CHECK(vacuity_probe(kSpec, kSpec).lemmas.empty());
}
