/// `verigen compile FILE --target py|js|cs|java|go --out DIR`: verify, then compile.

#include <iostream>
#include <memory>

#include "backends/dafny/dafny_compiler.h"
#include "backends/verifier_stack.h"
#include "cli/assumption_option.h"
#include "cli/commands.h"
#include "cli/source_input.h"
#include "cli/verify_report.h"

namespace verigen::cli {
namespace {

struct CompileOptions {
  std::string file;
  std::string target = "py";
  std::string out_dir;
  double timeout = 600;
  bool no_cache = false;
  std::vector<std::string> allowed_assumptions;
};

int run_compile(const CompileOptions& options) {
  auto source = read_source(options.file);
  if (!source.ok()) {
    std::cerr << source.error() << "\n";
    return kExitBadInput;
  }
  if (source->language != Language::Dafny) {
    std::cerr << options.file << ": error: only Dafny programs can be compiled\n";
    return kExitBadInput;
  }
  SubprocessRunner runner;
  VerifierOptions verifier_options;
  verifier_options.use_cache = !options.no_cache;
  auto verifier = make_verifier(Language::Dafny, runner, verifier_options);
  if (!verifier.ok()) {
    std::cerr << options.file << ": error: " << verifier.error() << "\n";
    return kExitBadInput;
  }
  Backend& backend = (*verifier)->backend();

  Candidate candidate;
  candidate.assumption_policy.allowed = options.allowed_assumptions;
  candidate.display_path = source->path;
  candidate.text = source->text;
  const Deadline deadline = Deadline::after_seconds(options.timeout);
  std::vector<FileVerdict> verdicts = {{source->path, backend.verify(candidate, deadline)}};
  if (!verdicts[0].verdict.verified()) {
    // Compiling unverified code is exactly what verigen exists to prevent.
    std::cerr << render_text(verdicts);
    std::cerr << options.file << ": error: not compiled: the program is not verified\n";
    return exit_code_for(verdicts);
  }
  auto compiled =
      dafny::compile_dafny(runner, source->path, options.target, options.out_dir, deadline);
  if (!compiled.ok()) {
    std::cerr << compiled.error() << "\n";
    return compiled.error().rfind("dafny: error: Dafny not found", 0) == 0 ? kExitToolMissing
                                                                           : kExitNotVerified;
  }
  std::cout << source->path << ": verified and compiled to " << options.target << ": "
            << compiled->entry_point << "\n";
  std::cout << "run: " << compiled->run_command << "\n";
  for (const auto& note : compiled->notes) std::cout << "note: " << note << "\n";
  return kExitOk;
}

}  // namespace

void register_compile(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<CompileOptions>();
  auto* cmd =
      app.add_subcommand("compile", "Verify a Dafny program, then compile it to a target language");
  cmd->add_option("file", options->file, "Dafny file")->required();
  cmd->add_option("--target", options->target, "py, js, cs, java or go")
      ->check(CLI::IsMember(dafny::kCompileTargets));
  cmd->add_option("--out", options->out_dir, "Output directory")->required();
  cmd->add_option("--timeout", options->timeout, "Wall-clock limit, seconds")
      ->check(CLI::NonNegativeNumber);
  cmd->add_flag("--no-cache", options->no_cache, "Neither read nor write the verification cache");
  cmd->add_option("--allow-assumption", options->allowed_assumptions,
                  "Trust assumptions of this kind (KIND or KIND:Declaration; repeatable), e.g. an "
                  "extern the target language provides")
      ->check(assumption_allowance_validator());
  cmd->callback([options, &exit_code] { exit_code = run_compile(*options); });
}

}  // namespace verigen::cli
