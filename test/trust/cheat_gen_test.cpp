// The cheat corpus through `verigen gen`: each case is a model's answer, recorded from a
// scripted OpenAI-compatible server on 127.0.0.1 into a cassette and replayed offline. No cheat
// is certified on either run; every honest answer is.

#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "../cli/cli_harness.h"
#include "cheat_corpus.h"
#include "loopback_server.h"

using namespace verigen;
using namespace verigen::test;
namespace fs = std::filesystem;

namespace {

struct GenRuns {
  CliRun live;
  CliRun replayed;
  std::string live_out;
  std::string replay_out;
};

/// Records `c` as the only answer of a scripted server, then replays the cassette.
GenRuns run_case(const CorpusCase& c, const TempDir& dir) {
  GenRuns runs;
  const std::string stem = fs::path(c.name).stem().string();
  const std::string cassette = (dir.path / (stem + ".cassette")).string();
  runs.live_out = (dir.path / (stem + "-live")).string();
  runs.replay_out = (dir.path / (stem + "-replay")).string();
  const std::string cache = (dir.path / "cache").string();
  {
    LoopbackServer server;
    server.fallback([&](const RecordedRequest&) {
      return ScriptedResponse{200, {}, completion_body({"```dafny\n" + c.text + "```\n"})};
    });
    runs.live = run_verigen({"gen", c.spec, "--provider", "openai", "-k", "1", "--rounds", "0",
                             "--record", cassette, "--json", "--out", runs.live_out},
                            cache, openai_env(server, "sk-corpus"), 600);
  }
  runs.replayed = run_verigen({"gen", c.spec, "--provider", "replay", "--cassette", cassette, "-k",
                               "1", "--rounds", "0", "--json", "--out", runs.replay_out},
                              cache, {{"VERIGEN_MODEL", "scripted"}}, 600);
  return runs;
}

void check_refused(const CliRun& run, const std::string& out) {
  INFO(run.out << run.err);
  CHECK(run.exit_code == 1);
  auto report = nlohmann::json::parse(run.out, nullptr, false);
  REQUIRE_FALSE(report.is_discarded());
  CHECK(report["outcome"] != "verified");
  CHECK_FALSE(fs::exists(out + "/certificate.json"));
}

}  // namespace

// Contract: see the file comment.
TEST_CASE("cheat corpus: gen with a replay cassette", "[network]") {
  TempDir dir;
  int refused = 0;
  for (const auto& c : load_corpus("cases")) {
    if (!c.has_leg("gen")) continue;
    INFO(c.name << ": " << c.what);
    auto runs = run_case(c, dir);
    check_refused(runs.live, runs.live_out);
    check_refused(runs.replayed, runs.replay_out);
    ++refused;
  }
  CHECK(refused >= 40);
  for (const auto& c : load_corpus("honest")) {
    INFO(c.name << ": " << c.what);
    auto runs = run_case(c, dir);
    INFO(runs.live.out << runs.live.err << runs.replayed.out << runs.replayed.err);
    CHECK(runs.live.exit_code == 0);
    CHECK(runs.replayed.exit_code == 0);
    CHECK(fs::exists(runs.replay_out + "/certificate.json"));
  }
}
