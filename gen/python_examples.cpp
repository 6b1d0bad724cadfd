#include "gen/python_examples.h"

#include <algorithm>

namespace verigen {
namespace {

std::string normalise(std::string value) {
  value.erase(std::remove_if(value.begin(), value.end(), [](char c) { return c == ' ' || c == '\n' || c == '\r'; }), value.end());
  if (value == "true") return "True";
  if (value == "false") return "False";
  return value;
}

}  // namespace

std::vector<ExampleRun> run_python_examples(ProcessRunner& runner, const std::string& module_dir,
                                            const std::vector<Example>& examples) {
  std::vector<ExampleRun> runs;
  for (const auto& example : examples) {
    ExampleRun run;
    run.example = example;
    // The call is evaluated inside the generated module; the script text is passed as an
    // argument, never through a shell.
    std::string script =
        "import sys\nsys.path.insert(0, sys.argv[1])\nimport module_\n"
        "from module_ import default__ as d\n"
        "r = eval(sys.argv[2], {name: getattr(d, name) for name in dir(d)})\n"
        "print(r if not isinstance(r, tuple) else ','.join(str(x) for x in r))\n";
    ProcessSpec spec;
    spec.argv = {"python3", "-c", script, module_dir, example.input};
    spec.deadline = Deadline::after(std::chrono::seconds(60));
    auto result = runner.run(spec);
    if (!result.exited() || result.exit_code != 0) {
      std::string err = result.err.empty() ? result.describe() : result.err;
      auto last = err.find_last_not_of('\n');
      auto line_start = err.rfind('\n', last == std::string::npos ? 0 : last);
      run.actual = "error: " + err.substr(line_start == std::string::npos ? 0 : line_start + 1);
    } else {
      run.actual = result.out;
      while (!run.actual.empty() && run.actual.back() == '\n') run.actual.pop_back();
      run.passed = normalise(run.actual) == normalise(example.expected);
    }
    runs.push_back(std::move(run));
  }
  return runs;
}

}  // namespace verigen
