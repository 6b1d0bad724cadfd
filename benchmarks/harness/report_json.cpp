#include "benchmarks/harness/report.h"
#include "core/json_document.h"

namespace verigen::bench {
namespace {

nlohmann::json stats_json(const Stats& s) {
  return {
      {"tasks", s.tasks},
      {"samples", s.samples},
      {"verified_samples", s.verified_samples},
      {"verified_rate", s.verified_rate},
      {"solved_tasks", s.solved_tasks},
      {"pass_at_k", s.pass_at_k},
      {"integrity_rejections", s.integrity_rejections},
      {"contract_judged", s.contract_judged},
      {"verified_any_contract", s.verified_any_contract},
      {"superior_samples", s.superior_samples},
      {"superiority_rate", s.superiority_rate},
      {"verifier_calls_per_task", s.verifier_calls_per_task},
      {"verify_seconds_per_task", s.verify_seconds_per_task},
      {"generate_seconds_per_task", s.generate_seconds_per_task},
      {"prompt_tokens", s.prompt_tokens},
      {"completion_tokens", s.completion_tokens},
      {"model_requests", s.model_requests},
  };
}

nlohmann::json agreement_json(const Agreement& a) {
  nlohmann::json disagreements = nlohmann::json::array();
  for (const Disagreement& d : a.disagreements) {
    nlohmann::json alone;  // null when the verifier never ran
    if (d.verifier_outcome) alone = to_string(*d.verifier_outcome);
    disagreements.push_back({{"task_id", d.task_id},
                             {"sample", d.sample},
                             {"recorded", d.recorded},
                             {"outcome", to_string(d.outcome)},
                             {"cause", to_string(d.cause)},
                             {"reason", d.reason},
                             {"class", to_string(d.reason_class)},
                             {"verifier_outcome", alone}});
  }
  nlohmann::json by_class = nlohmann::json::object();
  for (ReasonClass c : {ReasonClass::Integrity, ReasonClass::Timeout, ReasonClass::Refuted,
                        ReasonClass::Other, ReasonClass::Verified})
    by_class[std::string(to_string(c))] = a.count(c);
  return {{"tasks", a.tasks},
          {"compared", a.compared},
          {"ours_verified", a.ours_verified},
          {"recorded_verified", a.recorded_verified},
          {"agree", a.agree},
          {"rate", a.rate},
          {"verifier_verified", a.verifier_verified},
          {"verifier_agree", a.verifier_agree},
          {"verifier_rate", a.verifier_rate},
          {"verifier_not_run", a.verifier_not_run},
          {"disagreements_by_class", by_class},
          {"disagreements", disagreements}};
}

}  // namespace

nlohmann::json render_json(const std::vector<RunMetrics>& runs) {
  nlohmann::json list = nlohmann::json::array();
  for (const RunMetrics& r : runs) {
    // Options are canonical JSON when the runner wrote them; anything else stays a string
    // rather than failing the whole report.
    nlohmann::json options = nlohmann::json::parse(r.run.key.options, nullptr, false);
    if (options.is_discarded()) options = r.run.key.options;
    // An array, not an object: JSON objects lose the numeric order of categories "2" … "10".
    nlohmann::json categories = nlohmann::json::array();
    for (const auto& [name, s] : r.categories) {
      nlohmann::json entry = stats_json(s);
      entry["category"] = name;
      categories.push_back(std::move(entry));
    }
    list.push_back({
        {"id", r.run.id},
        {"suite", r.run.key.suite},
        {"provider", r.run.key.provider},
        {"model", r.run.key.model},
        {"k", r.run.key.k},
        {"rounds", r.run.key.rounds},
        {"seed", r.run.key.seed},
        {"options", options},
        {"created", r.run.created},
        {"label", run_label(r, runs)},
        {"overall", stats_json(r.overall)},
        {"categories", categories},
        {"agreement", r.agreement ? agreement_json(*r.agreement) : nlohmann::json()},
        {"pool", r.pool ? render_pool_json(*r.pool) : nlohmann::json()},
    });
  }
  return json_document("bench-report", {{"runs", list}});
}

}  // namespace verigen::bench
