// DafnyComp: verified multi-function Dafny programs whose contracts, invariants, decreases
// clauses and asserts are to be regenerated.

#include <cctype>
#include <filesystem>

#include "benchmarks/suites/dafny_strip.h"
#include "benchmarks/suites/suite.h"
#include "benchmarks/suites/suite_files.h"
#include "core/file_io.h"
#include "specs/dafny/structure.h"

namespace verigen::bench {
namespace {

/// How many problems the program composes (2–5): the N of its id "main_<N>node_…", which names
/// the composed functions (helpers such as an isqrt and the `main_…` driver are not counted).
/// Programs named otherwise count their methods and functions.
std::string composed_functions(const std::string& id, const std::string& text) {
  if (id.rfind("main_", 0) == 0 && id.size() > 6 &&
      std::isdigit(static_cast<unsigned char>(id[5])) && id.compare(6, 4, "node") == 0)
    return id.substr(5, 1);
  int functions = 0;
  for (const auto& d : dafny::parse_structure(text).declarations)
    functions += d.kind == dafny::DeclKind::Lemma ? 0 : 1;
  return std::to_string(functions);
}

}  // namespace

Result<std::vector<BenchTask>> load_dafnycomp(const std::string& data_dir) {
  const std::string programs = (std::filesystem::path(data_dir) / "programs").native();
  auto ids = list_dirs(programs);
  if (!ids.ok()) return fail(ids.error());
  std::vector<BenchTask> out;
  for (const auto& id : *ids) {
    const std::string path = (std::filesystem::path(programs) / id / "dafny_code.dfy").native();
    auto truth = read_file(path);
    if (!truth.ok()) return fail(truth.error());
    auto stripped = strip_dafny_annotations(path, *truth);
    if (!stripped.ok()) return fail(stripped.error());

    BenchTask b;
    b.reference = *truth;
    b.category = composed_functions(id, *truth);
    Task& t = b.task;
    t.id = "dafnycomp/" + id;
    t.language = Language::Dafny;
    // The contracts are part of the answer, so the task is Specify: its audit lets contracts be
    // added and holds the executable code (annotations erased) to the input's. The Annotate
    // audit would refuse the ground truth itself, since it forbids new requires/ensures.
    t.kind = TaskKind::Specify;
    t.spec_path = path;
    t.spec_text = std::move(*stripped);
    t.doc =
        "Every contract (requires/ensures), decreases clause, loop invariant and assert was "
        "removed from this verified program. Write them back so that Dafny verifies it: each "
        "method's contracts must let its callers verify, and no code may change.";
    t.category = b.category;
    out.push_back(std::move(b));
  }
  return out;
}

}  // namespace verigen::bench
