// `verigen gen --provider openai` end to end: the real binary talking to a scripted
// OpenAI-compatible server on 127.0.0.1, verifying with the real Dafny.

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "cli_harness.h"
#include "core/file_io.h"
#include "loopback_server.h"

using namespace verigen;
using namespace verigen::test;
namespace fs = std::filesystem;

namespace {

const char* kSpec =
    "/// The larger of a and b.\n"
    "/// example: Max(3, 5) == 5\n"
    "/// example: Max(-2, -7) == -2\n"
    "method Max(a: int, b: int) returns (m: int)\n"
    "  ensures m >= a && m >= b\n"
    "  ensures m == a || m == b\n";

std::string program(const std::string& body) {
  return std::string("```dafny\n") + kSpec + "{\n" + body + "\n}\n```\n";
}

const std::string kCheat = program("  assume false;\n  m := a;");
const std::string kWrong = program("  m := a;");
const std::string kRight = program("  if a > b { m := a; } else { m := b; }");

std::vector<std::pair<std::string, std::string>> env_for(const LoopbackServer& server) {
  return openai_env(server, "sk-e2e-secret");
}

}  // namespace

// Contract: of a cheating, a wrong and a right answer the right one is chosen, the cheat is
// reported by the audit, the Python output matches the spec's examples, and the key appears
// in none of the outputs.
TEST_CASE("gen over a scripted server: cheat, wrong, right", "[network]") {
  LoopbackServer server;
  server.script({{200, {}, completion_body({kCheat, kWrong, kRight})}});
  TempDir dir;
  auto spec = dir.file("max.dfy", kSpec);
  auto out = (dir.path / "out").string();
  auto r = run_verigen({"gen", spec, "--provider", "openai", "-k", "3", "--rounds", "0", "--jobs",
                        "1", "--out", out, "--json"},
                       (dir.path / "cache").string(), env_for(server));
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  auto report = nlohmann::json::parse(r.out);
  CHECK(report["outcome"] == "verified");
  CHECK(report["integrity_rejections"] == 1);
  for (const auto& e : report["examples"]) CHECK(e["passed"] == true);
  CHECK(report["examples"].size() == 2);
  auto verified = read_file(out + "/max.dfy");
  REQUIRE(verified.ok());
  CHECK(verified->find("if a > b") != std::string::npos);
  auto log = read_file(out + "/run.jsonl").value();
  CHECK(log.find("integrity.escape-hatch") != std::string::npos);
  for (const auto& file : {out + "/run.jsonl", out + "/certificate.json"})
    CHECK(read_file(file)->find("sk-e2e-secret") == std::string::npos);
}

// Contract: a failing answer is repaired: the repair prompt carries the verifier's message,
// and the repaired answer verifies.
TEST_CASE("gen repair round over a scripted server", "[network]") {
  LoopbackServer server;
  server.script({{200, {}, completion_body({kWrong})}, {200, {}, completion_body({kRight})}});
  TempDir dir;
  auto spec = dir.file("max.dfy", kSpec);
  auto r = run_verigen({"gen", spec, "--provider", "openai", "-k", "1", "--rounds", "1", "--out",
                        (dir.path / "out").string(), "--json"},
                       (dir.path / "cache").string(), env_for(server));
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  auto requests = server.requests();
  REQUIRE(requests.size() == 2);
  auto repair =
      nlohmann::json::parse(requests[1].body)["messages"][1]["content"].get<std::string>();
  CHECK(repair.find("postcondition could not be proved") != std::string::npos);
  CHECK(repair.find("m := a;") != std::string::npos);
}

