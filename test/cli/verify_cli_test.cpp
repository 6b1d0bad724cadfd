// `verigen verify` and `verigen compile` as a user runs them: the real binary, real Dafny.

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "cli_harness.h"
#include "core/file_io.h"

using namespace verigen;
using namespace verigen::test;

namespace {

const char* kGood =
    "method Max(a: int, b: int) returns (m: int) ensures m >= a && m >= b\n"
    "{ if a > b { m := a; } else { m := b; } }\n";
const char* kBad = "method Inc(a: int) returns (r: int) ensures r > a\n{ r := a; }\n";

std::string cache_of(const TempDir& dir) { return (dir.path / "cache").string(); }

}  // namespace

// Contract: exit 0 and a "verified" line for a correct file; 1 and a compiler-style error for a
// wrong one.
TEST_CASE("verify exit codes and compiler-style text", "[verifier:dafny]") {
  TempDir dir;
  auto good = dir.file("good.dfy", kGood);
  auto bad = dir.file("bad.dfy", kBad);
  auto ok = run_verigen({"verify", good}, cache_of(dir));
  CHECK(ok.exit_code == 0);
  CHECK(ok.out.find(good + ": verified") != std::string::npos);
  auto refuted = run_verigen({"verify", bad}, cache_of(dir));
  CHECK(refuted.exit_code == 1);
  CHECK(refuted.out.find(bad + ":2:1: error: a postcondition could not be proved") !=
        std::string::npos);
}

// Contract: bad inputs each give one line naming the file, exit 2, and leave no cache entry.
TEST_CASE("bad inputs give one line, exit 2, no cache entry", "[verifier:dafny]") {
  TempDir dir;
  auto empty = dir.file("empty.dfy", "  \n");
  auto binary = dir.file("binary.dfy", std::string("method M() {}\n// \xff\xfe\n"));
  auto text = dir.file("notes.txt", "hello");
  struct Case {
    std::string file;
    std::string expected;
  };
  const Case cases[] = {
      {(dir.path / "missing.dfy").string(), ": error: no such file"},
      {dir.path.string(), ": error: is a directory"},
      {empty, ": error: file is empty"},
      {binary, ":2:4: error: invalid UTF-8 (byte 0xff)"},
      {text, ": error: unknown file type"},
  };
  for (const auto& c : cases) {
    INFO(c.file);
    auto r = run_verigen({"verify", c.file}, cache_of(dir));
    CHECK(r.exit_code == 2);
    CHECK(r.out.find(c.file + c.expected) == 0);
  }
  CHECK(count_files(cache_of(dir)) == 0);
}

// Contract: parse and resolution errors are bad input: exit 2 with the position.
TEST_CASE("malformed dafny is bad input", "[verifier:dafny]") {
  TempDir dir;
  auto parse = dir.file("parse.dfy", "method M() {\n  var x := ;\n}\n");
  auto r = run_verigen({"verify", parse}, cache_of(dir));
  CHECK(r.exit_code == 2);
  CHECK(r.out.find(parse + ":2:12: error:") == 0);
}

// Contract: file names with spaces and non-ASCII characters, and a leading '-', work.
TEST_CASE("odd file names", "[verifier:dafny]") {
  TempDir dir;
  auto odd = dir.file("sp ace ü.dfy", kGood);
  auto dash = dir.file("-dash.dfy", kGood);
  auto r = run_verigen({"verify", "--", odd, dash}, cache_of(dir));
  CHECK(r.exit_code == 0);
  CHECK(r.out.find(odd + ": verified") != std::string::npos);
}

