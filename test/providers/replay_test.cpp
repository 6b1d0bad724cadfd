// Replay cassettes and recording through a real loopback server.

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "core/file_io.h"
#include "gen/providers/openai_provider.h"
#include "gen/providers/replay_provider.h"
#include "loopback_server.h"

using namespace verigen;
using namespace verigen::test;
namespace fs = std::filesystem;
using namespace std::chrono_literals;

namespace {
fs::path scratch(const std::string& name) {
  auto dir =
      fs::temp_directory_path() / ("verigen-replay-" + name + "-" + std::to_string(::getpid()));
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
