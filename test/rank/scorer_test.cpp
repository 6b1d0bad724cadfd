#include "rank/scorer.h"

#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

using namespace verigen::rank;
namespace fs = std::filesystem;

namespace {

struct TempModelDir {
  TempModelDir()
      : path(fs::temp_directory_path() / ("verigen-rank-" + std::to_string(::getpid()))) {
    fs::create_directories(path);
  }
  ~TempModelDir() { fs::remove_all(path); }
  std::string write(const std::string& name, const std::string& text) const {
    std::ofstream(path / name) << text;
    return (path / name).string();
  }
  fs::path path;
};

const char* kTask = "(define-fun post_fun ((x Int) (n Int)) Bool (<= x n))";

}  // namespace

// Saving and loading is lossless: the loaded model gives bit-identical scores.
TEST_CASE("model file round-trip keeps scores identical", "[unit]") {
  TempModelDir dir;
  Scorer model(ModelDims{256, 512, 8}, 42);
  const std::string path = (dir.path / "model.json").string();
  REQUIRE(model.save(path).ok());
  auto loaded = Scorer::load(path);
  REQUIRE(loaded.ok());
  CHECK(loaded->dims() == model.dims());
  for (const char* cand : {"(<= x n)", "(>= x 0)", "(and (<= x n) (= n 3))", ""})
    CHECK(loaded->score(kTask, cand) == model.score(kTask, cand));
  CHECK(loaded->to_json() == model.to_json());
}

// A model that is not ours, of another version, truncated or of the wrong shape is refused
// with one line that names the file.
TEST_CASE("model load errors name the file", "[unit]") {
  TempModelDir dir;
  auto json = nlohmann::json::parse(Scorer(ModelDims{16, 16, 2}, 1).to_json());
  auto expect_error = [&](const std::string& name, const std::string& text,
                          const std::string& what) {
    auto path = dir.write(name, text);
    auto loaded = Scorer::load(path);
    REQUIRE_FALSE(loaded.ok());
    CHECK(loaded.error().rfind(path + ": error: ", 0) == 0);
    CHECK(loaded.error().find(what) != std::string::npos);
    CHECK(loaded.error().find('\n') == std::string::npos);
  };
  auto v2 = json;
  v2["version"] = 2;
  expect_error("v2.json", v2.dump(), "version 2");
  auto other = json;
  other["format"] = "something-else";
  expect_error("other.json", other.dump(), "not a verigen-rank model");
  const std::string text = json.dump();
  expect_error("truncated.json", text.substr(0, text.size() / 2), "malformed JSON");
  auto shape = json;
  shape["dims"]["embedding"] = 3;
  expect_error("shape.json", shape.dump(), "\"weights\".task has 32 numbers, the dims need 48");
  auto missing = Scorer::load((dir.path / "absent.json").string());
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.error().find("absent.json") != std::string::npos);
}

// The shipped model is compiled in and loads; it prefers a candidate that uses the task's
// variables and constants over one that invents them.
TEST_CASE("the default model is embedded and usable", "[unit]") {
  const Scorer& model = Scorer::default_model();
  CHECK(model.dims().embedding > 1);
  CHECK(&model == &Scorer::default_model());
  const double good = model.score(kTask, "(and (<= x n) (>= x 0))");
  const double bad = model.score(kTask, "(or (= x 17) (> n 23))");
  CHECK(good > bad);
  CHECK(std::abs(good) <= 1.0);
}
