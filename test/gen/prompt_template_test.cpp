#include "gen/prompt_template.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

using namespace verigen;

// Contract: placeholders are replaced; a missing value or an unclosed placeholder is an error.
TEST_CASE("template rendering", "[unit]") {
  auto ok = render_template("a {{x}} b {{y}}{{x}}", {{"x", "1"}, {"y", "{{not a placeholder}}"}});
  REQUIRE(ok.ok());
  CHECK(*ok == "a 1 b {{not a placeholder}}1");
  auto missing = render_template("{{nope}}", {});
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.error().find("{{nope}}") != std::string::npos);
  CHECK_FALSE(render_template("{{open", {}).ok());
}

// Contract: every Dafny task kind has an embedded template whose placeholders the pipeline fills.
TEST_CASE("embedded dafny templates render", "[unit]") {
  std::map<std::string, std::string> values = {
      {"spec", "method M()"}, {"doc", "d"},     {"examples", "e"}, {"diagnostics", "x"},
      {"problem", "p"},       {"rules", "- r"}, {"candidate", "c"}};
  for (const char* kind : {"system", "implement", "annotate", "specify", "repair"}) {
    INFO(kind);
    auto text = prompt_template(Language::Dafny, kind);
    REQUIRE(text.ok());
    auto rendered = render_template(*text, values);
    REQUIRE(rendered.ok());
    CHECK(rendered->find("{{") == std::string::npos);
  }
  CHECK_FALSE(prompt_template(Language::Dafny, "no-such-kind").ok());
}

// Contract: a template in the --prompts folder replaces the embedded one; kinds it lacks stay
// embedded.
TEST_CASE("prompt templates are overridable from a folder", "[unit]") {
  auto dir = std::filesystem::temp_directory_path() / "verigen-prompt-override-test";
  std::filesystem::create_directories(dir / "dafny");
  std::ofstream(dir / "dafny" / "implement.txt") << "mine: {{spec}}";
  auto mine = prompt_template(Language::Dafny, "implement", dir.string());
  REQUIRE(mine.ok());
  CHECK(*mine == "mine: {{spec}}");
  auto embedded = prompt_template(Language::Dafny, "annotate", dir.string());
  REQUIRE(embedded.ok());
  CHECK(*embedded == *prompt_template(Language::Dafny, "annotate"));
  std::filesystem::remove_all(dir);
}
