#pragma once
/// The secret that makes certificates tamper-evident: with it, `gen` adds an HMAC-SHA256 over
/// the certificate's content and `check` accepts only a certificate whose MAC it can recompute.
/// Without a key a certificate carries only a plain SHA-256 digest, which anyone editing the
/// certificate can recompute: it catches accidental edits, not a deliberate forger.

#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"

namespace verigen {

/// Environment variables naming the key (the key itself, or a file holding it).
extern const char* const kCertKeyVariable;      // "VERIGEN_CERT_KEY"
extern const char* const kCertKeyFileVariable;  // "VERIGEN_CERT_KEY_FILE"

class CertificateKey {
 public:
  /// Keys shorter than this are refused: HMAC is only as strong as its key.
  static constexpr std::size_t kMinimumBytes = 16;

  /// The configured key: `key_file` (the --key-file option) when not empty, else the file named
  /// by VERIGEN_CERT_KEY_FILE, else the bytes of VERIGEN_CERT_KEY; nullopt when none is set. A
  /// file's trailing line break is not part of the key. A Failure (one line naming the file or
  /// variable, never the key) for an unreadable file, an empty or too short key, or both
  /// variables set at once.
  static Result<std::optional<CertificateKey>> configured(const std::string& key_file);

  /// A key from `bytes`; `origin` says where it came from, for messages.
  static Result<CertificateKey> from_bytes(std::string bytes, std::string origin);

  CertificateKey(const CertificateKey&) = default;
  CertificateKey(CertificateKey&&) = default;
  CertificateKey& operator=(const CertificateKey&) = default;
  CertificateKey& operator=(CertificateKey&&) = default;
  /// Wipes the key's bytes.
  ~CertificateKey();

  /// Where the key came from ("VERIGEN_CERT_KEY", or the file's path): safe to print.
  const std::string& origin() const { return origin_; }

  /// HMAC-SHA256 of `message` under this key, as lower-case hex.
  std::string mac(std::string_view message) const;

  /// True when `hex` is the MAC of `message`, compared in constant time.
  bool verifies(std::string_view message, std::string_view hex) const;

 private:
  CertificateKey(std::string bytes, std::string origin)
      : bytes_(std::move(bytes)), origin_(std::move(origin)) {}
  std::string bytes_;
  std::string origin_;
};

}  // namespace verigen
