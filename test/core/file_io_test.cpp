#include "core/file_io.h"

#include <catch2/catch.hpp>
#include <filesystem>

using namespace verigen;
namespace fs = std::filesystem;

namespace {
fs::path temp_dir() {
  auto dir = fs::temp_directory_path() / ("verigen-fileio-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  return dir;
}
}  // namespace

// Contract: read_file names the file and the problem; write_file_atomic leaves no temp files.
TEST_CASE("read_file errors name the file", "[unit]") {
  auto missing = read_file("/nonexistent/x.dfy");
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.error() == "/nonexistent/x.dfy: error: no such file");
  auto dir = read_file(temp_dir().string());
  REQUIRE_FALSE(dir.ok());
  CHECK(dir.error().find("is a directory") != std::string::npos);
}

TEST_CASE("atomic write then read, odd file name", "[unit]") {
  auto path = (temp_dir() / "sp ace ü.dfy").string();
  REQUIRE(write_file_atomic(path, "method M() {}\n").ok());
  auto back = read_file(path);
  REQUIRE(back.ok());
  CHECK(*back == "method M() {}\n");
  int files = 0;
  for (auto& e : fs::directory_iterator(temp_dir()))
    files += e.path().filename().string().find(".tmp.") == std::string::npos ? 0 : 1;
  CHECK(files == 0);
  fs::remove_all(temp_dir());
}

TEST_CASE("utf-8 validation", "[unit]") {
  std::size_t at = 0;
  CHECK(is_valid_utf8("plain ascii"));
  CHECK(is_valid_utf8("λ ℝ ü"));
  CHECK_FALSE(is_valid_utf8(std::string("ok\xff rest"), &at));
  CHECK(at == 2);
  CHECK_FALSE(is_valid_utf8(std::string("\xc0\x80")));  // overlong NUL
}
