#include "backends/dafny/lsp_framing.h"

#include <cctype>

namespace verigen::dafny {

Result<std::string> lsp_frame(const nlohmann::json& message) {
  std::string body;
  try {
    body = message.dump();
  } catch (const nlohmann::json::type_error& e) {
    return fail(std::string("cannot frame an LSP message: ") + e.what());
  }
  return "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

std::optional<nlohmann::json> LspDecoder::next() {
  if (!error_.empty()) return std::nullopt;
  auto head_end = buffer_.find("\r\n\r\n");
  if (head_end == std::string::npos) {
    if (buffer_.size() > 8192) error_ = "no header end within 8 KiB";
    return std::nullopt;
  }
  std::size_t length = std::string::npos;
  std::size_t pos = 0;
  while (pos < head_end) {
    auto end = buffer_.find("\r\n", pos);
    if (end == std::string::npos || end > head_end) end = head_end;
    std::string line = buffer_.substr(pos, end - pos);
    auto colon = line.find(':');
    if (colon == std::string::npos) {
      error_ = "malformed header line '" + line.substr(0, 80) + "'";
      return std::nullopt;
    }
    std::string name = line.substr(0, colon);
    for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (name == "content-length") {
      try {
        length = std::stoul(line.substr(colon + 1));
      } catch (...) {
        error_ = "bad Content-Length '" + line.substr(colon + 1, 40) + "'";
        return std::nullopt;
      }
    }
    pos = end + 2;
  }
  if (length == std::string::npos) {
    error_ = "message without Content-Length";
    return std::nullopt;
  }
  if (buffer_.size() < head_end + 4 + length) return std::nullopt;
  auto message = nlohmann::json::parse(buffer_.substr(head_end + 4, length), nullptr, false);
  buffer_.erase(0, head_end + 4 + length);
  if (message.is_discarded()) {
    error_ = "message body is not JSON";
    return std::nullopt;
  }
  return message;
}

}  // namespace verigen::dafny
