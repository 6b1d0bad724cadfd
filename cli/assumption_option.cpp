#include "cli/assumption_option.h"

#include <algorithm>

#include "core/assumption.h"

namespace verigen::cli {

CLI::Validator assumption_allowance_validator() {
  return CLI::Validator(
      [](std::string& value) -> std::string {
        std::string kind = value.substr(0, value.find(':'));
        const auto& kinds = assumption_kinds();
        if (std::find(kinds.begin(), kinds.end(), kind) != kinds.end()) return {};
        std::string list;
        for (const auto& k : kinds) list += (list.empty() ? "" : ", ") + k;
        return "unknown assumption kind '" + kind + "' (kinds: " + list + ")";
      },
      "KIND[:Declaration]");
}

}  // namespace verigen::cli
