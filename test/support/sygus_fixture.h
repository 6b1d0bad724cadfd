#pragma once
/// The SyGuS-INV problems of test/fixtures/sygus, read and parsed for a test. Header-only, as
/// scripted_generator.h: it needs the SyGuS reader, which verigen_test_support does not link,
/// and Catch2's REQUIRE, so that an unreadable or malformed fixture ends the test case that
/// asked for it with the reader's message.

#include <catch2/catch.hpp>
#include <string>
#include <utility>

#include "core/file_io.h"
#include "specs/sygus/problem.h"

namespace verigen::test {

struct SygusFixture {
  sygus::Problem problem;
  std::string text;  ///< the file as read
};

/// test/fixtures/sygus/`name`, read and parsed; REQUIREs both to succeed.
inline SygusFixture sygus_fixture(const std::string& name) {
  const std::string path = std::string(VERIGEN_SOURCE_DIR) + "/test/fixtures/sygus/" + name;
  auto text = read_file(path);
  INFO(path);
  REQUIRE(text.ok());
  auto problem = sygus::parse_problem(*text, path);
  INFO((problem.ok() ? "" : problem.error()));
  REQUIRE(problem.ok());
  return {std::move(*problem), std::move(*text)};
}

}  // namespace verigen::test
