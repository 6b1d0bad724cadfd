// `verigen gen` as a user runs it: the real binary, real Dafny, offline builtin provider.

#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <regex>

#include "cli_harness.h"
#include "core/file_io.h"

using namespace verigen;
using namespace verigen::test;
namespace fs = std::filesystem;

namespace {
std::string example(const std::string& name) {
  return std::string(VERIGEN_SOURCE_DIR) + "/specs/examples/" + name;
}
}  // namespace

// Contract: the builtin provider verifies the bundled annotate spec offline; the output holds
// the verified Dafny (the spec plus invariants only), Python that matches the spec's examples,
// a certificate, and a run log with the candidate.
TEST_CASE("gen with the builtin provider, offline", "[verifier:dafny]") {
  TempDir dir;
  auto out = (dir.path / "out").string();
  auto r = run_verigen(
      {"gen", example("sum_loop_spec.dfy"), "--provider", "builtin", "--out", out, "--json"},
      (dir.path / "cache").string());
  REQUIRE(r.exit_code == 0);
  auto report = nlohmann::json::parse(r.out);
  CHECK(report["schema_version"] == 2);
  CHECK(report["command"] == "gen");
  CHECK(report["outcome"] == "verified");
  CHECK(report["cause"] == "");
  CHECK(report["kind"] == "annotate");
  REQUIRE(report["examples"].size() == 3);
  for (const auto& e : report["examples"]) CHECK(e["passed"] == true);
  auto verified = read_file(out + "/sum_loop_spec.dfy");
  REQUIRE(verified.ok());
  CHECK(verified->find("invariant s == i * (i + 1) / 2") != std::string::npos);
  CHECK(fs::exists(out + "/certificate.json"));
  auto log = read_file(out + "/run.jsonl");
  REQUIRE(log.ok());
  CHECK(nlohmann::json::parse(log->substr(0, log->find('\n')))["verdict"]["outcome"] == "verified");
}

// Contract: an implement spec with the builtin provider stops with a message saying how to
// configure a model (exit 2); a malformed spec gives file:line:col (exit 2).
TEST_CASE("gen refuses what it cannot do, with clear errors", "[verifier:dafny]") {
  TempDir dir;
  auto spec =
      dir.file("inc.dfy", "/// Increment.\nmethod Inc(a: int) returns (r: int)\n  ensures r > a\n");
  auto r =
      run_verigen({"gen", spec, "--out", (dir.path / "o").string()}, (dir.path / "cache").string());
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("OPENAI_BASE_URL") != std::string::npos);
  auto broken = dir.file("broken.dfy", "method M() {\n  while true {\n}\n");
  auto b = run_verigen({"gen", broken}, (dir.path / "cache").string());
  CHECK(b.exit_code == 2);
  CHECK(b.err.rfind(broken + ":1:12: error: '{' is never closed", 0) == 0);
  auto nothing = dir.file("done.dfy", "method M() {}\n");
  auto n = run_verigen({"gen", nothing}, (dir.path / "cache").string());
  CHECK(n.exit_code == 2);
  CHECK(n.err.find("nothing to generate") != std::string::npos);
}

// Contract: `gen --reference` judges a specify answer against a known contract: the builtin
// answer (template contracts pruned by Dafny) is accepted when it is at least as strong as the
// reference, and refused as weaker (exit 1, rule integrity.weaker-contract, the declaration
// and the reference clause named) when the reference says more than the templates can.
TEST_CASE("gen --reference refuses a weaker specify answer", "[verifier:dafny]") {
  TempDir dir;
  const std::string body =
      "/// The absolute value of x.\nmethod Abs(x: int) returns (r: int)\n"
      "{\n  if x < 0 { r := -x; } else { r := x; }\n}\n";
  auto spec = dir.file("abs.dfy", "// verigen: specify\n" + body);
  auto weak_reference = dir.file("weak.dfy",
                                 "method Abs(x: int) returns (r: int)\n  ensures r >= 0\n"
                                 "{\n  if x < 0 { r := -x; } else { r := x; }\n}\n");
  auto strong_reference = dir.file("strong.dfy",
                                   "method Abs(x: int) returns (r: int)\n  ensures r >= 0\n"
                                   "  ensures r == x || r == -x\n"
                                   "{\n  if x < 0 { r := -x; } else { r := x; }\n}\n");
  const std::string cache = (dir.path / "cache").string();
  auto ok = run_verigen({"gen", spec, "--reference", weak_reference, "--out",
                         (dir.path / "a").string(), "--json", "--target", "py"},
                        cache);
  INFO(ok.out << ok.err);
  REQUIRE(ok.exit_code == 0);
  auto report = nlohmann::json::parse(ok.out);
  CHECK(report["outcome"] == "verified");
  const std::string strength = report["contract"]["strength"];
  CHECK((strength == "equivalent" || strength == "stronger"));

  auto refused = run_verigen(
      {"gen", spec, "--reference", strong_reference, "--out", (dir.path / "b").string(), "--json"},
      cache);
  INFO(refused.out << refused.err);
  CHECK(refused.exit_code == 1);
  auto log = read_file((dir.path / "b" / "run.jsonl").string());
  REQUIRE(log.ok());
  CHECK(log->find("integrity.weaker-contract") != std::string::npos);
  CHECK(log->find("the contract of 'Abs' is not shown at least as strong") != std::string::npos);
  CHECK(log->find("reference ensures `r == x || r == -x` (line 3)") != std::string::npos);

  // A reference is for specify tasks only.
  auto wrong = run_verigen({"gen", example("sum_loop_spec.dfy"), "--reference", weak_reference,
                            "--out", (dir.path / "c").string()},
                           cache);
  CHECK(wrong.exit_code == 2);
  CHECK(wrong.err.rfind(weak_reference + ": error: --reference applies to Dafny specify tasks",
                        0) == 0);
}

