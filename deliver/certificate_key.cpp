#include "deliver/certificate_key.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <cstdlib>

#include "core/file_io.h"

namespace verigen {

const char* const kCertKeyVariable = "VERIGEN_CERT_KEY";
const char* const kCertKeyFileVariable = "VERIGEN_CERT_KEY_FILE";

namespace {

std::string environment(const char* name) {
  const char* value = std::getenv(name);
  return value ? value : "";
}

bool is_set(const char* name) { return std::getenv(name) != nullptr; }

}  // namespace

CertificateKey::~CertificateKey() {
  if (!bytes_.empty()) OPENSSL_cleanse(bytes_.data(), bytes_.size());
}

Result<CertificateKey> CertificateKey::from_bytes(std::string bytes, std::string origin) {
  // Messages name the origin and the length only: the key must never reach any output.
  if (bytes.empty()) return fail(origin + ": error: the certificate key is empty");
  if (bytes.size() < kMinimumBytes)
    return fail(origin + ": error: the certificate key is too short (" +
                std::to_string(bytes.size()) + " bytes; at least " + std::to_string(kMinimumBytes) +
                ")");
  return CertificateKey(std::move(bytes), std::move(origin));
}

Result<std::optional<CertificateKey>> CertificateKey::configured(const std::string& key_file) {
  std::string file = key_file;
  if (file.empty()) {
    if (is_set(kCertKeyFileVariable) && is_set(kCertKeyVariable))
      return fail(std::string(kCertKeyVariable) + ": error: both " + kCertKeyVariable + " and " +
                  kCertKeyFileVariable + " are set; set one");
    if (is_set(kCertKeyFileVariable)) {
      file = environment(kCertKeyFileVariable);
      if (file.empty()) return fail(std::string(kCertKeyFileVariable) + ": error: set but empty");
    }
  }
  if (!file.empty()) {
    auto text = read_file(file);
    if (!text.ok()) return fail(text.error());
    std::string bytes = std::move(*text);
    // `echo secret > key` and editors end the file with a line break the user did not mean.
    while (!bytes.empty() && (bytes.back() == '\n' || bytes.back() == '\r')) bytes.pop_back();
    auto key = from_bytes(std::move(bytes), file);
    if (!key.ok()) return fail(key.error());
    return std::optional<CertificateKey>(std::move(*key));
  }
  if (!is_set(kCertKeyVariable)) return std::optional<CertificateKey>();
  auto key = from_bytes(environment(kCertKeyVariable), kCertKeyVariable);
  if (!key.ok()) return fail(key.error());
  return std::optional<CertificateKey>(std::move(*key));
}

std::string CertificateKey::mac(std::string_view message) const {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  HMAC(EVP_sha256(), bytes_.data(), static_cast<int>(bytes_.size()),
       reinterpret_cast<const unsigned char*>(message.data()), message.size(), digest, &length);
  static const char* const kHex = "0123456789abcdef";
  std::string hex;
  hex.reserve(2 * length);
  for (unsigned int i = 0; i < length; ++i) {
    hex += kHex[digest[i] >> 4];
    hex += kHex[digest[i] & 0xf];
  }
  return hex;
}

bool CertificateKey::verifies(std::string_view message, std::string_view hex) const {
  std::string expected = mac(message);
  // Constant time, so a forger learns nothing from how long a wrong guess took to refuse.
  return hex.size() == expected.size() &&
         CRYPTO_memcmp(hex.data(), expected.data(), hex.size()) == 0;
}

}  // namespace verigen
