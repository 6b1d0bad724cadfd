// The Dafny structure parser and audit on the real datasets in ../shared/datasets.

#include <catch2/catch.hpp>
#include <filesystem>

#include "core/file_io.h"
#include "specs/dafny/audit.h"

using namespace verigen;
using namespace verigen::dafny;
namespace fs = std::filesystem;

namespace {
const fs::path kData = fs::path(VERIGEN_SHARED_DIR) / "datasets";
}

// Contract: every DafnyComp program parses, and auditing a program against itself finds
// nothing (the audit has no false positives on unchanged code).
TEST_CASE("all DafnyComp programs parse and self-audit clean", "[unit]") {
  auto dir = kData / "dafnycomp" / "programs";
  if (!fs::exists(dir)) {
    WARN("skipped: " << dir << " is absent");
    return;
  }
  int files = 0, declarations = 0, loops = 0;
  for (const auto& entry : fs::directory_iterator(dir)) {
    auto path = (entry.path() / "dafny_code.dfy").string();
    auto text = read_file(path);
    REQUIRE(text.ok());
    auto s = parse_structure(*text);
    INFO(path);
    CHECK_FALSE(s.error);
    CHECK(audit_dafny(*text, *text, AuditMode::Annotate, path).empty());
    ++files;
    declarations += static_cast<int>(s.declarations.size());
    loops += static_cast<int>(s.loops.size());
  }
  CHECK(files == 300);
  WARN("DafnyComp: " << files << " files, " << declarations << " declarations, " << loops
                     << " loops");
}

// Contract: DafnyBench's ground truths add only annotations to the hint-free programs, so the
// annotate-mode audit of ground truth against hints_removed finds no changed code for the
// large majority (the rest are reported by name for inspection).
TEST_CASE("DafnyBench ground truth audits against hints_removed", "[unit]") {
  auto removed = kData / "dafnybench" / "hints_removed";
  auto truth = kData / "dafnybench" / "ground_truth";
  if (!fs::exists(removed)) {
    WARN("skipped: " << removed << " is absent");
    return;
  }
  int files = 0, clean = 0, unparsable = 0;
  std::string unclean;
  for (const auto& entry : fs::directory_iterator(removed)) {
    auto name = entry.path().filename().string();
    auto original = read_file(entry.path().string());
    std::string truth_name = name;
    auto marker = truth_name.find("_no_hints");
    if (marker != std::string::npos) truth_name.erase(marker, 9);
    auto reference = read_file((truth / truth_name).string());
    if (!original.ok() || !reference.ok()) continue;
    ++files;
    auto s = parse_structure(*original);
    if (s.error) {
      // Some hint-free files were damaged by DafnyBench's hint removal (a dangling half of a
      // removed invariant, a stray brace): Dafny's parser rejects them too.
      ++unparsable;
      continue;
    }
    auto findings = audit_dafny(*original, *reference, AuditMode::Annotate, name);
    if (findings.empty()) {
      ++clean;
    } else if (unclean.size() < 4000) {
      unclean += "\n  " + name + ": " + findings[0].rule + " " + findings[0].message;
    }
  }
  WARN("DafnyBench: " << files << " pairs, " << clean << " clean, " << unparsable << " unparsable"
                      << unclean);
  CHECK(files > 300);
  CHECK(unparsable * 20 <= files);
  CHECK(clean * 10 >= (files - unparsable) * 9);
}
