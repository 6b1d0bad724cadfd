#include "gen/providers/openai_provider.h"

#include <algorithm>
#include <mutex>
#include <nlohmann/json.hpp>
#include <random>
#include <thread>

#include "gen/providers/http_client.h"

namespace verigen {
namespace {

using Clock = std::chrono::steady_clock;

/// The start of a body for an error line; cut after redaction, so a cut never leaves part of a
/// secret behind.
std::string snippet(const std::string& body) {
  std::string s = body.substr(0, 200);
  std::replace(s.begin(), s.end(), '\n', ' ');
  return s;
}

/// Sleeps for `wait` or until the deadline, whichever is first; false when the deadline won.
bool wait_within(std::chrono::milliseconds wait, Deadline deadline) {
  auto left = deadline.remaining();
  if (left <= wait) {
    std::this_thread::sleep_for(left);
    return false;
  }
  std::this_thread::sleep_for(wait);
  return true;
}

/// A slot of the concurrency limit, released on scope exit.
class SlotGuard {
 public:
  explicit SlotGuard(std::counting_semaphore<64>& s) : s_(s) { s_.acquire(); }
  ~SlotGuard() { s_.release(); }
  SlotGuard(const SlotGuard&) = delete;
  SlotGuard& operator=(const SlotGuard&) = delete;

