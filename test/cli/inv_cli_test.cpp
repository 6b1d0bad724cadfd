// `verigen inv` through the real binary and the real Z3: printed invariants, the JSON document,
// exit codes, bad inputs next to good ones, the run log, timeouts and the scorer option.

#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "test/cli/cli_harness.h"

using verigen::test::CliRun;
using verigen::test::run_verigen;
using verigen::test::TempDir;

namespace {

std::string fixture(const std::string& name) {
  return std::string(VERIGEN_SOURCE_DIR) + "/test/fixtures/sygus/" + name;
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

CliRun inv(const std::vector<std::string>& args, const TempDir& dir, double timeout = 300) {
  std::vector<std::string> argv{"inv"};
  argv.insert(argv.end(), args.begin(), args.end());
  return run_verigen(argv, (dir.path / "cache").string(), {}, timeout);
}

nlohmann::json parse_json(const CliRun& run) {
  INFO(run.out << run.err);
  REQUIRE_NOTHROW(nlohmann::json::parse(run.out));
  return nlohmann::json::parse(run.out);
}

}  // namespace

// Contract: a solvable problem exits 0 and prints the invariant as a define-fun of inv_fun.
TEST_CASE("inv solves lia.sl and prints the define-fun", "[z3]") {
  TempDir dir;
  auto run = inv({fixture("lia.sl"), "--timeout", "60"}, dir);
  INFO(run.out << run.err);
  CHECK(run.exit_code == 0);
  CHECK(contains(run.out, "lia.sl: solved"));
  CHECK(contains(run.out, "(define-fun inv_fun ((x Int) (n Int)) Bool"));
}

// Contract: --json gives one entry per file in order; a solvable problem is solved, an unsafe one
// infeasible with its trace; any unsolved problem makes the exit code 1.
TEST_CASE("inv --json on a solvable and an infeasible problem", "[z3]") {
  TempDir dir;
  auto run =
      inv({"--json", "--timeout", "60", fixture("lia.sl"), fixture("counter_unsafe.sl")}, dir);
  INFO(run.out << run.err);
  CHECK(run.exit_code == 1);
  auto json = parse_json(run);
  CHECK(json["schema_version"] == 2);
  CHECK(json["command"] == "inv");
  REQUIRE(json["problems"].size() == 2);
  const auto& solved = json["problems"][0];
  CHECK(solved["file"] == fixture("lia.sl"));
  CHECK(solved["outcome"] == "verified");
  CHECK(solved["cause"] == "");
  REQUIRE(solved["invariant"].is_string());
  CHECK(contains(solved["invariant"].get<std::string>(), "(define-fun inv_fun"));
  CHECK(solved["checks"].get<int>() >= 1);
  CHECK(solved["elapsed_ms"].is_number_integer());
  CHECK(solved["verification"].size() == 3);

  const auto& unsafe = json["problems"][1];
  CHECK(unsafe["file"] == fixture("counter_unsafe.sl"));
  CHECK(unsafe["outcome"] == "refuted");
  CHECK(unsafe["detail"].get<std::string>().rfind("infeasible", 0) == 0);
  CHECK(unsafe["invariant"].is_null());
  REQUIRE(unsafe["trace"].is_array());
  CHECK_FALSE(unsafe["trace"].empty());
  CHECK(unsafe["trace"][0]["x"] == "0");
  CHECK(unsafe["trace"].back()["x"] == "10");
  CHECK(unsafe["checks"].is_number_integer());
  CHECK(unsafe["elapsed_ms"].is_number_integer());
}

// Contract: a bad problem is reported as `FILE:LINE:COL: error:` and makes the exit code 2, but
// a good file given in the same call is still solved and printed.
TEST_CASE("inv reports malformed problems and still solves the good ones", "[z3]") {
  TempDir dir;
  const auto unbalanced = dir.file("unbalanced.sl",
                                   "; line 1\n"
                                   "(set-logic LIA)\n"
                                   "(synth-inv inv_fun ((x Int) (n Int))))\n"
                                   "(check-synth)\n");
  const auto unclosed = dir.file("unclosed.sl",
                                 "; line 1\n"
                                 "(set-logic LIA)\n"
                                 "(synth-inv inv_fun ((x Int) (n Int))\n"
                                 "(check-synth)\n");
  const auto unknown = dir.file("unknown.sl",
                                "(set-logic LIA)\n"
                                "(synth-inv inv_fun ((x Int)))\n"
                                "(define-fun pre_fun ((x Int)) Bool (= x 0))\n"
                                "(define-fun trans_fun ((x Int) (x! Int)) Bool (= x! (+ x 1)))\n"
                                "(define-fun post_fun ((x Int)) Bool (>= x zz))\n"
                                "(inv-constraint inv_fun pre_fun trans_fun post_fun)\n"
                                "(check-synth)\n");

  SECTION("text") {
    auto run = inv({unbalanced, fixture("lia.sl"), unclosed, unknown, "--timeout", "60"}, dir);
    INFO(run.out << run.err);
    CHECK(run.exit_code == 2);
    CHECK(contains(run.out + run.err, unbalanced + ":3:"));
    CHECK(contains(run.out + run.err, unclosed + ":3:1: error:"));
    CHECK(contains(run.out + run.err, unknown + ":5:"));
    for (const auto& bad : {unbalanced, unclosed, unknown}) {
      auto at = (run.out + run.err).find(bad + ":");
      REQUIRE(at != std::string::npos);
      auto line_end = (run.out + run.err).find('\n', at);
      CHECK(contains((run.out + run.err).substr(at, line_end - at), ": error:"));
    }
    CHECK(contains(run.out, "lia.sl: solved"));
    CHECK(contains(run.out, "(define-fun inv_fun ((x Int) (n Int)) Bool"));
  }

  SECTION("json") {
    auto run = inv({"--json", unbalanced, fixture("lia.sl"), unknown, "--timeout", "60"}, dir);
    INFO(run.out << run.err);
    CHECK(run.exit_code == 2);
    auto json = parse_json(run);
    REQUIRE(json["problems"].size() == 3);
    CHECK(json["problems"][0]["outcome"] == "error");
    CHECK(json["problems"][0]["cause"] == "bad-input");
    CHECK(json["problems"][0]["detail"].get<std::string>().rfind(unbalanced + ":3:", 0) == 0);
    CHECK(json["problems"][1]["outcome"] == "verified");
    CHECK(json["problems"][2]["cause"] == "bad-input");
    CHECK(json["problems"][2]["detail"].get<std::string>().rfind(unknown + ":5:", 0) == 0);
  }
}

// Contract: a missing file, a directory and an empty file are input errors naming the path (exit
// 2); a name with spaces and non-ASCII characters is just a name.
TEST_CASE("inv input files: missing, directory, empty, unusual names", "[z3]") {
  TempDir dir;
  const auto missing = (dir.path / "missing.sl").string();
  const auto directory = (dir.path / "dir.sl").string();
  std::filesystem::create_directories(directory);
  const auto empty = dir.file("empty.sl", "");
  // Section names must not include the temp path: it changes on every run of the test case.
  for (const auto& [what, bad] : {std::pair{"missing", missing}, std::pair{"directory", directory},
                                  std::pair{"empty", empty}}) {
    DYNAMIC_SECTION(what) {
      auto run = inv({bad}, dir);
      INFO(run.out << run.err);
      CHECK(run.exit_code == 2);
      CHECK(contains(run.out + run.err, bad + ": error:"));
    }
  }

  SECTION("spaces and non-ASCII") {
    const auto odd = (dir.path / "tmp" / "my problé m.sl").string();
    std::filesystem::create_directories(dir.path / "tmp");
    std::filesystem::copy_file(fixture("lia.sl"), odd);
    auto run = inv({"--json", odd, "--timeout", "60"}, dir);
    INFO(run.out << run.err);
    CHECK(run.exit_code == 0);
    auto json = parse_json(run);
    CHECK(json["problems"][0]["file"] == odd);
    CHECK(json["problems"][0]["outcome"] == "verified");
  }
}

// Contract: --log writes one JSONL line per candidate that `verigen rank eval` reads.
TEST_CASE("inv --log feeds rank eval", "[z3]") {
  TempDir dir;
  const auto log = (dir.path / "run.jsonl").string();
  auto run = inv({"--check-all", "--no-spacer", "--log", log, "--timeout", "60", fixture("lia.sl"),
                  fixture("inv_equal_counters.sl")},
                 dir);
  INFO(run.out << run.err);
  REQUIRE(run.exit_code == 0);
  REQUIRE(std::filesystem::file_size(log) > 0);

  auto eval = run_verigen({"rank", "eval", log, "--json"}, (dir.path / "cache").string());
  INFO(eval.out << eval.err);
  CHECK(eval.exit_code == 0);
  auto json = parse_json(eval);
  CHECK(json["tasks"] == 2);
  CHECK(json["tasks_with_verified"] == 2);
}

// Contract: --timeout bounds a hard problem: it is reported unknown (exit 1), not hung on.
TEST_CASE("inv --timeout 1 on a nonlinear problem gives up in time", "[z3]") {
  TempDir dir;
  const auto started = std::chrono::steady_clock::now();
  // nia.sl was such a problem until cvc5 came to decide the enumerator's nonlinear checks: it is
  // solved within the second now. This one has no invariant and only a very deep violation.
  auto run = inv({"--json", "--timeout", "1", fixture("nia_deep_violation.sl")}, dir, 120);
  const auto took = std::chrono::steady_clock::now() - started;
  INFO(run.out << run.err);
  CHECK(run.exit_code == 1);
  auto json = parse_json(run);
  CHECK(json["problems"][0]["outcome"] == "unknown");
  CHECK(json["problems"][0]["cause"] == "timeout");
  CHECK(took < std::chrono::seconds(30));
}

// Contract: a scorer model that cannot be read is a usage error naming the file.
TEST_CASE("inv --scorer with a malformed model exits 2", "[z3]") {
  TempDir dir;
  const auto model = dir.file("model.json", "{\"format\": \"verigen-rank\", \"version\": ");
  auto run = inv({"--scorer", model, fixture("lia.sl")}, dir);
  INFO(run.out << run.err);
  CHECK(run.exit_code == 2);
  CHECK(contains(run.err, model));
  CHECK_FALSE(contains(run.out, "(define-fun inv_fun"));
}
