#include "backends/dafny/dafny_tool.h"

#include <cstdlib>
#include <filesystem>
#include <regex>

#include "core/file_io.h"
#include "core/hash.h"

namespace verigen::dafny {

const char* const kInstallHint =
    "install Dafny 4.x with 'dotnet tool install --global dafny' (or run scripts/setup)";

std::optional<DafnyVersion> parse_dafny_version(const std::string& output) {
  static const std::regex kVersion(R"(^\s*(\d+)\.(\d+)\.(\d+)(\.\d+)?)");
  std::smatch m;
  if (!std::regex_search(output, m, kVersion)) return std::nullopt;
  DafnyVersion v;
  v.major = std::stoi(m[1]);
  v.minor = std::stoi(m[2]);
  v.patch = std::stoi(m[3]);
  v.text = m[1].str() + "." + m[2].str() + "." + m[3].str() + m[4].str();
  return v;
}

std::vector<std::string> dafny_command() {
  if (const char* forced = std::getenv("VERIGEN_DAFNY"); forced && *forced) return {forced};
  if (!find_program("dafny").empty()) return {"dafny"};
  if (const char* home = std::getenv("HOME")) {
    std::string tool = std::string(home) + "/.dotnet/tools/dafny";
    if (!find_program(tool).empty()) return {tool};
  }
  return {};
}

std::vector<std::pair<std::string, std::string>> dafny_environment() {
  // DOTNET_EnableDiagnostics=0: no debugger pipes or diagnostic sockets in the temporary
  // folder — a runtime that is killed (a warm server at shutdown or at a deadline) cannot
  // remove its clr-debug-pipe-* and dotnet-diagnostic-* files, which then pile up.
  return {{"DOTNET_ROLL_FORWARD", "Major"},
          {"DOTNET_CLI_TELEMETRY_OPTOUT", "1"},
          {"DOTNET_NOLOGO", "1"},
          {"DOTNET_EnableDiagnostics", "0"}};
}

namespace {

/// Identifies the executable's exact bytes and place: a reinstalled or updated Dafny (whose
/// launcher embeds the versioned path of its DLL) gets a new identity, hence a new detection.
std::string executable_identity(const std::string& program) {
  namespace fs = std::filesystem;
  std::error_code ec;
  std::string resolved = find_program(program);
  if (resolved.empty()) return {};
  fs::path real = fs::canonical(resolved, ec);
  if (ec) return {};
  auto size = fs::file_size(real, ec);
  auto mtime = fs::last_write_time(real, ec).time_since_epoch().count();
  auto bytes = read_file(real.string());
  if (ec || !bytes.ok()) return {};
  return sha256_hex(real.string() + "\n" + std::to_string(size) + "\n" + std::to_string(mtime) +
                    "\n" + sha256_hex(*bytes));
}

}  // namespace

Result<DafnyVersion> detect_dafny(ProcessRunner& runner, const std::string& memo_dir) {
  auto command = dafny_command();
  if (command.empty()) return fail(std::string("dafny: error: Dafny not found; ") + kInstallHint);
  std::string memo;
  if (!memo_dir.empty()) {
    if (auto identity = executable_identity(command[0]); !identity.empty())
      memo = memo_dir + "/dafny-" + identity + ".version";
  }
  if (!memo.empty()) {
    auto remembered = read_file(memo);
    if (remembered.ok())
      if (auto version = parse_dafny_version(*remembered); version && version->major >= 4)
        return *version;
  }
  ProcessSpec spec;
  spec.argv = command;
  spec.argv.push_back("--version");
  spec.environment = dafny_environment();
  spec.deadline = Deadline::after(std::chrono::seconds(60));
  auto result = runner.run(spec);
  if (result.status == ProcessResult::Status::NotFound)
    return fail(std::string("dafny: error: Dafny not found; ") + kInstallHint);
  if (!result.exited() || result.exit_code != 0)
    return fail("dafny: error: '" + command[0] + " --version' " + result.describe() + "; " +
                kInstallHint);
  auto version = parse_dafny_version(result.out);
  if (!version) {
    // Dafny 2 and 3 do not know --version and print their usage banner instead.
    return fail("dafny: error: '" + command[0] +
                "' did not print a Dafny 4 version (is it Dafny 2 or 3?); " + kInstallHint);
  }
  if (version->major < 4)
    return fail("dafny: error: Dafny " + version->text + " is too old, verigen needs 4.x; " +
                kInstallHint);
  if (!memo.empty()) write_file_atomic(memo, version->text + "\n");
  return *version;
}

std::string solver_version(ProcessRunner& runner) {
  ProcessSpec spec;
  spec.argv = {"z3", "--version"};
  spec.deadline = Deadline::after(std::chrono::seconds(30));
  auto result = runner.run(spec);
  if (!result.exited() || result.exit_code != 0) return {};
  static const std::regex kVersion(R"(version (\d+\.\d+\.\d+))");
  std::smatch m;
  return std::regex_search(result.out, m, kVersion) ? m[1].str() : std::string();
}

}  // namespace verigen::dafny
