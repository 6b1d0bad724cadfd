#include "backends/dafny/dafny_backend.h"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <set>

#include "backends/dafny/dafny_output.h"
#include "backends/scratch_copy.h"
#include "core/file_io.h"
#include "specs/dafny/assumption_scan.h"
#include "specs/dafny/lexer.h"
#include "specs/source_span.h"

namespace verigen::dafny {
namespace fs = std::filesystem;

namespace {

// Beyond the per-assertion limit Dafny needs time to start .NET and resolve; the wall-clock
// deadline is the outer guard, this is only the default when the caller sets none.
constexpr auto kDefaultWallClock = std::chrono::minutes(10);

}  // namespace

DafnyBackend::DafnyBackend(ProcessRunner& runner, DafnyOptions options,
                           WarmServerFactory make_server)
    : runner_(runner), options_(options), make_server_(std::move(make_server)) {}

void DafnyBackend::detect() {
  std::call_once(detected_, [this] {
    command_ = dafny_command();
    auto detected = detect_dafny(runner_, options_.version_memo_dir);
    if (detected.ok()) {
      version_ = detected->text;
    } else {
      tool_error_ = detected.error();
    }
    finder_ = std::make_unique<AssumptionFinder>(
        runner_, command_.empty() ? std::vector<std::string>{"dafny"} : command_);
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
    argv.insert(argv.end(),
                {"--verification-time-limit", std::to_string(options_.verification_time_limit)});
  if (options_.allow_warnings) argv.push_back("--allow-warnings");
  if (options_.resource_limit > 0)
    argv.insert(argv.end(), {"--resource-limit", std::to_string(options_.resource_limit)});
  if (options_.cores != 1) argv.insert(argv.end(), {"--cores", std::to_string(options_.cores)});
  return argv;
}

std::string DafnyBackend::solver_version() { return dafny::solver_version(runner_); }

std::string DafnyBackend::dependency_fingerprint(const Candidate& candidate) {
  return includes_fingerprint(candidate.text, candidate.display_path);
}

std::vector<std::string> DafnyBackend::verify_command(
    const std::string& file, const std::string& symbol,
    const std::vector<IncludedFile>& included) const {
  std::vector<std::string> argv = command_.empty() ? dafny_command() : command_;
  if (argv.empty()) argv = {"dafny"};
  argv.insert(argv.end(), {"verify", "--json-output"});
  auto options = verification_options();
  argv.insert(argv.end(), options.begin(), options.end());
  if (!symbol.empty()) argv.insert(argv.end(), {"--filter-symbol", symbol});
  // A file name starting with '-' would read as an option.
  argv.push_back(!file.empty() && file[0] == '-' ? "./" + file : file);
  // Dafny verifies only the files it is given: an included file must be one of them, or its
  // lemmas would be trusted unproved.
  for (const auto& f : included)
    argv.push_back(!f.path.empty() && f.path[0] == '-' ? "./" + f.path : f.path);
  return argv;
}

std::unique_ptr<WarmServer> DafnyBackend::take_server() {
  std::lock_guard<std::mutex> lock(pool_mutex_);
  if (!idle_servers_.empty()) {
    auto server = std::move(idle_servers_.back());
    idle_servers_.pop_back();
    return server;
  }
  if (make_server_) return make_server_();
  auto server =
      std::make_unique<DafnyServer>(command_, verification_options(), dafny_environment());
  // Silence far beyond what one assertion batch may take means the server has stopped working
  // on the document; the one-shot process then answers within the same deadline.
  const int limit = options_.verification_time_limit > 0 ? options_.verification_time_limit : 20;
  server->set_stall_limit(std::chrono::seconds(std::max(90, 6 * limit)));
  return server;
}

void DafnyBackend::give_back(std::unique_ptr<WarmServer> server) {
  std::lock_guard<std::mutex> lock(pool_mutex_);
  idle_servers_.push_back(std::move(server));
}

std::optional<Verdict> DafnyBackend::verify_with_server(const Candidate& candidate,
                                                        Deadline deadline) {
  const char* env = std::getenv("VERIGEN_DAFNY_SERVER");
  bool enabled = options_.use_server && !(env && std::string(env) == "0");
  // The server checks one document: per-symbol filters and `include`s need the process.
  if (!enabled || !candidate.symbol.empty() || candidate.text.find("include") != std::string::npos)
    return std::nullopt;
  auto server = take_server();
  auto started = std::chrono::steady_clock::now();
  auto answer = server->verify(candidate.text, deadline);
  give_back(std::move(server));
  if (std::holds_alternative<WarmServer::TimedOut>(answer))
    return Verdict::unknown(Cause::Timeout, "dafny server: wall-clock deadline reached");
  if (std::holds_alternative<WarmServer::FallBack>(answer)) {
    ++fallbacks_;
    return std::nullopt;
  }
  ++served_;
  Verdict v = interpret_server_transcript(std::get<ServerTranscript>(answer),
                                          PathMapping{"", candidate.display_path});
  v.elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(
      std::chrono::steady_clock::now() - started);
  v.tool_version = "dafny " + version_;
  return v;
}

Verdict DafnyBackend::prove(const Candidate& candidate, const std::vector<IncludedFile>& included,
                            Deadline deadline) {
  if (included.empty())
    if (auto served = verify_with_server(candidate, deadline)) return *served;

  // The user's own file when it holds exactly this text, else a private copy — beside the
  // user's file when it includes others, so that relative includes resolve.
  std::string display = candidate.display_path.empty() ? "candidate.dfy" : candidate.display_path;
  auto scratch = ScratchCopy::create(
      display, candidate.text, ".dfy",
      included.empty() ? std::string() : fs::path(display).parent_path().string());
  if (!scratch.ok()) return Verdict::error(Cause::Internal, scratch.error());
  const std::string tool_path = scratch->path();

  ProcessSpec spec;
  spec.argv = verify_command(tool_path, candidate.symbol, included);
  spec.environment = dafny_environment();
  spec.deadline = deadline;
  ProcessResult run = runner_.run(spec);

  Verdict verdict = interpret_verify_run(
      run,
      PathMapping{tool_path, candidate.display_path.empty() ? tool_path : candidate.display_path});
  verdict.tool_version = "dafny " + version_;
  verdict.elapsed = run.elapsed;
  return verdict;
}

std::optional<Assumption> DafnyBackend::needed_expect(const Candidate& candidate,
                                                      const std::vector<IncludedFile>& included,
                                                      Deadline deadline) {
  auto expects = expect_statements(candidate.text);
  const auto& policy = candidate.assumption_policy;
  if (policy.has_original) {
    // The user's own `expect`s are theirs to rely on: only the candidate's new ones are tried.
    std::multiset<std::string> kept;
    for (auto [b, e] : expect_statements(policy.original))
      kept.insert(policy.original.substr(b, e - b));
    std::vector<std::pair<std::size_t, std::size_t>> added;
    for (auto [b, e] : expects) {
      auto it = kept.find(candidate.text.substr(b, e - b));
      if (it != kept.end())
        kept.erase(it);
      else
        added.emplace_back(b, e);
    }
    expects = std::move(added);
  }
  if (expects.empty()) return std::nullopt;
  Assumption a;
  a.kind = std::string(assumption_kind::kExpect);
  auto pos = position_of(candidate.text, expects.front().first);
  a.where.file = candidate.display_path;
  a.where.line = static_cast<int>(pos.line);
  a.where.column = static_cast<int>(pos.column);
  a.text =
      candidate.text.substr(expects.front().first, expects.front().second - expects.front().first);
  a.found_by = "verigen";
  if (policy.allows_kind(a)) return std::nullopt;
  // Dafny assumes what an `expect` checks: the proof must stand without them.
  Candidate without = candidate;
  without.text = blank_ranges(candidate.text, expects);
  Verdict v = prove(without, included, deadline);
  if (v.verified()) return std::nullopt;
  a.message =
      "the proof needs 'expect' statements (Dafny assumes what they check at run time); without "
      "them: " +
      (v.detail.empty() ? std::string(to_string(v.outcome)) : v.detail);
  return a;
}

Result<std::vector<Assumption>> DafnyBackend::assumptions_of(
    const Candidate& candidate, const std::vector<IncludedFile>& included, Deadline deadline) {
  std::string display = candidate.display_path.empty() ? "candidate.dfy" : candidate.display_path;
  auto scratch = ScratchCopy::create(
      display, candidate.text, ".dfy",
      included.empty() ? std::string() : fs::path(display).parent_path().string());
  if (!scratch.ok()) return fail(scratch.error());
  auto found = finder_->find(candidate.text, scratch->path(), display, included, deadline);
  if (!found.ok()) return found;
  if (auto expect = needed_expect(candidate, included, deadline)) found->push_back(*expect);
  std::vector<Assumption> baseline;
  const auto& policy = candidate.assumption_policy;
  if (policy.has_original) baseline = finder_->find_in_original(policy.original, display, deadline);
  apply_assumption_policy(*found, baseline, policy);
  return found;
}

Verdict DafnyBackend::do_verify(const Candidate& candidate, Deadline deadline) {
  detect();
  // Missing and too old are the same to the user: no usable Dafny 4 (exit code 3).
  if (!tool_error_.empty()) return Verdict::error(Cause::ToolNotFound, tool_error_);
  if (deadline.expired())
    return Verdict::unknown(Cause::Timeout, "deadline passed before dafny started");
  const Deadline wall = deadline.is_never() ? Deadline::after(kDefaultWallClock) : deadline;

  auto included = collect_includes(candidate.text, candidate.display_path);
  if (!included.ok()) return Verdict::error(Cause::BadInput, included.error());

  Verdict verdict = prove(candidate, *included, wall);
  if (!verdict.verified()) return verdict;

  // Dafny proved it; now, what did the proof take on trust?
  auto assumptions = assumptions_of(candidate, *included, wall);
  if (!assumptions.ok()) {
    if (wall.expired())
      return Verdict::unknown(Cause::Timeout,
                              "deadline reached while auditing: " + assumptions.error());
    return Verdict::error(Cause::BadOutput,
                          "cannot tell what the proof rests on: " + assumptions.error());
  }
  // The run's own warnings are re-reported by the audit, which also names their declaration;
  // one the audit did not report is kept, and (matching no original) is judged by kind alone.
  for (const auto& warned : verdict.assumptions) {
    bool reported = std::any_of(assumptions->begin(), assumptions->end(), [&](const Assumption& a) {
      return a.kind == warned.kind && a.where.line == warned.where.line &&
             a.where.file == warned.where.file;
    });
    if (!reported) assumptions->push_back(warned);
  }
  std::vector<Assumption> no_baseline;
  apply_assumption_policy(*assumptions, no_baseline, candidate.assumption_policy);
  merge_duplicate_assumptions(*assumptions);
  verdict.assumptions = std::move(*assumptions);
  // The warnings that mark assumptions are now listed as assumptions: not twice.
  verdict.diagnostics.erase(std::remove_if(verdict.diagnostics.begin(), verdict.diagnostics.end(),
                                           is_escape_hatch_warning),
                            verdict.diagnostics.end());
  settle_assumptions(verdict);
  return verdict;
}

}  // namespace verigen::dafny
