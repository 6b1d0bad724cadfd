#pragma once
/// JSON-RPC over stdio as the Language Server Protocol frames it: a `Content-Length: N` header,
/// a blank line, N bytes of JSON.

#include <deque>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace verigen::dafny {

/// One framed message.
std::string lsp_frame(const nlohmann::json& message);

/// Splits a byte stream into messages, however the bytes arrive.
class LspDecoder {
 public:
  /// Adds bytes read from the stream.
  void feed(std::string_view bytes) { buffer_.append(bytes); }
  /// The next complete message, if one has arrived. A malformed header or body sets error()
  /// and yields nothing more.
  std::optional<nlohmann::json> next();
  const std::string& error() const { return error_; }

 private:
  std::string buffer_;
  std::string error_;
};

}  // namespace verigen::dafny
