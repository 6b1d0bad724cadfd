#pragma once
/// CachingBackend: a decorator that answers from a VerificationCache before asking the real
/// back-end, and stores definitive answers (KLEE's solver-chain style).

#include "core/backend.h"
#include "core/verification_cache.h"

namespace verigen {

class CachingBackend : public Backend {
 public:
  /// Both must outlive the decorator. Thread-safe if `inner` is.
  CachingBackend(Backend& inner, const VerificationCache& cache) : inner_(inner), cache_(cache) {}

  std::string name() const override { return inner_.name(); }
  std::string version() override { return inner_.version(); }
  std::string options_fingerprint() const override { return inner_.options_fingerprint(); }
  std::string solver_version() override { return inner_.solver_version(); }
  std::string dependency_fingerprint(const Candidate& candidate) override {
    return inner_.dependency_fingerprint(candidate);
  }

 protected:
  Verdict do_verify(const Candidate& candidate, Deadline deadline) override;

 private:
  Backend& inner_;
  const VerificationCache& cache_;
};

}  // namespace verigen
