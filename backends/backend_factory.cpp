#include "backends/backend_factory.h"

namespace verigen {

Result<std::unique_ptr<Backend>> make_backend(Language language, ProcessRunner& runner,
                                              const BackendOptions& options) {
  switch (language) {
    case Language::Dafny:
      return std::unique_ptr<Backend>(std::make_unique<dafny::DafnyBackend>(runner, options.dafny));
    default:
      return fail("no verifier back-end for " + std::string(to_string(language)) + " files");
  }
}

}  // namespace verigen
