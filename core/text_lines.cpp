#include "core/text_lines.h"

#include <algorithm>

namespace verigen {

std::vector<std::string_view> lines_of(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t pos = 0;
  while (pos < text.size()) {
    auto end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    pos = end + 1;
  }
  return lines;
}

std::string trim_space(std::string_view text) {
  auto b = text.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return {};
  return std::string(text.substr(b, text.find_last_not_of(" \t\r\n") - b + 1));
}

std::string on_one_line(std::string text) {
  for (auto& c : text)
    if (c == '\n' || c == '\r') c = ' ';
  return text;
}

std::string note_line(std::string text) {
  text = on_one_line(std::move(text));
  while (!text.empty() && text.back() == ' ') text.pop_back();
  return text;
}

std::optional<std::pair<int, std::string_view>> leading_number(std::string_view text) {
  std::size_t n = 0;
  long long value = 0;
  while (n < text.size() && text[n] >= '0' && text[n] <= '9') {
    value = std::min<long long>(value * 10 + (text[n] - '0'), kNumberCap);
    ++n;
  }
  if (n == 0) return std::nullopt;
  return std::make_pair(static_cast<int>(value), text.substr(n));
}

int saturating_number(std::string_view digits) {
  auto read = leading_number(digits);
  return read ? read->first : 0;
}

}  // namespace verigen
