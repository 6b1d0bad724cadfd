#include "gen/prompt_template.h"

#include <filesystem>

#include "core/file_io.h"
#include "gen/embedded_files.h"

namespace verigen {

Result<std::string> render_template(const std::string& text,
                                    const std::map<std::string, std::string>& values) {
  std::string out;
  std::size_t pos = 0;
  while (true) {
    auto open = text.find("{{", pos);
    if (open == std::string::npos) break;
    auto close = text.find("}}", open + 2);
    if (close == std::string::npos) return fail("template: error: '{{' without '}}'");
    std::string name = text.substr(open + 2, close - open - 2);
    auto value = values.find(name);
    if (value == values.end()) return fail("template: error: no value for {{" + name + "}}");
    out.append(text, pos, open - pos);
    out += value->second;
    pos = close + 2;
  }
  out.append(text, pos, std::string::npos);
  return out;
}

Result<std::string> prompt_template(Language language, const std::string& kind,
                                    const std::string& overrides) {
  const std::string relative = std::string(to_string(language)) + "/" + kind + ".txt";
  if (!overrides.empty()) {
    const auto path = std::filesystem::path(overrides) / relative;
    std::error_code ec;
    if (std::filesystem::exists(path, ec)) {
      auto text = read_file(path.string());
      if (!text.ok()) return fail(text.error());
      return *text;
    }
  }
  std::string name = "prompts/" + relative;
  auto file = embedded_file(name);
  if (!file) return fail("template: error: no prompt template " + name);
  return std::string(*file);
}

}  // namespace verigen
