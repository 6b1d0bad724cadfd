#include "gen/run_log.h"

#include <cerrno>
#include <cstring>
#include <filesystem>

namespace verigen {

namespace {

std::string cut(const std::string& text, std::size_t max_bytes) {
  std::size_t keep = max_bytes;
  // Back up over UTF-8 continuation bytes so the kept part stays valid text.
  while (keep > 0 && (static_cast<unsigned char>(text[keep]) & 0xC0) == 0x80) --keep;
  return text.substr(0, keep) + "[verigen: truncated, " + std::to_string(text.size() - keep) +
         " of " + std::to_string(text.size()) + " bytes omitted]";
}

}  // namespace

nlohmann::json RunLog::truncated(const nlohmann::json& record, std::size_t max_bytes) {
  if (record.is_string()) {
    const auto& text = record.get_ref<const std::string&>();
    return text.size() > max_bytes ? nlohmann::json(cut(text, max_bytes)) : record;
  }
  if (record.is_array()) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& item : record) out.push_back(truncated(item, max_bytes));
    return out;
  }
  if (record.is_object()) {
    nlohmann::json out = nlohmann::json::object();
    for (const auto& [key, value] : record.items())
      out[key.size() > max_bytes ? cut(key, max_bytes) : key] = truncated(value, max_bytes);
    return out;
  }
  return record;
}

Result<std::unique_ptr<RunLog>> RunLog::open(const std::string& path, std::size_t max_field_bytes) {
  std::error_code ec;
  auto parent = std::filesystem::path(path).parent_path();
  if (!parent.empty()) std::filesystem::create_directories(parent, ec);
  auto log = std::make_unique<RunLog>();
  log->out_.open(path, std::ios::app | std::ios::binary);
  if (!log->out_) return fail(path + ": error: cannot open run log: " + std::strerror(errno));
  log->enabled_ = true;
  log->max_field_bytes_ = max_field_bytes;
  return log;
}

void RunLog::append(const nlohmann::json& record) {
  if (!enabled_ || !out_) return;
  std::lock_guard<std::mutex> lock(mutex_);
  out_ << truncated(record, max_field_bytes_)
              .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)
       << '\n';
  out_.flush();
}

}  // namespace verigen
