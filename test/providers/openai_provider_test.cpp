// The OpenAI-compatible provider against a real HTTP server on 127.0.0.1.

#include "gen/providers/openai_provider.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "loopback_server.h"
#include "peak_memory.h"

using namespace verigen;
using namespace verigen::test;
using namespace std::chrono_literals;

namespace {

const char* kKey = "sk-test-secret-4242";

OpenAIConfig config_for(const LoopbackServer& server) {
  OpenAIConfig c;
  c.base_url = server.base_url();
  c.api_key = kKey;
  c.model = "test-model";
  c.max_attempts = 3;
  c.backoff_base = 20ms;
  c.request_timeout = 5s;
  return c;
}

CompletionRequest ask(int n) {
  CompletionRequest r;
  r.messages = {{"system", "s"}, {"user", "write code"}};
  r.n = n;
  return r;
}

}  // namespace

// Contract: one request with n, the key as a Bearer token, choices and token usage returned.
TEST_CASE("normal answer", "[network]") {
  LoopbackServer server;
  server.script({{200, {}, completion_body({"a", "b"})}});
  OpenAIProvider provider(config_for(server));
  auto r = provider.complete(ask(2), Deadline::after(10s));
  REQUIRE(r.ok());
  CHECK(r->texts == std::vector<std::string>{"a", "b"});
  CHECK(r->prompt_tokens == 10);
  auto requests = server.requests();
  REQUIRE(requests.size() == 1);
  CHECK(requests[0].method == "POST");
  CHECK(requests[0].path == "/v1/chat/completions");
  CHECK(requests[0].headers["authorization"] == std::string("Bearer ") + kKey);
  auto body = nlohmann::json::parse(requests[0].body);
  CHECK(body["model"] == "test-model");
  CHECK(body["n"] == 2);
  CHECK(body["messages"][1]["content"] == "write code");
}

// Contract: when the server returns fewer choices than n (Ollama), the rest are fanned out.
TEST_CASE("fewer choices than n are fanned out", "[network]") {
  LoopbackServer server;
  server.fallback([](const RecordedRequest&) {
    return ScriptedResponse{200, {}, completion_body({"one"})};
  });
  OpenAIProvider provider(config_for(server));
  auto r = provider.complete(ask(3), Deadline::after(10s));
  REQUIRE(r.ok());
  CHECK(r->texts.size() == 3);
  CHECK(r->requests == 3);
  CHECK(server.requests().size() == 3);
}

// Contract: a 400 on n > 1 (llama.cpp) switches to single requests.
TEST_CASE("400 on n>1 falls back to single requests", "[network]") {
  LoopbackServer server;
  server.fallback([](const RecordedRequest& req) {
    auto body = nlohmann::json::parse(req.body);
    if (body.contains("n")) return ScriptedResponse{400, {}, "{\"error\":\"n must be 1\"}"};
    return ScriptedResponse{200, {}, completion_body({"single"})};
  });
  OpenAIProvider provider(config_for(server));
  auto r = provider.complete(ask(2), Deadline::after(10s));
  REQUIRE(r.ok());
  CHECK(r->texts == std::vector<std::string>{"single", "single"});
  CHECK(server.requests().size() == 3);
}

// Contract: 429 is retried after the Retry-After delay, then the answer is returned.
TEST_CASE("429 then success honours Retry-After", "[network]") {
  LoopbackServer server;
  server.script({{429, {{"Retry-After", "1"}}, "{\"error\":\"slow down\"}"},
                 {200, {}, completion_body({"ok"})}});
  OpenAIProvider provider(config_for(server));
  auto started = std::chrono::steady_clock::now();
  auto r = provider.complete(ask(1), Deadline::after(10s));
  REQUIRE(r.ok());
  CHECK(r->texts[0] == "ok");
  CHECK(std::chrono::steady_clock::now() - started >= 1s);
}

// Contract: repeated 500s give up after max_attempts with a clear error.
TEST_CASE("repeated 500s give up with a clear error", "[network]") {
  LoopbackServer server;
  OpenAIProvider provider(config_for(server));
  auto r = provider.complete(ask(1), Deadline::after(10s));
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().find("gave up after 3 attempt(s): HTTP 500") != std::string::npos);
  CHECK(r.error().find(server.base_url()) != std::string::npos);
  CHECK(server.requests().size() == 3);
}

// Contract: answers already received survive a later failure (nothing lost).
TEST_CASE("partial answers are kept when fan-out requests fail", "[network]") {
  LoopbackServer server;
  server.script({{200, {}, completion_body({"first"})}});  // then 500s for the fan-out
  OpenAIProvider provider(config_for(server));
  auto r = provider.complete(ask(3), Deadline::after(10s));
  REQUIRE(r.ok());
  CHECK(r->texts == std::vector<std::string>{"first"});
}

