#pragma once
/// JSON-RPC over stdio as the Language Server Protocol frames it: a `Content-Length: N` header,
/// a blank line, N bytes of JSON.

#include <deque>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"

namespace verigen::dafny {

/// One framed message; a Failure when a string in it is not UTF-8 (JSON cannot carry it, and
/// replacing the bytes would have the server verify other text than the caller's).
Result<std::string> lsp_frame(const nlohmann::json& message);

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
