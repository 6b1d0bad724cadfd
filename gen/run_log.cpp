#include "gen/run_log.h"

#include <cerrno>
#include <cstring>
#include <filesystem>

namespace verigen {

RunLog::RunLog(const std::string& path) : enabled_(true) {
  std::error_code ec;
  auto parent = std::filesystem::path(path).parent_path();
  if (!parent.empty()) std::filesystem::create_directories(parent, ec);
  out_.open(path, std::ios::app | std::ios::binary);
  if (!out_) error_ = path + ": error: cannot open run log: " + std::strerror(errno);
}

void RunLog::append(const nlohmann::json& record) {
  if (!enabled_ || !out_) return;
  std::lock_guard<std::mutex> lock(mutex_);
  out_ << record.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
  out_.flush();
}

}  // namespace verigen
