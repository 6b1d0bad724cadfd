// `verigen gen --provider openai` against servers that behave as users' real servers do: the
// real binary, a scripted OpenAI-compatible server on 127.0.0.1, the real Dafny. Each case
// asserts the requests sent and the verdict.

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <set>

#include "cli_harness.h"
#include "core/file_io.h"
#include "loopback_server.h"

using namespace verigen;
using namespace verigen::test;
using nlohmann::json;

namespace {

const char* kSpec =
    "/// The larger of a and b.\n"
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

/// The user message of a recorded request.
std::string user_prompt(const RecordedRequest& request) {
  return json::parse(request.body)["messages"][1]["content"].get<std::string>();
}

struct Gen {
  CliRun run;
  json report;
};

Gen gen(const LoopbackServer& server, const TempDir& dir, std::vector<std::string> extra) {
  auto spec = dir.file("max.dfy", kSpec);
  std::vector<std::string> args = {
      "gen", spec, "--provider", "openai", "--out", (dir.path / "out").string(), "--json"};
  args.insert(args.end(), extra.begin(), extra.end());
  Gen g;
  g.run = run_verigen(args, (dir.path / "cache").string(), env_for(server));
  g.report = json::parse(g.run.out, nullptr, false);
  return g;
}

}  // namespace

// Contract: a cheat the audit refuses is no dead end: with --rounds 1 a second request goes
// out, carrying the audit's finding and DafnyBench's instruction to keep the contracts, and its
// right answer verifies. (Before: one request, not verified.)
TEST_CASE("a cheat is repaired under --rounds 1", "[network]") {
  LoopbackServer server;
  server.script({{200, {}, completion_body({kCheat})}, {200, {}, completion_body({kRight})}});
  TempDir dir;
  auto g = gen(server, dir, {"-k", "1", "--rounds", "1"});
  INFO(g.run.out << g.run.err);
  REQUIRE(g.run.exit_code == 0);
  CHECK(g.report["integrity_rejections"] == 1);
  auto requests = server.requests();
  REQUIRE(requests.size() == 2);
  const auto repair = user_prompt(requests[1]);
  CHECK(repair.find("Keep the preconditions and postconditions the same") != std::string::npos);
  CHECK(repair.find("assume false;") != std::string::npos);
  CHECK(repair.find("The larger of a and b.") != std::string::npos);  // the task's doc
  // The exact prompt and the raw answer are in the run log.
  auto log = read_file((dir.path / "out/run.jsonl").string()).value();
  auto first = json::parse(log.substr(0, log.find('\n')));
  CHECK(first["answer"] == kCheat);
  CHECK(first["prompt"].get<std::string>().find("[user]\n") != std::string::npos);
}

// Contract: an answer with no code block is repaired with what was wrong with it.
TEST_CASE("an answer without code is repaired", "[network]") {
  LoopbackServer server;
  server.script(
      {{200, {}, completion_body({"Sure! The answer is to take the larger one of the two."})},
       {200, {}, completion_body({kRight})}});
  TempDir dir;
  auto g = gen(server, dir, {"-k", "1", "--rounds", "1"});
  INFO(g.run.out << g.run.err);
  REQUIRE(g.run.exit_code == 0);
  auto requests = server.requests();
  REQUIRE(requests.size() == 2);
  CHECK(user_prompt(requests[1]).find("the answer is prose, not dafny code") != std::string::npos);
}

// Contract: a <think> draft with its own (wrong, larger) code block does not beat the final
// answer: one request, verified.
TEST_CASE("a think draft does not beat the final answer", "[network]") {
  LoopbackServer server;
  const std::string draft = "<think>\nFirst idea:\n" +
                            program("  m := a;\n  // a long draft, larger than the answer ...") +
                            "That misses b.\n</think>\n";
  server.script({{200, {}, completion_body({draft + kRight})}});
  TempDir dir;
  auto g = gen(server, dir, {"-k", "1", "--rounds", "0"});
  INFO(g.run.out << g.run.err);
  CHECK(g.run.exit_code == 0);
  CHECK(server.requests().size() == 1);
}

