#pragma once
/// When each member of the invariant portfolio starts within one problem's budget. All members
/// end together: at the problem's deadline, or as soon as one of them wins.

#include <chrono>
#include <string>
#include <vector>

namespace verigen::inv {

/// The longest and shortest head start the engines get when cores are scarce.
inline constexpr std::chrono::milliseconds kMaxHeadStart{500};
inline constexpr std::chrono::milliseconds kMinHeadStart{100};

/// Start offsets (from the start of the problem), one per entry of `members` ("builtin",
/// "spacer", "cvc5"), for a problem with `budget` and `cores` cores of its own (at least 1).
///
/// The policy: with a core for every member, all start at once. With fewer, the solver engines
/// (Spacer, cvc5), which decide small problems in a fraction of a second, start alone and
/// the enumerator ("builtin") joins after a head start of budget/20, kept within
/// [kMinHeadStart, kMaxHeadStart]; from then on all share the cores. The enumerator's sampling
/// and Houdini loop keep a core busy for seconds: started together, it would take half of the
/// engines' early slice on a problem they solve at once; started later it loses at most
/// kMaxHeadStart of a budget it mostly spends in its long tail. Unknown names start at once.
std::vector<std::chrono::milliseconds> start_offsets(const std::vector<std::string>& members,
                                                     std::chrono::milliseconds budget, int cores);

}  // namespace verigen::inv
