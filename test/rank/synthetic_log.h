#pragma once
// A synthetic but realistic run log of loop-invariant candidates for SyGuS-INV-like problems:
// candidates that hold share the post-condition's variables and constants; the ones that fail
// mostly invent constants, flip comparisons or leave variables out. Variable names and constants
// vary between tasks, so a scorer must learn the relation, not the names.

#include <cstdint>
#include <string>

namespace verigen::test {

/// `tasks` problems as JSONL lines ("task", "task_text", "candidate", "round", "text",
/// "verdict"); deterministic for a seed. Tasks are named "<prefix>-<n>". About one task in eight
/// has no verified candidate, and a few lines are unchecked (verdict null).
std::string synthetic_log(int tasks, std::uint64_t seed, const std::string& prefix = "task");

}  // namespace verigen::test