// Contract: a recorded run replays offline to the same verified result; an unknown request in
// replay is a clear error.
TEST_CASE("gen --record then --provider replay", "[network]") {
  TempDir dir;
  auto spec = dir.file("max.dfy", kSpec);
  auto cassette = (dir.path / "cassette.jsonl").string();
  {
    LoopbackServer server;
    server.script({{200, {}, completion_body({kRight})}});
    auto live = run_verigen({"gen", spec, "--provider", "openai", "-k", "1", "--record", cassette,
                             "--out", (dir.path / "live").string()},
                            (dir.path / "cache").string(), env_for(server));
    REQUIRE(live.exit_code == 0);
  }
  auto replay = run_verigen({"gen", spec, "--provider", "replay", "--cassette", cassette, "-k", "1",
                             "--out", (dir.path / "replayed").string()},
                            (dir.path / "cache").string(), {{"VERIGEN_MODEL", "scripted"}});
  CHECK(replay.exit_code == 0);
  auto other = run_verigen({"gen", spec, "--provider", "replay", "--cassette", cassette, "-k", "2",
                            "--out", (dir.path / "other").string()},
                           (dir.path / "cache").string(), {{"VERIGEN_MODEL", "scripted"}});
  CHECK(other.exit_code == 2);
  CHECK(other.err.find("has no answer for request") != std::string::npos);
}

// Contract: garbage from the server (malformed JSON) is a clear error and exit 2.
TEST_CASE("gen with a server that answers garbage", "[network]") {
  LoopbackServer server;
  server.fallback([](const RecordedRequest&) { return ScriptedResponse{200, {}, "<html>oops"}; });
  TempDir dir;
  auto spec = dir.file("max.dfy", kSpec);
  auto r = run_verigen({"gen", spec, "--provider", "openai", "--out", (dir.path / "o").string()},
                       (dir.path / "cache").string(), env_for(server));
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("malformed JSON") != std::string::npos);
}

// Contract: gen works on a Lean spec: a cheating answer (native_decide) is rejected by the
// audit, an honest one is checked by `lean` and certified. Lean cannot be installed here, so a
// stand-in `lean` that accepts any file plays the tool; without any lean, gen exits 3 naming
// elan.
TEST_CASE("gen on a Lean spec over a scripted server", "[network]") {
  const std::string spec = "theorem two : 1 + 1 = 2 := by\n  sorry\n";
  const std::string cheat = "```lean\ntheorem two : 1 + 1 = 2 := by\n  native_decide\n```";
  const std::string honest = "```lean\ntheorem two : 1 + 1 = 2 := by\n  rfl\n```";
  LoopbackServer server;
  server.script({{200, {}, completion_body({cheat, honest})}});
  TempDir dir;
  auto file = dir.file("Two.lean", spec);
  auto tools = dir.path / "tools";
  fs::create_directories(tools);
  {
    std::ofstream script(tools / "lean");
    script
        << "#!/bin/sh\n[ \"$1\" = --version ] && echo 'Lean (version 4.24.0, stand-in)'\nexit 0\n";
  }
  fs::permissions(tools / "lean", fs::perms::owner_all);
  auto env = env_for(server);
  env.push_back({"PATH", tools.string() + ":/usr/bin:/bin"});
  auto r = run_verigen({"gen", file, "--provider", "openai", "-k", "2", "--jobs", "1", "--out",
                        (dir.path / "out").string(), "--json"},
                       (dir.path / "cache").string(), env);
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  auto report = nlohmann::json::parse(r.out);
  CHECK(report["integrity_rejections"] == 1);
  CHECK(read_file((dir.path / "out/Two.lean").string())->find("rfl") != std::string::npos);
  auto certificate =
      nlohmann::json::parse(read_file((dir.path / "out/certificate.json").string()).value());
  CHECK(certificate["tools"]["verifier"] == "lean 4.24.0");

  auto missing = run_verigen(
      {"gen", file, "--provider", "openai", "--out", (dir.path / "o2").string()},
      (dir.path / "cache").string(), {{"PATH", "/usr/bin:/bin"}, {"VERIGEN_MODEL", "m"}});
  CHECK(missing.exit_code == 3);
  CHECK(missing.err.find("elan") != std::string::npos);
}

