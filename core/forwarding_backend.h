#pragma once
/// ForwardingBackend: the base of a decorator around another back-end. Everything but the
/// verification itself (name, versions, options, dependencies) is the wrapped back-end's, so a
/// decorator changes only how a verdict is reached.

#include "core/backend.h"

namespace verigen {

class ForwardingBackend : public Backend {
 public:
  std::string name() const override { return inner_.name(); }
  std::string version() override { return inner_.version(); }
  std::string options_fingerprint() const override { return inner_.options_fingerprint(); }
  std::string solver_version() override { return inner_.solver_version(); }
  std::string dependency_fingerprint(const Candidate& candidate) override {
    return inner_.dependency_fingerprint(candidate);
  }

 protected:
  /// `inner` must outlive the decorator.
  explicit ForwardingBackend(Backend& inner) : inner_(inner) {}
  Backend& inner_;
};

}  // namespace verigen
