// The SyGuS-INV reader on every problem of ../shared/datasets/sygus-inv.

#include <catch2/catch.hpp>
#include <filesystem>
#include <map>

#include "specs/sygus/problem.h"

using namespace verigen;
using namespace verigen::sygus;
namespace fs = std::filesystem;

// Contract: every dataset problem parses and type-checks, with pre/post over the invariant's
// variables and trans over them and their primed copies.
TEST_CASE("sygus: every dataset problem parses", "[unit]") {
  auto dir = fs::path(VERIGEN_SHARED_DIR) / "datasets" / "sygus-inv" / "problems";
  if (!fs::exists(dir)) {
    WARN("skipped: " << dir << " is absent");
    return;
  }
  std::map<std::string, int> logics;
  int files = 0;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() != ".sl") continue;
    ++files;
    auto p = load_problem(entry.path().string());
    INFO(entry.path());
    REQUIRE(p.ok());  // the message names PATH:LINE:COL when it fails
    ++logics[p->logic];
    const FunctionDef* trans = p->function(p->trans);
    REQUIRE(trans);
    CHECK(trans->params.size() == 2 * p->variables.size());
  }
  CHECK(files == 433);
  CHECK(logics["LIA"] == 399);
  CHECK(logics["NIA"] == 20);
  CHECK(logics["ALIA"] == 14);
}
