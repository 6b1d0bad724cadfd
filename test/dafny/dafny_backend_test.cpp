// The Dafny back-end with the real Dafny 4 (scripts/setup installs it), plus stand-in
// executables for what real Dafny cannot be made to do on demand (crash, hang, be too old).

#include "backends/dafny/dafny_backend.h"

#include <sys/stat.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "core/file_io.h"

using namespace verigen;
using namespace verigen::dafny;
namespace fs = std::filesystem;
using namespace std::chrono_literals;

namespace {

std::string fixture(const std::string& name) {
  return std::string(VERIGEN_SOURCE_DIR) + "/test/fixtures/dafny/" + name;
}

Candidate candidate_from(const std::string& path) {
  auto text = read_file(path);
  REQUIRE(text.ok());
  Candidate c;
  c.display_path = path;
  c.text = *text;
  return c;
}

/// Sets VERIGEN_DAFNY for the lifetime of the object.
struct DafnyOverride {
  explicit DafnyOverride(const std::string& path) { ::setenv("VERIGEN_DAFNY", path.c_str(), 1); }
  ~DafnyOverride() { ::unsetenv("VERIGEN_DAFNY"); }
};

/// Writes an executable shell script standing in for `dafny`.
std::string stand_in(const std::string& name, const std::string& body) {
  auto dir = fs::temp_directory_path() / ("verigen-standin-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  auto path = (dir / name).string();
  std::ofstream(path) << "#!/bin/sh\n" << body << "\n";
  ::chmod(path.c_str(), 0755);
  return path;
}

}  // namespace

// Contract: a correct program is Verified, with the tool's version recorded.
TEST_CASE("real dafny verifies a correct program", "[verifier:dafny]") {
  SubprocessRunner runner;
  DafnyBackend dafny(runner);
  REQUIRE(dafny.tool_error().empty());
  Verdict v = dafny.verify(candidate_from(fixture("verified.dfy")), Deadline::after(120s));
  CHECK(v.outcome == Outcome::Verified);
  CHECK(v.tool_version.rfind("dafny 4.", 0) == 0);
}

// Contract: a wrong program is Refuted with a located diagnostic in the user's file.
TEST_CASE("real dafny refutes a wrong program", "[verifier:dafny]") {
  SubprocessRunner runner;
  DafnyBackend dafny(runner);
  Verdict v = dafny.verify(candidate_from(fixture("refuted.dfy")), Deadline::after(120s));
  REQUIRE(v.outcome == Outcome::Refuted);
  REQUIRE_FALSE(v.diagnostics.empty());
  CHECK(v.diagnostics[0].where.file == fixture("refuted.dfy"));
  CHECK(v.diagnostics[0].where.line == 3);
}

// Contract: text that is not on disk (a generated candidate) is verified from a scratch copy
// and the diagnostics still carry the display name; the scratch copy is removed.
TEST_CASE("candidate text verified from a scratch copy", "[verifier:dafny]") {
  SubprocessRunner runner;
  DafnyBackend dafny(runner);
  Candidate c;
  c.display_path = "generated/sp ace ü.dfy";
  c.text = "method M(x: int) returns (y: int) ensures y > x { y := x; }\n";
  Verdict v = dafny.verify(c, Deadline::after(120s));
  REQUIRE(v.outcome == Outcome::Refuted);
  CHECK(v.diagnostics.at(0).where.file == "generated/sp ace ü.dfy");
}

// Contract: parse and resolution errors are bad input (exit code 2), never refuted/verified.
TEST_CASE("parse and resolution errors are bad input", "[verifier:dafny]") {
  SubprocessRunner runner;
  DafnyBackend dafny(runner);
  for (const char* name : {"parse_error.dfy", "resolution_error.dfy"}) {
    Verdict v = dafny.verify(candidate_from(fixture(name)), Deadline::after(120s));
    CHECK(v.outcome == Outcome::Error);
    CHECK(v.cause == Cause::BadInput);
    CHECK_FALSE(v.diagnostics.empty());
  }
}

// Contract: escape hatches in a file verified on its own are refused: an `assume` makes the
// program Refuted/Integrity even though Dafny (with --allow-warnings) exits 0.
TEST_CASE("assume in a file is refused", "[verifier:dafny]") {
  SubprocessRunner runner;
  DafnyBackend dafny(runner);
  Verdict v = dafny.verify(candidate_from(fixture("assume_warning.dfy")), Deadline::after(120s));
  CHECK(v.outcome == Outcome::Refuted);
  CHECK(v.cause == Cause::Integrity);
  CHECK(v.detail.find("assumption (assume) in 'M'") != std::string::npos);
  REQUIRE_FALSE(v.assumptions.empty());
  CHECK(v.assumptions[0].kind == "assume");
  CHECK(v.assumptions[0].where.line == 2);
  CHECK_FALSE(v.assumptions[0].allowed());
}

// Contract: Dafny's per-assertion time limit gives Unknown/Timeout, never Refuted or Verified.
TEST_CASE("per-assertion time limit gives unknown", "[verifier:dafny]") {
  SubprocessRunner runner;
  DafnyOptions options;
  options.verification_time_limit = 1;
  DafnyBackend dafny(runner, options);
  Verdict v = dafny.verify(candidate_from(fixture("timeout.dfy")), Deadline::after(120s));
  CHECK(v.outcome == Outcome::Unknown);
  CHECK(v.cause == Cause::Timeout);
}

// Contract: the wall-clock deadline stops Dafny (and its z3) even when the per-assertion
// limit would allow more; the verdict is Unknown/Timeout.
TEST_CASE("wall-clock deadline stops dafny", "[verifier:dafny]") {
  SubprocessRunner runner;
  DafnyOptions options;
  options.verification_time_limit = 100;
  DafnyBackend dafny(runner, options);
  REQUIRE(dafny.tool_error().empty());  // detection outside the measured deadline
  auto started = std::chrono::steady_clock::now();
  Verdict v = dafny.verify(candidate_from(fixture("timeout.dfy")), Deadline::after(3s));
  CHECK(v.outcome == Outcome::Unknown);
  CHECK(v.cause == Cause::Timeout);
  CHECK(std::chrono::steady_clock::now() - started < 10s);
}

// Contract: --filter-symbol verifies only the named symbol: a file whose only failure is in
// another method verifies for the good one.
TEST_CASE("one symbol verified alone", "[verifier:dafny]") {
  SubprocessRunner runner;
  DafnyBackend dafny(runner);
  Candidate c;
  c.display_path = "two.dfy";
  c.text =
      "method Good(a: int) returns (r: int) ensures r >= a { r := a; }\n"
      "method Bad(a: int) returns (r: int) ensures r > a { r := a; }\n";
  c.symbol = "Good";
  CHECK(dafny.verify(c, Deadline::after(120s)).outcome == Outcome::Verified);
  c.symbol = "Bad";
  CHECK(dafny.verify(c, Deadline::after(120s)).outcome == Outcome::Refuted);
}

// Contract: no Dafny at all → Error/ToolNotFound with a message saying how to install it.
TEST_CASE("dafny missing", "[verifier:dafny]") {
  DafnyOverride missing("/nonexistent/dafny");
  SubprocessRunner runner;
  DafnyBackend dafny(runner);
  Verdict v = dafny.verify(candidate_from(fixture("verified.dfy")), Deadline::after(10s));
  CHECK(v.outcome == Outcome::Error);
  CHECK(v.cause == Cause::ToolNotFound);
  CHECK(v.detail.find("dotnet tool install --global dafny") != std::string::npos);
}

// Contract: a Dafny older than 4 is refused with the install hint (Debian ships 2.3).
TEST_CASE("dafny too old", "[verifier:dafny]") {
  DafnyOverride old(stand_in("dafny-old", "echo 2.3.0.10506; exit 0"));
  SubprocessRunner runner;
  DafnyBackend dafny(runner);
  Verdict v = dafny.verify(candidate_from(fixture("verified.dfy")), Deadline::after(10s));
  CHECK(v.cause == Cause::ToolNotFound);
  CHECK(v.detail.find("too old") != std::string::npos);
}

// Contract: a Dafny that crashes on a signal is ToolCrashed, whatever it printed before.
TEST_CASE("dafny crashing", "[verifier:dafny]") {
  DafnyOverride crash(
      stand_in("dafny-crash",
               "[ \"$1\" = --version ] && { echo 4.11.0; exit 0; }\n"
               "echo 'Dafny program verifier finished with 1 verified, 0 errors'; kill -SEGV $$"));
  SubprocessRunner runner;
  DafnyBackend dafny(runner);
  Verdict v = dafny.verify(candidate_from(fixture("verified.dfy")), Deadline::after(10s));
  CHECK(v.outcome == Outcome::Error);
  CHECK(v.cause == Cause::ToolCrashed);
}

// Contract: a hanging Dafny is stopped at the deadline: Unknown/Timeout.
TEST_CASE("dafny hanging", "[verifier:dafny]") {
  DafnyOverride hang(
      stand_in("dafny-hang", "[ \"$1\" = --version ] && { echo 4.11.0; exit 0; }\nsleep 600"));
  SubprocessRunner runner;
  DafnyBackend dafny(runner);
  REQUIRE(dafny.tool_error().empty());
  Verdict v = dafny.verify(candidate_from(fixture("verified.dfy")), Deadline::after(500ms));
  CHECK(v.outcome == Outcome::Unknown);
  CHECK(v.cause == Cause::Timeout);
}

// Contract: with a memo directory, the version of an unchanged executable is detected once;
// a changed executable is asked again.
TEST_CASE("dafny version memo", "[verifier:dafny]") {
  auto dir = fs::temp_directory_path() / ("verigen-memo-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::string counter = (dir / "calls").string();
  std::string script = stand_in("dafny-counted", "echo x >> '" + counter + "'; echo 4.11.0");
  DafnyOverride counted(script);
  SubprocessRunner runner;
  auto calls = [&] {
    auto text = read_file(counter);
    return text.ok() ? static_cast<int>(std::count(text->begin(), text->end(), '\n')) : 0;
  };
  REQUIRE(detect_dafny(runner, (dir / "memo").string()).ok());
  REQUIRE(detect_dafny(runner, (dir / "memo").string()).ok());
  CHECK(calls() == 1);
  std::ofstream(script, std::ios::app) << "# changed\n";
  REQUIRE(detect_dafny(runner, (dir / "memo").string()).ok());
  CHECK(calls() == 2);
  fs::remove_all(dir);
}