// Contract: a spec whose example is code (an import, attribute access, a comprehension, a
// lambda, a call of something other than the spec's functions, code in the expected value) is
// refused before anything runs: exit 2, file:line:col, and the code never executes.
TEST_CASE("gen refuses spec examples that are code", "[verifier:dafny]") {
  TempDir dir;
  const auto marker = (dir.path / "PWNED").string();
  const std::string touch = "__import__('os').system('touch " + marker + "')";
  const std::string contract =
      "method Max(a: int, b: int) returns (m: int)\n  ensures m >= a && m >= b\n";
  const std::vector<std::string> examples = {
      "Max(" + touch + ", 5) == 5", "Max(1, 2) == " + touch,
      "Max((1).__class__, 2) == 2", "Max([x for x in (1, 2)][0], 2) == 2",
      "Max((lambda: 1)(), 2) == 2", "exec(\"import os\") == 0",
      "Max(1, 2).__globals__ == 0",
  };
  int index = 0;
  for (const auto& example : examples) {
    INFO(example);
    auto spec = dir.file("evil" + std::to_string(index++) + ".dfy",
                         "/// The larger.\n/// example: " + example + "\n" + contract);
    auto r = run_verigen({"gen", spec, "--out", (dir.path / "out").string()},
                         (dir.path / "cache").string());
    CHECK(r.exit_code == 2);
    CHECK(r.err.rfind(spec + ":2:", 0) == 0);
    CHECK(r.err.find("error: example: ") != std::string::npos);
    CHECK_FALSE(fs::exists(marker));
  }
}

// Contract: one run reports one verifier-call count everywhere: the summary line, --json and
// the certificate count the builtin generator's own (Houdini) calls too, agree with the
// candidate's origin, and are pluralised correctly.
TEST_CASE("gen counts verifier calls once and consistently", "[verifier:dafny]") {
  TempDir dir;
  auto out = (dir.path / "out").string();
  auto text = run_verigen({"gen", example("sum_loop_spec.dfy"), "--out", out},
                          (dir.path / "cache").string());
  REQUIRE(text.exit_code == 0);
  INFO(text.out);
  std::smatch origin, summary;
  REQUIRE(std::regex_search(text.out, origin, std::regex(R"(kept, (\d+) verifier calls?[;)])")));
  REQUIRE(std::regex_search(
      text.out, summary,
      std::regex(
          R"(\n  1 candidate, 0 rejected by the integrity audit, (\d+) verifier calls? \((\d+) of them by the builtin generator\))")));
  const int houdini = std::stoi(origin[1]);
  CHECK(std::stoi(summary[2]) == houdini);
  CHECK(std::stoi(summary[1]) == houdini + 1);  // and the pipeline's check of the candidate
  CHECK(text.out.find("call(s)") == std::string::npos);
  auto json = run_verigen({"gen", example("sum_loop_spec.dfy"), "--out", out, "--json"},
                          (dir.path / "cache").string());
  auto report = nlohmann::json::parse(json.out);
  CHECK(report["verifier_calls"] == houdini + 1);
  CHECK(report["generator_verifier_calls"] == houdini);
  auto certificate = nlohmann::json::parse(read_file(out + "/certificate.json").value());
  CHECK(certificate["generation"]["verifier_calls"] == houdini + 1);
}

// Contract: a spec's own assumption may stay in the generated program; the run and the
// certificate name it as trusted because the spec has it, and `verigen check` re-verifies the
// certified source trusting exactly that, so the generated code passes.
TEST_CASE("gen keeps and records the spec's own assumption, and check trusts only it",
          "[verifier:dafny]") {
  TempDir dir;
  auto spec = dir.file(
      "clamp.dfy",
      "/// Sums 1..n.\nmethod SumTo(n: nat) returns (s: nat)\n  ensures s == n * (n + 1) / 2\n{\n"
      "  s := 0;\n  var i := 0;\n  while i < n\n  {\n    i := i + 1;\n    s := s + i;\n  }\n}\n\n"
      "/// The user trusts callers here.\nmethod Clamp(x: int) returns (r: int)\n  ensures r >= "
      "0\n{\n"
      "  assume x >= 0;\n  r := x;\n}\n");
  auto out = (dir.path / "out").string();
  auto cache = (dir.path / "cache").string();
  auto r = run_verigen({"gen", spec, "--out", out, "--json"}, cache);
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  auto report = nlohmann::json::parse(r.out);
  REQUIRE(report["assumptions"].size() == 1);
  CHECK(report["assumptions"][0]["kind"] == "assume");
  CHECK(report["assumptions"][0]["declaration"] == "Clamp");
  CHECK(report["assumptions"][0]["allowed_by"] == "spec");
  auto certificate = nlohmann::json::parse(read_file(out + "/certificate.json").value());
  REQUIRE(certificate["assumptions"].size() == 1);
  CHECK(certificate["assumptions"][0]["allowed_by"] == "spec");
  auto module = out + "/py/clamp-py/module_.py";
  REQUIRE(fs::exists(module));
  auto check = run_verigen({"check", module}, cache);
  INFO(check.out << check.err);
  CHECK(check.exit_code == 0);
}
