// verigen.toml: real TOML read with toml++, every key and value validated, errors at file:line:col.

#include "gen/providers/provider_config.h"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>

using namespace verigen;
namespace fs = std::filesystem;
using namespace std::chrono_literals;

namespace {

fs::path scratch(const std::string& name) {
  auto dir =
      fs::temp_directory_path() / ("verigen-config-" + name + "-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

/// The error parse_provider_config gives for `text` ("" when it succeeds).
std::string error_of(const std::string& text) {
  auto r = parse_provider_config("v.toml", text);
  return r.ok() ? std::string() : r.error();
}

}  // namespace

// Contract: valid TOML the old hand-written subset parser refused is read: literal strings,
// escapes, inline tables, dotted keys, floats with exponents, digit separators, a '#' inside
// a string.
TEST_CASE("verigen.toml: valid TOML is read", "[unit]") {
  auto literal = parse_provider_config("v.toml", "model = 'qwen:7b' # literal string\n");
  REQUIRE(literal.ok());
  CHECK(literal->model == "qwen:7b");

  auto escaped = parse_provider_config("v.toml", "model = \"a\\\"b#c\"\n");
  REQUIRE(escaped.ok());
  CHECK(escaped->model == "a\"b#c");

  auto inline_table = parse_provider_config(
      "v.toml", "provider = { base_url = \"https://h/v1\", timeout = 1.5e1 }\n");
  REQUIRE(inline_table.ok());
  CHECK(inline_table->base_url == "https://h/v1");
  CHECK(inline_table->timeout == 15000ms);

  auto dotted =
      parse_provider_config("v.toml", "provider.model = \"m\"\nprovider.max_attempts = 3\n");
  REQUIRE(dotted.ok());
  CHECK(dotted->model == "m");
  CHECK(dotted->max_attempts == 3);

  auto table =
      parse_provider_config("v.toml",
                            "# comment\n[provider]\nbase_url = \"http://h/v1\" # trailing\n"
                            "timeout = 1_200\nconcurrency = 8\napi_key = \"\"\"k\"\"\"\n");
  REQUIRE(table.ok());
  CHECK(table->timeout == 1200000ms);
  CHECK(table->concurrency == 8);
  CHECK(table->api_key == "k");
  CHECK_FALSE(table->model);

  auto openai = parse_provider_config("v.toml", "[openai]\nmodel = \"m\"\n");
  REQUIRE(openai.ok());
  CHECK(openai->model == "m");
}

// Contract: each bad value is refused at its line and column, with what was expected.
TEST_CASE("verigen.toml: bad values name file:line:col", "[unit]") {
  CHECK(error_of("model = \"m\"\ntimeout = -5\n") ==
        "v.toml:2:11: error: timeout must be a number of seconds in (0, 86400], got -5");
  CHECK(error_of("timeout = 1e308\n") ==
        "v.toml:1:11: error: timeout must be a number of seconds in (0, 86400], got 1e+308");
  CHECK(error_of("timeout = nan\n") ==
        "v.toml:1:11: error: timeout must be a number of seconds in (0, 86400], got nan");
  CHECK(error_of("timeout = -inf\n") ==
        "v.toml:1:11: error: timeout must be a number of seconds in (0, 86400], got -inf");
  CHECK(error_of("timeout = 0\n") ==
        "v.toml:1:11: error: timeout must be a number of seconds in (0, 86400], got 0");
  CHECK(error_of("timeout = \"30\"\n") ==
        "v.toml:1:11: error: timeout must be a number of seconds, got a string");
  CHECK(error_of("[provider]\nmax_attempts = 0\n") ==
        "v.toml:2:16: error: max_attempts must be between 1 and 100, got 0");
  CHECK(error_of("concurrency = 4.5\n") ==
        "v.toml:1:15: error: concurrency must be an integer, got a float");
  CHECK(error_of("concurrency = 65\n") ==
        "v.toml:1:15: error: concurrency must be between 1 and 64, got 65");
  CHECK(error_of("model = 7\n") == "v.toml:1:9: error: model must be a string, got an integer");
  CHECK(error_of("model = \"\"\n") == "v.toml:1:9: error: model must not be empty");
  CHECK(error_of("base_url = \"ftp://h\"\n") ==
        "v.toml:1:12: error: base_url must start with http:// or https://");
  CHECK(error_of("model = \"a\"\n[provider]\nmodel = \"b\"\n") ==
        "v.toml:3:1: error: 'model' is already set on line 1");
  CHECK(error_of("provider = 3\n") == "v.toml:1:1: error: 'provider' must be a table");
}

// Contract: an unknown key or table is an error at its place, with a suggestion when a known
// name is close; TOML syntax errors keep toml++'s place.
TEST_CASE("verigen.toml: unknown keys and syntax errors", "[unit]") {
  CHECK(error_of("modle = \"m\"\n") ==
        "v.toml:1:1: error: unknown key 'modle' (did you mean 'model'?); known keys: base_url, "
        "api_key, model, timeout, max_attempts, concurrency, max_tokens, max_tokens_param, "
        "send_temperature, send_n, prompts");
  CHECK(error_of("\n[provider]\n  timout = 5\n") ==
        "v.toml:3:3: error: unknown key 'timout' (did you mean 'timeout'?); known keys: "
        "base_url, api_key, model, timeout, max_attempts, concurrency, max_tokens, "
        "max_tokens_param, send_temperature, send_n, prompts");
  CHECK(error_of("[proivder]\nmodel = \"m\"\n") ==
        "v.toml:1:2: error: unknown table 'proivder' (did you mean 'provider'?); known tables: "
        "provider, openai");
  CHECK(
      error_of("temperature = 0.2\n").rfind("v.toml:1:1: error: unknown key 'temperature'; ", 0) ==
      0);
  CHECK(error_of("model = \"m\"\nnonsense\n") ==
        "v.toml:2:9: error: parsing key-value pair: expected '=', saw '\\n'");
  // Found by fuzzing: toml++ quotes the offending character, here a newline; the error stays
  // one line (benchmarks/fuzz/regressions/config/newline-in-toml-error).
  CHECK(error_of("# c\nase8 =  t\nx") ==
        "v.toml:2:10: error: parsing boolean: expected 'true', saw 't\\n'");
  CHECK(error_of("a\x01 = 1\n").find('\x01') == std::string::npos);
  CHECK(error_of("model = \"m\"\nmodel = \"n\"\n").rfind("v.toml:2:", 0) == 0);
}

// Contract: non-ASCII characters where toml++ 3.3 would reach undefined behaviour (found by
// fuzzing, benchmarks/fuzz/regressions/config/) are refused at their place; inside strings and
// comments they are read.
TEST_CASE("verigen.toml: non-ASCII characters toml++ 3.3 cannot read", "[unit]") {
  CHECK(error_of("\xc3\xa9 = 1\n") ==
        "v.toml:1:1: error: non-ASCII character outside a string or comment");
  CHECK(error_of("#\n[\xef\xbb\x9fvil]\n") ==
        "v.toml:2:2: error: non-ASCII character outside a string or comment");
  // Found by fuzzing: a NUL after '[' broke toml++'s assumption (an assertion in debug builds).
  CHECK(error_of(std::string("[\0penUn[t\"\nmopan[eo = 2_000", 26)) ==
        "v.toml:1:2: error: control character U+0000 (TOML allows only tab and line ends)");
  CHECK(error_of("model = \"a\x7f\"\n") ==
        "v.toml:1:11: error: control character U+007F (TOML allows only tab and line ends)");
  // Found by fuzzing: toml++ assumes a header's first character starts a key.
  CHECK(error_of("[/api]\n") == "v.toml:1:2: error: a table header must start with a key");
  CHECK(error_of("[ \n") == "v.toml:1:3: error: a table header must start with a key");
  CHECK(error_of("[[#]]\n") == "v.toml:1:3: error: a table header must start with a key");
  CHECK(error_of("[[[a]]]\n") == "v.toml:1:3: error: a table header must start with a key");
  CHECK(error_of("[\rom") == "v.toml:1:2: error: a table header must start with a key");
  CHECK(error_of("m = 0400-S0-S__q 5\n")
            .rfind("v.toml:1:18: error: a date followed by a one-digit time", 0) == 0);
  CHECK(error_of("a = [2000-01-01 0]\n")
            .rfind("v.toml:1:17: error: a date followed by a one-digit time", 0) == 0);
  auto crlf = parse_provider_config("v.toml", "[provider]\r\nmodel = \"caf\xc3\xa9\"\r\n");
  REQUIRE(crlf.ok());
  CHECK(crlf->model == "caf\xc3\xa9");
  CHECK(error_of("model = [ # c\n}\n") ==
        "v.toml:2:1: error: expected a value or ']' in an array, saw '}'");
  CHECK(error_of("[[provider]]\n").rfind("v.toml:1:3: error: 'provider' must be a table", 0) == 0);
  // A quote right after a value's first character does not start a string for toml++.
  CHECK(error_of("jd = -\"x\xce\xbc\"\n") ==
        "v.toml:1:9: error: non-ASCII character outside a string or comment");
  CHECK(error_of("model = \"a\\\xc3\xa9\"\n") ==
        "v.toml:1:12: error: non-ASCII character after a backslash");
  CHECK(error_of("model = \"\"\"\\\n  \xc2\xa7\"\"\"\n")
            .rfind("v.toml:2:3: error: non-ASCII character right after a line-ending backslash",
                   0) == 0);
  auto ok = parse_provider_config(
      "v.toml", "# caf\xc3\xa9\nmodel = \"caf\xc3\xa9\" # \xc2\xa7\napi_key = '''\xc2\xa7'''\n");
  REQUIRE(ok.ok());
  CHECK(ok->model == "caf\xc3\xa9");
  CHECK(
      error_of("\"caf\xc3\xa9\" = 1\n").rfind("v.toml:1:1: error: unknown key 'caf\xc3\xa9'", 0) ==
      0);
}

// Contract: flags override the environment, which overrides the config file; the file is found
// in the start directory or an ancestor; a bad file is an error even when the environment
// overrides the bad key.
TEST_CASE("configuration precedence", "[unit]") {
  auto dir = scratch("precedence");
  std::ofstream(dir / "verigen.toml")
      << "base_url = \"http://file/v1\"\nmodel = \"file-model\"\nconcurrency = 3\ntimeout = 2.5\n";
  fs::create_directories(dir / "sub");
  ::unsetenv("OPENAI_BASE_URL");
  ::unsetenv("VERIGEN_MODEL");
  auto from_file = resolve_openai_config("", (dir / "sub").string());
  REQUIRE(from_file.ok());
  CHECK(from_file->base_url == "http://file/v1");
  CHECK(from_file->model == "file-model");
  CHECK(from_file->concurrency == 3);
  CHECK(from_file->request_timeout == 2500ms);
  CHECK(from_file->max_attempts == OpenAIConfig{}.max_attempts);
  ::setenv("VERIGEN_MODEL", "env-model", 1);
  CHECK(resolve_openai_config("", (dir / "sub").string())->model == "env-model");
  CHECK(resolve_openai_config("flag-model", (dir / "sub").string())->model == "flag-model");

  std::ofstream(dir / "verigen.toml") << "model = 3\n";
  auto bad = resolve_openai_config("flag-model", (dir / "sub").string());
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error() ==
        (dir / "verigen.toml").string() + ":1:9: error: model must be a string, got an integer");
  ::unsetenv("VERIGEN_MODEL");
  fs::remove_all(dir);
}

// Contract: the inputs fuzzing found (benchmarks/fuzz/regressions/config/) are read to a one-line
// error naming the file, like any other bad file.
TEST_CASE("verigen.toml: fuzzing regressions", "[unit]") {
  const fs::path folder = fs::path(VERIGEN_SOURCE_DIR) / "benchmarks/fuzz/regressions/config";
  int inputs = 0;
  for (const auto& entry : fs::directory_iterator(folder)) {
    std::ifstream in(entry.path(), std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    INFO(entry.path().filename().string());
    auto error = error_of(text);
    CHECK(error.rfind("v.toml:", 0) == 0);
    CHECK(error.find('\n') == std::string::npos);
    ++inputs;
  }
  CHECK(inputs >= 4);
}

// Contract: the request-shape keys are read and reach the provider's config; bad values are
// one-line errors naming the place.
TEST_CASE("verigen.toml: request shape keys", "[unit]") {
  auto ok = parse_provider_config(
      "v.toml",
      "max_tokens = 8000\nmax_tokens_param = \"max_completion_tokens\"\nsend_temperature = "
      "false\nsend_n = false\n");
  REQUIRE(ok.ok());
  CHECK(ok->max_tokens == 8000);
  CHECK(ok->max_tokens_param == "max_completion_tokens");
  CHECK(ok->send_temperature == false);
  CHECK(ok->send_n == false);
  auto bad = parse_provider_config("v.toml", "max_tokens_param = \"tokens\"\n");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error() ==
        "v.toml:1:20: error: max_tokens_param must be \"max_tokens\" or \"max_completion_tokens\"");
  auto flag = parse_provider_config("v.toml", "send_n = 1\n");
  REQUIRE_FALSE(flag.ok());
  CHECK(flag.error() == "v.toml:1:10: error: send_n must be true or false, got an integer");
}

// Contract: `prompts` names a folder relative to the config file (not to where verigen runs);
// resolve_openai_config hands it on absolute; a folder that is not there is an error with the
// file's place.
TEST_CASE("verigen.toml: the prompts folder", "[unit]") {
  auto dir = scratch("prompts");
  fs::create_directories(dir / "templates" / "dafny");
  std::ofstream(dir / "verigen.toml") << "prompts = \"templates\"\n";
  fs::create_directories(dir / "sub");
  auto config = resolve_openai_config("", (dir / "sub").string());
  REQUIRE(config.ok());
  CHECK(fs::path(config->prompts_dir) == (dir / "templates").lexically_normal());

  std::ofstream(dir / "verigen.toml") << "\nprompts = \"nowhere\"\n";
  auto missing = resolve_openai_config("", (dir / "sub").string());
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.error() == (dir / "verigen.toml").string() + ":2:11: error: prompts: no folder '" +
                               (dir / "nowhere").lexically_normal().string() + "'");
  CHECK(error_of("prompts = 3\n") ==
        "v.toml:1:11: error: prompts must be a folder's path, got an integer");
  fs::remove_all(dir);
}
