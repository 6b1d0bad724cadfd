#pragma once
/// One HTTP POST over libcurl, with a timeout, returning status, headers and body.

#include <chrono>
#include <map>
#include <string>
#include <vector>

#include "core/result.h"

namespace verigen {

struct HttpResponse {
  long status = 0;
  std::map<std::string, std::string> headers;  ///< lower-cased names
  std::string body;
};

/// A transport-level failure (no HTTP status): connection refused, timeout, DNS ...
struct HttpFailure {
  bool timed_out = false;
  std::string message;
};

/// POSTs `body` to `url` with `headers` ("Name: value"). A Failure's message says what went
/// wrong at the transport level and starts with "timeout:" for a time-out; it never contains
/// the request's headers (they may carry credentials).
Result<HttpResponse> http_post(const std::string& url, const std::vector<std::string>& headers,
                               const std::string& body, std::chrono::milliseconds timeout);

}  // namespace verigen
