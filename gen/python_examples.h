#pragma once
/// Running a spec's examples (`example: Max(3, 5) == 5`) against the Python that Dafny generated.

#include <string>
#include <vector>

#include "core/process.h"
#include "core/task.h"

namespace verigen {

struct ExampleRun {
  Example example;
  bool passed = false;
  std::string actual;  ///< what the call returned, as Python printed it, or the error
};

/// Calls each example in the generated module (`<dir>/module_.py`, Dafny's `default__` class)
/// with python3 and compares the printed result with the expected text (Dafny's `true`/`false`
/// are Python's True/False; a method with several results returns a tuple).
std::vector<ExampleRun> run_python_examples(ProcessRunner& runner, const std::string& module_dir,
                                            const std::vector<Example>& examples);

}  // namespace verigen
