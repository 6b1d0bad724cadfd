#pragma once
/// LemmaBoard: how the enumerator hands what it proved to the portfolio's lemma stage. The
/// enumerator's candidates often include inductive invariants too weak for post (the Houdini
/// core over the template atoms, say); no single member can use them, but Spacer, given the
/// problem restricted to the states they allow (strengthen.h), decides problems that neither it
/// nor the enumerator decides alone.

#include <condition_variable>
#include <mutex>
#include <optional>

#include "core/deadline.h"
#include "specs/sygus/sexpr.h"

namespace verigen::inv {

/// One lemma, posted once, awaited by one reader. Thread-safe.
class LemmaBoard {
 public:
  /// Posts `lemma`, an invariant the poster has verified inductive (initiation and consecution)
  /// with z3inv::InvariantChecker. Only the first post or close() counts.
  void post(sygus::SExpr lemma);
  /// Says no lemma will come (the poster is done). Only the first post or close() counts.
  void close();
  /// Blocks until a post, a close or `deadline` (a cancel included); the lemma when posted.
  std::optional<sygus::SExpr> wait(Deadline deadline);

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
  bool done_ = false;
  std::optional<sygus::SExpr> lemma_;
};

}  // namespace verigen::inv
