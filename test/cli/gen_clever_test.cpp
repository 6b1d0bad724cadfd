// `verigen gen` on CLEVER problems with a stand-in Lean: the cheats of issue 18 never reach
// Lean, an honest answer does and is certified with the pinned toolchain, a wrong toolchain
// stops the run with exit 3, and parallel verifications never share a scratch file. Lean
// cannot be installed here: `lake` and `lean` are shell scripts that record every file they
// are handed and answer like a clean `lean --json` run.

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <future>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>

#include "cli_harness.h"
#include "core/file_io.h"
#include "loopback_server.h"

using namespace verigen;
using namespace verigen::test;
namespace fs = std::filesystem;

namespace {

const fs::path kProblems = fs::path(VERIGEN_SHARED_DIR) / "datasets/clever/lean4/human_eval";

/// A CLEVER Lake project of stand-ins: `lean --version` says `version`, the manifest pins
/// Mathlib v4.24.0, and `lake env lean --json FILE` copies FILE into `received/` and prints
/// an axioms report with only the standard axioms.
struct StandInProject {
  TempDir dir;
  fs::path project, tools, received;

  explicit StandInProject(const std::string& version = "4.24.0") {
    project = dir.path / "project";
    tools = dir.path / "tools";
    received = dir.path / "received";
    for (const auto& d : {project, tools, received}) fs::create_directories(d);
    std::ofstream(project / "lakefile.lean") << "-- stand-in\n";
    std::ofstream(project / "lake-manifest.json")
        << R"({"version": 7, "packages": [{"name": "mathlib", "type": "git", )"
        << R"("rev": "0123abcd", "inputRev": "v4.24.0"}]})";
    script("lean", "[ \"$1\" = --version ] && echo 'Lean (version " + version +
                       ", x86_64-unknown-linux-gnu, Release)'\nexit 0");
    // Overlapping runs are the point of the race test: each one takes a moment.
    script("lake", "[ \"$1 $2 $3\" = 'env lean --json' ] || exit 2\nsleep 0.3\ncp \"$4\" '" +
                       received.string() + "/'\n" +
                       "echo '{\"severity\":\"information\",\"pos\":{\"line\":1,\"column\":0},"
                       "\"fileName\":\"f\",\"data\":\"'\"'\"'x'\"'\"' depends on axioms: "
                       "[propext]\",\"caption\":\"\",\"kind\":\"[anonymous]\"}'\nexit 0");
  }
  void script(const std::string& name, const std::string& body) {
    std::ofstream(tools / name) << "#!/bin/sh\n" << body << "\n";
    fs::permissions(tools / name, fs::perms::owner_all);
  }
  std::vector<std::pair<std::string, std::string>> env(const LoopbackServer& server) const {
    auto env = openai_env(server);
    env.emplace_back("PATH", tools.string() + ":/usr/bin:/bin");
    return env;
  }
  CliRun gen(const LoopbackServer& server, const std::string& problem, const std::string& stage,
             const std::string& out, std::vector<std::string> extra = {}) const {
    std::vector<std::string> args = {"gen",
                                     (kProblems / problem).string(),
                                     "--task",
                                     stage,
                                     "--lean-project",
                                     project.string(),
                                     "--provider",
                                     "openai",
                                     "--rounds",
                                     "0",
                                     "--no-cache",
                                     "--out",
                                     (dir.path / out).string(),
                                     "--json"};
    args.insert(args.end(), extra.begin(), extra.end());
    return run_verigen(args, (dir.path / ("cache-" + out)).string(), env(server), 60);
  }
};

std::string lean_block(const std::string& code) { return "```lean\n" + code + "\n```"; }

}  // namespace

