#include "gen/builtin/state_filter.h"

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <optional>
#include <random>
#include <set>

#include "backends/dafny/dafny_tool.h"
#include "core/file_io.h"
#include "core/text_lines.h"
#include "gen/builtin/sampled_equalities.h"

namespace verigen {
namespace {

namespace fs = std::filesystem;

const char* const kMain = "VerigenSampleMain";

/// The lines the instrumented program prints, all starting with `VG<tag>_`.
struct Markers {
  explicit Markers(const std::string& tag)
      : call("VG" + tag + "_CALL"),
        at("VG" + tag + "_AT "),
        ok("VG" + tag + "_OK"),
        falsified("VG" + tag + "_FALSIFIED"),
        state("VG" + tag + "_STATE ") {}
  std::string call, at, ok, falsified, state;
};

/// A tag no program under test can know in advance: 64 random bits in hex.
std::string fresh_tag() {
  std::random_device device;
  std::uint64_t bits = (std::uint64_t{device()} << 32) | device();
  static const char* const kHex = "0123456789abcdef";
  std::string out;
  for (int i = 0; i < 16; ++i) out += kHex[(bits >> (4 * i)) & 15];
  return out;
}

/// A small sample of `type` as a Dafny expression, or nullopt for a type it cannot sample.
/// Half the trials draw sorted collections, so that `sorted(a)`-style preconditions hold.
std::optional<std::string> sample(const std::string& type, std::mt19937& rng, bool sorted) {
  auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  auto scalar = [&](const std::string& t) -> std::optional<std::string> {
    if (t == "int") return std::to_string(pick(-3, 8));
    if (t == "nat") return std::to_string(pick(0, 8));
    if (t == "bool") return std::string(pick(0, 1) ? "true" : "false");
    if (t == "char") return "'" + std::string(1, "abc"[pick(0, 2)]) + "'";
    return std::nullopt;
  };
  if (auto s = scalar(type)) return s;
  auto elements = [&](const std::string& t, int n) -> std::optional<std::vector<std::string>> {
    std::vector<int> ints;
    std::vector<std::string> out;
    for (int i = 0; i < n; ++i) {
      auto v = scalar(t);
      if (!v) return std::nullopt;
      out.push_back(*v);
    }
    if (sorted && (t == "int" || t == "nat")) {
      std::sort(out.begin(), out.end(), [](const std::string& a, const std::string& b) {
        return std::stoi(a) < std::stoi(b);
      });
    }
    if (sorted && t == "char") std::sort(out.begin(), out.end());
    return out;
  };
  auto join = [](const std::vector<std::string>& parts) {
    std::string s;
    for (const auto& p : parts) s += (s.empty() ? "" : ", ") + p;
    return s;
  };
  const int n = pick(0, 5);
  if (type == "string") {
    auto chars = elements("char", n);
    std::string s = "\"";
    for (const auto& c : *chars) s += c[1];
    return s + "\"";
  }
  if (type.rfind("seq<", 0) == 0 && type.back() == '>') {
    auto items = elements(type.substr(4, type.size() - 5), n);
    if (!items) return std::nullopt;
    return "[" + join(*items) + "]";
  }
  if (type.rfind("array<", 0) == 0 && type.back() == '>') {
    const std::string element = type.substr(6, type.size() - 7);
    auto items = elements(element, n);
    if (!items) return std::nullopt;
    return "new " + element + "[" + std::to_string(n) + "][" + join(*items) + "]";
  }
  return std::nullopt;
}

/// The calls of one method on `trials` samples, or "" when it cannot be called so.
std::string sample_calls(const MethodCall& call, int trials, std::mt19937& rng,
                         const Markers& marks) {
  if (!call.callable) return {};
  std::string out;
  for (int trial = 0; trial < trials; ++trial) {
    std::string block = "  {\n";
    std::vector<std::string> names;
    for (const auto& input : call.inputs) {
      auto value = sample(input.type, rng, trial % 2 == 1);
      if (!value) return {};
      block += "    var " + input.name + " := " + *value + ";\n";
      names.push_back(input.name);
    }
    std::string condition = "true";
    for (const auto& pre : call.requires_) condition += " && (" + pre + ")";
    std::string arguments;
    for (const auto& n : names) arguments += (arguments.empty() ? "" : ", ") + n;
    std::string results;
    for (int o = 0; o < call.outputs; ++o)
      results += (results.empty() ? "" : ", ") + std::string("vg_out") + std::to_string(o);
    block += "    if " + condition + " {\n      print \"" + marks.call + "\\n\";\n      ";
    block += (results.empty() ? "" : "var " + results + " := ") + call.name + "(" + arguments +
             ");\n    }\n  }\n";
    out += block;
  }
  return out;
}

/// True when stdout overflowed the capture: its last line is then not the last one printed.
bool out_was_cut(const ProcessResult& run) { return run.out_truncated; }

int count_lines(const std::string& text) {
  return static_cast<int>(std::count(text.begin(), text.end(), '\n'));
}

/// Adds the state a `STATE` line's rest ("l v1 v2 ...") reports, when it is well formed: a
/// known loop and exactly its terms' count of integers (a line cut short by a crash or the
/// capture is dropped). At most 1000 distinct states per loop are kept.
void record_state(std::string_view rest, const std::vector<std::vector<std::string>>& terms,
                  std::vector<std::set<std::vector<long long>>>& seen,
                  std::vector<std::vector<std::vector<long long>>>& states) {
  std::vector<long long> values;
  std::size_t loop = terms.size();
  bool first = true;
  while (!rest.empty()) {
    std::size_t space = rest.find(' ');
    std::string_view word = rest.substr(0, space);
    rest = space == std::string_view::npos ? std::string_view{} : rest.substr(space + 1);
    long long v = 0;
    auto [end, ec] = std::from_chars(word.data(), word.data() + word.size(), v);
    if (ec != std::errc() || end != word.data() + word.size() || word.empty()) return;
    if (first) {
      if (v < 0 || static_cast<std::size_t>(v) >= terms.size()) return;
      loop = static_cast<std::size_t>(v);
      first = false;
    } else {
      values.push_back(v);
    }
  }
  if (loop >= terms.size() || values.size() != terms[loop].size() || values.empty()) return;
  if (seen[loop].size() >= 1000 || !seen[loop].insert(values).second) return;
  states[loop].push_back(std::move(values));
}

}  // namespace

std::string instrument_for_sampling(const std::string& text, const std::vector<LoopSite>& loops,
                                    const std::vector<std::vector<std::string>>& candidates,
                                    const std::vector<std::vector<bool>>& skip, int trials,
                                    std::uint32_t seed, std::vector<std::vector<int>>* check_lines,
                                    const std::string& tag,
                                    const std::vector<std::vector<std::string>>* terms,
                                    std::vector<int>* state_lines) {
  const Markers marks(tag);
  std::vector<std::size_t> order(loops.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(),
            [&](std::size_t a, std::size_t b) { return loops[a].body_open < loops[b].body_open; });
  if (check_lines) {
    check_lines->assign(loops.size(), {});
    for (std::size_t l = 0; l < loops.size(); ++l)
      (*check_lines)[l].assign(candidates[l].size(), 0);
  }
  if (state_lines) state_lines->assign(loops.size(), 0);
  std::string out;
  std::size_t copied = 0;
  for (std::size_t l : order) {
    out.append(text, copied, loops[l].body_open - copied);
    copied = loops[l].body_open;
    out += "\n";
    if (terms && l < terms->size() && !(*terms)[l].empty()) {
      if (state_lines) (*state_lines)[l] = count_lines(out) + 1;
      out += "print \"" + marks.state + std::to_string(l) + "\"";
      for (const auto& term : (*terms)[l]) out += ", \" \", " + term;
      out += ", \"\\n\";\n";
    }
    for (std::size_t c = 0; c < candidates[l].size(); ++c) {
      const std::string& inv = candidates[l][c];
      if (skip[l][c] || inv.find("old(") != std::string::npos) continue;
      // The `_AT` line first: when evaluating the candidate itself crashes (an index out of range
      // at a reached state), the last line printed names it.
      const std::string id = std::to_string(l) + " " + std::to_string(c);
      if (check_lines) (*check_lines)[l][c] = count_lines(out) + 1;
      out += "print \"" + marks.at + id + "\\n\"; if !(" + inv + ") { print \"" + marks.falsified +
             " " + id + "\\n\"; }\n";
    }
    out += "print \"" + marks.ok + "\\n\";\n";
  }
  out.append(text, copied, std::string::npos);
  std::mt19937 rng(seed);
  out += "\nmethod " + std::string(kMain) + "() {\n";
  std::set<std::size_t> done;
  for (const auto& loop : loops)
    if (done.insert(loop.method).second) out += sample_calls(loop.call, trials, rng, marks);
  out += "}\n";
  return out;
}

StateFilterResult filter_by_sampled_states(ProcessRunner& runner, const std::string& text,
                                           const std::vector<LoopSite>& loops,
                                           const std::vector<std::vector<std::string>>& candidates,
                                           Deadline deadline, int trials, std::uint32_t seed) {
  StateFilterResult result;
  result.falsified.resize(loops.size());
  for (std::size_t l = 0; l < loops.size(); ++l)
    result.falsified[l].assign(candidates[l].size(), false);
  if (std::none_of(loops.begin(), loops.end(), [](const LoopSite& l) { return l.call.callable; })) {
    result.note = "no loop is in a method that can be called on sample inputs";
    return result;
  }
  auto command = dafny::dafny_command();
  if (command.empty()) {
    result.note = "Dafny not found";
    return result;
  }
  std::error_code ec;
  // A folder of its own: Dafny writes the Python translation beside the file.
  fs::path dir =
      fs::temp_directory_path(ec) / ("verigen-sample-" + std::to_string(std::random_device{}()) +
                                     "-" + std::to_string(std::random_device{}()));
  fs::create_directories(dir, ec);
  const std::string file = (dir / "sample.dfy").string();

  std::vector<std::vector<bool>> skip(loops.size());
  for (std::size_t l = 0; l < loops.size(); ++l) skip[l].assign(candidates[l].size(), false);
  int crash_reruns = 0;
  const std::string tag = fresh_tag();
  const Markers marks(tag);
  result.state_terms.resize(loops.size());
  for (std::size_t l = 0; l < loops.size(); ++l) result.state_terms[l] = state_terms(loops[l]);
  bool print_states = true;
  for (int attempt = 0; attempt < 2 && !deadline.expired(); ++attempt) {
    std::vector<std::vector<int>> lines;
    std::vector<int> state_lines;
    std::string program =
        instrument_for_sampling(text, loops, candidates, skip, trials, seed, &lines, tag,
                                print_states ? &result.state_terms : nullptr, &state_lines);
    result.states.assign(loops.size(), {});
    std::vector<std::set<std::vector<long long>>> seen(loops.size());
    if (!write_file_atomic(file, program).ok()) {
      result.note = "cannot write " + file;
      break;
    }
    ProcessSpec spec;
    spec.argv = command;
    spec.argv.insert(spec.argv.end(), {"run", "--no-verify", "--allow-warnings", "--target", "py",
                                       "--main-method", kMain, file});
    spec.environment = dafny::dafny_environment();
    spec.deadline = Deadline::after(
        std::min<std::chrono::milliseconds>(deadline.remaining(), std::chrono::seconds(60)));
    ProcessResult run = runner.run(spec);
    const std::string out = run.out_truncated ? run.out_tail : run.out;
    // Any mark printed is a real falsifying state, whatever happened afterwards (a sample whose
    // loop never ends is cut off by the deadline; a crash ends the remaining samples).
    std::string_view last_at;  // the check under evaluation, until the `_OK` line or the next call
    for (auto line : lines_of(out)) {
      if (line.rfind(marks.state, 0) == 0) {
        record_state(line.substr(marks.state.size()), result.state_terms, seen, result.states);
        continue;
      }
      if (line == marks.call) ++result.calls;
      if (line == marks.call || line == marks.ok) last_at = {};
      if (line.rfind(marks.at, 0) == 0) last_at = line.substr(marks.at.size());  // "l c"
      if (line.rfind(marks.falsified, 0) != 0) continue;
      auto rest = line.substr(marks.falsified.size());
      if (rest.empty() || rest[0] != ' ') continue;
      auto loop = leading_number(rest.substr(1));
      if (!loop || loop->second.empty()) continue;
      auto candidate = leading_number(loop->second.substr(1));
      if (!candidate) continue;
      std::size_t l = static_cast<std::size_t>(loop->first);
      std::size_t c = static_cast<std::size_t>(candidate->first);
      if (l < loops.size() && c < candidates[l].size() && !result.falsified[l][c]) {
        result.falsified[l][c] = true;
        ++result.falsified_count;
      }
    }
    result.ran = result.calls > 0 || result.falsified_count > 0;
    // A run that died while evaluating a candidate: the candidate is ill-defined in a reached
    // state (Dafny would refuse it as an invariant too). Count it falsified and run again
    // without it, so the remaining samples are not lost.
    if (result.ran && run.exited() && run.exit_code != 0 && !last_at.empty() && !out_was_cut(run)) {
      auto loop = leading_number(last_at);
      auto candidate =
          loop && loop->second.size() > 1 ? leading_number(loop->second.substr(1)) : std::nullopt;
      std::size_t l = loop ? static_cast<std::size_t>(loop->first) : loops.size();
      std::size_t c = candidate ? static_cast<std::size_t>(candidate->first) : 0;
      if (l < loops.size() && c < candidates[l].size() && !skip[l][c]) {
        skip[l][c] = true;
        if (!result.falsified[l][c]) ++result.falsified_count;
        result.falsified[l][c] = true;
        result.calls = 0;  // counted again by the next run, from the start
        if (crash_reruns++ < 4) {
          --attempt;
          continue;
        }
      }
    }
    if (result.ran || run.status != ProcessResult::Status::Exited || run.exit_code == 0) {
      result.note = std::to_string(result.calls) + " sample calls, " +
                    std::to_string(result.falsified_count) + " candidates falsified";
      if (!result.ran) result.note = "no sample input satisfied the preconditions";
      break;
    }
    // Dafny refused to compile: skip the checks it names (ghost functions in them, unbounded
    // quantifiers) and try once more; an error elsewhere means this program cannot be sampled.
    std::set<int> refused;
    for (auto line : lines_of(run.out + "\n" + run.err)) {
      auto open = line.find("sample.dfy(");
      if (open == std::string_view::npos || line.find("Error") == std::string_view::npos) continue;
      if (auto n = leading_number(line.substr(open + 11))) refused.insert(n->first);
    }
    // A term Dafny will not print (a ghost variable) costs the states, not the checks.
    if (print_states && std::any_of(refused.begin(), refused.end(), [&](int n) {
          return std::find(state_lines.begin(), state_lines.end(), n) != state_lines.end();
        })) {
      print_states = false;
      result.state_terms.assign(loops.size(), {});
      --attempt;
      continue;
    }
    bool all_checks = !refused.empty();
    for (int n : refused) {
      bool found = false;
      for (std::size_t l = 0; l < loops.size(); ++l)
        for (std::size_t c = 0; c < lines[l].size(); ++c)
          if (lines[l][c] == n) skip[l][c] = found = true;
      all_checks = all_checks && found;
    }
    result.note = "dafny could not run the sampled program (" + run.describe() + ")";
    if (!all_checks) break;
  }
  fs::remove_all(dir, ec);
  return result;
}

}  // namespace verigen
