// SyGuS-INV: one loop-invariant problem per .sl file; the category is its logic.

#include <filesystem>

#include "benchmarks/suites/suite.h"
#include "benchmarks/suites/suite_files.h"
#include "core/file_io.h"

namespace verigen::bench {
namespace fs = std::filesystem;

namespace {

/// The argument of the first `(set-logic X)` outside comments, or "" when there is none. A
/// scan, not a parse: the full SyGuS reader lives in specs/sygus.
std::string set_logic(const std::string& text) {
  std::size_t i = 0;
  while (i < text.size()) {
    if (text[i] == ';') {
      i = text.find('\n', i);
      if (i == std::string::npos) break;
      continue;
    }
    if (text.compare(i, 10, "(set-logic") == 0) {
      std::size_t b = text.find_first_not_of(" \t\r\n", i + 10);
      if (b == std::string::npos) return {};
      std::size_t e = text.find_first_of(" \t\r\n)", b);
      return text.substr(b, e == std::string::npos ? std::string::npos : e - b);
    }
    ++i;
  }
  return {};
}

}  // namespace

Result<std::vector<BenchTask>> load_sygus_inv(const std::string& data_dir) {
  auto files = list_files((fs::path(data_dir) / "problems").native(), ".sl");
  if (!files.ok()) return fail(files.error());
  std::vector<BenchTask> out;
  for (const auto& path : *files) {
    auto text = read_file(path);
    if (!text.ok()) return fail(text.error());
    BenchTask b;
    b.category = set_logic(*text);
    if (b.category.empty()) b.category = "unknown";
    Task& t = b.task;
    t.id = fs::path(path).filename().native();
    t.language = Language::SyGuS;
    t.kind = TaskKind::Invariant;
    t.spec_path = path;
    t.spec_text = std::move(*text);
    t.category = b.category;
    out.push_back(std::move(b));
  }
  return out;
}

}  // namespace verigen::bench
