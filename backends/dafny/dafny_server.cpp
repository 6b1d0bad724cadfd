#include "backends/dafny/dafny_server.h"

#include <unistd.h>

#include "backends/dafny/dafny_output.h"
#include "backends/dafny/dafny_run_verdict.h"
#include "backends/dafny/lsp_framing.h"
#include "core/json_fields.h"

namespace verigen::dafny {
namespace {

using nlohmann::json;

constexpr int kStatusError = 4;    // PublishedVerificationStatus.Error
constexpr int kStatusCorrect = 5;  // PublishedVerificationStatus.Correct
// A long-lived .NET process grows; a fresh one every so many documents keeps memory bounded.
constexpr int kDocumentsPerServer = 200;

Location to_location(const json& range, const std::string& file) {
  Location where;
  where.file = file;
  where.line = json_int(json_field(range, "start"), "line", -1) + 1;
  where.column = json_int(json_field(range, "start"), "character", -1) + 1;
  where.end_line = json_int(json_field(range, "end"), "line", -1) + 1;
  where.end_column = json_int(json_field(range, "end"), "character", -1) + 1;
  return where;
}

Diagnostic to_diagnostic(const json& d, const std::string& file) {
  Diagnostic out;
  if (const auto& range = json_field(d, "range"); range.is_object())
    out.where = to_location(range, file);
  int severity = json_int(d, "severity", 1);
  out.severity = severity == 1   ? Severity::Error
                 : severity == 2 ? Severity::Warning
                                 : Severity::Info;
  out.message = json_string(d, "message");
  std::string source = json_string(d, "source", "dafny");
  for (auto& c : source) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  std::string code = json_string(d, "code");
  out.rule = "dafny." + source + (code.empty() ? "" : "." + code);
  if (const auto& related = json_field(d, "relatedInformation"); related.is_array())
    for (const auto& r : related) {
      const auto& range = json_field(json_field(r, "location"), "range");
      Location where = range.is_object() ? to_location(range, file) : Location{};
      where.message = json_string(r, "message");
      out.related.push_back(where);
    }
  return out;
}

}  // namespace

Verdict interpret_server_transcript(const ServerTranscript& t, const PathMapping& paths) {
  // The server's notifications as facts for the rule shared with the one-shot process
  // (dafny_run_verdict.h). It also sends editor hints (information/hint severity, e.g. an
  // inferred `decreases`); `dafny verify` does not report them, and they decide nothing.
  DafnyRunFacts facts;
  for (const auto& d : t.diagnostics)
    if (d.severity != Severity::Info) facts.diagnostics.push_back(d);
  for (auto& d : facts.diagnostics) {
    d.where.file = paths.display_path;
    for (auto& r : d.related) r.file = paths.display_path;
    if (d.severity != Severity::Error) continue;
    if (is_timeout_message(d.message))
      ++facts.timeouts;
    else
      ++facts.errors;
  }
  facts.input_rejected =
      t.compilation_status == "ParsingFailed" || t.compilation_status == "ResolutionFailed";
  bool all_correct = !t.symbol_statuses.empty();
  for (int status : t.symbol_statuses) all_correct &= status == kStatusCorrect;
  // A symbol that failed without an error message (out of resource is reported like this)
  // is not verified, and not a refutation either.
  if (!all_correct && facts.errors == 0 && facts.timeouts == 0) ++facts.resource_limits;
  facts.complete = all_correct;
  facts.incomplete_detail = "dafny server: not every symbol was verified";
  return dafny_run_verdict(facts);
}

DafnyServer::DafnyServer(std::vector<std::string> command, std::vector<std::string> options,
                         std::vector<std::pair<std::string, std::string>> environment)
    : command_(std::move(command)),
      options_(std::move(options)),
      environment_(std::move(environment)) {}

DafnyServer::~DafnyServer() { stop(); }

void DafnyServer::stop() {
  if (process_) process_->kill();
  process_.reset();
  decoder_.reset();
  documents_ = 0;
}

bool DafnyServer::send(const json& message) {
  auto framed = lsp_frame(message);
  return process_ && framed && process_->write(*framed);
}

DafnyServer::Received DafnyServer::receive(Deadline deadline) {
  while (true) {
    if (auto message = decoder_->next()) return {std::move(message), false};
    if (!decoder_->error().empty()) return {};
    std::string bytes;
    auto status = process_->read(bytes, deadline);
    if (status == InteractiveProcess::ReadStatus::Timeout) return {std::nullopt, true};
    if (status == InteractiveProcess::ReadStatus::Closed) return {};
    decoder_->feed(bytes);
  }
}

Result<void> DafnyServer::ensure_started(Deadline deadline) {
  if (process_ && process_->alive() && documents_ < kDocumentsPerServer) return {};
  stop();
  ProcessSpec spec;
  spec.argv = command_;
  spec.argv.insert(spec.argv.end(), {"server", "--verify-on", "Change"});
  spec.argv.insert(spec.argv.end(), options_.begin(), options_.end());
  spec.environment = environment_;
  auto started = InteractiveProcess::start(spec);
  if (!started) return fail("dafny server: " + started.error());
  process_ = std::move(*started);
  decoder_ = std::make_unique<LspDecoder>();
  const int id = next_id_++;
  if (!send({{"jsonrpc", "2.0"},
             {"id", id},
             {"method", "initialize"},
             {"params",
              {{"processId", static_cast<int>(::getpid())},
               {"rootUri", nullptr},
               {"capabilities", json::object()}}}}))
    return fail("dafny server: could not send initialize");
  while (true) {
    auto message = receive(deadline).message;
    if (!message) return fail("dafny server: no answer to initialize");
    if (message->value("id", -1) == id) break;
  }
  send({{"jsonrpc", "2.0"}, {"method", "initialized"}, {"params", json::object()}});
  return {};
}

WarmServer::Answer DafnyServer::verify(const std::string& text, Deadline deadline) {
  auto started = ensure_started(deadline);
  if (!started.ok()) {
    stop();
    return FallBack{started.error()};
  }
  ++documents_;
  // A URI of its own per document: no message about an earlier document can be mistaken for
  // one about this.
  const std::string uri = "file:///verigen-server/" + std::to_string(::getpid()) + "/" +
                          std::to_string(++serial_) + "/candidate.dfy";
  send({{"jsonrpc", "2.0"},
        {"method", "textDocument/didOpen"},
        {"params",
         {{"textDocument",
           {{"uri", uri}, {"languageId", "dafny"}, {"version", 1}, {"text", text}}}}}});
  ServerTranscript transcript;
  bool symbols_final = false, failed_early = false, resolved = false;
  const auto resolved_wait = std::chrono::seconds(3);
  Deadline symbol_deadline = deadline;
  while (!symbols_final && !failed_early) {
    // Every wait is also capped by the stall limit, counted from the last message.
    auto [message, timed_out] =
        receive((resolved ? symbol_deadline : deadline).capped(stall_limit_));
    if (!message) {
      if (timed_out && resolved && !deadline.expired() && transcript.symbol_statuses.empty()) {
        // Resolution succeeded but no symbol was ever announced (nothing to verify): let the
        // one-shot process answer that, it prints a summary.
        send({{"jsonrpc", "2.0"},
              {"method", "textDocument/didClose"},
              {"params", {{"textDocument", {{"uri", uri}}}}}});
        return FallBack{"dafny server: no verifiable symbols announced"};
      }
      stop();
      if (timed_out && deadline.expired()) return TimedOut{};
      // Not our deadline: the server went silent, or the connection broke; the process answers.
      if (timed_out)
        return FallBack{"dafny server: silent for " + std::to_string(stall_limit_.count() / 1000) +
                        " s"};
      return FallBack{"dafny server: connection lost"};
    }
    const std::string method = json_string(*message, "method");
    const auto& params = json_field(*message, "params");
    if (json_string(params, "uri") != uri) continue;
    if (method == "textDocument/publishDiagnostics") {
      transcript.diagnostics.clear();
      if (const auto& list = json_field(params, "diagnostics"); list.is_array())
        for (const auto& d : list) transcript.diagnostics.push_back(to_diagnostic(d, ""));
    } else if (method == "dafny/compilation/status") {
      transcript.compilation_status = json_string(params, "status");
      if (transcript.compilation_status == "ParsingFailed" ||
          transcript.compilation_status == "ResolutionFailed")
        failed_early = true;
      if (transcript.compilation_status == "ResolutionSucceeded" && !resolved) {
        resolved = true;
        if (transcript.symbol_statuses.empty()) symbol_deadline = deadline.capped(resolved_wait);
      }
    } else if (method == "dafny/textDocument/symbolStatus") {
      transcript.symbol_statuses.clear();
      bool all_final = true;
      const auto& verifiables = json_field(params, "namedVerifiables");
      for (const auto& v : verifiables.is_array() ? verifiables : json::array()) {
        int status = json_int(v, "status", 0);
        transcript.symbol_statuses.push_back(status);
        all_final &= status == kStatusError || status == kStatusCorrect;
      }
      symbol_deadline = deadline;  // symbols are coming: wait for them as long as allowed
      symbols_final = all_final && !transcript.symbol_statuses.empty();
    }
  }
  // A round trip, so every notification the server sent before answering has been read (the
  // final diagnostics are published before the last status, but not by contract).
  const int id = next_id_++;
  send({{"jsonrpc", "2.0"},
        {"id", id},
        {"method", "textDocument/documentSymbol"},
        {"params", {{"textDocument", {{"uri", uri}}}}}});
  while (true) {
    auto [message, timed_out] = receive(deadline.capped(stall_limit_));
    if (!message) {
      stop();
      if (timed_out && deadline.expired()) return TimedOut{};
      return FallBack{"dafny server: no answer to the closing request"};  // the process answers
    }
    if (json_int(*message, "id", -1) == id) break;
    const auto& params = json_field(*message, "params");
    if (json_string(*message, "method") == "textDocument/publishDiagnostics" &&
        json_string(params, "uri") == uri) {
      transcript.diagnostics.clear();
      if (const auto& list = json_field(params, "diagnostics"); list.is_array())
        for (const auto& d : list) transcript.diagnostics.push_back(to_diagnostic(d, ""));
    }
  }
  send({{"jsonrpc", "2.0"},
        {"method", "textDocument/didClose"},
        {"params", {{"textDocument", {{"uri", uri}}}}}});
  return transcript;
}

}  // namespace verigen::dafny
