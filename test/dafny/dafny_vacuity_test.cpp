// Vacuous specifications (specs/dafny/vacuity): the probe's lemmas, and Dafny proving (or not)
// that added preconditions can never hold.

#include <catch2/catch.hpp>
#include <filesystem>

#include "backends/dafny/dafny_backend.h"
#include "core/file_io.h"
#include "specs/dafny/vacuity.h"

using namespace verigen;
using namespace verigen::dafny;
namespace fs = std::filesystem;
using namespace std::chrono_literals;

namespace {

Candidate candidate(const std::string& text) {
  Candidate c;
  c.display_path = "spec.dfy";
  c.text = text;
  return c;
}

}  // namespace

// Contract: contradictory added preconditions are found (in a class member, a generic method,
// a top-level method); satisfiable ones are not; the finding points at the added requires.
TEST_CASE("vacuous preconditions are refused, satisfiable ones are not", "[verifier:dafny]") {
  SubprocessRunner runner;
  DafnyBackend dafny(runner);
  const std::string original =
      "method Abs(x: int) returns (r: int) { r := if x < 0 then -x else x; }\n"
      "class C { var n: int\n  method Inc() modifies this { n := n + 1; } }\n";
  const std::string vacuous =
      "method Abs(x: int) returns (r: int)\n  requires x > 0 && x < 0\n  ensures r == 42\n{ r := "
      "if x < 0 then -x else x; }\n"
      "class C { var n: int\n  method Inc() modifies this requires false ensures n == 7 { n := n + "
      "1; } }\n";
  auto findings =
      find_vacuous_preconditions(dafny, original, candidate(vacuous), Deadline::after(180s));
  REQUIRE(findings.size() == 2);
  CHECK(findings[0].rule == "integrity.vacuous-precondition");
  CHECK(findings[0].where.line == 2);
  CHECK(findings[0].message.find("'Abs'") != std::string::npos);
  CHECK(findings[1].message.find("'C.Inc'") != std::string::npos);

  const std::string honest =
      "method Abs(x: int) returns (r: int)\n  requires x > -1000\n  ensures r >= 0\n{ r := if x < "
      "0 then -x else x; }\n"
      "class C { var n: int\n  method Inc() modifies this requires n >= 0 ensures n > 0 { n := n + "
      "1; } }\n";
  CHECK(find_vacuous_preconditions(dafny, original, candidate(honest), Deadline::after(180s))
            .empty());
}

// Contract: on real verified programs (DafnyComp ground truth, every precondition counted as
// added) the probe resolves and no precondition is vacuous.
TEST_CASE("DafnyComp ground-truth preconditions are satisfiable", "[verifier:dafny]") {
  fs::path programs = fs::path(VERIGEN_SHARED_DIR) / "datasets" / "dafnycomp" / "programs";
  if (!fs::exists(programs)) {
    WARN("skipped: " << programs << " is absent");
    return;
  }
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(programs))
    files.push_back(entry.path() / "dafny_code.dfy");
  std::sort(files.begin(), files.end());
  SubprocessRunner runner;
  DafnyBackend dafny(runner);
  int probed = 0;
  for (std::size_t i = 0; i < files.size() && probed < 3; i += 37) {
    auto text = read_file(files[i].string());
    REQUIRE(text.ok());
    if (vacuity_probe("", *text).lemmas.empty()) continue;
    INFO(files[i]);
    Candidate c = candidate(*text);
    c.display_path = files[i].string();
    c.assumption_policy.allowed = {"assume", "decreases-star"};  // the ground truth's own
    for (const auto& f : find_vacuous_preconditions(dafny, "", c, Deadline::after(300s)))
      FAIL(format_diagnostic(f));
    ++probed;
  }
  CHECK(probed == 3);
}