// Contract: every cheat of issue 18 (and a spelling variant of each) is refused by the audit
// before Lean runs: the stand-in receives no file at all, and the run is not verified.
TEST_CASE("gen clever: the issue's cheats never reach lean", "[network]") {
  if (!fs::exists(kProblems)) return;
  StandInProject p;
  struct Stage {
    const char* stage;
    std::vector<std::string> cheats;
    std::vector<std::string> extra;
  };
  const std::string spec_file = p.dir.file("spec_answer.lean", "True");
  const std::vector<Stage> stages = {
      {"spec",
       {"True\n#exit", "True\n  #exit -- only a warning", "True\nset_option warn.sorry false",
        "True\nnamespace Cheat\ndef problem_spec (impl : Rat → Rat) (n : Rat) : Prop := True\n"
        "end Cheat",
        "problem_spec impl number", "«problem_spec» impl number",
        "True\n#guard_msgs (drop warning) in\nexample : False := sorry",
        "True\nmacro_rules | `(theorem $n:ident : $t := $p) => `(axiom $n : $t)"},
       {}},
      {"isomorphism",
       {"Iff.rfl\nset_option debug.skipKernelTC true\nelab \"cheat\" : tactic => pure ()",
        "by\n  set_option debug.skipKernelTC true in\n  exact fun _ => Iff.rfl",
        "by decide +native", "by exact Lean.«ofReduceBool» _ _ rfl"},
       {"--generated-spec", spec_file}},
      {"implementation",
       {"number\nattribute [implemented_by number] implementation",
        "number\n@[implemented_by number] def cheat := 0", "number\nopen Lean in\n#eval 0",
        "number /- -/ #exit"},
       {}},
      {"correctness",
       {"by native_decide", "by decide (config := { native := true })", "by\n  stop\n  rfl",
        "by exact s!\"{sorry}\""},
       {}},
  };
  LoopbackServer server;
  for (const auto& s : stages) {
    std::vector<std::string> answers;
    for (const auto& c : s.cheats) answers.push_back(lean_block(c));
    server.script({{200, {}, completion_body(answers)}});
    auto r = p.gen(server, "problem_2.lean", s.stage, std::string("out-") + s.stage, [&] {
      auto e = s.extra;
      e.insert(e.end(), {"-k", std::to_string(answers.size()), "--jobs", "1"});
      return e;
    }());
    INFO(s.stage << "\n" << r.out << r.err);
    REQUIRE(r.exit_code == 1);
    auto report = nlohmann::json::parse(r.out);
    CHECK(report["integrity_rejections"] == answers.size());
    CHECK(report["verifier_calls"] == 0);
  }
  // What the model was shown for the spec stage (the first request): the description and the
  // signature, never the hidden ground truth, implementation or proofs.
  auto requests = server.requests();
  REQUIRE_FALSE(requests.empty());
  auto body = nlohmann::json::parse(requests.front().body);
  std::string shown;
  for (const auto& m : body["messages"])
    if (m["role"] == "user") shown += m["content"].get<std::string>();
  CHECK(shown.find("def generated_spec") != std::string::npos);
  CHECK(shown.find("truncate_number") != std::string::npos);
  for (const char* hidden :
       {"problem_spec", "def implementation", "#test", "theorem correctness", "number.floor"})
    CHECK(shown.find(hidden) == std::string::npos);
  CHECK(count_files(p.received) == 0);
}

// Contract: an honest answer is checked in a scratch file whose name is a Lean module name,
// holding the staged file (no other stage's sorry, tests uncommented, `#print axioms`), and the
// certificate names the pinned Lean and Mathlib. A project on another Lean stops gen with
// exit 3 naming the expected versions, before any request.
TEST_CASE("gen clever: honest answer certified, toolchain pinned", "[network]") {
  if (!fs::exists(kProblems)) return;
  StandInProject p;
  LoopbackServer server;
  server.script({{200, {}, completion_body({lean_block("number - number.floor")})}});
  auto r = p.gen(server, "problem_2.lean", "implementation", "honest", {"-k", "1"});
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(p.received)) files.push_back(e.path());
  REQUIRE(files.size() == 1);
  CHECK(std::regex_match(files[0].filename().string(),
                         std::regex("VerigenCandidate_[A-Za-z][A-Za-z0-9_]*\\.lean")));
  auto staged = read_file(files[0].string());
  REQUIRE(staged.ok());
  CHECK(staged->find("sorry") == std::string::npos);
  CHECK(staged->find("\n#test implementation 3.5 = 0.5") != std::string::npos);
  CHECK(staged->find("#print axioms implementation") != std::string::npos);
  CHECK(staged->find("generated_spec") == std::string::npos);
  auto certificate =
      nlohmann::json::parse(read_file((p.dir.path / "honest/certificate.json").string()).value());
  CHECK(certificate["tools"]["options"].get<std::string>().find("lean=4.24.0; mathlib=v4.24.0") !=
        std::string::npos);

  StandInProject old("4.15.0");
  LoopbackServer unused;
  auto refused = old.gen(unused, "problem_2.lean", "implementation", "old", {"-k", "1"});
  CHECK(refused.exit_code == 3);
  CHECK(refused.err.find("expected Lean 4.24.0 with Mathlib v4.24.0, found Lean 4.15.0") !=
        std::string::npos);
}

