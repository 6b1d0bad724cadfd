#pragma once
/// CachingBackend: a decorator that answers from a VerificationCache before asking the real
/// back-end, and stores definitive answers (KLEE's solver-chain style).

#include "core/forwarding_backend.h"
#include "core/verification_cache.h"

namespace verigen {

class CachingBackend : public ForwardingBackend {
 public:
  /// Both must outlive the decorator. Thread-safe if `inner` is.
  CachingBackend(Backend& inner, const VerificationCache& cache)
      : ForwardingBackend(inner), cache_(cache) {}

 protected:
  Verdict do_verify(const Candidate& candidate, Deadline deadline) override;

 private:
  const VerificationCache& cache_;
};

}  // namespace verigen
