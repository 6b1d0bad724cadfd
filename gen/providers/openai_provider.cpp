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
  shape_ = config_.shape;
}

RequestShape OpenAIProvider::shape() const {
  std::lock_guard<std::mutex> lock(shape_mutex_);
  return shape_;
}

bool OpenAIProvider::adapt_to(const RequestShape& sent, Refusal refusal) {
  std::string note;
  {
    std::lock_guard<std::mutex> lock(shape_mutex_);
    auto [next, line] = adapt(sent, refusal);
    if (line.empty()) return false;
    // Another request may have made the same change already: then only retry with it.
    bool fresh = false;
    if (refusal == Refusal::MaxTokens && shape_.max_tokens_param == sent.max_tokens_param) {
      shape_.max_tokens_param = next.max_tokens_param;
      fresh = true;
    } else if (refusal == Refusal::Temperature && shape_.send_temperature) {
      shape_.send_temperature = false;
      fresh = true;
    } else if (refusal == Refusal::N && shape_.send_n) {
      shape_.send_n = false;
      fresh = true;
    }
    if (fresh) note = "openai: note: " + line;
  }
  if (!note.empty() && config_.on_note) config_.on_note(note);
  return true;
}

Result<Completions> OpenAIProvider::post(const CompletionRequest& request, int n,
                                         std::optional<long> seed, Deadline deadline) {
  std::vector<std::string> headers = {"Content-Type: application/json", "Accept: application/json"};
  if (!config_.api_key.empty()) headers.push_back("Authorization: Bearer " + config_.api_key);
  // Each refused parameter is adapted once; three is every parameter there is to adapt.
  int adaptations_left = 3;

  thread_local std::mt19937 jitter{std::random_device{}()};
  std::string last_error;
  const std::string where = "openai: error: POST " + shown_url_;
  for (int attempt = 0; attempt < std::max(1, config_.max_attempts); ++attempt) {
    if (deadline.expired()) break;
    auto timeout = std::min(config_.request_timeout, deadline.remaining());
    const RequestShape sent = shape();
    const std::string body = request_body(request, config_.model, n, seed, sent)
                                 .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    Result<HttpResponse> response = [&] {
      SlotGuard slot(slots_);
      return http_post(url_, headers, body, timeout, config_.max_response_bytes);
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
        if (!choice.is_object() || !choice.contains("message") || !choice["message"].is_object())
          return fail(where + ": a choice has no message: " + snippet(redact_(choice.dump())));
        const auto& message = choice["message"];
        const bool has_text = message.contains("content") && message["content"].is_string();
        // content null (or absent): a reasoning model that spent its budget thinking, or a
        // filtered answer. One such choice must not cost the others: it is an empty text,
        // whose finish_reason says why.
        if (message.contains("content") && !has_text && !message["content"].is_null())
          return fail(where +
                      ": a choice's content is not text: " + snippet(redact_(choice.dump())));
        // A server that echoes the key into an answer must not get it into a cassette or log.
        out.texts.push_back(has_text ? redact_(message["content"].get<std::string>()) : "");
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
    } else if (response->status == 400 && adaptations_left > 0 &&
               classify_refusal(response->body, sent, n) != Refusal::None) {
      // A parameter this server does not take: adapt the shape and ask again at once. A
      // refused n is the caller's to handle (it fans out single requests).
      const Refusal refusal = classify_refusal(response->body, sent, n);
      adapt_to(sent, refusal);
      if (refusal == Refusal::N)
        return fail(where + ": HTTP 400 refusing n > 1: " + snippet(redact_(response->body)));
      --adaptations_left;
      --attempt;
      continue;
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
  if (n == 1 || shape().send_n) {
    auto batch = post(request, n, request.seed, deadline);
    if (batch.ok()) {
      all = std::move(*batch);
    } else if (n == 1 || shape().send_n) {
      first_error = batch.error();
    }  // else the server refused n > 1: the fan-out below asks for all of them
  }
  if (static_cast<int>(all.texts.size()) < n && first_error.empty()) {
    // Fewer choices than asked: fan out single requests for the rest, concurrently.
    const int received = static_cast<int>(all.texts.size());
    const int missing = n - received;
    std::mutex mutex;
    std::vector<std::thread> workers;
    for (int i = 0; i < missing; ++i) {
      // Sample `received + i` gets its own seed: the same seed on every request would make a
      // server that honours seeds return the same answer each time.
      std::optional<long> seed;
      if (request.seed) seed = *request.seed + received + i;
      workers.emplace_back([&, seed] {
        auto one = post(request, 1, seed, deadline);
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
