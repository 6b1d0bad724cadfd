#include "loopback_server.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <stdexcept>

namespace verigen::test {
namespace {

int bind_loopback(int* port) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) throw std::runtime_error("socket failed");
  int one = 1;
  ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  if (::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0)
    throw std::runtime_error("bind failed");
  socklen_t len = sizeof addr;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  *port = ntohs(addr.sin_port);
  return fd;
}

std::string reason(int status) {
  switch (status) {
    case 200:
      return "OK";
    case 400:
      return "Bad Request";
    case 401:
      return "Unauthorized";
    case 429:
      return "Too Many Requests";
    case 500:
      return "Internal Server Error";
    case 503:
      return "Service Unavailable";
    default:
      return "Status";
  }
}

}  // namespace

LoopbackServer::LoopbackServer() {
  listen_fd_ = bind_loopback(&port_);
  ::listen(listen_fd_, 64);
  fallback_ = [](const RecordedRequest&) {
    return ScriptedResponse{500, {}, "{\"error\":\"no script\"}"};
  };
  acceptor_ = std::thread([this] { accept_loop(); });
}

LoopbackServer::~LoopbackServer() {
  stop_ = true;
  acceptor_.join();
  std::vector<std::thread> workers;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    workers.swap(workers_);
  }
  for (auto& w : workers) w.join();
  ::close(listen_fd_);
}

std::string LoopbackServer::base_url() const {
  return "http://127.0.0.1:" + std::to_string(port_) + "/v1";
}

void LoopbackServer::script(std::vector<ScriptedResponse> responses) {
  std::lock_guard<std::mutex> lock(mutex_);
  script_.assign(responses.begin(), responses.end());
}

void LoopbackServer::fallback(std::function<ScriptedResponse(const RecordedRequest&)> answer) {
  std::lock_guard<std::mutex> lock(mutex_);
  fallback_ = std::move(answer);
}

std::vector<RecordedRequest> LoopbackServer::requests() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return requests_;
}

void LoopbackServer::accept_loop() {
  while (!stop_) {
    pollfd p{listen_fd_, POLLIN, 0};
    if (::poll(&p, 1, 20) <= 0) continue;
    int fd = ::accept(listen_fd_, nullptr, nullptr);
    if (fd < 0) continue;
    std::lock_guard<std::mutex> lock(mutex_);
    workers_.emplace_back([this, fd] { serve(fd); });
  }
}

