#include "gen/providers/provider_config.h"

#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "core/file_io.h"

namespace verigen {
namespace fs = std::filesystem;

namespace {

std::string trim(const std::string& s) {
  auto b = s.find_first_not_of(" \t\r");
  if (b == std::string::npos) return {};
  return s.substr(b, s.find_last_not_of(" \t\r") - b + 1);
}

/// The settings of the nearest config file, or an empty map when there is none.
Result<std::map<std::string, std::string>> config_file_settings(const std::string& start_dir) {
  std::error_code ec;
  for (fs::path dir = fs::absolute(start_dir, ec); !dir.empty(); dir = dir.parent_path()) {
    auto toml = dir / "verigen.toml";
    auto json = dir / ".verigen.json";
    if (fs::exists(toml, ec)) {
      auto text = read_file(toml.string());
      if (!text.ok()) return fail(text.error());
      return parse_flat_toml(toml.string(), *text);
    }
    if (fs::exists(json, ec)) {
      auto text = read_file(json.string());
      if (!text.ok()) return fail(text.error());
      auto j = nlohmann::json::parse(*text, nullptr, false);
      if (j.is_discarded() || !j.is_object()) return fail(json.string() + ": error: not a JSON object");
      const auto& settings = j.contains("provider") && j["provider"].is_object() ? j["provider"] : j;
      std::map<std::string, std::string> out;
      for (const auto& [k, v] : settings.items())
        if (v.is_string()) out[k] = v.get<std::string>();
        else if (v.is_number()) out[k] = v.dump();
      return out;
    }
    if (dir == dir.parent_path()) break;
  }
  return std::map<std::string, std::string>{};
}

}  // namespace

Result<std::map<std::string, std::string>> parse_flat_toml(const std::string& path, const std::string& text) {
  std::map<std::string, std::string> out;
  std::string table;
  std::size_t pos = 0;
  int line_number = 0;
  while (pos <= text.size()) {
    auto end = text.find('\n', pos);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(pos, end - pos);
    pos = end + 1;
    ++line_number;
    auto where = path + ":" + std::to_string(line_number) + ": error: ";
    // Strip a comment that is not inside a string.
    bool in_string = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
      if (line[i] == '"') in_string = !in_string;
      if (line[i] == '#' && !in_string) {
        line = line.substr(0, i);
        break;
      }
    }
    line = trim(line);
    if (line.empty()) {
      if (end == text.size()) break;
      continue;
    }
    if (line.front() == '[') {
      if (line.back() != ']') return fail(where + "unclosed table header");
      table = trim(line.substr(1, line.size() - 2));
      continue;
    }
    auto eq = line.find('=');
    if (eq == std::string::npos) return fail(where + "expected key = value");
    std::string key = trim(line.substr(0, eq));
    std::string value = trim(line.substr(eq + 1));
    if (key.empty()) return fail(where + "empty key");
    if (!value.empty() && value.front() == '"') {
      if (value.size() < 2 || value.back() != '"') return fail(where + "unterminated string");
      value = value.substr(1, value.size() - 2);
    } else if (value.empty() || value.find_first_not_of("0123456789.-") != std::string::npos) {
      return fail(where + "value must be a \"string\" or a number");
    }
    if (table.empty() || table == "provider" || table == "openai") out[key] = value;
    if (end == text.size()) break;
  }
  return out;
}

Result<OpenAIConfig> resolve_openai_config(const std::string& model, const std::string& start_dir) {
  auto file = config_file_settings(start_dir);
  if (!file.ok()) return fail(file.error());
  OpenAIConfig config;
  auto pick = [&](const char* env, const char* key, std::string& into) {
    if (const char* v = std::getenv(env); v && *v) into = v;
    else if (auto it = file->find(key); it != file->end()) into = it->second;
  };
  pick("OPENAI_BASE_URL", "base_url", config.base_url);
  pick("OPENAI_API_KEY", "api_key", config.api_key);
  pick("VERIGEN_MODEL", "model", config.model);
  if (!model.empty()) config.model = model;
  try {
    if (auto it = file->find("timeout"); it != file->end())
      config.request_timeout = std::chrono::milliseconds(static_cast<long long>(std::stod(it->second) * 1000));
    if (auto it = file->find("max_attempts"); it != file->end()) config.max_attempts = std::stoi(it->second);
    if (auto it = file->find("concurrency"); it != file->end()) config.concurrency = std::stoi(it->second);
  } catch (const std::exception&) {
    return fail("config: error: timeout, max_attempts and concurrency must be numbers");
  }
  return config;
}

}  // namespace verigen
