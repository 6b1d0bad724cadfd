// Cvc5Peer, cvc5's SMT solver as a second solver beside Z3: its output table on recorded runs
// (test/fixtures/cvc5/recorded, written by record.sh with cvc5 1.0.3), and the real cvc5. Only
// `unsat` and a `sat` whose values all read back decide; everything else decides nothing.

#include "backends/cvc5/cvc5_smt.h"

#include <catch2/catch.hpp>

#include "core/file_io.h"
#include "test/support/fake_process_runner.h"

using namespace verigen;
using namespace std::chrono_literals;
using test::FakeProcessRunner;

namespace {

std::string fixtures() { return std::string(VERIGEN_SOURCE_DIR) + "/test/fixtures/cvc5/"; }

ProcessResult recorded(const std::string& name) {
  return FakeProcessRunner::recorded(fixtures() + "recorded/" + name);
}

// A recorded script without its trailing check-sat and get-value, as the checker hands it over.
std::string script(const std::string& name) {
  auto text = read_file(fixtures() + name);
  REQUIRE(text.ok());
  return text->substr(0, text->find("(check-sat)"));
}

}  // namespace

TEST_CASE("cvc5's sat is read with every value asked for", "[unit]") {
  auto a = cvc5::interpret_cvc5_smt(recorded("smt_sat"), {"x", "verigen.next.x"});
  INFO(a.detail);
  CHECK(a.outcome == Outcome::Refuted);
  CHECK(a.values.at("x") == "(- 3)");
  CHECK(a.values.at("verigen.next.x") == "(- 4)");
}

TEST_CASE("cvc5 SMT output table", "[unit]") {
  struct Row {
    const char* name;
    ProcessResult run;
    Outcome outcome;
  };
  auto killed = FakeProcessRunner::timed_out();
  killed.out = "unsat\n";
  auto crashed = FakeProcessRunner::crashed(11);
  crashed.out = "unsat\n";
  ProcessResult missing;
  missing.status = ProcessResult::Status::NotFound;
  const std::vector<Row> rows = {
      // get-value after unsat is refused with an error line; the unsat still stands.
      {"unsat (recorded)", recorded("smt_unsat"), Outcome::Verified},
      // unknown comes with a candidate model that proves nothing.
      {"unknown (recorded)", recorded("smt_unknown"), Outcome::Unknown},
      {"killed at the deadline after printing unsat", killed, Outcome::Unknown},
      {"crashed after printing unsat", crashed, Outcome::Error},
      {"missing", missing, Outcome::Error},
      {"nonzero exit", FakeProcessRunner::exited(1, "unsat\n"), Outcome::Error},
      {"garbage", FakeProcessRunner::exited(0, "satisfiable\n"), Outcome::Error},
      {"sat without values", FakeProcessRunner::exited(0, "sat\n"), Outcome::Error},
      {"sat with a value missing", FakeProcessRunner::exited(0, "sat\n((x 1))\n"), Outcome::Error},
      {"sat with a malformed pair", FakeProcessRunner::exited(0, "sat\n((x) (y 2))\n"),
       Outcome::Error},
      {"empty", FakeProcessRunner::exited(0, ""), Outcome::Error},
  };
  for (const auto& row : rows) {
    INFO(row.name);
    auto a = cvc5::interpret_cvc5_smt(row.run, {"x", "y"});
    INFO(a.detail);
    CHECK(a.outcome == row.outcome);
    CHECK(a.detail.rfind("cvc5: ", 0) == 0);
    CHECK(a.detail.find('\n') == std::string::npos);
  }
}

TEST_CASE("Cvc5Peer asks the real cvc5 for check-sat and the values", "[solver:cvc5]") {
  SubprocessRunner runner;
  cvc5::Cvc5Peer peer(runner);
  auto sat = peer.check(script("smt_sat.smt2"), {"x", "verigen.next.x"}, Deadline::after(30s));
  INFO(sat.detail);
  REQUIRE(sat.outcome == Outcome::Refuted);
  // The values are a model: x*x > 4, x < 0, and the successor is x - 1.
  long long x = std::stoll(sat.values.at("x").substr(3));  // "(- N)"
  CHECK(sat.values.at("x").rfind("(- ", 0) == 0);
  CHECK(x * x > 4);
  CHECK(sat.values.at("verigen.next.x") == "(- " + std::to_string(x + 1) + ")");

  auto unsat = peer.check(script("smt_unsat.smt2"), {"x"}, Deadline::after(30s));
  INFO(unsat.detail);
  CHECK(unsat.outcome == Outcome::Verified);
}

TEST_CASE("a missing cvc5 decides nothing and is asked as an SMT solver", "[unit]") {
  FakeProcessRunner runner;  // answers every command NotFound, as a missing tool
  cvc5::Cvc5Peer peer(runner);
  auto a = peer.check(script("smt_unsat.smt2"), {"x"}, Deadline::after(5s));
  CHECK(a.outcome == Outcome::Error);
  REQUIRE(runner.command_lines().size() == 1);
  CHECK(runner.command_lines()[0].rfind("cvc5 --lang=smt2 --produce-models ", 0) == 0);
}
