#include "gen/code_blocks.h"

#include <algorithm>
#include <cctype>

namespace verigen {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

/// The fence marker a line opens or closes with ("```", "~~~~" ...), or "" for none.
std::string_view fence_of(std::string_view line) {
  auto t = trim(line);
  if (t.size() < 3 || (t[0] != '`' && t[0] != '~')) return {};
  std::size_t n = 0;
  while (n < t.size() && t[n] == t[0]) ++n;
  return n >= 3 ? t.substr(0, n) : std::string_view{};
}

}  // namespace

std::vector<CodeBlock> extract_code_blocks(std::string_view completion) {
  std::vector<CodeBlock> blocks;
  std::string_view open_fence;
  CodeBlock current;
  bool saw_fence = false;
  std::size_t pos = 0;
  while (pos <= completion.size()) {
    auto end = completion.find('\n', pos);
    if (end == std::string_view::npos) end = completion.size();
    auto line = completion.substr(pos, end - pos);
    auto fence = fence_of(line);
    if (open_fence.empty() && !fence.empty()) {
      saw_fence = true;
      open_fence = fence;
      auto info = trim(trim(line).substr(fence.size()));
      current = CodeBlock{};
      current.language.assign(info.substr(0, info.find_first_of(" \t{")));
      std::transform(current.language.begin(), current.language.end(), current.language.begin(),
                     [](unsigned char c) { return std::tolower(c); });
    } else if (!open_fence.empty() && fence.size() >= open_fence.size() &&
               fence[0] == open_fence[0] && trim(line).size() == fence.size()) {
      blocks.push_back(std::move(current));
      open_fence = {};
    } else if (!open_fence.empty()) {
      current.code.append(line);
      current.code.push_back('\n');
    }
    if (end == completion.size()) break;
    pos = end + 1;
  }
  if (!open_fence.empty()) {
    current.closed = false;
    blocks.push_back(std::move(current));
  }
  if (!saw_fence && !trim(completion).empty()) {
    blocks.push_back(CodeBlock{"", std::string(trim(completion)) + "\n", true});
  }
  return blocks;
}

std::string normalize_code(std::string_view code) {
  std::string out;
  bool pending_space = false;
  for (std::size_t i = 0; i < code.size(); ++i) {
    char c = code[i];
    if (c == '/' && i + 1 < code.size() && code[i + 1] == '/') {
      while (i < code.size() && code[i] != '\n') ++i;
      pending_space = true;
      continue;
    }
    if (std::isspace(static_cast<unsigned char>(c))) {
      pending_space = true;
      continue;
    }
    if (pending_space && !out.empty()) out.push_back(' ');
    pending_space = false;
    out.push_back(c);
  }
  return out;
}

}  // namespace verigen
