#include "test/support/fake_process_runner.h"

#include <algorithm>
#include <fstream>
#include <sstream>

namespace verigen::test {
namespace {

std::string base_name(const std::string& path) {
  auto slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string joined(const std::vector<std::string>& argv) {
  std::string line;
  for (const auto& word : argv) line += (line.empty() ? "" : " ") + word;
  return line;
}

}  // namespace

FakeProcessRunner& FakeProcessRunner::on(std::string program, std::vector<std::string> words,
                                         ProcessResult result) {
  std::lock_guard<std::mutex> lock(mutex_);
  rules_.push_back({std::move(program), std::move(words), std::move(result), false, false});
  return *this;
}

FakeProcessRunner& FakeProcessRunner::once(std::string program, std::vector<std::string> words,
                                           ProcessResult result) {
  std::lock_guard<std::mutex> lock(mutex_);
  rules_.push_back({std::move(program), std::move(words), std::move(result), true, false});
  return *this;
}

bool FakeProcessRunner::matches(const Rule& rule, const std::vector<std::string>& argv) const {
  if (argv.empty() || base_name(argv[0]) != rule.program) return false;
  return std::all_of(rule.words.begin(), rule.words.end(), [&](const std::string& word) {
    return std::find(argv.begin() + 1, argv.end(), word) != argv.end();
  });
}

ProcessResult FakeProcessRunner::run(const ProcessSpec& spec) {
  std::lock_guard<std::mutex> lock(mutex_);
  commands_.push_back(spec);
  for (auto rule = rules_.rbegin(); rule != rules_.rend(); ++rule) {
    if ((rule->once && rule->used) || !matches(*rule, spec.argv)) continue;
    rule->used = true;
    return rule->result;
  }
  ProcessResult missing;
  missing.status = ProcessResult::Status::NotFound;
  missing.error = "fake runner: no script for '" + joined(spec.argv) + "'";
  return missing;
}

std::vector<ProcessSpec> FakeProcessRunner::commands() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return commands_;
}

std::vector<std::string> FakeProcessRunner::command_lines() const {
  std::vector<std::string> lines;
  for (const auto& spec : commands()) lines.push_back(joined(spec.argv));
  return lines;
}

ProcessResult FakeProcessRunner::exited(int code, std::string out, std::string err) {
  ProcessResult r;
  r.status = ProcessResult::Status::Exited;
  r.exit_code = code;
  r.out = std::move(out);
  r.err = std::move(err);
  r.elapsed = std::chrono::milliseconds(1);
  return r;
}

ProcessResult FakeProcessRunner::timed_out() {
  ProcessResult r;
  r.status = ProcessResult::Status::TimedOut;
  return r;
}

ProcessResult FakeProcessRunner::crashed(int signal) {
  ProcessResult r;
  r.status = ProcessResult::Status::Signaled;
  r.signal = signal;
  return r;
}

ProcessResult FakeProcessRunner::recorded(const std::string& stem) {
  const std::string rc = slurp(stem + ".rc");
  return exited(rc.empty() ? 0 : std::stoi(rc), slurp(stem + ".stdout"), slurp(stem + ".stderr"));
}

}  // namespace verigen::test
