#pragma once
/// A warm Dafny: one long-lived `dafny server` (Dafny's language server, LSP over stdio) that
/// verifies document after document without paying .NET's start-up each time.

#include <chrono>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "backends/dafny/lsp_framing.h"
#include "core/diagnostic.h"
#include "core/process.h"
#include "core/result.h"
#include "core/verdict.h"

namespace verigen::dafny {

/// What the server said about one document, once it had finished with it.
struct ServerTranscript {
  std::vector<Diagnostic> diagnostics;  ///< the last publishDiagnostics for the document
  std::string compilation_status;       ///< the last dafny/compilation/status
  std::vector<int> symbol_statuses;     ///< the last dafny/textDocument/symbolStatus
};

/// The verdict for a finished transcript, by the same rules as interpret_verify_run: Verified
/// only when every symbol finished Correct, no error was reported and no escape-hatch warning;
/// parse/resolution failures → Error/BadInput; errors that are all time-outs → Unknown/Timeout;
/// other errors → Refuted.
Verdict interpret_server_transcript(const ServerTranscript& transcript, const PathMapping& paths);

/// What the back-end asks of a warm server: one document's transcript, or a Failure that sends
/// the candidate to a fresh `dafny verify` process. DafnyServer is the real one; the interface
/// lets tests script the server's answers and drive the fallback path without Dafny.
class WarmServer {
 public:
  virtual ~WarmServer() = default;

  /// The caller's deadline passed while the server worked on the document (the server was
  /// killed; the next call restarts it): the answer is Unknown/Timeout.
  struct TimedOut {};
  /// The server could not give a trustworthy answer (did not start, died, went silent, broke
  /// the protocol, finished without per-symbol results): ask a fresh `dafny verify` process.
  struct FallBack {
    std::string reason;
  };
  using Answer = std::variant<ServerTranscript, TimedOut, FallBack>;

  /// Verifies `text` before `deadline`.
  virtual Answer verify(const std::string& text, Deadline deadline) = 0;
};

class DafnyServer : public WarmServer {
 public:
  /// `command` runs Dafny (e.g. {"dafny"}); `options` are verification options for the server
  /// (time limit, --allow-warnings ...). The server starts lazily.
  DafnyServer(std::vector<std::string> command, std::vector<std::string> options,
              std::vector<std::pair<std::string, std::string>> environment);
  ~DafnyServer() override;

  /// Verifies `text` before `deadline`.
  WarmServer::Answer verify(const std::string& text, Deadline deadline) override;

  /// Documents verified since the server started (it is restarted every so often).
  int documents() const { return documents_; }

  /// How long the server may stay silent while a document is open before it is given up on
  /// (killed; verify() answers FallBack, so the caller asks a fresh process).
  /// Seen under heavy load: a server that stopped reporting on a document with a timed-out
  /// symbol and sat idle until the wall-clock deadline.
  void set_stall_limit(std::chrono::milliseconds limit) { stall_limit_ = limit; }

 private:
  Result<void> ensure_started(Deadline deadline);
  bool send(const nlohmann::json& message);
  /// A message, or why none came: the deadline passed, or the server is gone or garbled.
  struct Received {
    std::optional<nlohmann::json> message;
    bool timed_out = false;
  };
  /// Reads until a message arrives or the deadline.
  Received receive(Deadline deadline);
  void stop();

  std::vector<std::string> command_;
  std::vector<std::string> options_;
  std::vector<std::pair<std::string, std::string>> environment_;
  std::unique_ptr<InteractiveProcess> process_;
  std::unique_ptr<LspDecoder> decoder_;
  int next_id_ = 1;
  int documents_ = 0;
  long serial_ = 0;
  std::chrono::milliseconds stall_limit_{std::chrono::seconds(120)};
};

}  // namespace verigen::dafny
