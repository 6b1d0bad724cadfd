#include "deliver/certificate.h"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>

#include "core/file_io.h"
#include "core/hash.h"

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

namespace {

/// A small certificate as `gen` would write it.
Certificate sample_certificate() {
  Certificate c;
  c.spec_path = "spec.dfy";
  c.spec_sha256 = "aa";
  c.source_path = "verified.dfy";
  c.source_sha256 = "bb";
  c.target = "py";
  c.code_sha256 = {{"py/module_.py", "cc"}};
  return c;
}

/// What a forger does: change the recorded code hash, then recompute the plain digest.
std::string forged(nlohmann::json j) {
  j["target"]["code_sha256"]["py/module_.py"] = "dd";
  j.erase("digest");
  j["digest"] = sha256_hex(j.dump());
  return j.dump(2);
}

CertificateKey key_of(const std::string& bytes) {
  auto key = CertificateKey::from_bytes(bytes, "test key");
  REQUIRE(key.ok());
  return *key;
}

/// Sets or clears an environment variable for the life of the object.
struct ScopedVariable {
  ScopedVariable(const char* name, const char* value) : name_(name) {
    if (value)
      ::setenv(name, value, 1);
    else
      ::unsetenv(name);
  }
  ~ScopedVariable() { ::unsetenv(name_); }
  const char* name_;
};

}  // namespace

// Contract: HMAC-SHA256 as RFC 4231 defines it (test case 1), compared in constant time.
TEST_CASE("certificate key computes RFC 4231 HMAC-SHA256", "[unit]") {
  auto key = key_of(std::string(20, '\x0b'));
  const std::string expected = "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7";
  CHECK(key.mac("Hi There") == expected);
  CHECK(key.verifies("Hi There", expected));
  CHECK_FALSE(key.verifies("Hi there", expected));
  CHECK_FALSE(key.verifies("Hi There", expected.substr(1)));
}

// Contract: the plain digest stops accidental edits only — a forged certificate with a
// recomputed digest passes without a key — while in keyed mode the same forgery, a keyed
// certificate forged the same way, one with its MAC stripped and one made with another key
// are all refused; a keyed certificate read without a key is a clear error naming the
// variables. No message holds the key.
TEST_CASE("keyed certificates refuse forgeries that the plain digest lets through", "[unit]") {
  const std::string secret = "correct horse battery staple";
  auto key = key_of(secret);
  auto other = key_of("another key of enough length");

  auto plain = certificate_to_json(sample_certificate());
  CHECK_FALSE(plain.contains("mac"));
  auto unkeyed_forgery = parse_certificate("c.json", forged(plain));
  REQUIRE(unkeyed_forgery.ok());  // the documented limit of the unkeyed mode
  CHECK(unkeyed_forgery->code_sha256.at("py/module_.py") == "dd");
  auto refused = parse_certificate("c.json", forged(plain), &key);
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().rfind("c.json: error: certificate has no MAC", 0) == 0);

  auto keyed = certificate_to_json(sample_certificate(), &key);
  CHECK(keyed["mac"]["algorithm"] == "hmac-sha256");
  auto good = parse_certificate("c.json", keyed.dump(2), &key);
  REQUIRE(good.ok());
  CHECK(good->keyed);

  std::vector<std::string> errors;
  auto keyed_forgery = parse_certificate("c.json", forged(keyed), &key);
  REQUIRE_FALSE(keyed_forgery.ok());
  CHECK(keyed_forgery.error().find("MAC does not match the key from test key") !=
        std::string::npos);
  errors.push_back(keyed_forgery.error());

  auto stripped = keyed;
  stripped.erase("mac");
  auto stripped_forgery = parse_certificate("c.json", forged(stripped), &key);
  REQUIRE_FALSE(stripped_forgery.ok());
  CHECK(stripped_forgery.error().find("has no MAC") != std::string::npos);
  errors.push_back(stripped_forgery.error());

  auto wrong = parse_certificate("c.json", keyed.dump(2), &other);
  REQUIRE_FALSE(wrong.ok());
  CHECK(wrong.error().find("does not match") != std::string::npos);
  errors.push_back(wrong.error());

  auto no_key = parse_certificate("c.json", keyed.dump(2));
  REQUIRE_FALSE(no_key.ok());
  CHECK(no_key.error() ==
        "c.json: error: certificate is keyed (HMAC-SHA256); set VERIGEN_CERT_KEY or "
        "VERIGEN_CERT_KEY_FILE, or pass --key-file, to check it");
  errors.push_back(no_key.error());

  for (const auto& e : errors) CHECK(e.find(secret) == std::string::npos);
  CHECK(keyed.dump().find(secret) == std::string::npos);
}

// Contract: the key comes from --key-file, else VERIGEN_CERT_KEY_FILE, else VERIGEN_CERT_KEY;
// none set is no key; a file's trailing line break is not part of the key; an empty or short
// key, an unreadable file and both variables at once are one-line errors that never show it.
TEST_CASE("certificate key configuration", "[unit]") {
  const std::string secret = "a-team-secret-of-32-characters!!";
  ScopedVariable no_file(kCertKeyFileVariable, nullptr);
  ScopedVariable no_key(kCertKeyVariable, nullptr);
  auto none = CertificateKey::configured("");
  REQUIRE(none.ok());
  CHECK_FALSE(none->has_value());

  const auto file = (std::filesystem::temp_directory_path() / "verigen-cert-key-test").string();
  REQUIRE(write_file_atomic(file, secret + "\n").ok());
  std::string reference;
  {
    ScopedVariable env(kCertKeyVariable, secret.c_str());
    auto from_env = CertificateKey::configured("");
    REQUIRE(from_env.ok());
    REQUIRE(from_env->has_value());
    CHECK((*from_env)->origin() == "VERIGEN_CERT_KEY");
    reference = (*from_env)->mac("m");
    // --key-file wins over the environment.
    auto from_flag = CertificateKey::configured(file);
    REQUIRE(from_flag.ok());
    CHECK((*from_flag)->origin() == file);
    CHECK((*from_flag)->mac("m") == reference);
    ScopedVariable both(kCertKeyFileVariable, file.c_str());
    auto ambiguous = CertificateKey::configured("");
    REQUIRE_FALSE(ambiguous.ok());
    CHECK(ambiguous.error().find("both") != std::string::npos);
  }
  {
    ScopedVariable env(kCertKeyFileVariable, file.c_str());
    auto from_file = CertificateKey::configured("");
    REQUIRE(from_file.ok());
    CHECK((*from_file)->mac("m") == reference);
  }
  {
    ScopedVariable env(kCertKeyVariable, "");
    auto empty = CertificateKey::configured("");
    REQUIRE_FALSE(empty.ok());
    CHECK(empty.error() == "VERIGEN_CERT_KEY: error: the certificate key is empty");
  }
  {
    ScopedVariable env(kCertKeyVariable, "short-secret");
    auto short_key = CertificateKey::configured("");
    REQUIRE_FALSE(short_key.ok());
    CHECK(short_key.error() ==
          "VERIGEN_CERT_KEY: error: the certificate key is too short (12 bytes; at least 16)");
  }
  auto missing = CertificateKey::configured(file + ".absent");
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.error().rfind(file + ".absent: error:", 0) == 0);
  CHECK(missing.error().find(secret) == std::string::npos);
  std::filesystem::remove(file);
}