 private:
  std::counting_semaphore<64>& s_;
};

}  // namespace

OpenAIProvider::OpenAIProvider(OpenAIConfig config)
    : config_(std::move(config)), slots_(std::clamp(config_.concurrency, 1, 64)) {
  url_ = append_url_path(config_.base_url, "/chat/completions");
  shown_url_ = redact_url(url_);
  auto secrets = url_secrets(config_.base_url);
  secrets.push_back(config_.api_key);
  redact_ = Redactor(std::move(secrets));
}

Result<Completions> OpenAIProvider::post(const CompletionRequest& request, int n,
                                         Deadline deadline) {
  nlohmann::json messages = nlohmann::json::array();
  for (const auto& m : request.messages)
    messages.push_back({{"role", m.role}, {"content", m.content}});
  nlohmann::json body = {{"model", request.model.empty() ? config_.model : request.model},
                         {"messages", messages},
                         {"temperature", request.temperature},
                         {"max_tokens", request.max_tokens}};
  if (n > 1) body["n"] = n;
  if (request.seed) body["seed"] = *request.seed;
  std::vector<std::string> headers = {"Content-Type: application/json", "Accept: application/json"};
  if (!config_.api_key.empty()) headers.push_back("Authorization: Bearer " + config_.api_key);

  thread_local std::mt19937 jitter{std::random_device{}()};
  std::string last_error;
  const std::string where = "openai: error: POST " + shown_url_;
  for (int attempt = 0; attempt < std::max(1, config_.max_attempts); ++attempt) {
    if (deadline.expired()) break;
    auto timeout = std::min(config_.request_timeout, deadline.remaining());
    Result<HttpResponse> response = [&] {
      SlotGuard slot(slots_);
      return http_post(url_, headers, body.dump(), timeout, config_.max_response_bytes);
    }();
    std::chrono::milliseconds wait{0};
    if (response.ok() && response->too_large) {
      return fail(where + ": the answer is larger than " + human_size(config_.max_response_bytes) +
                  " (the response cap); reading stopped there. Raise the cap with "
                  "--max-response-size if the model really writes that much");
    }
    if (!response.ok()) {
      last_error = redact_(response.error());
    } else if (response->status == 200) {
      auto j = nlohmann::json::parse(response->body, nullptr, false);
      if (j.is_discarded() || !j.is_object())
        return fail(where +
                    ": malformed JSON in the response: " + snippet(redact_(response->body)));
      if (!j.contains("choices") || !j["choices"].is_array())
        return fail(where +
                    ": the response has no 'choices' list: " + snippet(redact_(response->body)));
      Completions out;
      out.requests = 1;
      for (const auto& choice : j["choices"]) {
        if (!choice.is_object() || !choice.contains("message") || !choice["message"].is_object() ||
            !choice["message"].contains("content") || !choice["message"]["content"].is_string())
          return fail(where +
                      ": a choice has no message content: " + snippet(redact_(choice.dump())));
        // A server that echoes the key into an answer must not get it into a cassette or log.
        out.texts.push_back(redact_(choice["message"]["content"].get<std::string>()));
        out.finish_reasons.push_back(
            redact_(choice.contains("finish_reason") && choice["finish_reason"].is_string()
                        ? choice["finish_reason"].get<std::string>()
                        : ""));
      }
      if (j.contains("usage") && j["usage"].is_object()) {
        auto number = [&](const char* k) {
          return j["usage"].contains(k) && j["usage"][k].is_number_integer()
                     ? j["usage"][k].get<long>()
                     : 0L;
        };
        out.prompt_tokens = number("prompt_tokens");
        out.completion_tokens = number("completion_tokens");
      }
      return out;
    } else if (response->status == 429 || response->status >= 500) {
      last_error =
          "HTTP " + std::to_string(response->status) + ": " + snippet(redact_(response->body));
      if (auto it = response->headers.find("retry-after"); it != response->headers.end()) {
        try {
          wait = std::chrono::milliseconds(static_cast<long long>(std::stod(it->second) * 1000));
        } catch (...) {
          // An HTTP-date Retry-After: fall back to the computed backoff.
        }
      }
    } else {
      // 4xx other than 429: the request itself is wrong; retrying cannot help.
      return fail(where + ": HTTP " + std::to_string(response->status) + ": " +
                  snippet(redact_(response->body)));
    }
    if (attempt + 1 >= config_.max_attempts) break;
    if (wait.count() == 0) {
      auto exp = config_.backoff_base * (1LL << std::min(attempt, 16));
      exp = std::min<std::chrono::milliseconds>(exp, config_.backoff_cap);
      std::uniform_real_distribution<double> spread(0.5, 1.5);
      wait = std::chrono::milliseconds(static_cast<long long>(exp.count() * spread(jitter)));
    }
    if (!wait_within(wait, deadline)) break;
  }
  if (deadline.expired() && last_error.empty()) last_error = "deadline passed";
  return fail(where + ": gave up after " + std::to_string(config_.max_attempts) +
              " attempt(s): " + last_error);
}

Result<Completions> OpenAIProvider::complete(const CompletionRequest& request, Deadline deadline) {
  if ((request.model.empty() ? config_.model : request.model).empty())
    return fail(
        "openai: error: no model configured: set VERIGEN_MODEL, pass --model, or put model = "
        "\"...\" in verigen.toml");
  const auto started = Clock::now();
  Completions all;
  std::string first_error;
  const int n = std::max(1, request.n);
  if (n == 1 || !fan_out_only_) {
    auto batch = post(request, n, deadline);
    if (batch.ok()) {
      all = std::move(*batch);
    } else if (n > 1 && batch.error().find("HTTP 400") != std::string::npos) {
      fan_out_only_ =
          true;  // the server rejects n > 1 (llama.cpp): one sample per request from now on
    } else {
      first_error = batch.error();
    }
  }
  if (static_cast<int>(all.texts.size()) < n && first_error.empty()) {
    // Fewer choices than asked: fan out single requests for the rest, concurrently.
    const int missing = n - static_cast<int>(all.texts.size());
    std::mutex mutex;
    std::vector<std::thread> workers;
    for (int i = 0; i < missing; ++i) {
      workers.emplace_back([&] {
        auto one = post(request, 1, deadline);
        std::lock_guard<std::mutex> lock(mutex);
        if (one.ok()) {
          for (std::size_t k = 0; k < one->texts.size(); ++k) {
            all.texts.push_back(one->texts[k]);
            all.finish_reasons.push_back(one->finish_reasons[k]);
          }
          all.prompt_tokens += one->prompt_tokens;
          all.completion_tokens += one->completion_tokens;
          all.requests += 1;
        } else if (first_error.empty()) {
          first_error = one.error();
        }
      });
    }
    for (auto& w : workers) w.join();
  }
  all.elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - started);
  if (all.texts.empty())
    return fail(first_error.empty() ? "openai: error: no completions" : first_error);
  if (static_cast<int>(all.texts.size()) > n) {
    all.texts.resize(n);
    all.finish_reasons.resize(n);
  }
  return all;
}

}  // namespace verigen
