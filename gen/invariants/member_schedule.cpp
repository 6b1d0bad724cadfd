#include "gen/invariants/member_schedule.h"

#include <algorithm>

namespace verigen::inv {

std::vector<std::chrono::milliseconds> start_offsets(const std::vector<std::string>& members,
                                                     std::chrono::milliseconds budget, int cores) {
  std::vector<std::chrono::milliseconds> out(members.size(), std::chrono::milliseconds(0));
  if (static_cast<int>(members.size()) <= std::max(cores, 1)) return out;
  const bool has_engine = std::any_of(members.begin(), members.end(), [](const std::string& m) {
    return m == "spacer" || m == "cvc5";
  });
  // Without an engine there is nobody to give the head start to.
  if (!has_engine) return out;
  const auto head_start = std::clamp(budget / 20, kMinHeadStart, kMaxHeadStart);
  for (std::size_t i = 0; i < members.size(); ++i)
    if (members[i] == "builtin") out[i] = head_start;
  return out;
}

std::vector<int> niceness(const std::vector<std::string>& members, int cores) {
  std::vector<int> out(members.size(), 0);
  if (static_cast<int>(members.size()) <= std::max(cores, 1)) return out;
  if (std::find(members.begin(), members.end(), "builtin") == members.end()) return out;
  for (std::size_t i = 0; i < members.size(); ++i)
    if (members[i] == "spacer" || members[i] == "cvc5") out[i] = kEngineNiceness;
  return out;
}

std::vector<std::chrono::milliseconds> run_limits(const std::vector<std::string>& members,
                                                  bool nonlinear, int cores) {
  std::vector<std::chrono::milliseconds> out(members.size(), std::chrono::milliseconds(0));
  if (!nonlinear || static_cast<int>(members.size()) <= std::max(cores, 1)) return out;
  for (std::size_t i = 0; i < members.size(); ++i)
    if (members[i] == "spacer") out[i] = kNonlinearSpacerSlice;
  return out;
}

std::chrono::milliseconds lemma_stage_limit(std::size_t members, bool nonlinear, int cores) {
  if (!nonlinear || static_cast<int>(members) <= std::max(cores, 1))
    return std::chrono::milliseconds(0);
  return kNonlinearSpacerSlice;
}

}  // namespace verigen::inv
