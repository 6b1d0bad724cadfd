#include "specs/word_scan.h"

#include <cctype>

namespace verigen {
namespace {

bool word_start(unsigned char c) { return std::isalpha(c) || c == '_' || c >= 0x80; }
bool word_char(unsigned char c) {
  return std::isalnum(c) || c == '_' || c == '\'' || c == '.' || c == '!' || c == '?' || c >= 0x80;
}

}  // namespace

WordScan scan_words(std::string_view text, const CommentSyntax& syntax) {
  WordScan out;
  const std::size_t n = text.size();
  std::size_t i = 0;
  while (i < n) {
    if (text.substr(i, syntax.line.size()) == syntax.line) {
      while (i < n && text[i] != '\n') ++i;
      continue;
    }
    if (text.substr(i, syntax.block_open.size()) == syntax.block_open) {
      std::size_t start = i;
      int depth = 0;
      while (i < n) {
        if (text.substr(i, syntax.block_open.size()) == syntax.block_open) {
          ++depth;
          i += syntax.block_open.size();
        } else if (text.substr(i, syntax.block_close.size()) == syntax.block_close) {
          i += syntax.block_close.size();
          if (--depth == 0) break;
        } else {
          ++i;
        }
      }
      if (depth != 0) {
        out.error = std::make_pair(start, std::string("unterminated comment"));
        return out;
      }
      continue;
    }
    unsigned char c = text[i];
    if (c == '"') {
      std::size_t start = i++;
      while (i < n && text[i] != '"') i += text[i] == '\\' ? 2 : 1;
      if (i >= n) {
        out.error = std::make_pair(start, std::string("unterminated string"));
        return out;
      }
      ++i;
      continue;
    }
    if (c == '@' && i + 1 < n && text[i + 1] == '[') {
      out.words.push_back({i, "@["});
      i += 2;
      continue;
    }
    if (c == '#' && i + 1 < n && word_start(text[i + 1])) {
      std::size_t start = i++;
      while (i < n && (word_char(text[i]) || text[i] == '-')) ++i;
      out.words.push_back({start, std::string(text.substr(start, i - start))});
      continue;
    }
    if (word_start(c)) {
      std::size_t start = i;
      while (i < n && word_char(text[i])) ++i;
      out.words.push_back({start, std::string(text.substr(start, i - start))});
      continue;
    }
    ++i;
  }
  return out;
}

std::optional<std::size_t> first_missing_fixed_part(
    std::string_view original, const std::vector<std::pair<std::size_t, std::size_t>>& holes,
    std::string_view candidate) {
  auto trimmed = [](std::string_view s, std::size_t& offset) {
    std::size_t b = s.find_first_not_of(" \t\r\n");
    if (b == std::string_view::npos) return std::string_view{};
    std::size_t e = s.find_last_not_of(" \t\r\n");
    offset += b;
    return s.substr(b, e - b + 1);
  };
  std::size_t from = 0, cursor = 0;
  for (std::size_t h = 0; h <= holes.size(); ++h) {
    std::size_t to = h < holes.size() ? holes[h].first : original.size();
    std::size_t offset = from;
    std::string_view part = trimmed(original.substr(from, to - from), offset);
    if (!part.empty()) {
      auto at = candidate.find(part, cursor);
      if (at == std::string_view::npos) return offset;
      cursor = at + part.size();
    }
    if (h < holes.size()) from = holes[h].second;
  }
  return std::nullopt;
}

}  // namespace verigen
