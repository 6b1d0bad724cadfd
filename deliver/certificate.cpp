#include "deliver/certificate.h"

#include <ctime>

#include "core/file_io.h"
#include "core/hash.h"
#include "core/verdict_json.h"

namespace verigen {

const char* const kCertificateMarker = "verigen: certificate=";

namespace {
constexpr const char* kMacAlgorithm = "hmac-sha256";

/// A digest over the certificate's own content (its MAC included), so an accidentally edited
/// certificate is recognised. Anyone can recompute it: it is no defence against a forger.
std::string digest_of(nlohmann::json j) {
  j.erase("digest");
  return sha256_hex(j.dump());
}

/// What the MAC covers: everything but the digest and the MAC itself.
std::string mac_message(nlohmann::json j) {
  j.erase("digest");
  j.erase("mac");
  return j.dump();
}

/// Keyed mode: the MAC must be there and right exactly when a key is configured. True when the
/// certificate is keyed (and its MAC is right), false when neither it nor the caller has a key.
Result<bool> check_mac(const std::string& path, const nlohmann::json& j,
                       const CertificateKey* key) {
  const bool has_mac = j.contains("mac");
  if (!key) {
    if (!has_mac) return false;
    return fail(path + ": error: certificate is keyed (HMAC-SHA256); set " + kCertKeyVariable +
                " or " + kCertKeyFileVariable + ", or pass --key-file, to check it");
  }
  if (!has_mac)
    return fail(path + ": error: certificate has no MAC, and a certificate key is set (" +
                key->origin() + "): it was not written with the key; run verigen gen with it");
  const auto& mac = j["mac"];
  if (!mac.is_object() || mac.value("algorithm", std::string()) != kMacAlgorithm ||
      !mac.contains("value") || !mac["value"].is_string())
    return fail(path + ": error: certificate's MAC is malformed (expected " + kMacAlgorithm + ")");
  if (!key->verifies(mac_message(j), mac["value"].get<std::string>()))
    return fail(path + ": error: certificate's MAC does not match the key from " + key->origin() +
                " (the certificate was altered, or written with another key)");
  return true;
}

}  // namespace

nlohmann::json certificate_to_json(const Certificate& c, const CertificateKey* key) {
  nlohmann::json j = {{"format", c.format},
                      {"spec", {{"path", c.spec_path}, {"sha256", c.spec_sha256}}},
                      {"source", {{"path", c.source_path}, {"sha256", c.source_sha256}}},
                      {"target", {{"language", c.target}, {"code_sha256", c.code_sha256}}},
                      {"tools",
                       {{"verifier", c.verifier},
                        {"dafny", c.dafny_version},
                        {"z3", c.z3_version},
                        {"options", c.verifier_options}}},
                      {"provider", {{"name", c.provider}, {"model", c.model}}},
                      {"created_at", c.created_at},
                      {"timings", c.timings},
                      {"generation", c.generation}};
  nlohmann::json trusted = nlohmann::json::array();
  for (const auto& a : c.assumptions) trusted.push_back(assumption_to_json(a));
  j["assumptions"] = trusted;
  if (key) j["mac"] = {{"algorithm", kMacAlgorithm}, {"value", key->mac(mac_message(j))}};
  j["digest"] = digest_of(j);
  return j;
}

Result<Certificate> read_certificate(const std::string& path, const CertificateKey* key) {
  auto text = read_file(path);
  if (!text.ok()) return fail(text.error());
  return parse_certificate(path, *text, key);
}

Result<Certificate> parse_certificate(const std::string& path, const std::string& text,
                                      const CertificateKey* key) {
  auto j = nlohmann::json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object())
    return fail(path + ": error: certificate is not valid JSON");
  if (!j.contains("digest") || !j["digest"].is_string() ||
      j["digest"].get<std::string>() != digest_of(j))
    return fail(path + ": error: certificate was altered (its digest does not match its content)");
  auto keyed = check_mac(path, j, key);
  if (!keyed.ok()) return fail(keyed.error());
  try {
    Certificate c;
    c.format = j.at("format").get<int>();
    if (c.format != 1)
      return fail(path + ": error: unsupported certificate format " + std::to_string(c.format));
    c.spec_path = j.at("spec").at("path").get<std::string>();
    c.spec_sha256 = j.at("spec").at("sha256").get<std::string>();
    c.source_path = j.at("source").at("path").get<std::string>();
    c.source_sha256 = j.at("source").at("sha256").get<std::string>();
    c.target = j.at("target").at("language").get<std::string>();
    c.code_sha256 = j.at("target").at("code_sha256").get<std::map<std::string, std::string>>();
    c.verifier = j.at("tools").value("verifier", std::string());
    c.dafny_version = j.at("tools").value("dafny", std::string());
    c.z3_version = j.at("tools").value("z3", std::string());
    c.verifier_options = j.at("tools").value("options", std::string());
    c.provider = j.at("provider").value("name", std::string());
    c.model = j.at("provider").value("model", std::string());
    c.created_at = j.value("created_at", std::string());
    c.timings = j.value("timings", nlohmann::json::object());
    c.generation = j.value("generation", nlohmann::json::object());
    if (j.contains("assumptions"))
      for (const auto& aj : j.at("assumptions")) {
        Assumption a;
        a.kind = aj.at("kind").get<std::string>();
        a.declaration = aj.value("declaration", std::string());
        a.where.file = aj.value("file", std::string());
        a.where.line = aj.value("line", 0);
        a.where.column = aj.value("column", 0);
        a.message = aj.value("message", std::string());
        a.found_by = aj.value("found_by", std::string());
        a.text = aj.value("text", std::string());
        a.allowed_by = aj.value("allowed_by", std::string());
        c.assumptions.push_back(std::move(a));
      }
    c.keyed = *keyed;
    return c;
  } catch (const nlohmann::json::exception& e) {
    return fail(path + ": error: certificate is missing a field: " + e.what());
  }
}

AssumptionPolicy certified_policy(const Certificate& certificate) {
  AssumptionPolicy policy;
  for (const auto& a : certificate.assumptions)
    policy.allowed.push_back(a.declaration.empty() ? a.kind : a.kind + ":" + a.declaration);
  return policy;
}

std::string code_hash(const std::string& text) {
  std::string kept;
  std::size_t pos = 0;
  while (pos < text.size()) {
    auto end = text.find('\n', pos);
    std::size_t next = end == std::string::npos ? text.size() : end + 1;
    std::string_view line(text.data() + pos, next - pos);
    if (line.find(kCertificateMarker) == std::string_view::npos) kept.append(line);
    pos = next;
  }
  return sha256_hex(kept);
}

std::string utc_timestamp() {
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buffer;
}

}  // namespace verigen
