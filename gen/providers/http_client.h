#pragma once
/// One HTTP POST over libcurl, with a timeout, returning status, headers and body.

#include <chrono>
#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "core/result.h"
#include "gen/size_limits.h"

namespace verigen {

struct HttpResponse {
  long status = 0;
  std::map<std::string, std::string> headers;  ///< lower-cased names
  std::string body;                            ///< at most the cap's bytes
  bool too_large = false;  ///< the server sent more than the cap: reading stopped there
};

/// A transport-level failure (no HTTP status): connection refused, timeout, DNS ...
struct HttpFailure {
  bool timed_out = false;
  std::string message;
};

/// POSTs `body` to `url` with `headers` ("Name: value"). A Failure's message says what went
/// wrong at the transport level and starts with "timeout:" for a time-out; it never contains
/// the request's headers or the URL (they may carry credentials). At most `max_body_bytes` of
/// the answer are read: a larger answer stops the transfer there and comes back with
/// `too_large` set (never more memory than the cap, whatever the server sends).
Result<HttpResponse> http_post(const std::string& url, const std::vector<std::string>& headers,
                               const std::string& body, std::chrono::milliseconds timeout,
                               std::size_t max_body_bytes = kDefaultMaxResponseBytes);

}  // namespace verigen
