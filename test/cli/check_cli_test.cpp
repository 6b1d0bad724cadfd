// `verigen check` through the built binary: any current directory, relative and absolute
// markers, and a clear error (never an abort) for what it cannot read.

#include <catch2/catch.hpp>
#include <filesystem>

#include "check_fixture.h"
#include "core/file_io.h"

using namespace verigen;
using namespace verigen::test;
namespace fs = std::filesystem;

namespace {

/// Replaces the marker line of `file` with one naming `certificate` (the code hash ignores
/// marker lines, so the file stays certified).
void set_marker(const fs::path& file, const std::string& certificate) {
  auto text = read_file(file.string()).value();
  auto end = text.find('\n');
  REQUIRE(text.rfind("# verigen: certificate=", 0) == 0);
  REQUIRE(
      write_file_atomic(file.string(), "# verigen: certificate=" + certificate + text.substr(end))
          .ok());
}

}  // namespace

// Contract: check passes an untouched generated file whatever the current directory is — the
// certificate's own folder (where it used to abort with "cannot make absolute path"), the
// file's folder, or elsewhere — with the file named relatively or absolutely, and with a
// relative or an absolute marker.
TEST_CASE("check works from any directory with relative and absolute markers", "[verifier:dafny]") {
  TempDir dir;
  const std::string cache = (dir.path / "cache").string();
  const fs::path out = dir.path / "out";
  copy_generated(out, cache);
  const fs::path module = out / kModule;

  auto check_everywhere = [&](const std::string& label) {
    struct Place {
      fs::path cwd;
      std::string file;
    };
    const std::vector<Place> places = {
        {out, kModule},
        {out, "./py/../" + std::string(kModule)},
        {module.parent_path(), "module_.py"},
        {dir.path, "out/" + std::string(kModule)},
        {fs::path("/"), module.string()},
        {out, module.string()},
    };
    for (const auto& place : places) {
      auto r = run_in(place.cwd, {verigen_binary(), "check", place.file}, cache);
      INFO(label << ": in " << place.cwd << " check " << place.file << "\n" << r.out << r.err);
      CHECK(r.exit_code == 0);
      CHECK(r.out.find("1 generated file(s), 0 problem(s)") != std::string::npos);
    }
  };
  check_everywhere("relative marker");
  set_marker(module, (out / "certificate.json").string());
  check_everywhere("absolute marker");
}

// Contract: an edit is still found when check runs in the certificate's folder, and a marker
// naming a folder or nothing is a clear `file:line: error:` line, exit 1, never an abort.
TEST_CASE("check reports problems from the certificate's folder without aborting",
          "[verifier:dafny]") {
  TempDir dir;
  const std::string cache = (dir.path / "cache").string();
  const fs::path out = dir.path / "out";
  copy_generated(out, cache);
  const fs::path module = out / kModule;
  auto text = read_file(module.string()).value();
  REQUIRE(write_file_atomic(module.string(), text + "x = 1\n").ok());
  auto edited = run_in(out, {verigen_binary(), "check", kModule}, cache);
  INFO(edited.out << edited.err);
  CHECK(edited.exit_code == 1);
  CHECK(edited.out.find(std::string(kModule) + ":1: error: generated code was edited by hand") !=
        std::string::npos);

  for (const std::string& named : {std::string("."), std::string(""), std::string("/")}) {
    set_marker(module, named);
    auto r = run_in(out, {verigen_binary(), "check", kModule}, cache);
    INFO("marker '" << named << "'\n" << r.out << r.err);
    CHECK(r.exit_code == 1);
    CHECK(r.out.find(std::string(kModule) + ":1: error: ") != std::string::npos);
    CHECK(r.err.find("terminate") == std::string::npos);
  }
}
