#pragma once
/// How every cvc5 run is started, whatever it is asked (a SyGuS problem, an SMT script).

#include <string>
#include <utility>
#include <vector>

#include "core/deadline.h"
#include "core/process.h"

namespace verigen::cvc5 {

/// The process spec of one cvc5 run of `argv` before `deadline`.
inline ProcessSpec cvc5_process(std::vector<std::string> argv, Deadline deadline) {
  ProcessSpec spec;
  spec.argv = std::move(argv);
  spec.deadline = deadline;
  // cvc5 stops at SIGTERM at once; a long grace would only keep a race's loser on a core.
  spec.grace = std::chrono::milliseconds(200);
  spec.output_cap = 1u << 20;
  return spec;
}

}  // namespace verigen::cvc5
