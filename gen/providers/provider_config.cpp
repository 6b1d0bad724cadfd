#include "gen/providers/provider_config.h"

#include <toml++/toml.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <vector>

#include "core/file_io.h"
#include "gen/providers/toml_guard.h"
#include "specs/source_span.h"

namespace verigen {
namespace fs = std::filesystem;

namespace {

constexpr std::array<std::string_view, 11> kKeys = {
    "base_url",         "api_key",     "model",      "timeout",
    "max_attempts",     "concurrency", "max_tokens", "max_tokens_param",
    "send_temperature", "send_n",      "prompts"};
constexpr long long kMaxTokens = 1 << 20;
constexpr std::array<std::string_view, 2> kTables = {"provider", "openai"};
constexpr double kMaxTimeoutSeconds = 86400;
constexpr long long kMaxAttempts = 100;
constexpr long long kMaxConcurrency = 64;  // OpenAIProvider's semaphore holds at most 64

/// Levenshtein distance, for "did you mean".
std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

/// " (did you mean 'model'?)" when one of `names` is within a third of the word's length, else "".
template <std::size_t N>
std::string suggestion(std::string_view word, const std::array<std::string_view, N>& names) {
  // Only short words are compared: a long key cannot be a typo of these names anyway.
  if (word.size() > 64) return {};
  std::string_view best;
  std::size_t best_distance = std::max<std::size_t>(2, word.size() / 3) + 1;
  for (auto name : names) {
    std::size_t d = edit_distance(word, name);
    if (d < best_distance) {
      best = name;
      best_distance = d;
    }
  }
  return best.empty() ? std::string() : " (did you mean '" + std::string(best) + "'?)";
}

template <std::size_t N>
std::string known(const std::array<std::string_view, N>& names) {
  std::string out;
  for (auto name : names) out += (out.empty() ? "" : ", ") + std::string(name);
  return out;
}

/// `PATH:LINE:COL: error: ` for a place toml++ recorded.
std::string where(const std::string& path, const toml::source_region& at) {
  return path + ":" + std::to_string(at.begin.line) + ":" + std::to_string(at.begin.column) +
         ": error: ";
}

/// A key's name as a message shows it: control characters replaced (toml++ has checked that it
/// is UTF-8), and short.
std::string shown(std::string_view key) {
  std::string out;
  for (unsigned char c : key.substr(0, 64))
    out += (c < 0x20 || c == 0x7f) ? '?' : static_cast<char>(c);
  return key.size() > 64 ? out + "..." : out;
}

/// toml++'s message with control characters escaped: it quotes the offending character, which
/// may be a newline, and an error must stay on one line.
std::string one_line(std::string_view message) {
  std::string out;
  for (unsigned char c : message) {
    if (c == '\n') {
      out += "\\n";
    } else if (c < 0x20 || c == 0x7f) {
      char buffer[8];
      std::snprintf(buffer, sizeof buffer, "\\x%02x", c);
      out += buffer;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

class Reader {
 public:
  explicit Reader(const std::string& path) : path_(path) {}

  /// Reads every key of `table` into settings_; `in_provider` for [provider]'s own keys.
  Result<void> read_table(const toml::table& table, bool in_provider) {
    for (auto&& [key, node] : table) {
      const std::string_view name = key.str();
      if (!in_provider && std::find(kTables.begin(), kTables.end(), name) != kTables.end()) {
        if (!node.is_table())
          return fail(where(path_, key.source()) + "'" + std::string(name) + "' must be a table");
        auto inner = read_table(*node.as_table(), true);
        if (!inner.ok()) return inner;
        continue;
      }
      if (std::find(kKeys.begin(), kKeys.end(), name) == kKeys.end()) {
        const bool is_table = node.is_table() && !in_provider;
        const std::string hint = is_table ? suggestion(name, kTables) : suggestion(name, kKeys);
        return fail(where(path_, key.source()) + "unknown " + (is_table ? "table" : "key") + " '" +
                    shown(name) + "'" + hint + "; known " +
                    (is_table ? "tables: " + known(kTables) : "keys: " + known(kKeys)));
      }
      auto ok = read_value(name, key.source(), node);
      if (!ok.ok()) return ok;
    }
    return {};
  }

  ProviderFileSettings settings() && { return std::move(settings_); }

 private:
  Result<void> read_value(std::string_view name, const toml::source_region& key_at,
                          const toml::node& node) {
    if (auto previous = seen_.find(std::string(name)); previous != seen_.end()) {
      return fail(where(path_, key_at) + "'" + std::string(name) + "' is already set on line " +
                  std::to_string(previous->second));
    }
    seen_.emplace(std::string(name), key_at.begin.line);
    const std::string at = where(path_, node.source());
    const std::string key(name);
    if (name == "base_url" || name == "api_key" || name == "model") {
      const auto* text = node.as_string();
      if (!text) return fail(at + key + " must be a string, got " + type_name(node));
      const std::string& value = text->get();
      if (value.empty()) return fail(at + key + " must not be empty");
      if (name == "base_url" && value.rfind("http://", 0) != 0 && value.rfind("https://", 0) != 0)
        return fail(at + "base_url must start with http:// or https://");
      (name == "base_url"  ? settings_.base_url
       : name == "api_key" ? settings_.api_key
                           : settings_.model) = value;
      return {};
    }
    if (name == "prompts") {
      const auto* text = node.as_string();
      if (!text) return fail(at + "prompts must be a folder's path, got " + type_name(node));
      // Relative to the file, not to wherever verigen runs: the file names its own neighbour.
      std::error_code ec;
      fs::path folder =
          fs::absolute(fs::path(path_).parent_path() / text->get(), ec).lexically_normal();
      if (text->get().empty() || !fs::is_directory(folder, ec))
        return fail(at + "prompts: no folder '" + folder.string() + "'");
      settings_.prompts_dir = folder.string();
      return {};
    }
    if (name == "max_tokens_param") {
      const auto* text = node.as_string();
      if (!text || (text->get() != "max_tokens" && text->get() != "max_completion_tokens"))
        return fail(at + "max_tokens_param must be \"max_tokens\" or \"max_completion_tokens\"");
      settings_.max_tokens_param = text->get();
      return {};
    }
    if (name == "send_temperature" || name == "send_n") {
      const auto* flag = node.as_boolean();
      if (!flag) return fail(at + key + " must be true or false, got " + type_name(node));
      (name == "send_n" ? settings_.send_n : settings_.send_temperature) = flag->get();
      return {};
    }
    if (name == "max_tokens") {
      const auto* i = node.as_integer();
      if (!i) return fail(at + key + " must be an integer, got " + type_name(node));
      if (i->get() < 1 || i->get() > kMaxTokens)
        return fail(at + key + " must be between 1 and " + std::to_string(kMaxTokens) + ", got " +
                    value_text(node));
      settings_.max_tokens = static_cast<int>(i->get());
      return {};
    }
    if (name == "timeout") {
      double seconds = 0;
      if (const auto* i = node.as_integer()) {
        seconds = static_cast<double>(i->get());
      } else if (const auto* f = node.as_floating_point()) {
        seconds = f->get();
      } else {
        return fail(at + "timeout must be a number of seconds, got " + type_name(node));
      }
      // TOML has nan and inf, and 1e308 seconds overflows any clock.
      if (!std::isfinite(seconds) || seconds <= 0 || seconds > kMaxTimeoutSeconds)
        return fail(at + "timeout must be a number of seconds in (0, " +
                    std::to_string(static_cast<int>(kMaxTimeoutSeconds)) + "], got " +
                    value_text(node));
      auto ms = static_cast<long long>(std::llround(seconds * 1000));
      settings_.timeout = std::chrono::milliseconds(std::max(1LL, ms));
      return {};
    }
    const long long high = name == "max_attempts" ? kMaxAttempts : kMaxConcurrency;
    const auto* i = node.as_integer();
    if (!i) return fail(at + key + " must be an integer, got " + type_name(node));
    if (i->get() < 1 || i->get() > high)
      return fail(at + key + " must be between 1 and " + std::to_string(high) + ", got " +
                  value_text(node));
    (name == "max_attempts" ? settings_.max_attempts : settings_.concurrency) =
        static_cast<int>(i->get());
    return {};
  }

  static std::string type_name(const toml::node& node) {
    switch (node.type()) {
      case toml::node_type::string:
        return "a string";
      case toml::node_type::integer:
        return "an integer";
      case toml::node_type::floating_point:
        return "a float";
      case toml::node_type::boolean:
        return "a boolean";
      case toml::node_type::table:
        return "a table";
      case toml::node_type::array:
        return "an array";
      default:
        return "a date or time";
    }
  }

  static std::string value_text(const toml::node& node) {
    if (const auto* i = node.as_integer()) return std::to_string(i->get());
    if (const auto* f = node.as_floating_point()) {
      double v = f->get();
      if (std::isnan(v)) return "nan";
      if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
      char buffer[64];
      std::snprintf(buffer, sizeof buffer, "%g", v);
      return buffer;
    }
    return type_name(node);
  }

  const std::string& path_;
  ProviderFileSettings settings_;
  std::map<std::string, std::size_t> seen_;  // key -> line, to refuse a key given twice
};

/// The path of the nearest verigen.toml from `start_dir` upwards, or "" when there is none.
std::string find_config_file(const std::string& start_dir) {
  std::error_code ec;
  for (fs::path dir = fs::absolute(start_dir, ec).lexically_normal(); !dir.empty();
       dir = dir.parent_path()) {
    auto toml = dir / "verigen.toml";
    if (fs::exists(toml, ec)) return toml.string();
    if (dir == dir.parent_path()) break;
  }
  return {};
}

}  // namespace

Result<ProviderFileSettings> parse_provider_config(const std::string& path, std::string_view text) {
  if (auto hazard = find_toml_hazard(text)) {
    return fail(spec_error(path, text, hazard->offset, hazard->message));
  }
  toml::table root;
  try {
    root = toml::parse(text, path);
  } catch (const toml::parse_error& e) {
    std::string_view message = e.description();
    // "error: Error while parsing ..." says error twice.
    if (message.rfind("Error while ", 0) == 0) message.remove_prefix(12);
    return fail(where(path, e.source()) + one_line(message));
  }
  Reader reader(path);
  auto ok = reader.read_table(root, false);
  if (!ok.ok()) return fail(ok.error());
  return std::move(reader).settings();
}

Result<OpenAIConfig> resolve_openai_config(const std::string& model, const std::string& start_dir) {
  ProviderFileSettings file;
  if (auto path = find_config_file(start_dir); !path.empty()) {
    auto text = read_file(path);
    if (!text.ok()) return fail(text.error());
    auto parsed = parse_provider_config(path, *text);
    if (!parsed.ok()) return fail(parsed.error());
    file = std::move(*parsed);
  }
  OpenAIConfig config;
  auto pick = [](const char* env, const std::optional<std::string>& from_file, std::string& into) {
    if (const char* v = std::getenv(env); v && *v)
      into = v;
    else if (from_file)
      into = *from_file;
  };
  pick("OPENAI_BASE_URL", file.base_url, config.base_url);
  pick("OPENAI_API_KEY", file.api_key, config.api_key);
  pick("VERIGEN_MODEL", file.model, config.model);
  if (!model.empty()) config.model = model;
  if (file.timeout) config.request_timeout = *file.timeout;
  if (file.max_attempts) config.max_attempts = *file.max_attempts;
  if (file.concurrency) config.concurrency = *file.concurrency;
  if (file.max_tokens) config.max_tokens = *file.max_tokens;
  if (file.max_tokens_param) config.shape.max_tokens_param = *file.max_tokens_param;
  if (file.send_temperature) config.shape.send_temperature = *file.send_temperature;
  if (file.send_n) config.shape.send_n = *file.send_n;
  if (file.prompts_dir) config.prompts_dir = *file.prompts_dir;
  return config;
}

}  // namespace verigen
