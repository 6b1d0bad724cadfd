#include "deliver/python_examples.h"

#include "specs/dafny/example_call.h"

namespace verigen {
namespace {

/// Runs one example as data. argv: module directory, function name, the arguments as a Python
/// list literal, the expected value as a Python literal. Both literals go through
/// ast.literal_eval (never eval or exec), and the only thing called is the named function of
/// the generated module's default__ class. Dafny values are built from the literals (strings
/// and lists become sequences, sets and dicts sets and maps; a one-character bytes literal is a
/// Dafny character) and the result is compared structurally. Prints "PASS\t<value>" or
/// "FAIL\t<value>" with the result in Dafny notation; any error exits non-zero.
const char* const kRunner = R"PY(
import ast, fractions, sys
sys.path.insert(0, sys.argv[1])
import _dafny
from module_ import default__

name = sys.argv[2]
if name.startswith('__') or name not in vars(default__):
    sys.exit("error: the generated module has no function " + name)
function = getattr(default__, name)
arguments = ast.literal_eval(sys.argv[3])
expected = ast.literal_eval(sys.argv[4])

def to_dafny(v):
    if isinstance(v, bytes):
        return _dafny.CodePoint(v.decode('utf-8'))
    if isinstance(v, str):
        return _dafny.Seq([_dafny.CodePoint(c) for c in v], isStr=None)
    if isinstance(v, float):
        return _dafny.BigRational(repr(v))
    if isinstance(v, list):
        return _dafny.Seq([to_dafny(x) for x in v])
    if isinstance(v, tuple):
        return tuple(to_dafny(x) for x in v)
    if isinstance(v, (set, frozenset)):
        return _dafny.Set(frozenset(to_dafny(x) for x in v))
    if isinstance(v, dict):
        return _dafny.Map({to_dafny(k): to_dafny(x) for k, x in v.items()})
    return v

def elements(a):
    return list(a.Elements) if isinstance(a, _dafny.Seq) else list(a)

def same(a, e):
    if isinstance(e, bool):
        return isinstance(a, bool) and a == e
    if isinstance(e, int):
        return not isinstance(a, bool) and isinstance(a, (int, fractions.Fraction)) and a == e
    if isinstance(e, float):
        return (not isinstance(a, bool) and isinstance(a, (int, float, fractions.Fraction))
                and fractions.Fraction(a) == fractions.Fraction(repr(e)))
    if isinstance(e, bytes):
        return isinstance(a, str) and len(a) == 1 and a == e.decode('utf-8')
    if isinstance(e, str):
        if not isinstance(a, (_dafny.Seq, list, str)):
            return False
        chars = elements(a)
        return all(isinstance(c, str) for c in chars) and ''.join(chars) == e
    if isinstance(e, list):
        if not isinstance(a, (_dafny.Seq, list)):
            return False
        items = elements(a)
        return len(items) == len(e) and all(same(x, y) for x, y in zip(items, e))
    if isinstance(e, tuple):
        return isinstance(a, tuple) and len(a) == len(e) and all(same(x, y) for x, y in zip(a, e))
    if isinstance(e, (set, frozenset)):
        return (isinstance(a, (set, frozenset)) and len(a) == len(e)
                and all(any(same(x, y) for x in a) for y in e))
    if isinstance(e, dict):
        if not isinstance(a, dict):
            return False
        pairs = list(dict.items(a))
        return len(pairs) == len(e) and all(
            any(same(k, ek) and same(v, ev) for k, v in pairs) for ek, ev in e.items())
    return False

def show(a):
    if isinstance(a, bool):
        return 'true' if a else 'false'
    if isinstance(a, str):
        return "'" + a + "'"
    if isinstance(a, _dafny.Seq):
        items = elements(a)
        if items and all(isinstance(c, str) for c in items):
            return '"' + ''.join(items) + '"'
        return '[' + ', '.join(show(x) for x in items) + ']'
    if isinstance(a, tuple):
        return '(' + ', '.join(show(x) for x in a) + ')'
    if isinstance(a, dict):
        return 'map[' + ', '.join(show(k) + ' := ' + show(v) for k, v in dict.items(a)) + ']'
    if isinstance(a, (set, frozenset)):
        return '{' + ', '.join(show(x) for x in a) + '}'
    return str(a)

result = function(*[to_dafny(x) for x in arguments])
print(('PASS' if same(result, expected) else 'FAIL') + '\t' + show(result))
)PY";

/// The last non-empty line of `text` (a Python traceback's message).
std::string last_line(const std::string& text) {
  auto last = text.find_last_not_of('\n');
  if (last == std::string::npos) return text;
  auto start = text.rfind('\n', last);
  return text.substr(start == std::string::npos ? 0 : start + 1,
                     last + 1 - (start == std::string::npos ? 0 : start + 1));
}

}  // namespace

std::vector<ExampleRun> run_python_examples(ProcessRunner& runner, const std::string& module_dir,
                                            const std::vector<Example>& examples, Deadline deadline,
                                            std::chrono::milliseconds per_example) {
  std::vector<ExampleRun> runs;
  for (const auto& example : examples) {
    ExampleRun run;
    run.example = example;
    // Parsed again here, so that an Example that did not come through the spec reader is held
    // to the same rule: data only, or nothing runs.
    auto parsed = dafny::parse_example(example.input + " == " + example.expected);
    if (!parsed.call) {
      run.actual = "error: not run: " + parsed.error;
      runs.push_back(std::move(run));
      continue;
    }
    if (deadline.expired()) {
      run.actual = "error: not run: the run's deadline (--timeout) had passed";
      runs.push_back(std::move(run));
      continue;
    }
    ProcessSpec spec;
    spec.argv = {"python3",
                 "-I",
                 "-c",
                 kRunner,
                 module_dir,
                 parsed.call->function,
                 parsed.call->arguments,
                 parsed.call->expected};
    spec.deadline = deadline.capped(per_example);
    auto result = runner.run(spec);
    if (result.status == ProcessResult::Status::TimedOut) {
      // Its whole process group was killed: say which limit did it.
      run.actual = deadline.expired()
                       ? "error: killed at the run's deadline (--timeout) after " +
                             std::to_string(result.elapsed.count()) + " ms"
                       : "error: killed after " + std::to_string(result.elapsed.count()) +
                             " ms, the limit for one example";
    } else if (!result.exited() || result.exit_code != 0) {
      run.actual = "error: " + last_line(result.err.empty() ? result.describe() : result.err);
    } else {
      std::string out = result.out;
      while (!out.empty() && out.back() == '\n') out.pop_back();
      auto tab = out.find('\t');
      run.passed = out.rfind("PASS\t", 0) == 0;
      run.actual = tab == std::string::npos ? out : out.substr(tab + 1);
    }
    runs.push_back(std::move(run));
  }
  return runs;
}

}  // namespace verigen
