// libFuzzer target: the Dafny lexer, structure parser and integrity audit (specs/dafny). The
// audit of a program against itself must find nothing (every hatch is already the user's), in
// every mode; the audit against a mutated copy only has to finish. With a NUL byte in the input,
// the part before it is the original and the part after it the candidate.

#include <string>

#include "fuzz_input.h"
#include "specs/dafny/audit.h"
#include "specs/dafny/structure.h"

namespace {

using namespace verigen;

constexpr dafny::AuditMode kModes[] = {dafny::AuditMode::Implement, dafny::AuditMode::Annotate,
                                       dafny::AuditMode::Specify};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto text = fuzz::as_text(data, size);
  auto [original, candidate] = fuzz::split_at_nul(text);

  auto lexed = dafny::lex(original);
  for (const auto& t : lexed.tokens)
    fuzz::require(t.begin <= t.end && t.end <= original.size(), "tokens lie inside the text");
  auto structure = dafny::parse_structure(original);
  for (const auto& d : structure.declarations) {
    if (d.body) (void)dafny::erase_annotations(structure, *d.body, {});
  }

  // Every readable program audited against itself has no findings, names declared twice
  // included (they pair in order; regressions/dafny keeps the inputs that showed otherwise).
  // (In Implement mode a body-less declaration is a hole the answer must fill, so a program
  // with one is not its own answer there.)
  bool has_hole = false;
  for (const auto& d : structure.declarations)
    has_hole = has_hole || (!d.body && !d.by_method_body);
  for (auto mode : kModes) {
    if (mode == dafny::AuditMode::Implement && has_hole) continue;
    fuzz::require_no_findings(dafny::audit_dafny(original, original, mode, "self.dfy"),
                              "a program audited against itself has no findings");
  }
  if (candidate.empty() && original.size() > 1) {
    // The mutated half: the second half loses its first byte.
    std::string mutated(original);
    mutated.erase(original.size() / 2, 1);
    (void)dafny::audit_dafny(original, mutated, dafny::AuditMode::Implement, "mutated.dfy");
    (void)dafny::audit_dafny(original, mutated, dafny::AuditMode::Annotate, "mutated.dfy");
  } else if (!candidate.empty()) {
    for (auto mode : kModes) (void)dafny::audit_dafny(original, candidate, mode, "candidate.dfy");
  }
  return 0;
}
