#include "gen/providers/replay_provider.h"

#include <fstream>
#include <nlohmann/json.hpp>

#include "core/file_io.h"

namespace verigen {

Result<std::unique_ptr<ReplayProvider>> ReplayProvider::open(const std::string& cassette) {
  auto text = read_file(cassette);
  if (!text.ok()) return fail(text.error());
  auto provider = std::unique_ptr<ReplayProvider>(new ReplayProvider());
  provider->cassette_ = cassette;
  std::size_t pos = 0;
  int line = 0;
  while (pos < text->size()) {
    auto end = text->find('\n', pos);
    if (end == std::string::npos) end = text->size();
    std::string current = text->substr(pos, end - pos);
    pos = end + 1;
    ++line;
    if (current.find_first_not_of(" \t\r") == std::string::npos) continue;
    auto where = cassette + ":" + std::to_string(line) + ": error: ";
    auto j = nlohmann::json::parse(current, nullptr, false);
    if (j.is_discarded() || !j.is_object()) return fail(where + "not a JSON object");
    if (!j.contains("key") || !j["key"].is_string()) return fail(where + "no \"key\" string");
    if (!j.contains("response") || !j["response"].is_object() || !j["response"].contains("texts") ||
        !j["response"]["texts"].is_array())
      return fail(where + "no \"response\" with a \"texts\" list");
    Completions c;
    for (const auto& t : j["response"]["texts"]) {
      if (!t.is_string()) return fail(where + "a text is not a string");
      c.texts.push_back(t.get<std::string>());
    }
    if (j["response"].contains("finish_reasons") && j["response"]["finish_reasons"].is_array())
      for (const auto& f : j["response"]["finish_reasons"]) c.finish_reasons.push_back(f.is_string() ? f.get<std::string>() : "");
    c.finish_reasons.resize(c.texts.size());
    c.prompt_tokens = j["response"].value("prompt_tokens", 0L);
    c.completion_tokens = j["response"].value("completion_tokens", 0L);
    provider->answers_[j["key"].get<std::string>()] = std::move(c);
  }
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

Result<Completions> RecordingProvider::complete(const CompletionRequest& request, Deadline deadline) {
  auto answer = inner_.complete(request, deadline);
  if (!answer.ok()) return answer;
  nlohmann::json messages = nlohmann::json::array();
  for (const auto& m : request.messages) messages.push_back({{"role", m.role}, {"content", m.content}});
  nlohmann::json line = {
      {"key", request_key(request)},
      {"request", {{"model", request.model}, {"n", request.n}, {"temperature", request.temperature},
                   {"messages", messages}}},
      {"response", {{"texts", answer->texts}, {"finish_reasons", answer->finish_reasons},
                    {"prompt_tokens", answer->prompt_tokens}, {"completion_tokens", answer->completion_tokens}}}};
  std::lock_guard<std::mutex> lock(mutex_);
  // One write of one line per answer, flushed: a killed run keeps every answer it recorded.
  std::ofstream out(cassette_, std::ios::app | std::ios::binary);
  out << line.dump() << '\n';
  out.flush();
  return answer;
}

}  // namespace verigen
