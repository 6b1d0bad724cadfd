#pragma once
/// Filling a task's holes, for any language.

#include <string>
#include <vector>

#include "core/task.h"

namespace verigen {

/// The task's text with hole i replaced by `fills[i]` (holes must be sorted and disjoint);
/// every byte outside the holes is kept. A missing fill leaves its hole's text as it was.
std::string splice_holes(const Task& task, const std::vector<std::string>& fills);

}  // namespace verigen
