#include "gen/providers/secrets.h"

#include <algorithm>
#include <cctype>

namespace verigen {
namespace {

/// The parts of a URL that matter here, as offsets: [authority_begin, authority_end) holds
/// `userinfo@host:port`, the query starts at `query` (npos when absent, at the '?').
struct UrlParts {
  std::size_t authority_begin = 0;
  std::size_t authority_end = 0;
  std::size_t query = std::string::npos;
  std::size_t fragment = std::string::npos;
};

UrlParts split(const std::string& url) {
  UrlParts p;
  auto scheme = url.find("://");
  p.authority_begin = scheme == std::string::npos ? 0 : scheme + 3;
  p.authority_end = url.find_first_of("/?#", p.authority_begin);
  if (p.authority_end == std::string::npos) p.authority_end = url.size();
  p.fragment = url.find('#', p.authority_end);
  p.query = url.find('?', p.authority_end);
  if (p.query != std::string::npos && p.fragment != std::string::npos && p.query > p.fragment)
    p.query = std::string::npos;
  return p;
}

std::string percent_decode(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size() &&
        std::isxdigit(static_cast<unsigned char>(text[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(text[i + 2]))) {
      out += static_cast<char>(std::stoi(text.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      out += text[i] == '+' ? ' ' : text[i];
    }
  }
  return out;
}

std::string base64(const std::string& bytes) {
  static const char* kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  std::size_t i = 0;
  for (; i + 2 < bytes.size(); i += 3) {
    unsigned n = (static_cast<unsigned char>(bytes[i]) << 16) |
                 (static_cast<unsigned char>(bytes[i + 1]) << 8) |
                 static_cast<unsigned char>(bytes[i + 2]);
    out += {kAlphabet[(n >> 18) & 63], kAlphabet[(n >> 12) & 63], kAlphabet[(n >> 6) & 63],
            kAlphabet[n & 63]};
  }
  if (i + 1 == bytes.size()) {
    unsigned n = static_cast<unsigned char>(bytes[i]) << 16;
    out += {kAlphabet[(n >> 18) & 63], kAlphabet[(n >> 12) & 63], '=', '='};
  } else if (i + 2 == bytes.size()) {
    unsigned n = (static_cast<unsigned char>(bytes[i]) << 16) |
                 (static_cast<unsigned char>(bytes[i + 1]) << 8);
    out += {kAlphabet[(n >> 18) & 63], kAlphabet[(n >> 12) & 63], kAlphabet[(n >> 6) & 63], '='};
  }
  return out;
}

/// The `name=value` pairs of a query (without the '?').
std::vector<std::pair<std::string, std::string>> query_pairs(const std::string& query) {
  std::vector<std::pair<std::string, std::string>> out;
  std::size_t pos = 0;
  while (pos <= query.size()) {
    auto end = query.find('&', pos);
    if (end == std::string::npos) end = query.size();
    auto pair = query.substr(pos, end - pos);
    auto eq = pair.find('=');
    if (!pair.empty())
      out.emplace_back(pair.substr(0, eq), eq == std::string::npos ? "" : pair.substr(eq + 1));
    pos = end + 1;
  }
  return out;
}

}  // namespace

std::string redact_url(const std::string& url) {
  UrlParts p = split(url);
  std::string out = url.substr(0, p.authority_begin);
  std::string authority = url.substr(p.authority_begin, p.authority_end - p.authority_begin);
  auto at = authority.rfind('@');
  out += at == std::string::npos ? authority : "***@" + authority.substr(at + 1);
  const std::size_t path_end = p.query != std::string::npos      ? p.query
                               : p.fragment != std::string::npos ? p.fragment
                                                                 : url.size();
  out += url.substr(p.authority_end, path_end - p.authority_end);
  if (p.query != std::string::npos) {
    const std::size_t query_end = p.fragment != std::string::npos ? p.fragment : url.size();
    std::string query;
    for (const auto& [name, value] : query_pairs(url.substr(p.query + 1, query_end - p.query - 1)))
      query += (query.empty() ? "" : "&") + name + (value.empty() ? "" : "=***");
    out += "?" + query;
  }
  if (p.fragment != std::string::npos) out += "#***";
  return out;
}

std::vector<std::string> url_secrets(const std::string& url) {
  std::vector<std::string> secrets;
  UrlParts p = split(url);
  std::string authority = url.substr(p.authority_begin, p.authority_end - p.authority_begin);
  auto at = authority.rfind('@');
  if (at != std::string::npos) {
    std::string userinfo = authority.substr(0, at);
    auto colon = userinfo.find(':');
    std::string user = userinfo.substr(0, colon);
    std::string password = colon == std::string::npos ? "" : userinfo.substr(colon + 1);
    // The whole userinfo (a token alone is a user name), and the password when it is not too
    // short to blank without garbling ordinary text; a user name beside a password is no secret.
    for (const auto& s : {userinfo, password}) {
      if (s.size() < 4) continue;
      secrets.push_back(s);
      secrets.push_back(percent_decode(s));
    }
    secrets.push_back(base64(percent_decode(user) + ":" + percent_decode(password)));
  }
  if (p.query != std::string::npos) {
    const std::size_t query_end = p.fragment != std::string::npos ? p.fragment : url.size();
    for (const auto& [name, value] :
         query_pairs(url.substr(p.query + 1, query_end - p.query - 1))) {
      if (value.size() < 8) continue;
      secrets.push_back(value);
      secrets.push_back(percent_decode(value));
    }
  }
  return secrets;
}

std::string append_url_path(const std::string& url, const std::string& path) {
  UrlParts p = split(url);
  std::size_t path_end = p.query != std::string::npos      ? p.query
                         : p.fragment != std::string::npos ? p.fragment
                                                           : url.size();
  std::string base = url.substr(0, path_end);
  while (!base.empty() && base.back() == '/' && base.size() > p.authority_end) base.pop_back();
  std::string rest = p.query != std::string::npos ? url.substr(p.query) : "";
  if (p.query == std::string::npos && p.fragment != std::string::npos)
    rest = "";  // a fragment is never sent
  else if (p.fragment != std::string::npos)
    rest = url.substr(p.query, p.fragment - p.query);
  return base + path + rest;
}

Redactor::Redactor(std::vector<std::string> secrets) {
  for (auto& s : secrets)
    if (!s.empty() && std::find(secrets_.begin(), secrets_.end(), s) == secrets_.end())
      secrets_.push_back(std::move(s));
  std::sort(secrets_.begin(), secrets_.end(),
            [](const auto& a, const auto& b) { return a.size() > b.size(); });
}

std::string Redactor::operator()(std::string text) const {
  for (const auto& secret : secrets_)
    for (auto at = text.find(secret); at != std::string::npos; at = text.find(secret, at + 3))
      text.replace(at, secret.size(), "***");
  return text;
}

}  // namespace verigen
