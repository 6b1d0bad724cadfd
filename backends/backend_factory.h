#pragma once
/// Choosing the back-end for a language. The CLI and the pipeline know back-ends only through
/// this factory and the Backend interface.

#include <memory>
#include <string>

#include "backends/dafny/dafny_backend.h"
#include "backends/fstar/fstar_backend.h"
#include "backends/lean/lean_backend.h"
#include "core/backend.h"
#include "core/process.h"
#include "core/result.h"
#include "core/task.h"

namespace verigen {

/// Options for every back-end a command may need.
struct BackendOptions {
  dafny::DafnyOptions dafny;
  lean::LeanOptions lean;
  fstar::FStarOptions fstar;
};

/// A back-end for `language` running tools through `runner` (which must outlive it), or a
/// Failure naming the language when verigen has no back-end for it.
Result<std::unique_ptr<Backend>> make_backend(Language language, ProcessRunner& runner,
                                              const BackendOptions& options);

}  // namespace verigen
