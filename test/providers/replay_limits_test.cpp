// Replay cassettes under the response cap: an oversized recorded answer or line is a clear
// error naming the cassette and line, and a huge line is never held in memory.

#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "gen/providers/replay_provider.h"
#include "peak_memory.h"

using namespace verigen;
using namespace verigen::test;
namespace fs = std::filesystem;

namespace {

struct Scratch {
  fs::path dir =
      fs::temp_directory_path() / ("verigen-replay-limits-" + std::to_string(::getpid()));
  Scratch() {
    fs::remove_all(dir);
    fs::create_directories(dir);
  }
  ~Scratch() { fs::remove_all(dir); }
};

std::string answer_line(const std::string& key, const std::string& text) {
  return "{\"key\":\"" + key + "\",\"response\":{\"texts\":[\"" + text + "\"]}}\n";
}

}  // namespace

// Contract: a recorded answer larger than the cap is refused with file:line; one within it is
// read.
TEST_CASE("cassette answer over the response cap", "[unit]") {
  Scratch scratch;
  auto cassette = (scratch.dir / "c.jsonl").string();
  std::ofstream(cassette) << answer_line("small", std::string(900, 'a'))
                          << answer_line("big", std::string(1500, 'b'));
  auto refused = ReplayProvider::open(cassette, 1024);
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error() ==
        cassette +
            ":2: error: the recorded answer is larger than 1 KiB (the response cap; "
            "raise it with --max-response-size)");
  auto read = ReplayProvider::open(cassette, 2048);
  REQUIRE(read.ok());
  CHECK((*read)->size() == 2);
}

// Contract: a cassette line longer than twice the cap is refused as soon as the cap is passed;
// a 64 MiB line costs far less than 64 MiB of memory.
TEST_CASE("a huge cassette line is not held in memory", "[unit]") {
  Scratch scratch;
  auto cassette = (scratch.dir / "huge.jsonl").string();
  {
    std::ofstream out(cassette, std::ios::binary);
    out << answer_line("first", "ok") << "{\"key\":\"k\",\"response\":{\"texts\":[\"";
    const std::string chunk(1 << 20, 'x');
    for (int i = 0; i < 64; ++i) out << chunk;
    out << "\"]}}\n";
  }
  reset_peak_rss();
  const long before = peak_rss_kib();
  auto r = ReplayProvider::open(cassette);
  const long grown_kib = peak_rss_kib() - before;
  REQUIRE_FALSE(r.ok());
  CHECK(r.error() ==
        cassette +
            ":2: error: line longer than 16 MiB (twice the response cap; raise it with "
            "--max-response-size)");
  CHECK(grown_kib < 40 * 1024);
}
