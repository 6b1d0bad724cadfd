// DafnyBench: programs whose loop invariants, asserts and lemma proofs were removed
// (hints_removed/X_no_hints.dfy), with the originals in ground_truth/X.dfy.

#include <filesystem>

#include "benchmarks/suites/suite.h"
#include "benchmarks/suites/suite_files.h"
#include "core/file_io.h"
#include "specs/dafny/structure.h"

namespace verigen::bench {
namespace fs = std::filesystem;

namespace {
const std::string kNoHints = "_no_hints.dfy";
}

Result<std::vector<BenchTask>> load_dafnybench(const std::string& data_dir) {
  auto files = list_files((fs::path(data_dir) / "hints_removed").native(), ".dfy");
  if (!files.ok()) return fail(files.error());
  std::vector<BenchTask> out;
  for (const auto& path : *files) {
    const std::string name = fs::path(path).filename().native();
    auto input = read_file(path);
    if (!input.ok()) return fail(input.error());
    // X_no_hints.dfy pairs with ground_truth/X.dfy; a file without the marker keeps its name.
    std::string stem = name.size() > kNoHints.size() && name.ends_with(kNoHints)
                           ? name.substr(0, name.size() - kNoHints.size())
                           : name.substr(0, name.size() - 4);
    BenchTask b;
    auto truth = read_file((fs::path(data_dir) / "ground_truth" / (stem + ".dfy")).native());
    if (truth.ok()) b.reference = std::move(*truth);
    int functions = 0;
    for (const auto& d : dafny::parse_structure(*input).declarations)
      functions += d.kind == dafny::DeclKind::Lemma ? 0 : 1;
    // Reports group by size; a lemma-only program counts as 0.
    b.category = functions <= 1 ? "1" : functions <= 3 ? "2-3" : "4+";
    Task& t = b.task;
    // The id is the file name DafnyBench's outputs use (test_file), so replays map onto it.
    t.id = name;
    t.language = Language::Dafny;
    t.kind = TaskKind::Annotate;
    t.spec_path = path;
    t.spec_text = std::move(*input);
    t.doc =
        "Add the loop invariants, assertions, decreases clauses and lemma proofs this program "
        "needs to verify.";
    t.category = b.category;
    out.push_back(std::move(b));
  }
  return out;
}

}  // namespace verigen::bench
