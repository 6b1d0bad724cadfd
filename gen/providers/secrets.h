#pragma once
/// Keeping credentials out of everything verigen prints or writes. A key can reach a message
/// three ways: the API key itself, a key inside OPENAI_BASE_URL (`user:pass@host`, or a query
/// such as `?api-key=...`), and a server that echoes either back (in an error body, or in an
/// answer that then lands in a cassette or the run log). A Redactor knows every secret of a
/// provider's configuration and blanks each wherever it appears.

#include <string>
#include <vector>

namespace verigen {

/// `url` safe to show: its userinfo becomes `***@` and every query value `***`
/// ("http://***@host/v1?api-key=***&api-version=***"). Scheme, host, port and path stay.
std::string redact_url(const std::string& url);

/// The secrets a URL carries, to be blanked wherever they appear: its userinfo and its password
/// (as written and percent-decoded; each when at least 4 characters), their Basic-authentication
/// form (base64 of "user:password", which libcurl sends and a server may echo), and each query
/// value of at least 8 characters. Shorter values, such as `api-version=1`, would blank ordinary
/// text; they are blanked in the shown URL only.
std::vector<std::string> url_secrets(const std::string& url);

/// `url`, a base URL that may carry a query, with `path` appended to its path part:
/// ("http://h/v1?k=x", "/chat/completions") → "http://h/v1/chat/completions?k=x".
std::string append_url_path(const std::string& url, const std::string& path);

class Redactor {
 public:
  Redactor() = default;
  /// Empty secrets are ignored; longer ones are replaced first, so a secret that contains
  /// another is blanked whole.
  explicit Redactor(std::vector<std::string> secrets);

  /// `text` with every occurrence of every secret replaced by "***".
  std::string operator()(std::string text) const;

 private:
  std::vector<std::string> secrets_;
};

}  // namespace verigen
