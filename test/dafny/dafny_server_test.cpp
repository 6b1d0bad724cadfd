// The warm Dafny language-server path: LSP framing (unit), the transcript rules (unit), and the
// real `dafny server` agreeing with one-shot `dafny verify` on every fixture.

#include "backends/dafny/dafny_server.h"

#include <catch2/catch.hpp>

#include "backends/dafny/dafny_backend.h"
#include "backends/dafny/lsp_framing.h"
#include "core/file_io.h"

using namespace verigen;
using namespace verigen::dafny;
using namespace std::chrono_literals;

// Contract: messages are recovered whatever the read boundaries; garbage headers are errors.
TEST_CASE("LSP framing", "[unit]") {
  std::string stream =
      *lsp_frame({{"id", 1}}) + *lsp_frame({{"method", "x"}, {"params", {{"a", "é"}}}});
  LspDecoder whole;
  whole.feed(stream);
  CHECK(whole.next()->value("id", 0) == 1);
  CHECK(whole.next()->value("method", std::string()) == "x");
  CHECK_FALSE(whole.next());
  LspDecoder bytewise;
  int messages = 0;
  for (char c : stream) {
    bytewise.feed(std::string(1, c));
    while (bytewise.next()) ++messages;
  }
  CHECK(messages == 2);
  LspDecoder bad;
  bad.feed("Content-Length: x\r\n\r\n{}");
  CHECK_FALSE(bad.next());
  CHECK_FALSE(bad.error().empty());
  // Text that is not UTF-8 is refused, not thrown over or sent altered (found by fuzzing).
  auto not_utf8 = lsp_frame({{"params", std::string("a\xff")}});
  REQUIRE_FALSE(not_utf8.ok());
  CHECK(not_utf8.error().find("LSP") != std::string::npos);
}

// Contract: transcript rules match interpret_verify_run's: all Correct → verified; an error →
// refuted; only time-outs → unknown; parse/resolution failure → bad input; an escape-hatch
// warning → an assumption (refuted/integrity once settled); no symbol results → never verified.
TEST_CASE("server transcript verdicts", "[unit]") {
  PathMapping paths{"", "a.dfy"};
  auto diagnostic = [](Severity severity, std::string message) {
    Diagnostic d;
    d.severity = severity;
    d.message = std::move(message);
    d.where.line = 1;
    return d;
  };
  ServerTranscript ok{{}, "ResolutionSucceeded", {5, 5}};
  CHECK(interpret_server_transcript(ok, paths).verified());
  ServerTranscript refuted{{diagnostic(Severity::Error, "a postcondition could not be proved")},
                           "ResolutionSucceeded",
                           {5, 4}};
  CHECK(interpret_server_transcript(refuted, paths).outcome == Outcome::Refuted);
  CHECK(interpret_server_transcript(refuted, paths).diagnostics[0].where.file == "a.dfy");
  ServerTranscript slow{
      {diagnostic(Severity::Error, "Verification of 'L' timed out after 2 seconds.")},
      "ResolutionSucceeded",
      {4}};
  CHECK(interpret_server_transcript(slow, paths).cause == Cause::Timeout);
  ServerTranscript parse{{diagnostic(Severity::Error, "invalid Rhs")}, "ParsingFailed", {}};
  CHECK(interpret_server_transcript(parse, paths).cause == Cause::BadInput);
  ServerTranscript hatch{
      {diagnostic(Severity::Warning, "assume statement has no {:axiom} annotation")},
      "ResolutionSucceeded",
      {5}};
  auto hatched = interpret_server_transcript(hatch, paths);
  REQUIRE(hatched.assumptions.size() == 1);
  CHECK(hatched.assumptions[0].kind == "assume");
  settle_assumptions(hatched);  // as Backend::verify does with every verdict
  CHECK(hatched.cause == Cause::Integrity);
  ServerTranscript silent_failure{{}, "ResolutionSucceeded", {4}};
  CHECK_FALSE(interpret_server_transcript(silent_failure, paths).verified());
  ServerTranscript nothing{{}, "ResolutionSucceeded", {}};
  CHECK_FALSE(interpret_server_transcript(nothing, paths).verified());
  ServerTranscript hints{
      {diagnostic(Severity::Info, "decreases n - i")}, "ResolutionSucceeded", {5}};
  auto hinted = interpret_server_transcript(hints, paths);
  CHECK(hinted.verified());
  CHECK(hinted.diagnostics.empty());
}

