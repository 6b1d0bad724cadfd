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

/// How much nicer than the enumerator the engines run when cores are scarce (a nice step is
/// about 1.25x in CPU weight: 3 gives the enumerator about twice an engine's share).
inline constexpr int kEngineNiceness = 3;

/// The niceness each member's thread adds to its own (and so the processes it starts, which
/// inherit it), one per entry of `members`. With a core for every member, or without the
/// enumerator, 0 for all. Otherwise kEngineNiceness for the engines: they win in their head
/// start and first seconds or mostly not at all (measured on a slice of the 433 problems: Spacer
/// won its races by 4.4 s, cvc5 by 0.7 s), while the enumerator's long tail needs the CPU (a
/// problem it solved alone in 7.8 s was lost when it shared a core evenly with both).
std::vector<int> niceness(const std::vector<std::string>& members, int cores);

/// How long Spacer races on a problem with nonlinear arithmetic when cores are scarce.
inline constexpr std::chrono::milliseconds kNonlinearSpacerSlice{2000};

/// The longest each member runs from its start (0: until the problem's deadline), one per entry
/// of `members`. With fewer cores than members and `nonlinear` arithmetic in the problem,
/// Spacer stops after kNonlinearSpacerSlice: its arithmetic is linear, and on all 20 NIA
/// problems of SyGuS-INV it decided none in 10 s (it spins to the deadline: "interrupted")
/// while the enumerator, which needs the core, lost a problem it solved alone in 6.8 s.
std::vector<std::chrono::milliseconds> run_limits(const std::vector<std::string>& members,
                                                  bool nonlinear, int cores);

/// How long the lemma stage (lemma_member.h) runs Spacer once it has its lemma, 0 for no limit,
/// in a race of `members` members (the stage not counted). As for Spacer itself, with fewer
/// cores than members on a problem with `nonlinear` arithmetic: kNonlinearSpacerSlice. On the
/// NIA problems it decides, Spacer given the enumerator's lemma answered within 0.4 s.
std::chrono::milliseconds lemma_stage_limit(std::size_t members, bool nonlinear, int cores);

}  // namespace verigen::inv
