#include "specs/splice.h"

namespace verigen {

std::string splice_holes(const Task& task, const std::vector<std::string>& fills) {
  std::string out;
  std::size_t copied = 0;
  for (std::size_t i = 0; i < task.holes.size(); ++i) {
    const Hole& hole = task.holes[i];
    out.append(task.spec_text, copied, hole.begin - copied);
    out += i < fills.size() ? fills[i] : task.spec_text.substr(hole.begin, hole.end - hole.begin);
    copied = hole.end;
  }
  out.append(task.spec_text, copied, std::string::npos);
  return out;
}

}  // namespace verigen
