#include "core/verification_cache.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "core/caching_backend.h"

using namespace verigen;
namespace fs = std::filesystem;

namespace {

fs::path fresh_dir(const std::string& name) {
  auto dir =
      fs::temp_directory_path() / ("verigen-cache-test-" + name + "-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  return dir;
}

/// Counts calls and answers with a preset verdict: stands in for a verifier so the cache's own
/// behaviour can be observed (the real Dafny path is covered in the CLI tests).
class CountingBackend : public Backend {
 public:
  explicit CountingBackend(Verdict answer) : answer_(std::move(answer)) {}
  std::string name() const override { return "counting"; }
  std::string version() override { return "1"; }
  std::string options_fingerprint() const override { return ""; }
  int calls = 0;

 protected:
  Verdict do_verify(const Candidate&, Deadline) override {
    ++calls;
    return answer_;
  }

 private:
  Verdict answer_;
};

Candidate sample(const std::string& path, const std::string& text) {
  Candidate c;
  c.display_path = path;
  c.text = text;
  return c;
}

Verdict refuted_at(const std::string& file) {
  Diagnostic d;
  d.where.file = file;
  d.where.line = 3;
  d.message = "postcondition";
  return Verdict::refuted({d});
}

}  // namespace

// Contract: a definitive verdict is served from the cache on the second call, with its
// diagnostics re-pointed at the new display path.
TEST_CASE("cache hit re-points diagnostics", "[unit]") {
  VerificationCache cache(fresh_dir("hit").string());
  CountingBackend inner(refuted_at("a.dfy"));
  CachingBackend cached(inner, cache);
  auto first = cached.verify(sample("a.dfy", "text"), Deadline::never());
  auto second = cached.verify(sample("b.dfy", "text"), Deadline::never());
  CHECK(inner.calls == 1);
  CHECK_FALSE(first.cached);
  CHECK(second.cached);
  CHECK(second.outcome == Outcome::Refuted);
  CHECK(second.diagnostics.at(0).where.file == "b.dfy");
}

// Contract: different text, options or symbol are different keys.
TEST_CASE("cache keys separate text and symbol", "[unit]") {
  Candidate a = sample("a.dfy", "x");
  Candidate b = sample("a.dfy", "y");
  Candidate c = a;
  c.symbol = "M";
  auto ka = VerificationCache::key("dafny", "4.11.0", "o", a);
  CHECK(ka != VerificationCache::key("dafny", "4.11.0", "o", b));
  CHECK(ka != VerificationCache::key("dafny", "4.11.0", "o", c));
  CHECK(ka != VerificationCache::key("dafny", "4.10.0", "o", a));
  CHECK(ka != VerificationCache::key("dafny", "4.11.0", "p", a));
}

// Contract: Unknown and Error verdicts are never cached (a timeout may pass next time).
TEST_CASE("unknown and error are not cached", "[unit]") {
  VerificationCache cache(fresh_dir("nocache").string());
  CountingBackend inner(Verdict::unknown(Cause::Timeout, "slow"));
  CachingBackend cached(inner, cache);
  cached.verify(sample("a.dfy", "t"), Deadline::never());
  cached.verify(sample("a.dfy", "t"), Deadline::never());
  CHECK(inner.calls == 2);
  CHECK_FALSE(fs::exists(cache.directory()));
}

// Contract: a time-out under the tool's own limit (part of the options) is the tool's answer and
// is served from the cache, still Unknown — never Verified.
TEST_CASE("a time-out under the tool's own limit is cached as unknown", "[unit]") {
  VerificationCache cache(fresh_dir("toollimit").string());
  Verdict timed_out = Verdict::unknown(Cause::Timeout, "timed out after 20 seconds");
  timed_out.reproducible = true;
  CountingBackend inner(timed_out);
  CachingBackend cached(inner, cache);
  cached.verify(sample("a.dfy", "t"), Deadline::never());
  Verdict again = cached.verify(sample("a.dfy", "t"), Deadline::never());
  CHECK(inner.calls == 1);
  CHECK(again.cached);
  CHECK(again.outcome == Outcome::Unknown);
  CHECK(again.cause == Cause::Timeout);
}

// Contract: a corrupt entry is ignored (the tool is asked again) and rewritten.
TEST_CASE("corrupt cache entry is ignored and rewritten", "[unit]") {
  auto dir = fresh_dir("corrupt");
  VerificationCache cache(dir.string());
  CountingBackend inner(Verdict::verified_by("1"));
  CachingBackend cached(inner, cache);
  cached.verify(sample("a.dfy", "t"), Deadline::never());
  fs::path entry;
  for (auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file()) entry = e.path();
  REQUIRE_FALSE(entry.empty());
  std::ofstream(entry, std::ios::trunc) << "{\"format\": 1, \"key\": tru";
  auto again = cached.verify(sample("a.dfy", "t"), Deadline::never());
  CHECK(inner.calls == 2);
  // Readable JSON of the wrong shape is a miss too, not an exception.
  for (const char* damaged :
       {"{\"format\": \"2\", \"key\": 7}", "[1]", "{\"format\": 2, \"key\": null}"}) {
    std::ofstream(entry, std::ios::trunc) << damaged;
    CHECK(cache.load(entry.stem().string(), "a.dfy") == std::nullopt);
  }
  cached.verify(sample("a.dfy", "t"), Deadline::never());
  CHECK(inner.calls == 3);
  CHECK(again.verified());
  auto third = cached.verify(sample("a.dfy", "t"), Deadline::never());
  CHECK(third.cached);
  CHECK(inner.calls == 3);
}
