#include "gen/builtin/loop_frames.h"

#include <algorithm>

#include "core/text_lines.h"

namespace verigen {
namespace {

/// A frame expression's objects: `{a, b}` is `a` and `b`; anything else is itself.
std::vector<std::string> frame_objects(const std::string& frame) {
  std::string f = trim_space(frame);
  if (f.size() < 2 || f.front() != '{' || f.back() != '}') return {f};
  std::vector<std::string> out;
  std::string inner = f.substr(1, f.size() - 2);
  int depth = 0;
  std::string part;
  for (char c : inner) {
    if (c == '(' || c == '[' || c == '{') ++depth;
    if (c == ')' || c == ']' || c == '}') --depth;
    if (c == ',' && depth == 0) {
      out.push_back(trim_space(part));
      part.clear();
    } else {
      part += c;
    }
  }
  if (!trim_space(part).empty()) out.push_back(trim_space(part));
  return out;
}

}  // namespace

std::optional<std::string> loop_modifies_clause(const LoopSite& loop) {
  bool larger = false;
  for (const auto& frame : loop.frames)
    for (const auto& object : frame_objects(frame))
      larger |= std::find(loop.heap_written.begin(), loop.heap_written.end(), object) ==
                loop.heap_written.end();
  if (!larger) return std::nullopt;
  if (loop.heap_written.empty()) return std::string("modifies {}");
  std::string clause = "modifies ";
  for (std::size_t i = 0; i < loop.heap_written.size(); ++i)
    clause += (i ? ", " : "") + loop.heap_written[i];
  return clause;
}

}  // namespace verigen
