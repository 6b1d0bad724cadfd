#include "gen/invariants/lemma_board.h"

#include <chrono>

namespace verigen::inv {

void LemmaBoard::post(sygus::SExpr lemma) {
  {
    std::lock_guard lock(mutex_);
    if (done_) return;
    lemma_ = std::move(lemma);
    done_ = true;
  }
  changed_.notify_all();
}

void LemmaBoard::close() {
  {
    std::lock_guard lock(mutex_);
    done_ = true;
  }
  changed_.notify_all();
}

std::optional<sygus::SExpr> LemmaBoard::wait(Deadline deadline) {
  std::unique_lock lock(mutex_);
  // A cancel does not notify the board, so the wait wakes up now and then to look.
  constexpr auto kPoll = std::chrono::milliseconds(20);
  while (!done_ && !deadline.expired())
    changed_.wait_for(lock,
                      std::min<std::chrono::steady_clock::duration>(kPoll, deadline.remaining()));
  return lemma_;
}

}  // namespace verigen::inv