// Contract: the four stages of problem 102 verified at once by four gen processes sharing a
// project (and four candidates of one stage with -j4) are checked in as many distinct scratch
// files, each holding its own text.
TEST_CASE("gen clever: parallel verifications never share a scratch file", "[network]") {
  if (!fs::exists(kProblems)) return;
  StandInProject p;
  LoopbackServer server;
  server.fallback([](const RecordedRequest&) {
    ScriptedResponse r;
    r.status = 200;
    r.body = completion_body({lean_block("True")});
    return r;
  });
  const std::string spec_file = p.dir.file("spec.lean", "True");
  const std::string impl_file = p.dir.file("impl.lean", "x");
  std::vector<std::future<CliRun>> runs;
  for (const char* stage : {"spec", "isomorphism", "implementation", "correctness"})
    runs.push_back(std::async(std::launch::async, [&, stage] {
      return p.gen(server, "problem_102.lean", stage, std::string("par-") + stage,
                   {"-k", "1", "--generated-spec", spec_file, "--implementation", impl_file});
    }));
  for (auto& f : runs) {
    auto r = f.get();
    INFO(r.out << r.err);
    CHECK(r.exit_code == 0);
  }
  std::set<std::string> checked;
  for (const auto& e : fs::directory_iterator(p.received)) {
    auto text = read_file(e.path().string());
    REQUIRE(text.ok());
    auto at = text->find("#print axioms ");
    REQUIRE(at != std::string::npos);
    checked.insert(text->substr(at));
  }
  CHECK(checked.size() == 4);  // four files, four different stages

  // One stage, four different candidates verified four at a time.
  fs::remove_all(p.received);
  fs::create_directories(p.received);
  LoopbackServer four;
  four.script({{200,
                {},
                completion_body({lean_block("x + 0"), lean_block("x + 1"), lean_block("x + 2"),
                                 lean_block("x + 3")})}});
  auto r = p.gen(four, "problem_102.lean", "implementation", "j4", {"-k", "4", "--jobs", "4"});
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);
  std::set<std::string> bodies;
  for (const auto& e : fs::directory_iterator(p.received)) {
    auto text = read_file(e.path().string());
    REQUIRE(text.ok());
    auto at = text->find("-- Implementation\n\n");
    REQUIRE(at != std::string::npos);
    bodies.insert(text->substr(at + 19, 5));
  }
  CHECK(bodies.size() == static_cast<std::size_t>(count_files(p.received)));
  CHECK(count_files(p.received) >= 1);
}

// Contract: `bench run clever` chains the stages in each sample (the isomorphism is staged
// from the spec stage's verified answer, the correctness from the implementation's) and the
// report gives the end-to-end figure beside the stages.
TEST_CASE("bench clever: stages chained, end to end reported", "[network]") {
  if (!fs::exists(kProblems)) return;
  StandInProject p;
  LoopbackServer server;
  server.fallback([](const RecordedRequest&) {
    ScriptedResponse r;
    r.body = completion_body({lean_block("True")});
    return r;
  });
  const std::string db = (p.dir.path / "clever.db").string();
  auto env = p.env(server);
  auto run = run_verigen({"bench", "run", "clever", "--data",
                          (fs::path(VERIGEN_SHARED_DIR) / "datasets/clever").string(), "--db", db,
                          "--lean-project", p.project.string(), "--provider", "openai", "--filter",
                          "problem_2#", "-k", "1", "--jobs", "2", "--no-cache"},
                         (p.dir.path / "cache-bench").string(), env, 120);
  INFO(run.out << run.err);
  REQUIRE(run.exit_code == 0);
  // The chained stages saw the earlier answer, not a `sorry`.
  int staged = 0;
  for (const auto& e : fs::directory_iterator(p.received)) {
    auto text = read_file(e.path().string());
    REQUIRE(text.ok());
    CHECK(text->find("sorry") == std::string::npos);
    ++staged;
  }
  CHECK(staged == 4);
  auto report = run_verigen({"bench", "report", db, "--format", "json"},
                            (p.dir.path / "cache-bench").string(), env);
  REQUIRE(report.exit_code == 0);
  auto doc = nlohmann::json::parse(report.out);
  bool end_to_end = false;
  for (const auto& c : doc["runs"][0]["categories"])
    if (c["category"] == "end-to-end") {
      end_to_end = true;
      CHECK(c["verified_samples"] == 1);
    }
  CHECK(end_to_end);
}
