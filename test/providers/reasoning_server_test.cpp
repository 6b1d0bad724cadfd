// The OpenAI-compatible provider against servers that behave like reasoning models and other
// strict servers do: real HTTP on 127.0.0.1, asserting what was sent.

#include <catch2/catch.hpp>
#include <mutex>
#include <nlohmann/json.hpp>

#include "gen/providers/openai_provider.h"
#include "loopback_server.h"

using namespace verigen;
using namespace verigen::test;
using namespace std::chrono_literals;
using nlohmann::json;

namespace {

OpenAIConfig config_for(const LoopbackServer& server, std::vector<std::string>* notes) {
  OpenAIConfig c;
  c.base_url = server.base_url();
  c.model = "o-test";
  c.max_attempts = 2;
  c.backoff_base = 10ms;
  c.request_timeout = 5s;
  static std::mutex mutex;
  c.on_note = [notes](const std::string& line) {
    std::lock_guard<std::mutex> lock(mutex);
    notes->push_back(line);
  };
  return c;
}

CompletionRequest ask(int n, std::optional<long> seed = std::nullopt) {
  CompletionRequest r;
  r.messages = {{"system", "s"}, {"user", "write code"}};
  r.n = n;
  r.seed = seed;
  return r;
}

/// A server with OpenAI's reasoning-model rules: `max_completion_tokens`, not `max_tokens`;
/// only the default temperature; one choice per request. Each refusal is the 400 the API sends.
ScriptedResponse reasoning_model(const RecordedRequest& request) {
  auto body = json::parse(request.body);
  if (body.contains("max_tokens"))
    return {400,
            {},
            openai_error("Unsupported parameter: 'max_tokens' is not supported with this model. "
                         "Use 'max_completion_tokens' instead.",
                         "max_tokens", "unsupported_parameter")};
  if (body.contains("temperature") && body["temperature"] != 1)
    return {400,
            {},
            openai_error("Unsupported value: 'temperature' does not support 0.8 with this model. "
                         "Only the default (1) value is supported.",
                         "temperature", "unsupported_value")};
  if (body.contains("n") && body["n"] != 1)
    return {400,
            {},
            openai_error("Unsupported value: 'n' does not support 2 with this model. Only the "
                         "default (1) value is supported.",
                         "n", "unsupported_value")};
  return {200, {}, completion_body({"answer"})};
}

}  // namespace

// Contract: a server refusing max_tokens, temperature and n (each with OpenAI's 400) gets, in
// turn, max_completion_tokens, no temperature, and single requests; the run succeeds, each
// change is told once, and later calls send the adapted shape straight away.
TEST_CASE("a reasoning model's refusals are adapted to, one by one", "[network]") {
  LoopbackServer server;
  server.fallback(reasoning_model);
  std::vector<std::string> notes;
  OpenAIProvider provider(config_for(server, &notes));
  auto r = provider.complete(ask(2), Deadline::after(10s));
  INFO((r.ok() ? std::string() : r.error()));
  REQUIRE(r.ok());
  CHECK(r->texts == std::vector<std::string>{"answer", "answer"});
  auto requests = server.requests();
  // max_tokens refused, temperature refused, n refused, then two single requests.
  REQUIRE(requests.size() == 5);
  CHECK(json::parse(requests[0].body).contains("max_tokens"));
  CHECK(json::parse(requests[1].body).contains("max_completion_tokens"));
  CHECK(json::parse(requests[1].body).contains("temperature"));
  CHECK_FALSE(json::parse(requests[2].body).contains("temperature"));
  CHECK(json::parse(requests[2].body)["n"] == 2);
  for (int i = 3; i < 5; ++i) CHECK_FALSE(json::parse(requests[i].body).contains("n"));
  REQUIRE(notes.size() == 3);
  CHECK(notes[0].find("openai: note: the server refuses 'max_tokens'; sending "
                      "'max_completion_tokens'") == 0);
  CHECK(notes[1].find("default temperature") != std::string::npos);
  CHECK(notes[2].find("refuses n > 1") != std::string::npos);

  auto again = provider.complete(ask(2), Deadline::after(10s));
  REQUIRE(again.ok());
  CHECK(server.requests().size() == 7);  // two single requests, nothing refused
  CHECK(notes.size() == 3);
}

// Contract: the shape can be set in advance (verigen.toml): then nothing is refused.
TEST_CASE("a configured request shape is sent as configured", "[network]") {
  LoopbackServer server;
  server.fallback(reasoning_model);
  std::vector<std::string> notes;
  auto config = config_for(server, &notes);
  config.shape.max_tokens_param = "max_completion_tokens";
  config.shape.send_temperature = false;
  config.shape.send_n = false;
  OpenAIProvider provider(config);
  auto r = provider.complete(ask(3, 40), Deadline::after(10s));
  REQUIRE(r.ok());
  CHECK(r->texts.size() == 3);
  CHECK(server.requests().size() == 3);
  CHECK(notes.empty());
}

// Contract: a 400 about something else is not taken for a refusal of n: one request, a clear
// error naming the server's message, no fan-out.
TEST_CASE("a 400 about another parameter is an error, not a refusal of n", "[network]") {
  LoopbackServer server;
  server.fallback([](const RecordedRequest&) {
    return ScriptedResponse{
        400, {}, openai_error("Invalid 'messages': empty array.", "messages", "invalid_value")};
  });
  std::vector<std::string> notes;
  OpenAIProvider provider(config_for(server, &notes));
  auto r = provider.complete(ask(2), Deadline::after(10s));
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().find("HTTP 400") != std::string::npos);
  CHECK(r.error().find("Invalid 'messages'") != std::string::npos);
  CHECK(server.requests().size() == 1);
  CHECK(notes.empty());
}

// Contract: fan-out request i carries seed + i, so a server that honours seeds gives
// independent samples; the batched request carries the seed itself.
TEST_CASE("fan-out samples get distinct seeds", "[network]") {
  LoopbackServer server;
  server.fallback([](const RecordedRequest& request) {
    auto seed = json::parse(request.body).value("seed", -1L);
    return ScriptedResponse{200, {}, completion_body({"seed " + std::to_string(seed)})};
  });
  std::vector<std::string> notes;
  OpenAIProvider provider(config_for(server, &notes));
  auto r = provider.complete(ask(3, 7), Deadline::after(10s));
  REQUIRE(r.ok());
  auto texts = r->texts;
  std::sort(texts.begin(), texts.end());
  CHECK(texts == std::vector<std::string>{"seed 7", "seed 8", "seed 9"});
  CHECK(server.requests().size() == 3);
}

// Contract: a choice whose content is null (a reasoning model out of budget) is an empty text
// with its finish_reason; the other choices of the same answer are kept.
TEST_CASE("a null content does not fail the request", "[network]") {
  LoopbackServer server;
  server.script({{200, {}, choices_body({{std::nullopt, "length"}, {"fine", "stop"}})}});
  std::vector<std::string> notes;
  OpenAIProvider provider(config_for(server, &notes));
  auto r = provider.complete(ask(2), Deadline::after(10s));
  REQUIRE(r.ok());
  CHECK(r->texts == std::vector<std::string>{"", "fine"});
  CHECK(r->finish_reasons == std::vector<std::string>{"length", "stop"});
  CHECK(server.requests().size() == 1);
}
