// solve_with_cvc5: the problem's text in a file cvc5 can read, one cvc5 run, its answer read.

#include "backends/cvc5/cvc5_sygus.h"

#include <exception>

#include "backends/cvc5/cvc5_process.h"
#include "backends/scratch_copy.h"

namespace verigen::cvc5 {

SygusAnswer solve_with_cvc5(ProcessRunner& runner, const std::string& problem_text,
                            const sygus::Problem& problem, Deadline deadline) {
  try {
    // The user's own file when it holds exactly this text; otherwise a private copy.
    auto file = ScratchCopy::create(problem.path, problem_text, ".sl");
    if (!file.ok()) {
      SygusAnswer a;
      a.cause = Cause::Internal;
      a.detail = "cvc5: cannot write the problem for it: " + file.error();
      return a;
    }
    return interpret_cvc5(runner.run(cvc5_process(cvc5_command(file->path()), deadline)), problem);
  } catch (const std::exception& e) {
    SygusAnswer a;
    a.cause = Cause::Internal;
    a.detail = std::string("cvc5: internal error: ") + e.what();
    return a;
  }
}

}  // namespace verigen::cvc5
