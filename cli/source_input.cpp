#include "cli/source_input.h"

#include <cstdio>

#include "core/file_io.h"

namespace verigen::cli {

Result<SourceFile> read_source(const std::string& path) {
  auto language = language_of_path(path);
  auto text = read_file(path);
  if (!text.ok()) return fail(text.error());
  if (!language)
    return fail(path + ": error: unknown file type (expected .dfy, .lean, .fst, .fsti or .sl)");
  if (text->find_first_not_of(" \t\r\n") == std::string::npos)
    return fail(path + ": error: file is empty");
  std::size_t bad = 0;
  if (!is_valid_utf8(*text, &bad)) {
    int line = 1, column = 1;
    for (std::size_t i = 0; i < bad; ++i) {
      if ((*text)[i] == '\n') {
        ++line;
        column = 1;
      } else {
        ++column;
      }
    }
    char byte[8];
    std::snprintf(byte, sizeof byte, "0x%02x", static_cast<unsigned char>((*text)[bad]));
    return fail(path + ":" + std::to_string(line) + ":" + std::to_string(column) +
                ": error: invalid UTF-8 (byte " + byte + "); source files must be UTF-8");
  }
  return SourceFile{path, *language, std::move(*text)};
}

}  // namespace verigen::cli