// Contract: a reasoning-model server (refuses max_tokens, any temperature but 1, n > 1) is
// adapted to, the user is told what was adapted, and the run verifies. (Before: exit 2 after
// misreading the first 400 as "rejects n".)
TEST_CASE("gen against a reasoning-model server", "[network]") {
  LoopbackServer server;
  server.fallback([](const RecordedRequest& request) {
    auto body = json::parse(request.body);
    if (body.contains("max_tokens"))
      return ScriptedResponse{
          400,
          {},
          openai_error("Unsupported parameter: 'max_tokens' is not supported with this model. "
                       "Use 'max_completion_tokens' instead.",
                       "max_tokens", "unsupported_parameter")};
    if (body.contains("temperature") && body["temperature"] != 1)
      return ScriptedResponse{
          400,
          {},
          openai_error("Unsupported value: 'temperature' does not support 0.8 with this model. "
                       "Only the default (1) value is supported.",
                       "temperature", "unsupported_value")};
    if (body.contains("n") && body["n"] != 1)
      return ScriptedResponse{400,
                              {},
                              openai_error("Unsupported value: 'n' does not support 2 with this "
                                           "model. Only the default (1) value is supported.",
                                           "n", "unsupported_value")};
    return ScriptedResponse{200, {}, choices_body({{std::nullopt, "length"}, {kRight, "stop"}})};
  });
  TempDir dir;
  auto g = gen(server, dir, {"-k", "2", "--rounds", "0", "--seed", "11"});
  INFO(g.run.out << g.run.err);
  REQUIRE(g.run.exit_code == 0);
  CHECK(g.run.err.find("openai: note: the server refuses 'max_tokens'") != std::string::npos);
  CHECK(g.run.err.find("default temperature") != std::string::npos);
  CHECK(g.run.err.find("refuses n > 1") != std::string::npos);
  // 3 refused, then 2 single requests with seeds 11 and 12.
  auto requests = server.requests();
  REQUIRE(requests.size() >= 5);
  std::set<long> seeds;
  for (std::size_t i = 3; i < 5; ++i)
    seeds.insert(json::parse(requests[i].body)["seed"].get<long>());
  CHECK(seeds == std::set<long>{11, 12});
}

// Contract: an answer cut off at the token limit (finish_reason length) is asked again once
// with twice the budget; the longer answer verifies.
TEST_CASE("a truncated answer is retried with a larger budget", "[network]") {
  LoopbackServer server;
  const std::string cut = kRight.substr(0, kRight.size() / 2);
  server.script({{200, {}, choices_body({{cut, "length"}})}, {200, {}, completion_body({kRight})}});
  TempDir dir;
  auto g = gen(server, dir, {"-k", "1", "--rounds", "0", "--max-tokens", "300"});
  INFO(g.run.out << g.run.err);
  CHECK(g.run.exit_code == 0);
  auto requests = server.requests();
  REQUIRE(requests.size() == 2);
  CHECK(json::parse(requests[0].body)["max_tokens"] == 300);
  CHECK(json::parse(requests[1].body)["max_tokens"] == 600);
}

// Contract: --max-requests bounds the run: a wrong answer under --rounds 2 and a budget of one
// request sends one request, and the summary says the budget stopped it; usage is reported.
TEST_CASE("the request budget stops the run", "[network]") {
  LoopbackServer server;
  server.fallback([](const RecordedRequest&) {
    return ScriptedResponse{200, {}, completion_body({kWrong})};
  });
  TempDir dir;
  auto g = gen(server, dir, {"-k", "1", "--rounds", "2", "--max-requests", "1"});
  INFO(g.run.out << g.run.err);
  CHECK(g.run.exit_code == 1);
  CHECK(server.requests().size() == 1);
  CHECK(g.report["usage"]["requests"] == 1);
  CHECK(g.report["usage"]["prompt_tokens"] == 10);
  CHECK(g.report["usage"]["stopped"] == "request budget spent (--max-requests 1)");
}

// Contract: --repair-model sends repairs to another model; the first round keeps the
// generating model.
TEST_CASE("repairs go to the repair model", "[network]") {
  LoopbackServer server;
  server.script({{200, {}, completion_body({kWrong})}, {200, {}, completion_body({kRight})}});
  TempDir dir;
  auto g = gen(server, dir, {"-k", "1", "--rounds", "1", "--repair-model", "fixer"});
  INFO(g.run.out << g.run.err);
  REQUIRE(g.run.exit_code == 0);
  auto requests = server.requests();
  REQUIRE(requests.size() == 2);
  CHECK(json::parse(requests[0].body)["model"] == "scripted");
  CHECK(json::parse(requests[1].body)["model"] == "fixer");
  auto certificate = json::parse(read_file((dir.path / "out/certificate.json").string()).value());
  CHECK(certificate.dump().find("\"requests\":2") != std::string::npos);
}
