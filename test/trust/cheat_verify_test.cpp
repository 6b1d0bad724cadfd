// The cheat corpus through `verigen verify` (each file on its own) and `verigen verify --against
// SPEC --kind KIND`, with the real Dafny: no cheat comes out verified, every honest answer does.

#include <catch2/catch.hpp>
#include <map>
#include <nlohmann/json.hpp>

#include "../cli/cli_harness.h"
#include "cheat_corpus.h"

using namespace verigen;
using namespace verigen::test;

namespace {

/// Runs one `verify --json` over `files` (two jobs, warm servers) and returns file → result.
std::map<std::string, nlohmann::json> verify_all(const std::vector<std::string>& extra,
                                                 const std::vector<std::string>& files,
                                                 const TempDir& dir) {
  std::vector<std::string> args = {"verify", "--json", "--jobs", "2"};
  args.insert(args.end(), extra.begin(), extra.end());
  args.insert(args.end(), files.begin(), files.end());
  auto r = run_verigen(args, (dir.path / "cache").string(), {}, 1200);
  INFO(r.err);
  auto doc = nlohmann::json::parse(r.out, nullptr, false);
  REQUIRE_FALSE(doc.is_discarded());
  std::map<std::string, nlohmann::json> by_file;
  for (const auto& result : doc["results"]) by_file[result["file"].get<std::string>()] = result;
  return by_file;
}

}  // namespace

// Contract: every cheat whose file rests on an assumption is not verified by `verify` (and a
// verdict about an assumption names it); there are at least 40 escape attempts in the corpus.
TEST_CASE("cheat corpus: verify", "[verifier:dafny]") {
  auto cheats = load_corpus("cases");
  CHECK(cheats.size() >= 40);
  std::vector<std::string> files;
  for (const auto& c : cheats)
    if (c.has_leg("verify")) files.push_back(c.path);
  TempDir dir;
  auto results = verify_all({}, files, dir);
  for (const auto& c : cheats) {
    if (!c.has_leg("verify")) continue;
    INFO(c.name << ": " << c.what);
    REQUIRE(results.count(c.path));
    const auto& r = results[c.path];
    INFO(r.dump());
    CHECK(r["outcome"] != "verified");
    if (r["cause"] == "integrity") CHECK_FALSE(r["assumptions"].empty());
  }
}

// Contract: every cheat is refused by `verify --against` its spec (refuted, cause integrity);
// every honest answer verifies against its spec.
TEST_CASE("cheat corpus: verify --against", "[verifier:dafny]") {
  auto cheats = load_corpus("cases");
  auto honest = load_corpus("honest");
  std::map<std::pair<std::string, std::string>, std::vector<const CorpusCase*>> by_spec;
  for (const auto* group : {&cheats, &honest})
    for (const auto& c : *group)
      if (c.has_leg("against")) by_spec[{c.spec, c.kind}].push_back(&c);
  TempDir dir;
  int refused = 0, accepted = 0;
  for (const auto& [spec, cases] : by_spec) {
    std::vector<std::string> files;
    for (const auto* c : cases) files.push_back(c->path);
    auto results = verify_all({"--against", spec.first, "--kind", spec.second}, files, dir);
    for (const auto* c : cases) {
      INFO(c->name << ": " << c->what);
      REQUIRE(results.count(c->path));
      const auto& r = results[c->path];
      INFO(r.dump());
      if (c->honest) {
        CHECK(r["outcome"] == "verified");
        accepted += r["outcome"] == "verified";
      } else {
        CHECK(r["outcome"] == "refuted");
        CHECK(r["cause"] == "integrity");
        refused += r["cause"] == "integrity";
      }
    }
  }
  CHECK(accepted == static_cast<int>(honest.size()));
  CHECK(refused >= 40);
}
