#include "backends/dafny/dafny_backend.h"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>

#include "backends/dafny/dafny_output.h"
#include "backends/scratch_copy.h"
#include "core/file_io.h"

namespace verigen::dafny {
namespace fs = std::filesystem;

namespace {

// Beyond the per-assertion limit Dafny needs time to start .NET and resolve; the wall-clock
// deadline is the outer guard, this is only the default when the caller sets none.
constexpr auto kDefaultWallClock = std::chrono::minutes(10);

}  // namespace

DafnyBackend::DafnyBackend(ProcessRunner& runner, DafnyOptions options)
    : runner_(runner), options_(options) {}

void DafnyBackend::detect() {
  std::call_once(detected_, [this] {
    command_ = dafny_command();
    auto detected = detect_dafny(runner_, options_.version_memo_dir);
    if (detected.ok()) {
      version_ = detected->text;
    } else {
      tool_error_ = detected.error();
    }
  });
}

std::string DafnyBackend::version() {
  detect();
  return version_;
}

std::string DafnyBackend::tool_error() {
  detect();
  return tool_error_;
}

std::string DafnyBackend::options_fingerprint() const {
  return "verification-time-limit=" + std::to_string(options_.verification_time_limit) +
         ";allow-warnings=" + (options_.allow_warnings ? "1" : "0") +
         ";resource-limit=" + std::to_string(options_.resource_limit) +
         ";cores=" + std::to_string(options_.cores);
}

std::vector<std::string> DafnyBackend::verification_options() const {
  std::vector<std::string> argv;
  if (options_.verification_time_limit > 0)
    argv.insert(argv.end(), {"--verification-time-limit", std::to_string(options_.verification_time_limit)});
  if (options_.allow_warnings) argv.push_back("--allow-warnings");
  if (options_.resource_limit > 0)
    argv.insert(argv.end(), {"--resource-limit", std::to_string(options_.resource_limit)});
  if (options_.cores != 1) argv.insert(argv.end(), {"--cores", std::to_string(options_.cores)});
  return argv;
}

std::vector<std::string> DafnyBackend::verify_command(const std::string& file,
                                                      const std::string& symbol) const {
  std::vector<std::string> argv = command_.empty() ? dafny_command() : command_;
  if (argv.empty()) argv = {"dafny"};
  argv.insert(argv.end(), {"verify", "--json-output"});
  auto options = verification_options();
  argv.insert(argv.end(), options.begin(), options.end());
  if (!symbol.empty()) argv.insert(argv.end(), {"--filter-symbol", symbol});
  // A file name starting with '-' would read as an option.
  argv.push_back(!file.empty() && file[0] == '-' ? "./" + file : file);
  return argv;
}

std::unique_ptr<DafnyServer> DafnyBackend::take_server() {
  std::lock_guard<std::mutex> lock(pool_mutex_);
  if (!idle_servers_.empty()) {
    auto server = std::move(idle_servers_.back());
    idle_servers_.pop_back();
    return server;
  }
  auto server = std::make_unique<DafnyServer>(command_, verification_options(), dafny_environment());
  // Silence far beyond what one assertion batch may take means the server has stopped working
  // on the document; the one-shot process then answers within the same deadline.
  const int limit = options_.verification_time_limit > 0 ? options_.verification_time_limit : 20;
  server->set_stall_limit(std::chrono::seconds(std::max(90, 6 * limit)));
  return server;
}

void DafnyBackend::give_back(std::unique_ptr<DafnyServer> server) {
  std::lock_guard<std::mutex> lock(pool_mutex_);
  idle_servers_.push_back(std::move(server));
}

std::optional<Verdict> DafnyBackend::verify_with_server(const Candidate& candidate, Deadline deadline) {
  const char* env = std::getenv("VERIGEN_DAFNY_SERVER");
  bool enabled = options_.use_server && !(env && std::string(env) == "0");
  // The server checks one document: per-symbol filters and `include`s need the process.
  if (!enabled || !candidate.symbol.empty() || candidate.text.find("include") != std::string::npos) return std::nullopt;
  auto server = take_server();
  bool timed_out = false;
  auto started = std::chrono::steady_clock::now();
  auto transcript = server->verify(candidate.text, deadline, &timed_out);
  give_back(std::move(server));
  if (!transcript.ok()) {
    if (timed_out) return Verdict::unknown(Cause::Timeout, "dafny server: wall-clock deadline reached");
    ++fallbacks_;
    return std::nullopt;
  }
  ++served_;
  Verdict v = interpret_server_transcript(*transcript, PathMapping{"", candidate.display_path});
  v.elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started);
  v.tool_version = "dafny " + version_;
  return v;
}

Verdict DafnyBackend::do_verify(const Candidate& candidate, Deadline deadline) {
  detect();
  // Missing and too old are the same to the user: no usable Dafny 4 (exit code 3).
  if (!tool_error_.empty()) return Verdict::error(Cause::ToolNotFound, tool_error_);
  if (deadline.expired()) return Verdict::unknown(Cause::Timeout, "deadline passed before dafny started");
  if (auto served = verify_with_server(candidate, deadline.is_never() ? Deadline::after(kDefaultWallClock) : deadline))
    return *served;

  // The user's own file when it holds exactly this text (relative `include`s then resolve),
  // else a private copy.
  ScratchCopy scratch(candidate.display_path.empty() ? "candidate.dfy" : candidate.display_path, candidate.text, ".dfy");
  if (!scratch.ok()) return Verdict::error(Cause::Internal, scratch.error());
  const std::string tool_path = scratch.path();

  ProcessSpec spec;
  spec.argv = verify_command(tool_path, candidate.symbol);
  spec.environment = dafny_environment();
  spec.deadline = deadline.is_never() ? Deadline::after(kDefaultWallClock) : deadline;
  ProcessResult run = runner_.run(spec);

  Verdict verdict = interpret_verify_run(
      run, PathMapping{tool_path, candidate.display_path.empty() ? tool_path : candidate.display_path});
  verdict.tool_version = "dafny " + version_;
  verdict.elapsed = run.elapsed;
  return verdict;
}

}  // namespace verigen::dafny
