#pragma once
/// certificate.json: what `verigen gen` proved, about which bytes, with which tools — enough for
/// `verigen check` to recognise later edits and re-verify the source.

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/assumption.h"
#include "core/result.h"
#include "deliver/certificate_key.h"

namespace verigen {

/// The comment that ties generated target code to its certificate, e.g.
/// "# verigen: certificate=out/certificate.json" in Python.
extern const char* const kCertificateMarker;  // "verigen: certificate="

struct Certificate {
  int format = 1;
  std::string spec_path;
  std::string spec_sha256;
  std::string source_path;  ///< the verified Dafny file, relative to the certificate
  std::string source_sha256;
  std::string target;                              ///< "py", ...
  std::map<std::string, std::string> code_sha256;  ///< generated file (relative) → hash of its code
  std::string verifier;  ///< the back-end and its version ("dafny 4.11.0", "lean 4.24.0")
  std::string dafny_version;
  std::string z3_version;
  std::string verifier_options;
  std::string provider;
  std::string model;
  std::string created_at;  ///< UTC, ISO 8601
  nlohmann::json timings = nlohmann::json::object();
  nlohmann::json generation = nlohmann::json::object();  ///< k, rounds, candidates tried ...
  /// What the proof rests on: each assumption the verdict listed (all allowed, or nothing would
  /// be certified), with why it was trusted ("spec", "--allow-assumption KIND").
  std::vector<Assumption> assumptions;
  bool keyed = false;  ///< read back with a valid HMAC (set by parse_certificate only)
};

/// The certificate as JSON, with a "digest" (plain SHA-256) over its own content and, given a
/// `key`, a "mac" (HMAC-SHA256 under the key) over the content without digest and MAC.
nlohmann::json certificate_to_json(const Certificate& certificate,
                                   const CertificateKey* key = nullptr);
/// The policy under which `verigen check` re-verifies the certified source: exactly the
/// assumptions the certificate records as trusted (by kind and declaration), nothing more.
AssumptionPolicy certified_policy(const Certificate& certificate);

/// Reads and checks a certificate file as parse_certificate() does.
Result<Certificate> read_certificate(const std::string& path, const CertificateKey* key = nullptr);
/// Checks the certificate `text` read from `path` (a file, or a staged blob): JSON, digest,
/// format, fields; then keyed mode. With a `key` the certificate must carry a MAC that the key
/// reproduces (a certificate without one, or with one made by another key, is refused); without
/// a key a certificate carrying a MAC is refused with the variables to set. Failures are one
/// line naming `path`, never the key.
Result<Certificate> parse_certificate(const std::string& path, const std::string& text,
                                      const CertificateKey* key = nullptr);

/// The hash that identifies generated code: SHA-256 of the file's text with every line that
/// carries the certificate marker removed (the marker is added after hashing).
std::string code_hash(const std::string& text);

/// UTC now as "2026-11-24T01:02:03Z".
std::string utc_timestamp();

}  // namespace verigen
