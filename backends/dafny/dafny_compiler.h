#pragma once
/// Compiling a verified Dafny program to another language with `dafny build`/`translate`.

#include <string>
#include <vector>

#include "core/deadline.h"
#include "core/process.h"
#include "core/result.h"

namespace verigen::dafny {

/// The targets verigen offers, by their CLI names.
extern const std::vector<std::string> kCompileTargets;  // py, js, cs, java, go

/// What a compilation produced.
struct CompiledProgram {
  std::string target;
  std::string entry_point;  ///< the file to run (…/__main__.py, ….jar, ….dll, ….js)
  std::string run_command;  ///< how to run it, for the user ("python3 out/max-py/__main__.py")
  std::vector<std::string> notes;  ///< anything the user must still do (npm install ...)
};

/// Compiles `dafny_file` (already verified: compilation passes --no-verify) to `target` into
/// `out_dir`. Output names derive from the file's stem, reduced to [A-Za-z0-9_]. Fails with a
/// one-line message naming the file when Dafny or the target's toolchain fails.
Result<CompiledProgram> compile_dafny(ProcessRunner& runner, const std::string& dafny_file,
                                      const std::string& target, const std::string& out_dir,
                                      Deadline deadline);

}  // namespace verigen::dafny
