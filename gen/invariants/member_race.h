#pragma once
/// The race behind the invariant portfolio: members on threads of their own, each with a
/// cancellable deadline, started at their scheduled offsets; claims judged on the caller's
/// thread as they arrive; the first claim the judge accepts cancels every other member.

#include <chrono>
#include <functional>
#include <vector>

#include "core/deadline.h"
#include "gen/invariants/portfolio_member.h"

namespace verigen::inv {

/// One runner of the race.
struct RaceEntry {
  PortfolioMember* member = nullptr;   ///< must outlive the race
  std::chrono::milliseconds start{0};  ///< offset from the start of the race
  bool stop_when_another_wins = true;  ///< false: runs to its own end (ranking data)
  int niceness = 0;  ///< added to its thread's nice value (child processes inherit it); Linux
  std::chrono::milliseconds limit{0};  ///< longest run from its start; 0: to the race's end
};

/// What became of one runner.
struct RaceRun {
  MemberClaim claim;  ///< empty (Unknown) when it never started
  bool started = false;
  bool cancelled = false;              ///< stopped by the race (another won, or the judge ended it)
  bool judged = false;                 ///< its claim reached the judge
  bool won = false;                    ///< the judge accepted its claim
  std::chrono::milliseconds start{0};  ///< when it started
  std::chrono::milliseconds elapsed{0};  ///< how long it ran
};

/// Accepts a claim (true: it wins). Called on the caller's thread, one claim at a time, in the
/// order they arrive; `index` is the entry's position.
using RaceJudge = std::function<bool(std::size_t index, const MemberClaim& claim)>;

/// Runs every entry on `problem` before `deadline`; returns once every member has stopped and
/// every thread is joined, one RaceRun per entry. Members that have not started when another
/// wins never start.
std::vector<RaceRun> run_race(const std::vector<RaceEntry>& entries, const sygus::Problem& problem,
                              const std::string& problem_text, Deadline deadline,
                              const RaceJudge& judge);

}  // namespace verigen::inv
