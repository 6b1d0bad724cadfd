#include "benchmarks/harness/pool_record.h"

namespace verigen::bench {

nlohmann::json PoolRecord::to_json() const {
  nlohmann::json j;
  j["rules"] = rules;
  j["verify_all"] = verify_all;
  j["recorded"] = recorded;
  j["first_verified_rank"] = first_verified_rank;
  j["calls_to_first"] = calls_to_first;
  j["calls"] = calls;
  j["completion_calls"] = completion_calls;
  j["entries"] = nlohmann::json::array();
  for (const auto& e : entries) {
    j["entries"].push_back({{"sha256", e.sha256},
                            {"origins", e.origins},
                            {"rejected", e.rejected},
                            {"strict", e.strict},
                            {"dafnybench", e.dafnybench},
                            {"score", e.score},
                            {"rank", e.rank},
                            {"outcome", e.outcome ? std::string(to_string(*e.outcome)) : ""},
                            {"detail", e.detail},
                            {"seconds", e.seconds}});
  }
  return j;
}

Result<PoolRecord> PoolRecord::from_json(const nlohmann::json& j) {
  if (!j.is_object() || !j.contains("entries") || !j["entries"].is_array())
    return fail("pool record: expected an object with an \"entries\" array");
  PoolRecord r;
  try {
    r.rules = j.value("rules", "");
    r.verify_all = j.value("verify_all", false);
    if (j.contains("recorded") && j["recorded"].is_object())
      r.recorded = j["recorded"].get<std::map<std::string, std::string>>();
    r.first_verified_rank = j.value("first_verified_rank", 0);
    r.calls_to_first = j.value("calls_to_first", 0);
    r.calls = j.value("calls", 0);
    r.completion_calls = j.value("completion_calls", 0);
    for (const auto& x : j["entries"]) {
      PoolEntry e;
      e.sha256 = x.value("sha256", "");
      if (x.contains("origins") && x["origins"].is_array())
        e.origins = x["origins"].get<std::vector<std::string>>();
      e.rejected = x.value("rejected", "");
      e.strict = x.value("strict", "");
      e.dafnybench = x.value("dafnybench", "");
      e.score = x.value("score", 0.0);
      e.rank = x.value("rank", 0);
      if (std::string o = x.value("outcome", ""); !o.empty())
        e.outcome = outcome_from_string(o).value_or(Outcome::Error);
      e.detail = x.value("detail", "");
      e.seconds = x.value("seconds", 0.0);
      r.entries.push_back(std::move(e));
    }
  } catch (const nlohmann::json::exception& e) {
    return fail(std::string("pool record: wrong shape: ") + e.what());
  }
  return r;
}

}  // namespace verigen::bench
