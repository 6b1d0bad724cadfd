// gen's output directory and its re-check, with the real Dafny (compile to Python).

#include "deliver/gen_output.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "backends/dafny/dafny_backend.h"
#include "core/file_io.h"
#include "deliver/generated_check.h"

using namespace verigen;
namespace fs = std::filesystem;

namespace {

const char* kProgram =
    "method Max(a: int, b: int) returns (m: int) ensures m >= a && m >= b\n"
    "{ if a > b { m := a; } else { m := b; } }\n"
    "method Main() { var m := Max(3, 5); print m, \"\\n\"; }\n";

struct Output {
  fs::path dir;
  GenArtifacts artifacts;
};

Output make_output(const std::string& name) {
  Output o;
  o.dir = fs::temp_directory_path() / ("verigen-genout-" + name + "-" + std::to_string(::getpid()));
  fs::remove_all(o.dir);
  Task task;
  task.spec_path = "specs/max.dfy";
  task.spec_text = "method Max(a: int, b: int) returns (m: int) ensures m >= a && m >= b\n";
  SubprocessRunner runner;
  GenProvenance provenance;
  provenance.dafny_version = "4.11.0";
  auto written = write_gen_output(runner, o.dir.string(), task, kProgram, "py", provenance,
                                  Deadline::after(std::chrono::seconds(120)));
  REQUIRE(written.ok());
  o.artifacts = *written;
  return o;
}

std::vector<Diagnostic> check(const std::string& file) {
  SubprocessRunner runner;
  dafny::DafnyBackend dafny(runner);
  return check_generated_file(file, dafny, Deadline::after(std::chrono::seconds(120)));
}

}  // namespace

// Contract: the output holds the verified source, runnable Python whose generated files carry
// the marker, and a certificate under which every marked file checks clean.
TEST_CASE("gen output is marked, certified and checks clean", "[verifier:dafny]") {
  auto o = make_output("clean");
  CHECK(read_file(o.artifacts.verified_source).value() == kProgram);
  REQUIRE_FALSE(o.artifacts.marked_files.empty());
  for (const auto& file : o.artifacts.marked_files) {
    INFO(file);
    CHECK(read_file(file)->find("# verigen: certificate=") == 0);
    CHECK(check(file).empty());
  }
  SubprocessRunner runner;
  ProcessSpec python;
  python.argv = {"python3", o.artifacts.entry_point};
  python.deadline = Deadline::after(std::chrono::seconds(60));
  auto ran = runner.run(python);
  CHECK(ran.out == "5\n");
  fs::remove_all(o.dir);
}

// Contract: a hand edit, a deleted certificate, and a changed certified source are each caught
// with a message saying which.
TEST_CASE("edits, missing certificate and changed source are caught", "[verifier:dafny]") {
  auto o = make_output("edits");
  std::string module;
  for (const auto& f : o.artifacts.marked_files)
    if (fs::path(f).filename() == "module_.py") module = f;
  REQUIRE_FALSE(module.empty());

  std::ofstream(module, std::ios::app) << "\n# a harmless-looking hand edit\n";
  auto edited = check(module);
  REQUIRE(edited.size() == 1);
  CHECK(edited[0].message.find("edited by hand") != std::string::npos);
  CHECK(edited[0].where.line == 1);

  auto source = read_file(o.artifacts.verified_source).value();
  REQUIRE(write_file_atomic(o.artifacts.verified_source, source + "// changed\n").ok());
  bool changed = false;
  for (const auto& d : check(module))
    changed |= d.message.find("changed after certification") != std::string::npos;
  CHECK(changed);

  fs::remove(o.artifacts.certificate);
  auto missing = check(module);
  REQUIRE(missing.size() == 1);
  CHECK(missing[0].message.find("is missing") != std::string::npos);
  fs::remove_all(o.dir);
}
