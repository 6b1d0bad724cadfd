#pragma once
/// certificate.json: what `verigen gen` proved, about which bytes, with which tools — enough for
/// `verigen check` to recognise later edits and re-verify the source.

#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "core/result.h"

namespace verigen {

/// The comment that ties generated target code to its certificate, e.g.
/// "# verigen: certificate=out/certificate.json" in Python.
extern const char* const kCertificateMarker;  // "verigen: certificate="

struct Certificate {
  int format = 1;
  std::string spec_path;
  std::string spec_sha256;
  std::string source_path;    ///< the verified Dafny file, relative to the certificate
  std::string source_sha256;
  std::string target;         ///< "py", ...
  std::map<std::string, std::string> code_sha256;  ///< generated file (relative) → hash of its code
  std::string verifier;       ///< the back-end and its version ("dafny 4.11.0", "lean 4.24.0")
  std::string dafny_version;
  std::string z3_version;
  std::string verifier_options;
  std::string provider;
  std::string model;
  std::string created_at;     ///< UTC, ISO 8601
  nlohmann::json timings = nlohmann::json::object();
  nlohmann::json generation = nlohmann::json::object();  ///< k, rounds, candidates tried ...
};

/// The certificate as JSON, with a "digest" over its own content.
nlohmann::json certificate_to_json(const Certificate& certificate);
/// Reads and checks a certificate file (format, fields, digest); failures name the file.
Result<Certificate> read_certificate(const std::string& path);
/// Checks the certificate `text` read from `path` (a file, or a staged blob) as
/// read_certificate() does; failures name `path`.
Result<Certificate> parse_certificate(const std::string& path, const std::string& text);

/// The hash that identifies generated code: SHA-256 of the file's text with every line that
/// carries the certificate marker removed (the marker is added after hashing).
std::string code_hash(const std::string& text);

/// UTC now as "2026-11-24T01:02:03Z".
std::string utc_timestamp();

}  // namespace verigen
