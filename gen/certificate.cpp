#include "gen/certificate.h"

#include <ctime>

#include "core/file_io.h"
#include "core/hash.h"

namespace verigen {

const char* const kCertificateMarker = "verigen: certificate=";

namespace {
/// A digest over the certificate's own content, so a hand-edited certificate is recognised.
std::string digest_of(nlohmann::json j) {
  j.erase("digest");
  return sha256_hex(j.dump());
}
}  // namespace

nlohmann::json certificate_to_json(const Certificate& c) {
  nlohmann::json j = {{"format", c.format},
          {"spec", {{"path", c.spec_path}, {"sha256", c.spec_sha256}}},
          {"source", {{"path", c.source_path}, {"sha256", c.source_sha256}}},
          {"target", {{"language", c.target}, {"code_sha256", c.code_sha256}}},
          {"tools", {{"verifier", c.verifier}, {"dafny", c.dafny_version}, {"z3", c.z3_version}, {"options", c.verifier_options}}},
          {"provider", {{"name", c.provider}, {"model", c.model}}},
          {"created_at", c.created_at},
          {"timings", c.timings},
          {"generation", c.generation}};
  j["digest"] = digest_of(j);
  return j;
}

Result<Certificate> read_certificate(const std::string& path) {
  auto text = read_file(path);
  if (!text.ok()) return fail(text.error());
  return parse_certificate(path, *text);
}

Result<Certificate> parse_certificate(const std::string& path, const std::string& text) {
  auto j = nlohmann::json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return fail(path + ": error: certificate is not valid JSON");
  if (!j.contains("digest") || !j["digest"].is_string() || j["digest"].get<std::string>() != digest_of(j))
    return fail(path + ": error: certificate was altered (its digest does not match its content)");
  try {
    Certificate c;
    c.format = j.at("format").get<int>();
    if (c.format != 1) return fail(path + ": error: unsupported certificate format " + std::to_string(c.format));
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
    return c;
  } catch (const nlohmann::json::exception& e) {
    return fail(path + ": error: certificate is missing a field: " + e.what());
  }
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
