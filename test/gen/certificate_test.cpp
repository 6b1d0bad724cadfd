#include "gen/certificate.h"

#include <catch2/catch.hpp>
#include <filesystem>

#include "core/file_io.h"

using namespace verigen;

// Contract: the code hash ignores marker lines (added after hashing) and nothing else.
TEST_CASE("code hash ignores the certificate marker only", "[unit]") {
  std::string code = "def f(x):\n    return x + 1\n";
  std::string marked = "# verigen: certificate=out/certificate.json\n" + code;
  CHECK(code_hash(marked) == code_hash(code));
  CHECK(code_hash(code) != code_hash("def f(x):\n    return x + 2\n"));
}

// Contract: a certificate survives a write/read round trip; a damaged one is a clear error.
TEST_CASE("certificate round trip and damage", "[unit]") {
  Certificate c;
  c.spec_path = "spec.dfy";
  c.spec_sha256 = "aa";
  c.source_path = "verified.dfy";
  c.source_sha256 = "bb";
  c.target = "py";
  c.code_sha256 = {{"py/module_.py", "cc"}};
  c.dafny_version = "4.11.0";
  auto path = (std::filesystem::temp_directory_path() / "verigen-cert-test.json").string();
  REQUIRE(write_file_atomic(path, certificate_to_json(c).dump(2)).ok());
  auto back = read_certificate(path);
  REQUIRE(back.ok());
  CHECK(back->code_sha256 == c.code_sha256);
  CHECK(back->source_sha256 == "bb");
  auto edited = certificate_to_json(c);
  edited["source"]["sha256"] = "cc";
  REQUIRE(write_file_atomic(path, edited.dump(2)).ok());
  auto altered = read_certificate(path);
  REQUIRE_FALSE(altered.ok());
  CHECK(altered.error().find("certificate was altered") != std::string::npos);
  REQUIRE(write_file_atomic(path, "{\"format\": 1}").ok());
  auto broken = read_certificate(path);
  REQUIRE_FALSE(broken.ok());
  CHECK(broken.error().rfind(path + ": error:", 0) == 0);
  std::filesystem::remove(path);
}
