// The LLM invariant source over a real HTTP server on 127.0.0.1 (scripted OpenAI answers), and
// replaying what it recorded.

#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "backends/z3/inv_checker.h"
#include "gen/invariants/llm_proposer.h"
#include "gen/providers/openai_provider.h"
#include "loopback_server.h"
#include "specs/sygus/problem.h"

using namespace verigen;
using namespace verigen::test;
using namespace std::chrono_literals;
namespace fs = std::filesystem;

namespace {

const char* kProblem =
    "(set-logic LIA)\n"
    "(synth-inv inv_fun ((x Int) (y Int)))\n"
    "(define-fun pre_fun ((x Int) (y Int)) Bool (and (= x 0) (= y 0)))\n"
    "(define-fun trans_fun ((x Int) (y Int) (x! Int) (y! Int)) Bool (and (= x! (+ x 1)) (= y! (+ y "
    "1))))\n"
    "(define-fun post_fun ((x Int) (y Int)) Bool (= x y))\n"
    "(inv-constraint inv_fun pre_fun trans_fun post_fun)\n"
    "(check-synth)\n";

sygus::Problem problem() {
  auto p = sygus::parse_problem(kProblem, "counters.sl");
  REQUIRE(p.ok());
  return *p;
}

const std::string kGood =
    "The counters move together, so:\n```smt2\n(define-fun inv_fun ((x Int) (y Int)) Bool\n  (and "
    "(= x y) (>= x 0)))\n```\n";
// The same invariant in another layout: a duplicate once parsed.
const std::string kGoodAgain =
    "```\n(define-fun inv_fun ((x Int) (y Int)) Bool (and (= x y)\n (>= x 0)))\n```";
const std::string kGarbage = "I am sorry, I cannot find an invariant for this loop.";
const std::string kIllTyped = "```smt2\n(define-fun inv_fun ((x Int) (y Int)) Bool (+ x y))\n```";
const std::string kUnknownVariable =
    "```smt2\n(define-fun inv_fun ((x Int) (y Int)) Bool (>= z 0))\n```";
const std::string kBareTerm = "(<= x y)";

/// Points the provider configuration at `server` for this process (config precedence: the
/// environment beats any verigen.toml).
void use_server(const LoopbackServer& server) {
  ::setenv("OPENAI_BASE_URL", server.base_url().c_str(), 1);
  ::setenv("OPENAI_API_KEY", "sk-inv-test", 1);
  ::setenv("VERIGEN_MODEL", "scripted", 1);
}

fs::path scratch(const std::string& name) {
  auto dir =
      fs::temp_directory_path() / ("verigen-invllm-" + name + "-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

std::unique_ptr<inv::InvariantProposer> source(const GeneratorOptions& options) {
  auto made = inv::make_llm_proposer(options);
  INFO((made.ok() ? "" : made.error()));
  REQUIRE(made.ok());
  return std::move(*made);
}

GeneratorOptions openai() {
  GeneratorOptions o;
  o.provider = "openai";
  o.seed = 7;
  return o;
}

}  // namespace

// Contract: of six completions, the good define-fun and the bare term are kept (in completion
// order, over the problem's names); garbage, an ill-typed body, an unknown variable and a
// re-layout duplicate are rejected, each with its reason; one request asks for all six with the
// SyGuS prompts.
TEST_CASE("llm source keeps typed invariants and rejects the rest", "[network]") {
  LoopbackServer server;
  server.script(
      {{200,
        {},
        completion_body({kGood, kGarbage, kIllTyped, kUnknownVariable, kGoodAgain, kBareTerm})}});
  use_server(server);
  auto src = source(openai());
  CHECK(src->name() == "openai:scripted");
  auto p = problem();
  auto list = src->candidates(p, 6, Deadline::after(10s));
  INFO((list.ok() ? "" : list.error()));
  REQUIRE(list.ok());
  // The two answers, then their conjuncts pooled and pruned by Houdini (all three inductive).
  REQUIRE(list->size() == 3);
  CHECK((*list)[2].text == "(and (= x y) (>= x 0) (<= x y))");
  CHECK((*list)[2].origin == "openai:scripted#houdini");
  CHECK((*list)[0].text == "(and (= x y) (>= x 0))");
  CHECK((*list)[0].origin == "openai:scripted#0");
  CHECK((*list)[0].index == 0);
  CHECK((*list)[1].text == "(<= x y)");
  CHECK((*list)[1].origin == "openai:scripted#5");
  CHECK((*list)[1].index == 1);

  auto* llm = dynamic_cast<inv::LlmInvariantProposer*>(src.get());
  REQUIRE(llm);
  auto rejected = llm->rejected();
  REQUIRE(rejected.size() == 4);
  CHECK(rejected[0].origin == "openai:scripted#1");
  CHECK(rejected[0].raw == kGarbage);
  CHECK(rejected[1].origin == "openai:scripted#2");
  CHECK(rejected[1].reason.find("Bool") != std::string::npos);
  CHECK(rejected[2].origin == "openai:scripted#3");
  CHECK(rejected[2].reason.find("'z'") != std::string::npos);
  CHECK(rejected[3].reason == "openai:scripted#4: duplicate of openai:scripted#0");
  for (const auto& r : rejected) CHECK(r.reason.find('\n') == std::string::npos);

  auto requests = server.requests();
  REQUIRE(requests.size() == 1);
  auto body = nlohmann::json::parse(requests[0].body);
  CHECK(body["n"] == 6);
  CHECK(body["messages"][0]["role"] == "system");
  auto user = body["messages"][1]["content"].get<std::string>();
  CHECK(user.find("(define-fun trans_fun ((x Int) (y Int) (x! Int) (y! Int)) Bool") !=
        std::string::npos);
  CHECK(user.find("(define-fun inv_fun ((x Int) (y Int)) Bool") != std::string::npos);
  CHECK(user.find("{{") == std::string::npos);
}

// Contract: what a live run recorded replays offline to the same candidates; a request the
// cassette lacks (another k) is this proposer's Failure, naming the cassette.
TEST_CASE("llm source records and replays", "[network]") {
  auto dir = scratch("replay");
  auto cassette = (dir / "inv.jsonl").string();
  auto p = problem();
  std::vector<std::string> live_texts;
  {
    LoopbackServer server;
    server.script({{200, {}, completion_body({kGood, kBareTerm, kGarbage})}});
    use_server(server);
    auto options = openai();
    options.record = cassette;
    auto live = source(options)->candidates(p, 3, Deadline::after(10s));
    REQUIRE(live.ok());
    for (const auto& c : *live) live_texts.push_back(c.text);
  }
  ::setenv("OPENAI_BASE_URL", ("http://127.0.0.1:" + std::to_string(unused_port()) + "/v1").c_str(),
           1);
  GeneratorOptions replay;
  replay.provider = "replay";
  replay.cassette = cassette;
  replay.seed = 7;
  auto src = source(replay);
  CHECK(src->name() == "replay:scripted");
  auto again = src->candidates(p, 3, Deadline::after(5s));
  REQUIRE(again.ok());
  std::vector<std::string> replayed;
  for (const auto& c : *again) replayed.push_back(c.text);
  CHECK(replayed == live_texts);
  CHECK(live_texts.size() == 3);  // two answers and their Houdini-pruned conjuncts

  auto other = src->candidates(p, 4, Deadline::after(5s));
  REQUIRE_FALSE(other.ok());
  CHECK(other.error().find(cassette) != std::string::npos);
  CHECK(other.error().rfind("replay:scripted: ", 0) == 0);
  fs::remove_all(dir);
}

// Contract: a server that is down is a one-line Failure of this source.
TEST_CASE("llm source with no server", "[network]") {
  OpenAIConfig config;
  config.base_url = "http://127.0.0.1:" + std::to_string(unused_port()) + "/v1";
  config.model = "m";
  config.max_attempts = 1;
  OpenAIProvider provider(config);
  LlmSettings settings;
  settings.model = "m";
  inv::LlmInvariantProposer src(provider, settings);
  auto r = src.candidates(problem(), 2, Deadline::after(5s));
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().rfind("openai:m: ", 0) == 0);
  CHECK(r.error().find('\n') == std::string::npos);
}

// Contract: extraction takes the define-fun block over an earlier block restating pre, rejects a
// truncated fence and unbalanced parentheses, and reads a define-fun with other parameter names.
TEST_CASE("llm source extraction", "[network]") {
  auto p = problem();
  auto two_blocks = inv::LlmInvariantProposer::extract(
      p,
      "Pre is\n```smt2\n(and (= x 0) (= y 0))\n```\nso\n```smt2\n(define-fun inv_fun ((x Int) (y "
      "Int)) Bool (= x y))\n```",
      "t");
  REQUIRE(two_blocks.ok());
  CHECK(sygus::to_smtlib(*two_blocks) == "(= x y)");
  auto truncated = inv::LlmInvariantProposer::extract(
      p, "```smt2\n(define-fun inv_fun ((x Int) (y Int)) Bool (= x y))", "t");
  REQUIRE_FALSE(truncated.ok());
  CHECK(truncated.error() == "t: error: truncated answer (the code block is never closed)");
  auto unbalanced = inv::LlmInvariantProposer::extract(p, "(and (= x y)", "t");
  REQUIRE_FALSE(unbalanced.ok());
  CHECK(unbalanced.error() == "t: error: unbalanced parentheses in the answer");
  auto renamed = inv::LlmInvariantProposer::extract(
      p, "(define-fun inv ((a Int) (b Int)) Bool (<= a b))", "t");
  REQUIRE(renamed.ok());
  auto prose = inv::LlmInvariantProposer::extract(p, "no idea", "t");
  REQUIRE_FALSE(prose.ok());
  CHECK(prose.error() == "t: error: no define-fun or term in the answer");
}

// Contract: one wrong conjunct no longer sinks the right one: the answer's conjuncts go
// through Houdini, the wrong one is dropped, and the survivor is a candidate Z3 verifies. One
// request: nothing needed feedback.
TEST_CASE("llm invariant with one wrong conjunct survives through Houdini", "[network]") {
  LoopbackServer server;
  server.script({{200, {}, completion_body({"```smt2\n(and (= x y) (= x 0))\n```"})}});
  use_server(server);
  auto src = source(openai());
  auto p = problem();
  auto list = src->candidates(p, 1, Deadline::after(20s));
  REQUIRE(list.ok());
  REQUIRE(list->size() == 2);
  CHECK((*list)[0].text == "(and (= x y) (= x 0))");
  CHECK((*list)[1].text == "(= x y)");
  CHECK((*list)[1].origin == "openai:scripted#houdini");
  z3inv::InvariantChecker checker(p);
  CHECK(checker.check((*list)[0].body, Deadline::after(10s)).outcome == Outcome::Refuted);
  CHECK(checker.check((*list)[1].body, Deadline::after(10s)).outcome == Outcome::Verified);
  CHECK(server.requests().size() == 1);
}

// Contract: when nothing verifies, the pruned invariant's failed check (its name and a
// counterexample) goes back to the model once; the new answer's conjuncts join the survivors.
TEST_CASE("llm invariant feedback round sends the failed check", "[network]") {
  LoopbackServer server;
  server.script({{200, {}, completion_body({"```smt2\n(and (>= x 0) (>= y 0))\n```"})},
                 {200, {}, completion_body({"```smt2\n(= x y)\n```"})}});
  use_server(server);
  auto src = source(openai());
  auto p = problem();
  auto list = src->candidates(p, 1, Deadline::after(30s));
  REQUIRE(list.ok());
  auto requests = server.requests();
  REQUIRE(requests.size() == 2);
  auto feedback =
      nlohmann::json::parse(requests[1].body)["messages"][1]["content"].get<std::string>();
  CHECK(feedback.find("fails the\npostcondition check") != std::string::npos);
  CHECK(feedback.find("(and (>= x 0) (>= y 0))") != std::string::npos);
  CHECK(feedback.find("state: x = ") != std::string::npos);
  std::vector<std::string> texts;
  for (const auto& c : *list) texts.push_back(c.text);
  CHECK(texts == std::vector<std::string>{"(and (>= x 0) (>= y 0))", "(= x y)",
                                          "(and (>= x 0) (>= y 0) (= x y))"});
  CHECK((*list)[1].origin == "openai:scripted#feedback0");
  CHECK((*list)[2].origin == "openai:scripted#feedback-houdini");
}