// Contract: a 200 MiB answer does not blow up gen: reading stops at the response cap (a clear
// error, exit 2), verigen's peak memory stays far below the answer's size, and the run log
// stays small.
TEST_CASE("gen with a server that streams a huge answer", "[network]") {
  LoopbackServer server;
  ScriptedResponse huge;
  huge.body = "{\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":\"```dafny\\n";
  huge.stream_chunk = "// " + std::string(1020, 'x') + "\\n";
  huge.stream_repeat = 200 << 10;  // about 200 MiB
  huge.stream_suffix = "```\"}}]}";
  server.fallback([&](const RecordedRequest&) { return huge; });
  TempDir dir;
  auto spec = dir.file("max.dfy", kSpec);
  auto out = (dir.path / "out").string();
  auto r = run_verigen(
      {"gen", spec, "--provider", "openai", "-k", "1", "--rounds", "0", "--out", out, "--json"},
      (dir.path / "cache").string(), env_for(server));
  INFO(r.err);
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("the answer is larger than 8 MiB (the response cap)") != std::string::npos);
  auto report = nlohmann::json::parse(r.out);
  CHECK(report["peak_rss_kib"].get<long>() < 128 * 1024);
  CHECK(fs::file_size(out + "/run.jsonl") < (1u << 20));
}

// Contract: an answer under the response cap whose program is over the candidate cap is
// rejected with the reason, never verified; the run log cuts the text at 256 KiB.
TEST_CASE("gen rejects an oversized candidate", "[network]") {
  LoopbackServer server;
  const std::string padded = std::string("```dafny\n") + kSpec +
                             "{\n  if a > b { m := a; } else { m := b; }\n}\n" +
                             std::string(2 << 20, '\n') + "```\n";
  server.script({{200, {}, completion_body({padded})}});
  TempDir dir;
  auto spec = dir.file("max.dfy", kSpec);
  auto out = (dir.path / "out").string();
  auto r = run_verigen(
      {"gen", spec, "--provider", "openai", "-k", "1", "--rounds", "0", "--out", out, "--json"},
      (dir.path / "cache").string(), env_for(server));
  INFO(r.out << r.err);
  CHECK(r.exit_code == 1);
  auto report = nlohmann::json::parse(r.out);
  CHECK(report["outcome"] != "verified");
  CHECK(report["verifier_calls"] == 0);
  // Two strings of the line (the candidate and the raw answer) are cut at 256 KiB each; its
  // line breaks take two bytes in JSON.
  CHECK(fs::file_size(out + "/run.jsonl") < (1200u << 10));
  auto record = nlohmann::json::parse(read_file(out + "/run.jsonl").value());
  CHECK(record["rejected"].get<std::string>().find("candidate too large") == 0);
  CHECK(record["text"].get<std::string>().find("[verigen: truncated,") != std::string::npos);
}

// Contract: a spec example that is code is refused before anything runs, even when a model
// would answer with a program that verifies: exit 2 naming the spec's line, no request to the
// server, and the code never executes.
TEST_CASE("gen over a scripted server refuses an example that is code", "[network]") {
  TempDir dir;
  const auto marker = (dir.path / "PWNED").string();
  std::string evil = kSpec;
  evil.replace(evil.find("Max(3, 5) == 5"), 14,
               "Max(__import__('os').system('touch " + marker + "'), 5) == 5");
  auto spec = dir.file("max.dfy", evil);
  LoopbackServer server;
  server.fallback([](const RecordedRequest&) {
    return ScriptedResponse{200, {}, completion_body({kRight})};
  });
  auto r = run_verigen(
      {"gen", spec, "--provider", "openai", "-k", "1", "--out", (dir.path / "out").string()},
      (dir.path / "cache").string(), env_for(server));
  INFO(r.out << r.err);
  CHECK(r.exit_code == 2);
  CHECK(r.err.rfind(spec + ":2:18: error: example: '__import__' is not a literal", 0) == 0);
  CHECK(server.requests().empty());
  CHECK_FALSE(fs::exists(marker));
}

