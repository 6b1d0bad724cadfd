// `verigen rank train|eval` through the real binary: exit codes, output fields, errors.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "test/cli/cli_harness.h"
#include "test/rank/synthetic_log.h"

using verigen::test::run_verigen;
using verigen::test::TempDir;

// Train writes a model and prints the loss per epoch; eval reads it and prints the comparison
// table, or JSON with --json; cross-validation needs no model.
TEST_CASE("rank train then eval on a log", "[unit]") {
  TempDir dir;
  const auto log = dir.file("run.jsonl", verigen::test::synthetic_log(30, 4));
  const auto model = (dir.path / "model.json").string();

  auto trained = run_verigen({"rank", "train", log, "--out", model, "--epochs", "5", "--seed", "3"},
                             dir.path.string());
  INFO(trained.err);
  REQUIRE(trained.exit_code == 0);
  CHECK(trained.out.find("epoch 1/5: loss ") != std::string::npos);
  CHECK(trained.out.find("epoch 5/5: loss ") != std::string::npos);
  CHECK(trained.out.find("wrote " + model) != std::string::npos);

  auto table = run_verigen({"rank", "eval", log, "--model", model}, dir.path.string());
  REQUIRE(table.exit_code == 0);
  for (const char* field : {"V@1", "V@5", "V@10", "mean rank", "median rank", "scorer",
                            "generator order", "random (20)", "checks saved"})
    CHECK(table.out.find(field) != std::string::npos);

  auto json_run = run_verigen({"rank", "eval", log, "--folds", "3", "--epochs", "3", "--json"},
                              dir.path.string());
  REQUIRE(json_run.exit_code == 0);
  auto json = nlohmann::json::parse(json_run.out);
  CHECK(json["tasks"] == 30);
  CHECK(json["folds"].size() == 3);
  for (const char* order : {"scorer", "generator", "random"})
    for (const char* metric : {"v@1", "v@5", "v@10", "mean_rank", "median_rank"})
      CHECK(json[order].contains(metric));
  CHECK(json.contains("checks_saved"));

  auto shipped = run_verigen({"rank", "eval", log, "--json"}, dir.path.string());
  REQUIRE(shipped.exit_code == 0);
  CHECK(nlohmann::json::parse(shipped.out)["model"] == "default (shipped)");
}

// Bad input exits 2 with one line naming the file (and line, for a log).
TEST_CASE("rank reports bad logs and models", "[unit]") {
  TempDir dir;
  const auto log = dir.file("bad.jsonl", "{\"task\":\"a\"}\n");
  auto bad_log = run_verigen({"rank", "eval", log}, dir.path.string());
  CHECK(bad_log.exit_code == 2);
  CHECK(bad_log.err.rfind(log + ":1: error: ", 0) == 0);

  const auto good = dir.file("good.jsonl", verigen::test::synthetic_log(3, 1));
  const auto model = dir.file("model.json", "{\"format\":\"verigen-rank\",\"version\":7}");
  auto bad_model = run_verigen({"rank", "eval", good, "--model", model}, dir.path.string());
  CHECK(bad_model.exit_code == 2);
  CHECK(bad_model.err.rfind(model + ": error: model version 7", 0) == 0);

  auto missing = run_verigen({"rank", "train", (dir.path / "absent.jsonl").string(), "--out",
                              (dir.path / "m.json").string()},
                             dir.path.string());
  CHECK(missing.exit_code == 2);
  CHECK(missing.err.find("absent.jsonl") != std::string::npos);
}

// A log whose last line a killed run cut off still trains: the damaged line is skipped with a
// warning naming file and line, and the count of skipped lines is reported.
TEST_CASE("rank skips damaged log lines with a warning", "[unit]") {
  TempDir dir;
  const auto log = dir.file("cut.jsonl", verigen::test::synthetic_log(6, 2) + "{\"task\":\"cut");
  const auto model = (dir.path / "model.json").string();
  auto trained =
      run_verigen({"rank", "train", log, "--out", model, "--epochs", "2"}, dir.path.string());
  INFO(trained.err);
  CHECK(trained.exit_code == 0);
  CHECK(trained.err.find("cut.jsonl:") != std::string::npos);
  CHECK(trained.err.find(": warning: skipped a damaged line: malformed JSON") != std::string::npos);
  CHECK(trained.err.find("rank: warning: skipped 1 damaged line(s) in total") != std::string::npos);
}
