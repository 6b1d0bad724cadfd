// libFuzzer target: the verigen.toml reader (gen/providers/provider_config). Any input must give
// settings within their documented ranges or a one-line error naming the file.

#include <cmath>

#include "fuzz_input.h"
#include "gen/providers/provider_config.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using verigen::fuzz::require;
  auto settings =
      verigen::parse_provider_config("verigen.toml", verigen::fuzz::as_text(data, size));
  if (!settings.ok()) {
    const std::string& e = settings.error();
    require(e.rfind("verigen.toml:", 0) == 0, "an error names the file");
    require(e.find('\n') == std::string::npos, "an error is one line");
    return 0;
  }
  if (settings->timeout) require(settings->timeout->count() > 0, "timeout is positive");
  if (settings->max_attempts)
    require(*settings->max_attempts >= 1 && *settings->max_attempts <= 100,
            "max_attempts in range");
  if (settings->concurrency)
    require(*settings->concurrency >= 1 && *settings->concurrency <= 64, "concurrency in range");
  if (settings->model) require(!settings->model->empty(), "model is not empty");
  return 0;
}
