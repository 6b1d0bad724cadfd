// What a bench run spent on the model, in its database: `verigen bench run` with an
// OpenAI-compatible server on 127.0.0.1 records each sample's requests and tokens.

#include <catch2/catch.hpp>
#include <filesystem>

#include "../cli/cli_harness.h"
#include "benchmarks/harness/result_store.h"
#include "loopback_server.h"

using namespace verigen;
using namespace verigen::test;
namespace fs = std::filesystem;

// Contract: every sample stores the requests it sent and the tokens the server reported (the
// answers here are refused by the audit, so no verifier runs and the test needs no Dafny).
TEST_CASE("bench run records each sample's model requests and tokens", "[network]") {
  const fs::path data = fs::path(VERIGEN_SHARED_DIR) / "datasets";
  if (!fs::exists(data / "dafnycomp")) {
    WARN("skipped: " << data << " is absent");
    return;
  }
  LoopbackServer server;
  server.fallback([](const RecordedRequest&) {
    return ScriptedResponse{
        200, {}, completion_body({"```dafny\nmethod Nothing() {}\n```"}, 11, 7)};
  });
  TempDir dir;
  auto db = (dir.path / "usage.db").string();
  auto run = run_verigen({"bench", "run", "dafnycomp", "--db", db, "--data", data.string(),
                          "--limit", "1", "-k", "2", "--rounds", "0", "--provider", "openai"},
                         (dir.path / "cache").string(), openai_env(server));
  INFO(run.out << run.err);
  REQUIRE(run.exit_code == 0);
  auto store = bench::ResultStore::open_existing(db);
  REQUIRE(store.ok());
  auto samples = (*store)->samples((*store)->runs().at(0).id);
  REQUIRE(samples.size() == 2);
  for (const auto& s : samples) {
    INFO(s.detail);
    CHECK(s.integrity_rejected);
    CHECK(s.model_requests == 1);
    CHECK(s.prompt_tokens == 11);
    CHECK(s.completion_tokens == 7);
  }
  CHECK(server.requests().size() == 2);
}
