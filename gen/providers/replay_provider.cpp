#include "gen/providers/replay_provider.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>
#include <vector>

namespace verigen {

namespace {

/// One cassette line read into `answers`; an error message (without the "file:line: error: "
/// prefix) when it is malformed or too large.
std::optional<std::string> read_answer(const std::string& text, std::size_t max_response_bytes,
                                       std::map<std::string, Completions>& answers) {
  if (text.find_first_not_of(" \t\r") == std::string::npos) return std::nullopt;
  auto j = nlohmann::json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return "not a JSON object";
  if (!j.contains("key") || !j["key"].is_string()) return "no \"key\" string";
  if (!j.contains("response") || !j["response"].is_object() || !j["response"].contains("texts") ||
      !j["response"]["texts"].is_array())
    return "no \"response\" with a \"texts\" list";
  Completions c;
  std::size_t total = 0;
  for (const auto& t : j["response"]["texts"]) {
    if (!t.is_string()) return "a text is not a string";
    total += t.get_ref<const std::string&>().size();
    if (total > max_response_bytes)
      return "the recorded answer is larger than " + human_size(max_response_bytes) +
             " (the response cap; raise it with --max-response-size)";
    c.texts.push_back(t.get<std::string>());
  }
  if (j["response"].contains("finish_reasons") && j["response"]["finish_reasons"].is_array())
    for (const auto& f : j["response"]["finish_reasons"])
      c.finish_reasons.push_back(f.is_string() ? f.get<std::string>() : "");
  c.finish_reasons.resize(c.texts.size());
  c.prompt_tokens = j["response"].value("prompt_tokens", 0L);
  c.completion_tokens = j["response"].value("completion_tokens", 0L);
  answers[j["key"].get<std::string>()] = std::move(c);
  return std::nullopt;
}

}  // namespace

Result<std::unique_ptr<ReplayProvider>> ReplayProvider::open(const std::string& cassette,
                                                             std::size_t max_response_bytes) {
  std::error_code ec;
  auto status = std::filesystem::status(cassette, ec);
  if (ec || !std::filesystem::exists(status)) return fail(cassette + ": error: no such file");
  if (std::filesystem::is_directory(status))
    return fail(cassette + ": error: is a directory, not a file");
  std::ifstream in(cassette, std::ios::binary);
  if (!in) return fail(cassette + ": error: cannot read: " + std::strerror(errno));
  auto provider = std::unique_ptr<ReplayProvider>(new ReplayProvider());
  provider->cassette_ = cassette;
  // Read in chunks and split into lines, so a line is never held beyond max_line bytes
  // however long it is in the file.
  const std::size_t max_line = 2 * max_response_bytes;
  std::string current;
  int line = 0;
  auto finish_line = [&]() -> std::optional<std::string> {
    ++line;
    auto error = read_answer(current, max_response_bytes, provider->answers_);
    current.clear();
    if (!error) return std::nullopt;
    return cassette + ":" + std::to_string(line) + ": error: " + *error;
  };
  std::vector<char> buffer(1 << 16);
  while (in) {
    in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    std::string_view chunk(buffer.data(), static_cast<std::size_t>(in.gcount()));
    while (!chunk.empty()) {
      auto newline = chunk.find('\n');
      auto piece = chunk.substr(0, newline);
      if (current.size() + piece.size() > max_line)
        return fail(cassette + ":" + std::to_string(line + 1) + ": error: line longer than " +
                    human_size(max_line) +
                    " (twice the response cap; raise it with --max-response-size)");
      current.append(piece);
      if (newline == std::string_view::npos) break;
      if (auto error = finish_line()) return fail(*error);
      chunk.remove_prefix(newline + 1);
    }
  }
  if (!current.empty())
    if (auto error = finish_line()) return fail(*error);
  return provider;
}

Result<Completions> ReplayProvider::complete(const CompletionRequest& request, Deadline) {
  const std::string key = request_key(request);
  auto it = answers_.find(key);
  if (it == answers_.end())
    return fail("replay: error: " + cassette_ + " has no answer for request " + key.substr(0, 16) +
                " (model '" + request.model + "', n=" + std::to_string(request.n) + ", " +
                std::to_string(request.messages.size()) + " messages); record one with --record");
  Completions c = it->second;
  c.requests = 1;
  return c;
}

Result<Completions> RecordingProvider::complete(const CompletionRequest& request,
                                                Deadline deadline) {
  auto answer = inner_.complete(request, deadline);
  if (!answer.ok()) return answer;
  nlohmann::json messages = nlohmann::json::array();
  for (const auto& m : request.messages)
    messages.push_back({{"role", m.role}, {"content", m.content}});
  nlohmann::json line = {{"key", request_key(request)},
                         {"request",
                          {{"model", request.model},
                           {"n", request.n},
                           {"temperature", request.temperature},
                           {"messages", messages}}},
                         {"response",
                          {{"texts", answer->texts},
                           {"finish_reasons", answer->finish_reasons},
                           {"prompt_tokens", answer->prompt_tokens},
                           {"completion_tokens", answer->completion_tokens}}}};
  std::lock_guard<std::mutex> lock(mutex_);
  // One write of one line per answer, flushed: a killed run keeps every answer it recorded.
  std::ofstream out(cassette_, std::ios::app | std::ios::binary);
  out << line.dump() << '\n';
  out.flush();
  return answer;
}

}  // namespace verigen