// Contract: --json prints one document with the DESIGN's fields, in input order, with --jobs.
TEST_CASE("verify --json with --jobs 2", "[verifier:dafny]") {
  TempDir dir;
  auto a = dir.file("a.dfy", kGood);
  auto b = dir.file("b.dfy", kBad);
  auto c = dir.file("c.dfy", kGood);
  auto r = run_verigen({"verify", "--json", "--jobs", "2", a, b, c}, cache_of(dir));
  CHECK(r.exit_code == 1);
  auto doc = nlohmann::json::parse(r.out);
  CHECK(doc["schema_version"] == 2);  // the vocabulary every --json document shares
  CHECK(doc["command"] == "verify");
  REQUIRE(doc["results"].size() == 3);
  CHECK(doc["results"][0]["file"] == a);
  CHECK(doc["results"][0]["outcome"] == "verified");
  CHECK(doc["results"][1]["outcome"] == "refuted");
  CHECK(doc["results"][1]["diagnostics"][0]["line"] == 2);
  CHECK(doc["results"][1]["diagnostics"][0]["column"] == 1);
  CHECK(doc["results"][1]["diagnostics"][0]["severity"] == "error");
  CHECK(doc["results"][2]["elapsed_ms"].get<int>() > 0);
}

// Contract: --sarif writes a SARIF 2.1.0 log with rules, an invocation, located results (file://
// URIs, percent-encoded), and one result per assumption a proof rests on.
TEST_CASE("verify --sarif", "[verifier:dafny]") {
  TempDir dir;
  auto bad = dir.file("bad.dfy", kBad);
  auto odd =
      dir.file("odd name #1.dfy",
               "method M(x: int) returns (r: int) ensures r > x { assume false; r := x; }\n");
  auto sarif_path = (dir.path / "out.sarif").string();
  auto r = run_verigen({"verify", "--sarif", sarif_path, bad, odd}, cache_of(dir));
  CHECK(r.exit_code == 1);
  auto text = read_file(sarif_path);
  REQUIRE(text.ok());
  auto sarif = nlohmann::json::parse(*text);
  CHECK(sarif["version"] == "2.1.0");
  const auto& run = sarif["runs"][0];
  CHECK(run["tool"]["driver"]["name"] == "verigen");
  CHECK(run["tool"]["driver"]["rules"].size() >= 1);
  const auto& result = run["results"][0];
  CHECK(result["ruleId"] == "dafny.verifier");
  CHECK(result["level"] == "error");
  CHECK(result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "file://" + bad);
  CHECK(result["locations"][0]["physicalLocation"]["region"]["startLine"] == 2);
  CHECK(run["invocations"][0]["exitCode"] == 1);
  CHECK(run["invocations"][0]["executionSuccessful"] == true);
  bool assumption = false;
  for (const auto& x : run["results"]) {
    if (x["ruleId"] != "verigen.assumption.assume") continue;
    assumption = true;
    CHECK(x["level"] == "error");
    auto uri = x["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].get<std::string>();
    CHECK(uri.find("odd%20name%20%231.dfy") != std::string::npos);
    CHECK(uri.rfind("file:///", 0) == 0);
  }
  CHECK(assumption);
}

// Contract: the second run of an unchanged file is answered from the cache; --no-cache asks
// Dafny again.
TEST_CASE("verification cache across runs", "[verifier:dafny]") {
  TempDir dir;
  auto good = dir.file("good.dfy", kGood);
  auto first = run_verigen({"verify", "--json", good}, cache_of(dir));
  auto second = run_verigen({"verify", "--json", good}, cache_of(dir));
  auto fresh = run_verigen({"verify", "--json", "--no-cache", good}, cache_of(dir));
  CHECK(nlohmann::json::parse(first.out)["results"][0]["cached"] == false);
  CHECK(nlohmann::json::parse(second.out)["results"][0]["cached"] == true);
  CHECK(nlohmann::json::parse(second.out)["results"][0]["outcome"] == "verified");
  CHECK(nlohmann::json::parse(fresh.out)["results"][0]["cached"] == false);
}

// Contract: without Dafny the exit code is 3 with an install hint, and nothing is cached.
TEST_CASE("dafny missing gives exit 3", "[verifier:dafny]") {
  TempDir dir;
  auto good = dir.file("good.dfy", kGood);
  auto r = run_verigen({"verify", good}, cache_of(dir), {{"VERIGEN_DAFNY", "/nonexistent/dafny"}});
  CHECK(r.exit_code == 3);
  CHECK(r.out.find("dotnet tool install --global dafny") != std::string::npos);
  CHECK(count_files(cache_of(dir)) == 0);
}

// Contract: compile refuses a program that does not verify and writes nothing; a verified one
// becomes Python that runs and prints what the Dafny program prints.
TEST_CASE("compile to python and run it", "[verifier:dafny]") {
  TempDir dir;
  auto bad = dir.file("bad.dfy", kBad);
  auto refused = run_verigen(
      {"compile", bad, "--target", "py", "--out", (dir.path / "bad-out").string()}, cache_of(dir));
  CHECK(refused.exit_code == 1);
  CHECK(refused.err.find("not compiled") != std::string::npos);
  CHECK(count_files(dir.path / "bad-out") == 0);

  auto program = dir.file(
      "prog.dfy", std::string(kGood) + "method Main() { var m := Max(3, 5); print m, \"\\n\"; }\n");
  auto out = (dir.path / "py").string();
  auto r = run_verigen({"compile", program, "--target", "py", "--out", out}, cache_of(dir));
  REQUIRE(r.exit_code == 0);
  SubprocessRunner runner;
  ProcessSpec python;
  python.argv = {"python3", out + "/prog-py/__main__.py"};
  python.deadline = Deadline::after_seconds(60);
  auto ran = runner.run(python);
  REQUIRE(ran.exited());
  CHECK(ran.exit_code == 0);
  CHECK(ran.out == "5\n");
}

// Contract: with --against, every cheat of the list is refuted with cause integrity and
// a located finding; an honest annotation of the same spec verifies.
TEST_CASE("verify --against catches cheats", "[verifier:dafny]") {
  TempDir dir;
  const std::string spec =
      read_file(std::string(VERIGEN_SOURCE_DIR) + "/specs/examples/sum_loop_spec.dfy").value();
  const std::string honest =
      read_file(std::string(VERIGEN_SOURCE_DIR) + "/specs/examples/sum_loop.dfy").value();
  auto original = dir.file("spec.dfy", spec);
  auto swap = [](std::string text, const std::string& from, const std::string& to) {
    auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    return text.replace(at, from.size(), to);
  };
  struct Cheat {
    std::string name;
    std::string text;
    std::string rule;
  };
  const Cheat cheats[] = {
      {"assume.dfy", swap(honest, "    s := s + i;\n", "    s := s + i;\n    assume false;\n"),
       "integrity.escape-hatch"},
      {"noverify.dfy", swap(honest, "method SumTo", "method {:verify false} SumTo"),
       "integrity.escape-hatch"},
      {"weakened.dfy", swap(honest, "ensures s == n * (n + 1) / 2", "ensures s >= 0"),
       "integrity.contract-changed"},
      {"body.dfy", swap(honest, "    s := s + i;\n", "    s := i * (i + 1) / 2;\n"),
       "integrity.code-changed"},
  };
  for (const auto& cheat : cheats) {
    INFO(cheat.name);
    auto file = dir.file(cheat.name, cheat.text);
    auto r = run_verigen({"verify", "--json", "--against", original, "--kind", "annotate", file},
                         cache_of(dir));
    CHECK(r.exit_code == 1);
    auto result = nlohmann::json::parse(r.out)["results"][0];
    CHECK(result["outcome"] == "refuted");
    CHECK(result["cause"] == "integrity");
    CHECK(result["diagnostics"][0]["rule"] == cheat.rule);
    CHECK(result["diagnostics"][0]["line"].get<int>() > 0);
  }
  auto good = dir.file("honest.dfy", honest);
  auto ok =
      run_verigen({"verify", "--against", original, "--kind", "annotate", good}, cache_of(dir));
  CHECK(ok.exit_code == 0);
}