// Contract: malformed JSON and missing fields are clear errors, not crashes.
TEST_CASE("malformed responses", "[network]") {
  LoopbackServer server;
  server.script(
      {{200, {}, "{not json"}, {200, {}, "{\"choices\": [{\"message\": 42}]}"}, {200, {}, "[]"}});
  OpenAIProvider provider(config_for(server));
  auto a = provider.complete(ask(1), Deadline::after(10s));
  REQUIRE_FALSE(a.ok());
  CHECK(a.error().find("malformed JSON") != std::string::npos);
  auto b = provider.complete(ask(1), Deadline::after(10s));
  REQUIRE_FALSE(b.ok());
  CHECK(b.error().find("a choice has no message") != std::string::npos);
  auto c = provider.complete(ask(1), Deadline::after(10s));
  REQUIRE_FALSE(c.ok());
}

// Contract: a server slower than the per-request timeout gives a time-out error.
TEST_CASE("slow beyond the timeout", "[network]") {
  LoopbackServer server;
  server.fallback([](const RecordedRequest&) {
    return ScriptedResponse{200, {}, completion_body({"late"}), 3s};
  });
  auto config = config_for(server);
  config.request_timeout = 300ms;
  config.max_attempts = 2;
  OpenAIProvider provider(config);
  auto started = std::chrono::steady_clock::now();
  auto r = provider.complete(ask(1), Deadline::after(20s));
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().find("timeout") != std::string::npos);
  CHECK(std::chrono::steady_clock::now() - started < 3s);
}

// Contract: connection refused is a clear error after bounded retries.
TEST_CASE("connection refused", "[network]") {
  OpenAIConfig config;
  config.base_url = "http://127.0.0.1:" + std::to_string(unused_port()) + "/v1";
  config.model = "m";
  config.max_attempts = 2;
  config.backoff_base = 10ms;
  OpenAIProvider provider(config);
  auto r = provider.complete(ask(1), Deadline::after(10s));
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().find("gave up after 2 attempt(s)") != std::string::npos);
}

// Contract: the API key never appears in an error, even when the server echoes it.
TEST_CASE("the key never reaches an error message", "[network]") {
  LoopbackServer server;
  server.script({{401, {}, std::string("{\"error\":\"bad key Bearer ") + kKey + "\"}"}});
  OpenAIProvider provider(config_for(server));
  auto r = provider.complete(ask(1), Deadline::after(10s));
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().find(kKey) == std::string::npos);
  CHECK(r.error().find("***") != std::string::npos);
  CHECK(r.error().find("HTTP 401") != std::string::npos);
}

// Contract: fan-out respects the concurrency limit.
TEST_CASE("concurrency limit", "[network]") {
  LoopbackServer server;
  server.fallback([](const RecordedRequest&) {
    return ScriptedResponse{200, {}, completion_body({"x"}), 150ms};
  });
  auto config = config_for(server);
  config.concurrency = 2;
  OpenAIProvider provider(config);
  auto r = provider.complete(ask(6), Deadline::after(20s));
  REQUIRE(r.ok());
  CHECK(r->texts.size() == 6);
  CHECK(server.max_concurrent() <= 2);
  CHECK(server.max_concurrent() >= 1);
}

// Contract: an answer larger than max_response_bytes is not read past the cap: a 200 MiB
// streamed body costs a few MiB of memory, fails with a message naming the cap, and is not
// retried (it would only be fetched again).
TEST_CASE("a huge answer is cut off at the response cap", "[network]") {
  LoopbackServer server;
  ScriptedResponse huge;
  huge.body = "{\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":\"";
  huge.stream_chunk = std::string(64 << 10, 'x');
  huge.stream_repeat = 3200;  // 200 MiB
  huge.stream_suffix = "\"}}]}";
  server.script({huge});
  OpenAIProvider provider(config_for(server));
  reset_peak_rss();
  const long before = peak_rss_kib();
  auto started = std::chrono::steady_clock::now();
  auto r = provider.complete(ask(1), Deadline::after(60s));
  const long grown_kib = peak_rss_kib() - before;
  REQUIRE_FALSE(r.ok());
  INFO(r.error());
  CHECK(r.error().find("the answer is larger than 8 MiB (the response cap)") != std::string::npos);
  CHECK(r.error().find("--max-response-size") != std::string::npos);
  CHECK(server.requests().size() == 1);
  CHECK(grown_kib < 48 * 1024);
  CHECK(std::chrono::steady_clock::now() - started < 30s);
}

// Contract: the cap is configurable, and an answer within it is read whole.
TEST_CASE("the response cap is configurable", "[network]") {
  LoopbackServer server;
  const std::string answer(3000, 'a');
  server.fallback([&](const RecordedRequest&) {
    return ScriptedResponse{200, {}, completion_body({answer})};
  });
  auto config = config_for(server);
  config.max_response_bytes = 2048;
  OpenAIProvider small(config);
  auto refused = small.complete(ask(1), Deadline::after(10s));
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().find("larger than 2 KiB") != std::string::npos);
  config.max_response_bytes = 8192;
  OpenAIProvider enough(config);
  auto read = enough.complete(ask(1), Deadline::after(10s));
  REQUIRE(read.ok());
  CHECK(read->texts[0] == answer);
}
