#pragma once
/// Running a spec's examples (`example: Max(3, 5) == 5`) against the Python that Dafny generated.

#include <chrono>
#include <string>
#include <vector>

#include "core/deadline.h"
#include "core/process.h"
#include "core/task.h"

namespace verigen {

struct ExampleRun {
  Example example;
  bool passed = false;
  std::string actual;  ///< what the call returned, as Python printed it, or the error
};

/// Calls each example in the generated module (`<dir>/module_.py`, Dafny's `default__` class)
/// with python3 and compares the result with the expected value (a method with several results
/// returns a tuple). Examples are data (specs/dafny/example_call.h): one that is not is reported
/// and never run. Each example runs at most `per_example` and never past `deadline` (the whole
/// run's): a hanging one has its process group killed there and is reported as such, and
/// examples left when the deadline has passed are reported as not run. Never throws.
std::vector<ExampleRun> run_python_examples(
    ProcessRunner& runner, const std::string& module_dir, const std::vector<Example>& examples,
    Deadline deadline = Deadline::never(),
    std::chrono::milliseconds per_example = std::chrono::seconds(60));

}  // namespace verigen