// Contract: on every fixture the warm server and a one-shot process give the same outcome and
// cause; the server path was really used.
TEST_CASE("server and process agree on every fixture", "[verifier:dafny]") {
  SubprocessRunner runner;
  DafnyOptions with_server;
  with_server.verification_time_limit = 2;
  DafnyOptions without = with_server;
  without.use_server = false;
  DafnyBackend warm(runner, with_server);
  DafnyBackend cold(runner, without);
  int compared = 0;
  for (const char* name : {"verified", "refuted", "parse_error", "resolution_error", "timeout",
                           "assume_warning", "hatch_warnings", "trigger_warning"}) {
    INFO(name);
    Candidate c;
    c.display_path = std::string(VERIGEN_SOURCE_DIR) + "/test/fixtures/dafny/" + name + ".dfy";
    c.text = read_file(c.display_path).value();
    Verdict a = warm.verify(c, Deadline::after(120s));
    Verdict b = cold.verify(c, Deadline::after(120s));
    CHECK(a.outcome == b.outcome);
    CHECK(a.cause == b.cause);
    if (!a.diagnostics.empty() && !b.diagnostics.empty()) {
      CHECK(a.diagnostics[0].where.line == b.diagnostics[0].where.line);
      CHECK(a.diagnostics[0].where.file == b.diagnostics[0].where.file);
    }
    ++compared;
  }
  CHECK(compared == 8);
  CHECK(warm.served() >= 7);
}

// Contract: a wall-clock deadline during a server verification gives Unknown/Timeout, kills the
// server, and the next verification (on a restarted server) still answers.
TEST_CASE("server killed at the deadline, then restarted", "[verifier:dafny]") {
  SubprocessRunner runner;
  DafnyOptions options;
  options.verification_time_limit = 100;
  DafnyBackend warm(runner, options);
  Candidate slow;
  slow.display_path = std::string(VERIGEN_SOURCE_DIR) + "/test/fixtures/dafny/timeout.dfy";
  slow.text = read_file(slow.display_path).value();
  auto v = warm.verify(slow, Deadline::after(6s));
  CHECK(v.outcome == Outcome::Unknown);
  CHECK(v.cause == Cause::Timeout);
  Candidate good;
  good.display_path = std::string(VERIGEN_SOURCE_DIR) + "/test/fixtures/dafny/verified.dfy";
  good.text = read_file(good.display_path).value();
  CHECK(warm.verify(good, Deadline::after(120s)).verified());
}

// Contract: a server that goes silent on an open document is given up on after the stall
// limit, well before the caller's deadline, and the failure is not a time-out: the back-end
// then asks a fresh one-shot process instead of reporting Unknown.
TEST_CASE("a silent server is given up on at the stall limit", "[process]") {
  DafnyServer server(
      {"python3", std::string(VERIGEN_SOURCE_DIR) + "/test/fixtures/dafny/silent_server.py"}, {},
      {});
  server.set_stall_limit(1s);
  const auto started = std::chrono::steady_clock::now();
  auto answer = server.verify("method M() {}\n", Deadline::after(60s));
  auto* fall_back = std::get_if<DafnyServer::FallBack>(&answer);
  REQUIRE(fall_back);
  CHECK(fall_back->reason.find("silent") != std::string::npos);
  CHECK(std::chrono::steady_clock::now() - started < 30s);
}
