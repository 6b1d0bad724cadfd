#include "cheat_corpus.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <sstream>

#include "core/file_io.h"

namespace verigen::test {
namespace fs = std::filesystem;

bool CorpusCase::has_leg(const std::string& leg) const {
  return std::find(legs.begin(), legs.end(), leg) != legs.end();
}

std::string corpus_root() { return std::string(VERIGEN_SOURCE_DIR) + "/test/fixtures/cheats"; }

std::vector<CorpusCase> load_corpus(const std::string& folder) {
  std::vector<CorpusCase> cases;
  for (const auto& entry : fs::directory_iterator(corpus_root() + "/" + folder)) {
    CorpusCase c;
    c.path = entry.path().string();
    c.name = entry.path().filename().string();
    c.text = read_file(c.path).value();
    c.honest = folder == "honest";
    std::istringstream lines(c.text);
    std::string line;
    while (std::getline(lines, line) && line.rfind("// ", 0) == 0) {
      auto colon = line.find(": ");
      if (colon == std::string::npos) break;
      std::string key = line.substr(3, colon - 3), value = line.substr(colon + 2);
      if (key == "cheat" || key == "honest") c.what = value;
      if (key == "spec") {
        std::istringstream words(value);
        std::string spec;
        words >> spec >> c.kind;
        c.spec = corpus_root() + "/specs/" + spec;
      }
      if (key == "legs") {
        std::istringstream words(value);
        for (std::string leg; words >> leg;) c.legs.push_back(leg);
      }
    }
    INFO(c.path);
    REQUIRE_FALSE(c.what.empty());
    REQUIRE(fs::exists(c.spec));
    REQUIRE_FALSE(c.kind.empty());
    REQUIRE_FALSE(c.legs.empty());
    cases.push_back(std::move(c));
  }
  std::sort(cases.begin(), cases.end(),
            [](const auto& a, const auto& b) { return a.name < b.name; });
  return cases;
}

}  // namespace verigen::test