// Contract: --timeout bounds the whole run, examples included: an example that hangs is killed
// at the run's deadline and reported, and the run is not verified (exit 1).
TEST_CASE("gen --timeout covers a hanging example", "[network]") {
  const std::string spec_text =
      "/// Counts up to n.\n"
      "/// example: CountTo(5) == 5\n"
      "/// example: CountTo(100000000000) == 100000000000\n"
      "method CountTo(n: nat) returns (c: nat)\n"
      "  ensures c == n\n";
  const std::string answer =
      "```dafny\nmethod CountTo(n: nat) returns (c: nat)\n  ensures c == n\n{\n  c := 0;\n"
      "  while c < n\n    invariant c <= n\n  {\n    c := c + 1;\n  }\n}\n```\n";
  LoopbackServer server;
  server.fallback([&](const RecordedRequest&) {
    return ScriptedResponse{200, {}, completion_body({answer})};
  });
  TempDir dir;
  auto spec = dir.file("count.dfy", spec_text);
  auto started = std::chrono::steady_clock::now();
  auto r = run_verigen({"gen", spec, "--provider", "openai", "-k", "1", "--rounds", "0",
                        "--timeout", "30", "--out", (dir.path / "out").string(), "--json"},
                       (dir.path / "cache").string(), env_for(server));
  auto elapsed = std::chrono::steady_clock::now() - started;
  INFO(r.out << r.err);
  CHECK(elapsed < std::chrono::seconds(45));
  CHECK(r.exit_code == 1);
  auto report = nlohmann::json::parse(r.out);
  REQUIRE(report["examples"].size() == 2);
  CHECK(report["examples"][0]["passed"] == true);
  CHECK(report["examples"][1]["passed"] == false);
  CHECK(report["examples"][1]["actual"].get<std::string>().rfind(
            "error: killed at the run's deadline", 0) == 0);
}

// Contract: when the program meets the contract but fails a spec example, the run is not
// verified: exit 1, nothing on screen or in --json says verified, no certificate is written (an
// earlier run's is removed), and `verigen check` refuses the generated code.
TEST_CASE("gen whose examples fail is not verified and not certified", "[network]") {
  LoopbackServer server;
  server.fallback([](const RecordedRequest&) {
    return ScriptedResponse{200, {}, completion_body({kRight})};
  });
  TempDir dir;
  auto out = (dir.path / "out").string();
  auto good = run_verigen(
      {"gen", dir.file("max.dfy", kSpec), "--provider", "openai", "-k", "1", "--out", out},
      (dir.path / "cache").string(), env_for(server));
  REQUIRE(good.exit_code == 0);
  REQUIRE(fs::exists(out + "/certificate.json"));

  std::string wrong_example = kSpec;
  wrong_example.replace(wrong_example.find("Max(3, 5) == 5"), 14, "Max(3, 5) == 7");
  auto spec = dir.file("max.dfy", wrong_example);
  auto text = run_verigen({"gen", spec, "--provider", "openai", "-k", "1", "--out", out},
                          (dir.path / "cache").string(), env_for(server));
  INFO(text.out << text.err);
  CHECK(text.exit_code == 1);
  CHECK(text.out.rfind(spec + ": not verified: 1 of 2 examples failed", 0) == 0);
  CHECK(text.out.find("example Max(3, 5) == 7: FAILED (got 5)") != std::string::npos);
  CHECK(text.out.find(": verified") == std::string::npos);
  CHECK(text.out.find("verified source") == std::string::npos);
  CHECK(text.out.find("certificate") != std::string::npos);  // "no certificate written"
  CHECK_FALSE(fs::exists(out + "/certificate.json"));

  auto json = run_verigen({"gen", spec, "--provider", "openai", "-k", "1", "--out", out, "--json"},
                          (dir.path / "cache").string(), env_for(server));
  CHECK(json.exit_code == 1);
  auto report = nlohmann::json::parse(json.out);
  CHECK(report["outcome"] != "verified");
  CHECK(report["examples_failed"] == 1);
  CHECK_FALSE(report["outputs"].contains("certificate"));
  CHECK_FALSE(fs::exists(out + "/certificate.json"));

  auto check = run_verigen({"check", out + "/py/max-py/module_.py"}, (dir.path / "cache").string());
  CHECK(check.exit_code == 1);
  CHECK(check.out.find("certificate") != std::string::npos);
}

