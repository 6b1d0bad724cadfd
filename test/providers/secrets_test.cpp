// Secrets in a provider's configuration never reach a message, a log or a cassette: the URL's
// userinfo and query, the API key, and a server that echoes them back.

#include "gen/providers/secrets.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "core/file_io.h"
#include "gen/providers/openai_provider.h"
#include "gen/providers/replay_provider.h"
#include "loopback_server.h"

using namespace verigen;
using namespace verigen::test;
using namespace std::chrono_literals;

// Contract: the shown URL keeps scheme, host, port and path, and blanks userinfo and query
// values; the path is appended before the query.
TEST_CASE("URLs are shown without their secrets", "[unit]") {
  CHECK(redact_url("https://api.openai.com/v1") == "https://api.openai.com/v1");
  CHECK(redact_url("http://user:pw@h:8080/v1") == "http://***@h:8080/v1");
  CHECK(redact_url("http://tok@h/v1?api-key=s3cr3t&api-version=2024&flag") ==
        "http://***@h/v1?api-key=***&api-version=***&flag");
  CHECK(redact_url("http://h/v1#frag") == "http://h/v1#***");
  CHECK(append_url_path("http://h/v1/", "/chat/completions") == "http://h/v1/chat/completions");
  CHECK(append_url_path("http://h/v1?api-key=k", "/chat/completions") ==
        "http://h/v1/chat/completions?api-key=k");
  CHECK(append_url_path("http://h", "/chat/completions") == "http://h/chat/completions");
}

// Contract: the secrets of a URL are its userinfo and password (raw and percent-decoded), their
// Basic-auth form, and its long query values; the Redactor blanks every occurrence, longest
// first.
TEST_CASE("URL secrets and their redaction", "[unit]") {
  auto secrets = url_secrets("http://me:pa%40ss@h/v1?api-key=LONGQUERYKEY&v=1");
  auto has = [&](const std::string& s) {
    return std::find(secrets.begin(), secrets.end(), s) != secrets.end();
  };
  CHECK(has("me:pa%40ss"));
  CHECK(has("pa@ss"));
  CHECK(has("bWU6cGFAc3M="));  // base64("me:pa@ss"), the Authorization: Basic value
  CHECK(has("LONGQUERYKEY"));
  CHECK_FALSE(has("1"));
  CHECK_FALSE(has("me"));
  Redactor redact({"abc", "abcdef", ""});
  CHECK(redact("x abcdef y abc z") == "x *** y *** z");
  CHECK(redact("abcabc") == "******");
}

namespace {

/// A server that echoes the request's path and Authorization header in every answer.
void echo_credentials(LoopbackServer& server, int status) {
  server.fallback([status](const RecordedRequest& r) {
    auto it = r.headers.find("authorization");
    std::string echoed = "path " + r.path + " auth " + (it == r.headers.end() ? "" : it->second);
    if (status != 200)
      return ScriptedResponse{status, {}, nlohmann::json({{"error", echoed}}).dump()};
    return ScriptedResponse{200, {}, completion_body({"```dafny\n// " + echoed + "\n```"})};
  });
}

CompletionRequest ask() {
  CompletionRequest r;
  r.model = "m";
  r.messages = {{"user", "p"}};
  return r;
}

OpenAIConfig config(const std::string& base_url) {
  OpenAIConfig c;
  c.base_url = base_url;
  c.api_key = "sk-THE-API-KEY-1234";
  c.model = "m";
  c.max_attempts = 1;
  return c;
}

}  // namespace

// Contract: a key in the base URL's query is sent (the path goes before the query) but never
// shown: not in the URL of an error line, not when the server echoes it, not the API key.
TEST_CASE("a key in the base URL's query never reaches an error", "[network]") {
  LoopbackServer server;
  echo_credentials(server, 401);
  OpenAIProvider provider(config(server.base_url() + "?api-key=QUERY-SECRET-77"));
  auto r = provider.complete(ask(), Deadline::after(10s));
  REQUIRE_FALSE(r.ok());
  INFO(r.error());
  REQUIRE(server.requests().size() == 1);
  CHECK(server.requests()[0].path == "/v1/chat/completions?api-key=QUERY-SECRET-77");
  CHECK(r.error().find("QUERY-SECRET-77") == std::string::npos);
  CHECK(r.error().find("sk-THE-API-KEY-1234") == std::string::npos);
  CHECK(r.error().find("POST " + server.base_url() + "/chat/completions?api-key=***: HTTP 401") !=
        std::string::npos);
}

// Contract: user:password in the base URL is used (libcurl sends Basic auth) but neither the
// password nor its Basic form is shown, even when echoed; nor when the server is unreachable.
TEST_CASE("userinfo in the base URL never reaches an error", "[network]") {
  LoopbackServer server;
  echo_credentials(server, 500);
  const std::string url =
      "http://alice:PASSWORD-SECRET@127.0.0.1:" + std::to_string(server.port()) + "/v1";
  auto c = config(url);
  c.api_key.clear();  // libcurl then sends the userinfo as Authorization: Basic
  OpenAIProvider provider(c);
  auto r = provider.complete(ask(), Deadline::after(10s));
  REQUIRE_FALSE(r.ok());
  INFO(r.error());
  REQUIRE(server.requests().size() == 1);
  CHECK(server.requests()[0].headers["authorization"].rfind("Basic ", 0) == 0);
  CHECK(r.error().find("PASSWORD-SECRET") == std::string::npos);
  CHECK(r.error().find(server.requests()[0].headers["authorization"].substr(6)) ==
        std::string::npos);
  CHECK(r.error().find("http://***@127.0.0.1:") != std::string::npos);

  OpenAIProvider unreachable(config("http://alice:PASSWORD-SECRET@127.0.0.1:" +
                                    std::to_string(unused_port()) + "/v1?key=QUERY-SECRET-88"));
  auto down = unreachable.complete(ask(), Deadline::after(10s));
  REQUIRE_FALSE(down.ok());
  CHECK(down.error().find("PASSWORD-SECRET") == std::string::npos);
  CHECK(down.error().find("QUERY-SECRET-88") == std::string::npos);
}

// Contract: a key the server echoes into an answer is blanked in the answer, so a --record
// cassette never holds it.
TEST_CASE("an echoed key never reaches a cassette", "[network]") {
  LoopbackServer server;
  echo_credentials(server, 200);
  auto dir =
      std::filesystem::temp_directory_path() / ("verigen-secrets-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const auto cassette = (dir / "c.jsonl").string();
  OpenAIProvider live(config(server.base_url() + "?api-key=QUERY-SECRET-99"));
  RecordingProvider recorder(live, cassette);
  auto r = recorder.complete(ask(), Deadline::after(10s));
  REQUIRE(r.ok());
  CHECK(r->texts[0].find("auth Bearer ***") != std::string::npos);
  CHECK(r->texts[0].find("api-key=***") != std::string::npos);
  auto recorded = read_file(cassette).value();
  CHECK(recorded.find("sk-THE-API-KEY-1234") == std::string::npos);
  CHECK(recorded.find("QUERY-SECRET-99") == std::string::npos);
  std::filesystem::remove_all(dir);
}
