// The Dafny back-end's warm-server fallback, without Dafny: a scripted warm server and the
// FakeProcessRunner answering `dafny verify --json-output` with outputs recorded from Dafny 4.11
// (test/fixtures/dafny/recorded). When the server cannot answer, the one-shot process must.

#include <catch2/catch.hpp>
#include <cstdlib>
#include <optional>

#include "backends/dafny/dafny_backend.h"
#include "core/file_io.h"
#include "test/support/fake_process_runner.h"

using namespace verigen;
using namespace std::chrono_literals;
using verigen::test::FakeProcessRunner;

namespace {

const std::string kFixtures = std::string(VERIGEN_SOURCE_DIR) + "/test/fixtures/dafny/";

/// Sets an environment variable for the test's duration.
class EnvOverride {
 public:
  EnvOverride(const char* name, const char* value) : name_(name) {
    if (const char* old = std::getenv(name)) saved_ = old;
    ::setenv(name, value, 1);
  }
  ~EnvOverride() {
    if (saved_)
      ::setenv(name_, saved_->c_str(), 1);
    else
      ::unsetenv(name_);
  }

 private:
  const char* name_;
  std::optional<std::string> saved_;
};

/// A warm server that answers from a script: a transcript, a timeout, or "fall back".
class ScriptedServer : public dafny::WarmServer {
 public:
  enum class Answer { Transcript, TimedOut, FallBack };
  ScriptedServer(Answer answer, dafny::ServerTranscript transcript, std::vector<std::string>& asked)
      : answer_(answer), transcript_(std::move(transcript)), asked_(asked) {}

  dafny::WarmServer::Answer verify(const std::string& text, Deadline) override {
    asked_.push_back(text);
    if (answer_ == Answer::Transcript) return transcript_;
    if (answer_ == Answer::TimedOut) return dafny::WarmServer::TimedOut{};
    return dafny::WarmServer::FallBack{"server died"};
  }

 private:
  Answer answer_;
  dafny::ServerTranscript transcript_;
  std::vector<std::string>& asked_;
};

/// Dafny as the fake runner knows it: its version, and `verify` answering `verify_stem`'s
/// recorded run; `dafny audit` finds nothing.
struct Fixture {
  EnvOverride dafny{"VERIGEN_DAFNY", "/opt/fake/dafny"};  // no PATH lookup: the fake answers
  EnvOverride server{"VERIGEN_DAFNY_SERVER", "1"};
  FakeProcessRunner runner;
  std::vector<std::string> asked;  // texts the warm server was given

  explicit Fixture(const std::string& verify_stem) {
    runner.on("dafny", {"--version"},
              FakeProcessRunner::exited(0, read_file(kFixtures + "recorded/VERSION").value()));
    runner.on("dafny", {"verify", "--json-output"},
              FakeProcessRunner::recorded(kFixtures + "recorded/" + verify_stem));
    runner.on("dafny", {"audit"}, FakeProcessRunner::recorded(kFixtures + "recorded/audit_clean"));
  }

  dafny::DafnyBackend backend(ScriptedServer::Answer answer,
                              dafny::ServerTranscript transcript = {}) {
    return dafny::DafnyBackend(runner, dafny::DafnyOptions{}, [this, answer, transcript] {
      return std::make_unique<ScriptedServer>(answer, transcript, asked);
    });
  }

  /// The argv lines of the `verify` commands run.
  std::vector<std::string> verify_runs() const {
    std::vector<std::string> out;
    for (const auto& line : runner.command_lines())
      if (line.find(" verify ") != std::string::npos) out.push_back(line);
    return out;
  }
};

Candidate candidate(const std::string& fixture) {
  Candidate c;
  c.text = read_file(kFixtures + fixture).value();
  c.display_path = fixture;
  return c;
}

bool has_env(const ProcessSpec& spec, const std::string& name) {
  for (const auto& [key, value] : spec.environment)
    if (key == name) return true;
  return false;
}

}  // namespace

