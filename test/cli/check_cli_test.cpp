// `verigen check` through the built binary: any current directory, relative and absolute
// markers, and a clear error (never an abort) for what it cannot read.

#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "check_fixture.h"
#include "core/file_io.h"
#include "core/hash.h"

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

namespace {

/// What a forger does to a gen output: a hand edit of the module, its new hash written into
/// the certificate, and the certificate's plain digest recomputed. Any MAC is left as it was.
void forge(const fs::path& out) {
  const fs::path module = out / kModule;
  auto text = read_file(module.string()).value();
  auto at = text.find("return ");
  REQUIRE(at != std::string::npos);
  text = text.substr(0, at) + "return -1 and " + text.substr(at + 7);
  REQUIRE(write_file_atomic(module.string(), text).ok());
  // The code hash skips the marker line (the first), as gen computed it.
  const std::string code = text.substr(text.find('\n') + 1);
  auto certificate = nlohmann::json::parse(read_file((out / "certificate.json").string()).value());
  certificate["target"]["code_sha256"][kModule] = sha256_hex(code);
  certificate.erase("digest");
  certificate["digest"] = sha256_hex(certificate.dump());
  REQUIRE(write_file_atomic((out / "certificate.json").string(), certificate.dump(2)).ok());
}

bool holds(const fs::path& dir, const std::string& secret) {
  for (auto& entry : fs::recursive_directory_iterator(dir)) {
    if (!entry.is_regular_file()) continue;
    auto text = read_file(entry.path().string());
    if (text.ok() && text->find(secret) != std::string::npos) return true;
  }
  return false;
}

}  // namespace

// Contract: a hand edit with the certificate's hash and digest recomputed passes an unkeyed
// check (what README says the digest cannot stop) but fails a keyed one.
TEST_CASE("a forged certificate passes unkeyed check and fails keyed check", "[verifier:dafny]") {
  TempDir dir;
  const std::string cache = (dir.path / "cache").string();
  const fs::path out = dir.path / "out";
  copy_generated(out, cache);
  forge(out);
  auto unkeyed = run_in(out, {verigen_binary(), "check", kModule}, cache);
  INFO(unkeyed.out << unkeyed.err);
  CHECK(unkeyed.exit_code == 0);
  auto keyed = run_in(out, {verigen_binary(), "check", kModule}, cache,
                      {{"VERIGEN_CERT_KEY", "a-team-secret-of-32-characters!!"}});
  INFO(keyed.out << keyed.err);
  CHECK(keyed.exit_code == 1);
  CHECK(keyed.out.find("certificate has no MAC") != std::string::npos);
}

// Contract: `gen` with a key writes a certificate with an HMAC; check accepts it with the same
// key (from VERIGEN_CERT_KEY, VERIGEN_CERT_KEY_FILE or --key-file), refuses a wrong key, a
// forgery that keeps the MAC, and no key at all (a clear error naming the variables); a bad
// key stops gen before any work, exit 2. The key appears in no output and no file.
TEST_CASE("keyed certificates through gen and check", "[verifier:dafny]") {
  TempDir dir;
  const std::string cache = (dir.path / "cache").string();
  const std::string secret = "a-team-secret-of-32-characters!!";
  const std::string key_file = dir.file("team.key", secret + "\n");
  fs::copy_file(std::string(VERIGEN_SOURCE_DIR) + "/specs/examples/sum_loop_spec.dfy",
                dir.path / "sum_loop_spec.dfy");
  auto short_key = run_in(dir.path, {verigen_binary(), "gen", "sum_loop_spec.dfy", "--out", "bad"},
                          cache, {{"VERIGEN_CERT_KEY", "short"}});
  CHECK(short_key.exit_code == 2);
  CHECK(short_key.err ==
        "VERIGEN_CERT_KEY: error: the certificate key is too short (5 bytes; at least 16)\n");
  CHECK_FALSE(fs::exists(dir.path / "bad"));

  auto gen =
      run_in(dir.path, {verigen_binary(), "gen", "sum_loop_spec.dfy", "--out", "out", "--json"},
             cache, {{"VERIGEN_CERT_KEY", secret}});
  INFO(gen.out << gen.err);
  REQUIRE(gen.exit_code == 0);
  const fs::path out = dir.path / "out";
  auto certificate = nlohmann::json::parse(read_file((out / "certificate.json").string()).value());
  CHECK(certificate["mac"]["algorithm"] == "hmac-sha256");
  CHECK((gen.out + gen.err).find(secret) == std::string::npos);
  CHECK_FALSE(holds(out, secret));

  const std::vector<std::string> check = {verigen_binary(), "check", kModule};
  CHECK(run_in(out, check, cache, {{"VERIGEN_CERT_KEY", secret}}).exit_code == 0);
  CHECK(run_in(out, check, cache, {{"VERIGEN_CERT_KEY_FILE", key_file}}).exit_code == 0);
  auto with_flag = check;
  with_flag.insert(with_flag.end(), {"--key-file", key_file});
  CHECK(run_in(out, with_flag, cache).exit_code == 0);

  auto missing = run_in(out, check, cache);
  CHECK(missing.exit_code == 1);
  CHECK(missing.out.find("certificate is keyed (HMAC-SHA256); set VERIGEN_CERT_KEY or "
                         "VERIGEN_CERT_KEY_FILE, or pass --key-file") != std::string::npos);
  auto wrong = run_in(out, check, cache, {{"VERIGEN_CERT_KEY", "another-secret-of-enough-length"}});
  CHECK(wrong.exit_code == 1);
  CHECK(wrong.out.find("MAC does not match the key from VERIGEN_CERT_KEY") != std::string::npos);

  forge(out);
  auto forged = run_in(out, check, cache, {{"VERIGEN_CERT_KEY", secret}});
  CHECK(forged.exit_code == 1);
  CHECK(forged.out.find("MAC does not match") != std::string::npos);
  for (const auto& r : {missing, wrong, forged})
    CHECK((r.out + r.err).find(secret) == std::string::npos);
}
