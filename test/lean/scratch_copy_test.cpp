// Scratch files for verifications: many at once in one project folder, each a name of its own
// that Lean accepts as a module name, holding exactly its own text.

#include "backends/scratch_copy.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <regex>
#include <set>
#include <thread>

#include "core/file_io.h"
#include "stand_in.h"

using namespace verigen;
namespace fs = std::filesystem;

// Contract: 32 copies of one display name made from 8 threads at once, all alive together,
// get 32 different files (identifier names starting with a letter, whatever the display name),
// each with its own text; all are removed when their owners go.
TEST_CASE("scratch copies: unique, module-safe names under a race", "[unit]") {
  const fs::path dir = test::stand_in_dir("scratch-race");
  std::vector<std::optional<ScratchCopy>> copies(32);
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t)
    threads.emplace_back([&, t] {
      for (int i = t; i < 32; i += 8) {
        auto made = ScratchCopy::create("some dir/problem-102.é.lean", "text " + std::to_string(i),
                                        ".lean", dir.string());
        if (made.ok()) copies[static_cast<std::size_t>(i)].emplace(std::move(*made));
      }
    });
  for (auto& th : threads) th.join();
  std::set<std::string> names;
  for (std::size_t i = 0; i < copies.size(); ++i) {
    REQUIRE(copies[i].has_value());
    const auto name = fs::path(copies[i]->path()).filename().string();
    CHECK(std::regex_match(name, std::regex("VerigenCandidate_[A-Za-z0-9_]+\\.lean")));
    names.insert(name);
    CHECK(read_file(copies[i]->path()).value() == "text " + std::to_string(i));
  }
  CHECK(names.size() == 32);
  copies.clear();
  CHECK(fs::is_empty(dir));
  fs::remove_all(dir);
}
