#include "backends/backend_factory.h"

namespace verigen {

Result<std::unique_ptr<Backend>> make_backend(Language language, ProcessRunner& runner,
                                              const BackendOptions& options) {
  switch (language) {
    case Language::Dafny:
      return std::unique_ptr<Backend>(std::make_unique<dafny::DafnyBackend>(runner, options.dafny));
    case Language::Lean:
      return std::unique_ptr<Backend>(std::make_unique<lean::LeanBackend>(runner, options.lean));
    case Language::FStar:
      return std::unique_ptr<Backend>(std::make_unique<fstar::FStarBackend>(runner, options.fstar));
    default:
      return fail("no verifier back-end for " + std::string(to_string(language)) + " files");
  }
}

}  // namespace verigen
