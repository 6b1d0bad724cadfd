#include "backends/dafny/dafny_compiler.h"

#include <algorithm>
#include <cctype>
#include <filesystem>

#include "backends/dafny/dafny_tool.h"
#include "core/file_io.h"

namespace verigen::dafny {
namespace fs = std::filesystem;

const std::vector<std::string> kCompileTargets = {"py", "js", "cs", "java", "go"};

namespace {

std::string safe_stem(const std::string& file) {
  std::string stem = fs::path(file).stem().string();
  for (auto& c : stem)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_') c = '_';
  if (stem.empty() || std::isdigit(static_cast<unsigned char>(stem[0]))) stem = "program_" + stem;
  return stem;
}

std::string last_lines(const std::string& text, std::size_t limit = 300) {
  std::string t = text.size() > limit ? text.substr(text.size() - limit) : text;
  std::replace(t.begin(), t.end(), '\n', ' ');
  while (!t.empty() && t.back() == ' ') t.pop_back();
  return t;
}

}  // namespace

Result<CompiledProgram> compile_dafny(ProcessRunner& runner, const std::string& dafny_file,
                                      const std::string& target, const std::string& out_dir,
                                      Deadline deadline) {
  if (std::find(kCompileTargets.begin(), kCompileTargets.end(), target) == kCompileTargets.end())
    return fail(dafny_file + ": error: unknown target '" + target + "' (py, js, cs, java, go)");
  auto command = dafny_command();
  if (command.empty()) return fail(std::string("dafny: error: Dafny not found; ") + kInstallHint);
  std::error_code ec;
  fs::create_directories(out_dir, ec);
  if (ec) return fail(out_dir + ": error: cannot create output directory: " + ec.message());

  const std::string stem = safe_stem(dafny_file);
  const std::string output = (fs::path(out_dir) / stem).string();
  std::string input = dafny_file[0] == '-' ? "./" + dafny_file : dafny_file;
  ProcessSpec spec;
  spec.argv = command;
  // `build` also bundles the runtime (Python's _dafny, Java's jar); for JavaScript it would try
  // to run node on the result, so there `translate` is the step that writes the program.
  if (target == "js")
    spec.argv.insert(spec.argv.end(), {"translate", "js"});
  else
    spec.argv.insert(spec.argv.end(), {"build", "--target", target});
  // The program was verified, and every assumption it rests on judged, before it gets here:
  // a warning about a trusted assumption must not stop its translation.
  spec.argv.insert(spec.argv.end(), {"--no-verify", "--allow-warnings", "--output", output, input});
  spec.environment = dafny_environment();
  spec.deadline = deadline;
  auto run = runner.run(spec);
  if (run.status == ProcessResult::Status::NotFound)
    return fail(std::string("dafny: error: Dafny not found; ") + kInstallHint);
  if (!run.exited() || run.exit_code != 0)
    return fail(dafny_file + ": error: dafny could not compile to " + target + " (" +
                run.describe() + "): " + last_lines(run.out + run.err));

  CompiledProgram program;
  program.target = target;
  if (target == "py") {
    program.entry_point = output + "-py/__main__.py";
    program.run_command = "python3 " + program.entry_point;
  } else if (target == "java") {
    program.entry_point = output + ".jar";
    program.run_command = "java -jar " + program.entry_point;
  } else if (target == "cs") {
    program.entry_point = output + ".dll";
    program.run_command = "dotnet " + program.entry_point;
  } else if (target == "js") {
    program.entry_point = output + ".js";
    program.run_command = "node " + program.entry_point;
    // Dafny's JavaScript runtime needs the bignumber.js package next to the program.
    write_file_atomic(
        (fs::path(out_dir) / "package.json").string(),
        "{\n  \"private\": true,\n  \"dependencies\": {\"bignumber.js\": \"^9.0.0\"}\n}\n");
    program.notes.push_back("run 'npm install' in " + out_dir +
                            " once (Dafny's JavaScript runtime needs bignumber.js)");
  } else {
    program.entry_point = output;
    program.run_command = output;
  }
  if (!fs::exists(program.entry_point, ec))
    return fail(dafny_file + ": error: dafny reported success but " + program.entry_point +
                " is missing");
  return program;
}

}  // namespace verigen::dafny
