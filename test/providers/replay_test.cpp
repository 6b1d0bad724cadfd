// Replay cassettes, recording through a real loopback server, and provider configuration.

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "core/file_io.h"
#include "gen/providers/openai_provider.h"
#include "gen/providers/provider_config.h"
#include "gen/providers/replay_provider.h"
#include "loopback_server.h"

using namespace verigen;
using namespace verigen::test;
namespace fs = std::filesystem;
using namespace std::chrono_literals;

namespace {
fs::path scratch(const std::string& name) {
  auto dir = fs::temp_directory_path() / ("verigen-replay-" + name + "-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}
CompletionRequest ask(const std::string& prompt) {
  CompletionRequest r;
  r.model = "m";
  r.messages = {{"user", prompt}};
  r.n = 2;
  return r;
}
}  // namespace

// Contract: recording a live run and replaying it gives the same answers without the server;
// the cassette never contains the key; an unknown request names the cassette.
TEST_CASE("record then replay", "[network]") {
  auto dir = scratch("record");
  auto cassette = (dir / "run.jsonl").string();
  {
    LoopbackServer server;
    server.script({{200, {}, completion_body({"x", "y"})}});
    OpenAIConfig config;
    config.base_url = server.base_url();
    config.api_key = "sk-never-recorded";
    config.model = "m";
    OpenAIProvider live(config);
    RecordingProvider recorder(live, cassette);
    REQUIRE(recorder.complete(ask("p"), Deadline::after(10s)).ok());
  }
  CHECK(read_file(cassette)->find("sk-never-recorded") == std::string::npos);
  auto replay = ReplayProvider::open(cassette);
  REQUIRE(replay.ok());
  auto hit = (*replay)->complete(ask("p"), Deadline::after(1s));
  REQUIRE(hit.ok());
  CHECK(hit->texts == std::vector<std::string>{"x", "y"});
  auto miss = (*replay)->complete(ask("other"), Deadline::after(1s));
  REQUIRE_FALSE(miss.ok());
  CHECK(miss.error().find(cassette + " has no answer for request") != std::string::npos);
  fs::remove_all(dir);
}

// Contract: a malformed cassette line is reported with its line number.
TEST_CASE("malformed cassette line", "[unit]") {
  auto dir = scratch("bad");
  auto cassette = (dir / "bad.jsonl").string();
  std::ofstream(cassette) << "{\"key\":\"k\",\"response\":{\"texts\":[\"a\"]}}\n{oops\n";
  auto r = ReplayProvider::open(cassette);
  REQUIRE_FALSE(r.ok());
  CHECK(r.error() == cassette + ":2: error: not a JSON object");
  fs::remove_all(dir);
}

// Contract: the flat TOML subset is read; errors name file and line.
TEST_CASE("verigen.toml parsing", "[unit]") {
  auto ok = parse_flat_toml("v.toml", "# comment\n[provider]\nbase_url = \"http://h/v1\" # trailing\nmodel = \"m\"\ntimeout = 30\n");
  REQUIRE(ok.ok());
  CHECK(ok->at("base_url") == "http://h/v1");
  CHECK(ok->at("timeout") == "30");
  auto bad = parse_flat_toml("v.toml", "model = \"m\"\nnonsense\n");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error() == "v.toml:2: error: expected key = value");
}

// Contract: flags override the environment, which overrides the config file.
TEST_CASE("configuration precedence", "[unit]") {
  auto dir = scratch("config");
  std::ofstream(dir / "verigen.toml") << "base_url = \"http://file/v1\"\nmodel = \"file-model\"\nconcurrency = 3\n";
  fs::create_directories(dir / "sub");
  ::unsetenv("OPENAI_BASE_URL");
  ::unsetenv("VERIGEN_MODEL");
  auto from_file = resolve_openai_config("", (dir / "sub").string());
  REQUIRE(from_file.ok());
  CHECK(from_file->base_url == "http://file/v1");
  CHECK(from_file->model == "file-model");
  CHECK(from_file->concurrency == 3);
  ::setenv("VERIGEN_MODEL", "env-model", 1);
  CHECK(resolve_openai_config("", (dir / "sub").string())->model == "env-model");
  CHECK(resolve_openai_config("flag-model", (dir / "sub").string())->model == "flag-model");
  ::unsetenv("VERIGEN_MODEL");
  fs::remove_all(dir);
}
