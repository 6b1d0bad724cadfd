// libFuzzer target: LSP framing (backends/dafny/lsp_framing). The same bytes must decode to the
// same messages however they are split into reads; a decoder that reported an error yields
// nothing more.

#include <vector>

#include "backends/dafny/lsp_framing.h"
#include "core/file_io.h"
#include "fuzz_input.h"

namespace {

struct Decoded {
  std::size_t messages = 0;
  std::vector<std::string> kinds;  // the type of each message (comparing deep values would recurse)
  std::string error;
};

/// Feeds `text` in pieces of the given sizes (cycled), draining messages after each piece.
Decoded decode(std::string_view text, const std::vector<std::size_t>& pieces) {
  verigen::dafny::LspDecoder decoder;
  Decoded out;
  std::size_t at = 0, piece = 0;
  while (at < text.size()) {
    std::size_t n = std::min(text.size() - at, pieces[piece++ % pieces.size()]);
    decoder.feed(text.substr(at, n));
    at += n;
    while (auto message = decoder.next()) {
      ++out.messages;
      out.kinds.push_back(message->type_name());
    }
    if (!decoder.error().empty()) {
      verigen::fuzz::require(!decoder.next(), "nothing after an error");
      break;
    }
  }
  out.error = decoder.error();
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto text = verigen::fuzz::as_text(data, size);
  auto whole = decode(text, {text.size() + 1});
  std::vector<std::size_t> pieces;
  for (std::size_t i = 0; i < std::min<std::size_t>(size, 8); ++i)
    pieces.push_back(1 + data[i] % 7);
  if (pieces.empty()) pieces.push_back(1);
  auto split = decode(text, pieces);
  // An error may be noticed earlier when bytes arrive piecemeal (the 8 KiB header limit), so
  // compare the messages only when neither run stopped on an error.
  if (whole.error.empty() && split.error.empty()) {
    verigen::fuzz::require(whole.messages == split.messages, "the same number of messages");
    verigen::fuzz::require(whole.kinds == split.kinds, "the same messages");
  }
  // Any text: a framed message decodes to itself, and text that is not UTF-8 is refused, never
  // framed with other bytes (regressions/lsp_framing keeps the input that made it throw).
  nlohmann::json probe = {{"jsonrpc", "2.0"}, {"id", size}, {"params", std::string(text)}};
  auto framed = verigen::dafny::lsp_frame(probe);
  verigen::fuzz::require(framed.ok() == verigen::is_valid_utf8(std::string(text)),
                         "framing refuses exactly the text that is not UTF-8");
  if (framed) {
    verigen::dafny::LspDecoder echo;
    echo.feed(*framed);
    auto back = echo.next();
    verigen::fuzz::require(back && *back == probe, "a framed message decodes to itself");
  }
  return 0;
}
