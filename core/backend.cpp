#include "core/backend.h"

#include <exception>

namespace verigen {

Verdict Backend::verify(const Candidate& candidate, Deadline deadline) {
  const auto started = Deadline::Clock::now();
  Verdict verdict;
  try {
    verdict = do_verify(candidate, deadline);
  } catch (const std::exception& e) {
    // A back-end failure must not take the orchestrator down, and can never count as success.
    verdict = Verdict::error(Cause::Internal, name() + " back-end failed: " + e.what());
  } catch (...) {
    verdict = Verdict::error(Cause::Internal, name() + " back-end failed");
  }
  // Whatever the back-end concluded, an unallowed assumption means not verified.
  settle_assumptions(verdict);
  if (verdict.elapsed.count() == 0) {
    verdict.elapsed =
        std::chrono::duration_cast<std::chrono::milliseconds>(Deadline::Clock::now() - started);
  }
  return verdict;
}

}  // namespace verigen
