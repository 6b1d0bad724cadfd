#include "benchmarks/harness/published_outputs.h"

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/file_io.h"
#include "gen/code_blocks.h"
#include "specs/source_span.h"

namespace verigen::bench {
namespace {

/// Reads `<model>_results.csv`: test_ID,test_file,success_on_attempt_#. A file name may hold a
/// comma, so the first and last commas split the fields.
Result<void> read_results_csv(const std::string& path, PublishedOutputs& outputs) {
  auto text = read_file(path);
  if (!text.ok()) return {};  // the CSV is optional: without it `recorded` stays empty
  std::istringstream in(*text);
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || number == 1) continue;  // the header
    auto first = line.find(','), last = line.rfind(',');
    if (first == std::string::npos || first == last)
      return fail(path + ":" + std::to_string(number) +
                  ": error: expected test_ID,test_file,success_on_attempt_#");
    std::string file = line.substr(first + 1, last - first - 1);
    auto it = outputs.by_file.find(file);
    if (it != outputs.by_file.end()) it->second.recorded = line.substr(last + 1);
  }
  return {};
}

class PublishedGenerator : public CandidateGenerator {
 public:
  PublishedGenerator(std::string model, PublishedOutput output)
      : model_(std::move(model)), output_(std::move(output)) {}

  std::string name() const override { return "replay:" + model_; }

  Result<std::vector<RawCandidate>> generate(const Task&, int, Deadline) override {
    RawCandidate raw;
    raw.origin = name() + "#" + output_.test_id;
    raw.raw = output_.llm_output;
    auto program = extract_published_program(output_.llm_output);
    raw.text = std::move(program.text);
    raw.rejected = std::move(program.rejected);
    return std::vector<RawCandidate>{raw};
  }

  Result<std::vector<RawCandidate>> repair(const Task&, const std::string&, const Verdict&, int,
                                           Deadline) override {
    return std::vector<RawCandidate>{};
  }

 private:
  std::string model_;
  PublishedOutput output_;
};

/// `text` as a JSON string literal: quotes, and no raw line break or control character, so an
/// error that names it stays one line.
std::string json_quoted(const std::string& text) {
  return nlohmann::json(text).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

PublishedProgram extract_published_program(const std::string& llm_output) {
  PublishedProgram out;
  const CodeBlock* best = nullptr;
  auto blocks = extract_code_blocks(llm_output);
  for (const auto& b : blocks) {
    bool dafny = b.language.empty() || b.language == "dafny" || b.language == "dfy";
    if (dafny && (!best || b.code.size() > best->code.size())) best = &b;
  }
  if (!best)
    out.rejected = "no Dafny code block in the published output";
  else if (!best->closed)
    out.rejected = "truncated output (the code block is never closed)";
  else
    out.text = best->code;
  return out;
}

Result<PublishedOutputs> load_published_outputs(const std::string& json_path) {
  auto text = read_file(json_path);
  if (!text.ok()) return fail(text.error());
  nlohmann::json doc;
  try {
    doc = nlohmann::json::parse(*text);
  } catch (const nlohmann::json::parse_error& e) {
    // e.byte is 1-based and points just past the offending character.
    std::size_t at = e.byte > 0 ? std::min<std::size_t>(e.byte - 1, text->size()) : 0;
    return fail(spec_error(json_path, *text, at, "not JSON"));
  } catch (const nlohmann::json::exception& e) {
    // A number too large for a double (out_of_range 406) and the like: no position is given.
    return fail(json_path + ": error: not readable JSON: " + e.what());
  }
  if (!doc.is_object())
    return fail(json_path +
                ": error: expected an object {test_ID: {test_ID, test_file, llm_output}}");
  PublishedOutputs out;
  out.model = std::filesystem::path(json_path).stem().string();
  for (const auto& [key, entry] : doc.items()) {
    if (!entry.is_object())
      return fail(json_path + ": error: entry " + json_quoted(key) + " is not an object");
    for (const char* field : {"test_file", "llm_output"})
      if (!entry.contains(field) || !entry[field].is_string())
        return fail(json_path + ": error: entry " + json_quoted(key) + " has no string field '" +
                    field + "'");
    PublishedOutput o;
    o.test_id = entry.contains("test_ID") && entry["test_ID"].is_string()
                    ? entry["test_ID"].get<std::string>()
                    : key;
    o.test_file = entry["test_file"].get<std::string>();
    o.llm_output = entry["llm_output"].get<std::string>();
    if (!out.by_file.emplace(o.test_file, o).second)
      return fail(json_path + ": error: entry " + json_quoted(key) + " repeats test_file " +
                  json_quoted(o.test_file));
  }
  auto csv = std::filesystem::path(json_path).parent_path() / (out.model + "_results.csv");
  if (auto read = read_results_csv(csv.string(), out); !read.ok()) return fail(read.error());
  return out;
}

std::unique_ptr<CandidateGenerator> make_published_generator(const std::string& model,
                                                             const PublishedOutput& output) {
  return std::make_unique<PublishedGenerator>(model, output);
}

}  // namespace verigen::bench