void LoopbackServer::serve(int fd) {
  int now = ++active_;
  int seen = max_concurrent_;
  while (now > seen && !max_concurrent_.compare_exchange_weak(seen, now)) {
  }
  // Read the request head, then Content-Length bytes of body; give up after 10 s.
  std::string data;
  char buffer[65536];
  auto until = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  std::size_t head_end = std::string::npos, length = 0;
  while (std::chrono::steady_clock::now() < until && !stop_) {
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, 20) <= 0) continue;
    auto n = ::read(fd, buffer, sizeof buffer);
    if (n <= 0) break;
    data.append(buffer, static_cast<std::size_t>(n));
    if (head_end == std::string::npos && (head_end = data.find("\r\n\r\n")) != std::string::npos) {
      std::string head = data.substr(0, head_end);
      std::transform(head.begin(), head.end(), head.begin(),
                     [](unsigned char c) { return std::tolower(c); });
      auto at = head.find("content-length:");
      if (at != std::string::npos) length = std::stoul(head.substr(at + 15));
    }
    if (head_end != std::string::npos && data.size() >= head_end + 4 + length) break;
  }
  RecordedRequest request;
  if (head_end != std::string::npos) {
    std::string head = data.substr(0, head_end);
    auto first_line_end = head.find("\r\n");
    std::string first = head.substr(0, first_line_end);
    request.method = first.substr(0, first.find(' '));
    request.path = first.substr(first.find(' ') + 1, first.rfind(' ') - first.find(' ') - 1);
    std::size_t pos = first_line_end == std::string::npos ? head.size() : first_line_end + 2;
    while (pos < head.size()) {
      auto end = head.find("\r\n", pos);
      if (end == std::string::npos) end = head.size();
      std::string line = head.substr(pos, end - pos);
      auto colon = line.find(':');
      if (colon != std::string::npos) {
        std::string name = line.substr(0, colon);
        std::transform(name.begin(), name.end(), name.begin(),
                       [](unsigned char c) { return std::tolower(c); });
        request.headers[name] = line.substr(line.find_first_not_of(' ', colon + 1));
      }
      pos = end + 2;
    }
    request.body = data.substr(head_end + 4);
  }
  ScriptedResponse response;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    requests_.push_back(request);
    if (!script_.empty()) {
      response = script_.front();
      script_.pop_front();
    } else {
      response = fallback_(request);
    }
  }
  auto wake = std::chrono::steady_clock::now() + response.delay;
  while (std::chrono::steady_clock::now() < wake && !stop_)
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  // The request leaves the server's hands here, before its first answer byte is sent: a client
  // can only finish (and start its next request) after it has read that answer, so counting up
  // to here never sees a finished request overlap the next one, as counting until close() did.
  --active_;
  if (!response.close_without_answer) {
    const std::size_t content_length = response.body.size() +
                                       response.stream_chunk.size() * response.stream_repeat +
                                       response.stream_suffix.size();
    std::string out =
        "HTTP/1.1 " + std::to_string(response.status) + " " + reason(response.status) +
        "\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: " +
        std::to_string(content_length) + "\r\n";
    for (const auto& [k, v] : response.headers) out += k + ": " + v + "\r\n";
    out += "\r\n" + response.body;
    // False once the client has gone (it may stop reading an oversized answer).
    auto send_all = [&](const std::string& bytes) {
      std::size_t sent = 0;
      while (sent < bytes.size() && !stop_) {
        auto n = ::send(fd, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
        if (n <= 0) return false;
        sent += static_cast<std::size_t>(n);
      }
      return sent == bytes.size();
    };
    bool open = send_all(out);
    for (std::size_t i = 0; open && i < response.stream_repeat; ++i)
      open = send_all(response.stream_chunk);
    if (open) send_all(response.stream_suffix);
  }
  ::close(fd);
}

std::string completion_body(const std::vector<std::string>& contents, int prompt_tokens,
                            int completion_tokens) {
  nlohmann::json choices = nlohmann::json::array();
  int index = 0;
  for (const auto& c : contents)
    choices.push_back({{"index", index++},
                       {"message", {{"role", "assistant"}, {"content", c}}},
                       {"finish_reason", "stop"}});
  return nlohmann::json(
             {{"id", "x"},
              {"object", "chat.completion"},
              {"choices", choices},
              {"usage",
               {{"prompt_tokens", prompt_tokens}, {"completion_tokens", completion_tokens}}}})
      .dump();
}

int unused_port() {
  int port = 0;
  int fd = bind_loopback(&port);
  ::close(fd);
  return port;
}

}  // namespace verigen::test

namespace verigen::test {

std::string choices_body(const std::vector<ScriptedChoice>& choices, int prompt_tokens,
                         int completion_tokens) {
  nlohmann::json list = nlohmann::json::array();
  int index = 0;
  for (const auto& c : choices)
    list.push_back({{"index", index++},
                    {"message",
                     {{"role", "assistant"},
                      {"content", c.content ? nlohmann::json(*c.content) : nlohmann::json()}}},
                    {"finish_reason", c.finish_reason}});
  return nlohmann::json(
             {{"id", "x"},
              {"object", "chat.completion"},
              {"choices", list},
              {"usage",
               {{"prompt_tokens", prompt_tokens}, {"completion_tokens", completion_tokens}}}})
      .dump();
}

std::string openai_error(const std::string& message, const std::string& param,
                         const std::string& code) {
  return nlohmann::json({{"error",
                          {{"message", message},
                           {"type", "invalid_request_error"},
                           {"param", param},
                           {"code", code}}}})
      .dump();
}

std::vector<std::pair<std::string, std::string>> openai_env(const LoopbackServer& server,
                                                            const std::string& api_key) {
  return {{"OPENAI_BASE_URL", server.base_url()},
          {"OPENAI_API_KEY", api_key},
          {"VERIGEN_MODEL", "scripted"}};
}

}  // namespace verigen::test