// Contract: when the warm server fails, the candidate goes to one `dafny verify --json-output`
// process with the back-end's options, Dafny's environment and the caller's deadline, and its
// verdict is read from Dafny's output (a refutation, with Dafny's message).
TEST_CASE("dafny server failure falls back to one verify process", "[unit]") {
  Fixture f("refuted");
  auto dafny = f.backend(ScriptedServer::Answer::FallBack);
  const Deadline deadline = Deadline::after(60s);
  Verdict v = dafny.verify(candidate("refuted.dfy"), deadline);
  INFO(v.detail);
  CHECK(v.outcome == Outcome::Refuted);
  REQUIRE_FALSE(v.diagnostics.empty());
  CHECK(v.diagnostics[0].message.find("postcondition could not be proved") != std::string::npos);
  CHECK(f.asked.size() == 1);
  CHECK(dafny.fallbacks() == 1);
  CHECK(dafny.served() == 0);

  REQUIRE(f.verify_runs().size() == 1);
  const auto commands = f.runner.commands();
  const ProcessSpec& run = commands.back();
  CHECK(run.argv[0] == "/opt/fake/dafny");
  CHECK(f.verify_runs()[0].find(
            "verify --json-output --verification-time-limit 20 --allow-warnings ") !=
        std::string::npos);
  CHECK(has_env(run, "DOTNET_ROLL_FORWARD"));
  CHECK(run.deadline.at() == deadline.at());
}

// Contract: a candidate the fallback process verifies is then audited (`dafny audit`) before
// it is called verified.
TEST_CASE("dafny fallback process verifies, then the audit runs", "[unit]") {
  Fixture f("verified");
  auto dafny = f.backend(ScriptedServer::Answer::FallBack);
  Verdict v = dafny.verify(candidate("verified.dfy"), Deadline::after(60s));
  INFO(v.detail);
  CHECK(v.outcome == Outcome::Verified);
  auto lines = f.runner.command_lines();
  REQUIRE(lines.size() == 3);
  CHECK(lines[0] == "/opt/fake/dafny --version");
  CHECK(lines[1].find("/opt/fake/dafny verify --json-output") == 0);
  CHECK(lines[2].find("/opt/fake/dafny audit ") == 0);
}

// Contract: a server that ran out of time is a Timeout; no process is started for the
// candidate (the time is gone).
TEST_CASE("dafny server timeout does not fall back", "[unit]") {
  Fixture f("verified");
  auto dafny = f.backend(ScriptedServer::Answer::TimedOut);
  Verdict v = dafny.verify(candidate("verified.dfy"), Deadline::after(60s));
  CHECK(v.outcome == Outcome::Unknown);
  CHECK(v.cause == Cause::Timeout);
  CHECK(f.verify_runs().empty());
  CHECK(dafny.fallbacks() == 0);
}

// Contract: a server that answers is the verdict; no process runs.
TEST_CASE("dafny server answer needs no process", "[unit]") {
  Fixture f("verified");
  dafny::ServerTranscript refuted;
  Diagnostic error;
  error.severity = Severity::Error;
  error.message = "a postcondition could not be proved on this return path";
  refuted.diagnostics = {error};
  refuted.compilation_status = "VerificationCompleted";
  refuted.symbol_statuses = {7};  // not Correct
  auto dafny = f.backend(ScriptedServer::Answer::Transcript, refuted);
  Verdict v = dafny.verify(candidate("refuted.dfy"), Deadline::after(60s));
  CHECK(v.outcome == Outcome::Refuted);
  CHECK(dafny.served() == 1);
  CHECK(f.verify_runs().empty());
}

// Contract: the fallback process dying on a signal is ToolCrashed, and running into its
// deadline is a Timeout; neither is a verdict on the candidate.
TEST_CASE("dafny fallback process crash and timeout are not verdicts", "[unit]") {
  Fixture f("verified");
  f.runner.once("dafny", {"verify"}, FakeProcessRunner::crashed(11));  // overrides the recording
  auto crashed = f.backend(ScriptedServer::Answer::FallBack)
                     .verify(candidate("verified.dfy"), Deadline::after(60s));
  CHECK(crashed.outcome == Outcome::Error);
  CHECK(crashed.cause == Cause::ToolCrashed);

  Fixture g("verified");
  g.runner.once("dafny", {"verify"}, FakeProcessRunner::timed_out());
  auto late = g.backend(ScriptedServer::Answer::FallBack)
                  .verify(candidate("verified.dfy"), Deadline::after(60s));
  CHECK(late.outcome == Outcome::Unknown);
  CHECK(late.cause == Cause::Timeout);
}