// Contract: a failed run shows the candidate closest to verifying with the verifier's first
// errors as file:line lines, on screen and in --json, pointing into a copy of that candidate.
TEST_CASE("a failed gen shows the closest candidate's errors", "[network]") {
  LoopbackServer server;
  server.fallback([](const RecordedRequest&) {
    return ScriptedResponse{200, {}, completion_body({kWrong})};
  });
  TempDir dir;
  auto spec = dir.file("max.dfy", kSpec);
  auto out = (dir.path / "out").string();
  const std::string copy = out + "/best-candidate.dfy";
  auto text =
      run_verigen({"gen", spec, "--provider", "openai", "-k", "1", "--rounds", "0", "--out", out},
                  (dir.path / "cache").string(), env_for(server));
  INFO(text.out << text.err);
  CHECK(text.exit_code == 1);
  CHECK(text.out.find("\n  closest: candidate 0 (openai:scripted#0), refuted, in " + copy +
                      ":\n    " + copy + ":") != std::string::npos);
  CHECK(text.out.find(": error: a postcondition could not be proved on this return path") !=
        std::string::npos);
  CHECK(read_file(copy)->find("m := a;") != std::string::npos);
  auto json = run_verigen(
      {"gen", spec, "--provider", "openai", "-k", "1", "--rounds", "0", "--out", out, "--json"},
      (dir.path / "cache").string(), env_for(server));
  auto report = nlohmann::json::parse(json.out);
  const auto& best = report["best_candidate"];
  CHECK(best["id"] == 0);
  CHECK(best["outcome"] == "refuted");
  REQUIRE(best["diagnostics"].size() >= 1);
  CHECK(best["diagnostics"][0]["file"] == copy);
  CHECK(best["diagnostics"][0]["line"].get<int>() > 0);
  CHECK(best["diagnostics"][0]["message"] ==
        "a postcondition could not be proved on this return path");
}

// Contract: keys never reach anything gen prints or writes: not the API key, not a key in
// OPENAI_BASE_URL's query or userinfo, not when the server echoes them into its answer (run
// log, --record cassette, outputs) or its error (stderr).
TEST_CASE("gen keeps keys in the base URL and echoed keys out of every output", "[network]") {
  LoopbackServer server;
  server.fallback([](const RecordedRequest& r) {
    auto auth = r.headers.count("authorization") ? r.headers.at("authorization") : "";
    return ScriptedResponse{
        200, {}, completion_body({program("  // " + auth + " " + r.path + "\n  m := a;")})};
  });
  TempDir dir;
  auto spec = dir.file("max.dfy", kSpec);
  auto out = (dir.path / "out").string();
  auto cassette = (dir.path / "run.cassette").string();
  auto env = env_for(server);
  env[0].second = server.base_url() + "?api-key=QUERY-SECRET-4242";
  auto r = run_verigen({"gen", spec, "--provider", "openai", "-k", "1", "--rounds", "0", "--out",
                        out, "--record", cassette, "--json"},
                       (dir.path / "cache").string(), env);
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 1);
  REQUIRE(server.requests().size() == 1);
  CHECK(server.requests()[0].path == "/v1/chat/completions?api-key=QUERY-SECRET-4242");
  std::string everything = r.out + r.err + read_file(cassette).value() +
                           read_file(out + "/run.jsonl").value() +
                           read_file(out + "/best-candidate.dfy").value();
  CHECK(everything.find("Bearer ***") != std::string::npos);  // the echo arrived, blanked
  CHECK(everything.find("sk-e2e-secret") == std::string::npos);
  CHECK(everything.find("QUERY-SECRET-4242") == std::string::npos);

  auto refused = env;
  refused[0].second = "http://alice:PASSWORD-4242@127.0.0.1:" + std::to_string(unused_port()) +
                      "/v1?key=QUERY-SECRET-4242";
  auto down = run_verigen({"gen", spec, "--provider", "openai", "-k", "1", "--out", out},
                          (dir.path / "cache").string(), refused);
  CHECK(down.exit_code == 2);
  CHECK(down.err.find("http://***@127.0.0.1:") != std::string::npos);
  CHECK((down.out + down.err).find("PASSWORD-4242") == std::string::npos);
  CHECK((down.out + down.err).find("QUERY-SECRET-4242") == std::string::npos);
}

