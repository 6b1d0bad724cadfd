// libFuzzer target: the verifier output interpreters — Dafny (backends/dafny/dafny_output), Lean
// (backends/lean/lean_output) and F* (backends/fstar/fstar_output), each given every input as
// stdout, and as stderr, of a run that exited 0 and one that exited 1. A verdict of Verified
// must come with exit code 0.

#include "backends/dafny/dafny_output.h"
#include "backends/fstar/fstar_output.h"
#include "backends/lean/lean_output.h"
#include "fuzz_input.h"

namespace {

using namespace verigen;

ProcessResult run_with(std::string_view out, std::string_view err, int exit_code) {
  ProcessResult run;
  run.status = ProcessResult::Status::Exited;
  run.exit_code = exit_code;
  run.out = std::string(out);
  run.err = std::string(err);
  return run;
}

void check(const Verdict& v, int exit_code) {
  if (v.outcome == Outcome::Verified) fuzz::require(exit_code == 0, "verified only on exit 0");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto text = fuzz::as_text(data, size);
  const PathMapping paths{"/tmp/scratch/file.dfy", "file.dfy"};

  (void)dafny::parse_summary(text);
  (void)dafny::parse_json_output(text, paths);
  (void)lean::parse_json_messages(text, paths);
  (void)lean::parse_text_messages(text, paths);
  (void)lean::parse_lsp_diagnostics(text, paths);
  (void)fstar::parse_json_messages(text, paths, false);
  (void)fstar::parse_json_messages(text, paths, true);
  (void)fstar::parse_human_messages(text, paths);
  (void)fstar::parse_ide_responses(text, paths);

  for (int exit_code : {0, 1}) {
    auto as_out = run_with(text, {}, exit_code);
    auto as_err = run_with({}, text, exit_code);
    check(dafny::interpret_verify_run(as_out, paths), exit_code);
    check(dafny::interpret_verify_run(as_err, paths), exit_code);
    check(lean::interpret_lean_run(as_out, paths), exit_code);
    check(lean::interpret_lean_run(as_err, paths), exit_code);
    check(fstar::interpret_fstar_run(as_out, paths), exit_code);
    check(fstar::interpret_fstar_run(as_err, paths), exit_code);
  }
  return 0;
}
