#pragma once
// A real HTTP/1.1 server on 127.0.0.1 (an ephemeral port) for tests: it answers from a script,
// records what it was asked, and counts how many requests it served at once. One thread per
// connection; everything stops when the object is destroyed.

#include <atomic>
#include <chrono>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace verigen::test {

struct ScriptedResponse {
  int status = 200;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  std::chrono::milliseconds delay{0};
  bool close_without_answer = false;
  /// After `body`, `stream_chunk` is sent `stream_repeat` times, then `stream_suffix`: a huge
  /// answer streamed without ever being held in memory (Content-Length covers all of it).
  std::string stream_chunk{};
  std::size_t stream_repeat = 0;
  std::string stream_suffix{};
};

struct RecordedRequest {
  std::string method;
  std::string path;
  std::map<std::string, std::string> headers;  ///< lower-cased names
  std::string body;
};

class LoopbackServer {
 public:
  LoopbackServer();
  ~LoopbackServer();
  LoopbackServer(const LoopbackServer&) = delete;
  LoopbackServer& operator=(const LoopbackServer&) = delete;

  int port() const { return port_; }
  /// "http://127.0.0.1:PORT/v1".
  std::string base_url() const;

  /// Responses served in order; when the queue is empty `fallback` answers (default: 500).
  void script(std::vector<ScriptedResponse> responses);
  void fallback(std::function<ScriptedResponse(const RecordedRequest&)> answer);

  std::vector<RecordedRequest> requests() const;
  /// The most requests the server held at once, each from its accept until its answer starts
  /// (not until the socket closes, which may come after the client has moved on).
  int max_concurrent() const { return max_concurrent_; }

 private:
  void accept_loop();
  void serve(int fd);

  int listen_fd_ = -1;
  int port_ = 0;
  std::atomic<bool> stop_{false};
  std::thread acceptor_;
  mutable std::mutex mutex_;
  std::vector<std::thread> workers_;
  std::deque<ScriptedResponse> script_;
  std::function<ScriptedResponse(const RecordedRequest&)> fallback_;
  std::vector<RecordedRequest> requests_;
  std::atomic<int> active_{0};
  std::atomic<int> max_concurrent_{0};
};

/// An OpenAI chat-completions response body with these choices.
std::string completion_body(const std::vector<std::string>& contents, int prompt_tokens = 10,
                            int completion_tokens = 20);

/// One choice of a scripted answer: its content (nullopt: JSON null, as a reasoning model that
/// spent its budget thinking sends) and its finish_reason.
struct ScriptedChoice {
  std::optional<std::string> content;
  std::string finish_reason = "stop";
};

/// An OpenAI chat-completions response body with these choices, finish reasons included.
std::string choices_body(const std::vector<ScriptedChoice>& choices, int prompt_tokens = 10,
                         int completion_tokens = 20);

/// An OpenAI error body, as the API sends with a 400: {"error":{"message","type","param","code"}}.
std::string openai_error(const std::string& message, const std::string& param,
                         const std::string& code);

/// A port on 127.0.0.1 where nothing listens (bound, then closed).
int unused_port();

/// The environment that points `verigen --provider openai` at `server`: its base URL,
/// `api_key`, and the model name "scripted".
std::vector<std::pair<std::string, std::string>> openai_env(const LoopbackServer& server,
                                                            const std::string& api_key = "sk-test");

}  // namespace verigen::test