// Contract: verigen.toml's `prompts` folder (relative to the file) replaces the embedded
// template of the kinds it holds, as --prompts does; the flag wins over the file.
TEST_CASE("gen takes its prompt templates from verigen.toml's prompts folder", "[network]") {
  TempDir dir;
  dir.file("verigen.toml", "prompts = \"my-prompts\"\n");
  dir.file("my-prompts/dafny/implement.txt", "FROM THE FILE\n{{spec}}");
  dir.file("flag-prompts/dafny/implement.txt", "FROM THE FLAG\n{{spec}}");
  auto spec = dir.file("max.dfy", kSpec);
  auto first_prompt = [&](std::vector<std::string> extra) {
    LoopbackServer server;
    server.script({{200, {}, completion_body({kRight})}});
    std::vector<std::string> args = {
        "gen", spec,       "--provider", "openai", "-k",
        "1",   "--rounds", "0",          "--out",  (dir.path / "out").string()};
    args.insert(args.end(), extra.begin(), extra.end());
    auto r =
        run_verigen(args, (dir.path / "cache").string(), env_for(server), 300, dir.path.string());
    INFO(r.out << r.err);
    CHECK(r.exit_code == 0);
    auto requests = server.requests();
    REQUIRE(requests.size() == 1);
    auto messages = nlohmann::json::parse(requests[0].body)["messages"];
    return messages[messages.size() - 1]["content"].get<std::string>();
  };
  auto from_file = first_prompt({});
  CHECK(from_file.rfind("FROM THE FILE\n", 0) == 0);
  CHECK(from_file.find("method Max(a: int, b: int)") != std::string::npos);
  auto from_flag = first_prompt({"--prompts", (dir.path / "flag-prompts").string()});
  CHECK(from_flag.rfind("FROM THE FLAG\n", 0) == 0);
}

// Contract: a repair request carries the earlier attempts at the task and their errors as
// conversation turns (assistant: the attempt, user: what failed) before its own prompt; the
// first repair has none to carry, and --history-tokens 0 sends none.
TEST_CASE("repairs carry the earlier attempts as a conversation", "[network]") {
  const std::string wrong_b = program("  m := b;");
  auto requests_for = [&](std::vector<std::string> extra) {
    LoopbackServer server;
    server.script({{200, {}, completion_body({kWrong})},
                   {200, {}, completion_body({wrong_b})},
                   {200, {}, completion_body({kRight})}});
    TempDir dir;
    auto spec = dir.file("max.dfy", kSpec);
    std::vector<std::string> args = {
        "gen", spec,       "--provider", "openai", "-k",
        "1",   "--rounds", "2",          "--out",  (dir.path / "out").string()};
    args.insert(args.end(), extra.begin(), extra.end());
    auto r = run_verigen(args, (dir.path / "cache").string(), env_for(server));
    INFO(r.out << r.err);
    CHECK(r.exit_code == 0);
    std::vector<nlohmann::json> messages;
    for (const auto& request : server.requests())
      messages.push_back(nlohmann::json::parse(request.body)["messages"]);
    return messages;
  };
  auto with_history = requests_for({});
  REQUIRE(with_history.size() == 3);
  CHECK(with_history[1].size() == 2);    // system, repair prompt: nothing earlier yet
  REQUIRE(with_history[2].size() == 4);  // system, the first attempt, its errors, repair prompt
  CHECK(with_history[2][1]["role"] == "assistant");
  auto earlier = with_history[2][1]["content"].get<std::string>();
  CHECK(earlier.rfind("```dafny\n", 0) == 0);
  CHECK(earlier.find("m := a;") != std::string::npos);
  CHECK(with_history[2][2]["role"] == "user");
  CHECK(with_history[2][2]["content"].get<std::string>().find(
            "postcondition could not be proved") != std::string::npos);
  CHECK(with_history[2][3]["content"].get<std::string>().find("m := b;") != std::string::npos);

  auto without = requests_for({"--history-tokens", "0"});
  REQUIRE(without.size() == 3);
  CHECK(without[2].size() == 2);
}
