// `verigen gen -k N` on a Dafny annotate task takes the pool's path with one model's N samples:
// each sample is audited, equal programs collapse into one candidate that keeps every sample
// as a writer, the Dafny ranking model orders them, and the real Dafny verifies in that order
// until one verifies. The model is a scripted OpenAI-compatible server on 127.0.0.1.

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli_harness.h"
#include "core/file_io.h"
#include "loopback_server.h"

using namespace verigen;
using namespace verigen::test;

namespace {

// Hint-free: the loop has no invariant, so Dafny cannot prove the postcondition.
const char* kTask =
    "method SumTo(n: int) returns (s: int)\n"
    "  requires n >= 0\n"
    "  ensures s == n * (n + 1) / 2\n"
    "{\n"
    "  s := 0;\n"
    "  var i := 0;\n"
    "  while i < n\n"
    "  {\n"
    "    i := i + 1;\n"
    "    s := s + i;\n"
    "  }\n"
    "}\n";

std::string with_loop_hints(const std::string& hints, const std::string& after_loop = "") {
  std::string program = kTask;
  program.replace(program.find("  {\n    i :="), 0, hints);
  if (!after_loop.empty()) program.replace(program.rfind("}\n"), 0, after_loop);
  return "```dafny\n" + program + "```\n";
}

// Bounds i but says nothing of s: the postcondition fails.
const std::string kWrong = with_loop_hints("    invariant 0 <= i <= n\n");
// Assumes what it should prove: the audit refuses it before any verifier sees it.
const std::string kCheat = with_loop_hints("", "  assume s == n * (n + 1) / 2;\n");
const std::string kRight =
    with_loop_hints("    invariant 0 <= i <= n\n    invariant s == i * (i + 1) / 2\n");
// The same program as kRight, laid out differently and with a comment: one candidate after
// normalisation, written by two samples.
const std::string kRightAgain = with_loop_hints(
    "      invariant 0 <= i <= n   // bounds\n      invariant s == i * (i + 1) / 2\n");

}  // namespace

// Contract: of four samples (wrong first, a cheat, and the right program twice), the cheat is
// refused by the audit, the two right ones are one candidate that the ranker puts first because
// two samples agree on it, and it verifies on the first verifier call; the wrong sample is never
// verified.
TEST_CASE("gen -k 4 on a Dafny annotate task takes the pool path", "[network][verifier:dafny]") {
  LoopbackServer server;
  server.script({{200, {}, completion_body({kWrong, kCheat, kRight, kRightAgain})}});
  TempDir dir;
  auto spec = dir.file("sum_to.dfy", kTask);
  auto out = (dir.path / "out").string();
  auto r = run_verigen({"gen", spec, "--provider", "openai", "-k", "4", "--rounds", "0", "--jobs",
                        "1", "--target", "py", "--out", out, "--json"},
                       (dir.path / "cache").string(),
                       {{"OPENAI_BASE_URL", server.base_url()},
                        {"OPENAI_API_KEY", "sk-test"},
                        {"VERIGEN_MODEL", "scripted"}});
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  auto report = nlohmann::json::parse(r.out);
  CHECK(report["kind"] == "annotate");
  CHECK(report["outcome"] == "verified");
  CHECK(report["integrity_rejections"] == 1);
  CHECK(report["verifier_calls"] == 1);
  auto verified = read_file(out + "/sum_to.dfy").value();
  CHECK(verified.find("invariant s == i * (i + 1) / 2") != std::string::npos);

  // The run log: one line per sample; the duplicate names the candidate it joined.
  std::istringstream log(read_file(out + "/run.jsonl").value());
  int ranked_first = 0, wrong_verified = 0, duplicates = 0;
  for (std::string line; std::getline(log, line);) {
    if (line.empty()) continue;
    auto j = nlohmann::json::parse(line);
    const std::string text = j["text"];
    if (j["rejected"].get<std::string>().rfind("duplicate of candidate", 0) == 0) ++duplicates;
    if (j["rank"] == 0) {
      ++ranked_first;
      CHECK(text.find("invariant s == i * (i + 1) / 2") != std::string::npos);
      CHECK(j["verdict"]["outcome"] == "verified");
    }
    // The wrong sample ranks after the agreed one and is never verified (nor logged: the search
    // stopped before it).
    if (text.find("invariant s ==") == std::string::npos &&
        text.find("assume") == std::string::npos)
      wrong_verified += j["verdict"].is_null() ? 0 : 1;
  }
  CHECK(ranked_first == 1);
  CHECK(duplicates == 1);
  CHECK(wrong_verified == 0);
}
