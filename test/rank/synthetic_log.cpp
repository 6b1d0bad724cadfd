#include "test/rank/synthetic_log.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <random>
#include <vector>

namespace verigen::test {
namespace {

const std::vector<std::string> kNames = {"x", "y",   "i",   "j",   "k",  "n",  "m", "a", "b",
                                         "c", "len", "sum", "cnt", "lo", "hi", "p", "q", "idx"};

struct Draw {
  std::mt19937_64 rng;
  std::size_t below(std::size_t n) { return static_cast<std::size_t>(rng() % n); }
  bool chance(int percent) { return below(100) < static_cast<std::size_t>(percent); }
};

struct Candidate {
  std::string text;
  bool holds;
};

}  // namespace

std::string synthetic_log(int tasks, std::uint64_t seed, const std::string& prefix) {
  Draw d{std::mt19937_64(seed)};
  std::string out;
  for (int t = 0; t < tasks; ++t) {
    auto names = kNames;
    for (std::size_t i = names.size(); i > 1; --i) std::swap(names[i - 1], names[d.below(i)]);
    const std::string v = names[0], bound = names[1], acc = names[2];
    const int init = static_cast<int>(d.below(4)) * 5;        // 0, 5, 10, 15
    const int extra = 20 + static_cast<int>(d.below(8)) * 7;  // the accumulator's constant
    const bool strict = d.chance(50);
    auto decl = [&](const std::string& suffix) {
      return "((" + v + suffix + " Int) (" + bound + suffix + " Int) (" + acc + suffix + " Int))";
    };
    const std::string post =
        strict ? "(< " + v + " (+ " + bound + " 1))" : "(<= " + v + " " + bound + ")";
    std::string text = "; " + v + " counts from " + std::to_string(init) + " up to " + bound + "\n";
    text += "(set-logic LIA)\n(synth-inv inv_fun " + decl("") + ")\n";
    text += "(define-fun pre_fun " + decl("") + " Bool\n    (and (= " + v + " " +
            std::to_string(init) + ") (>= " + bound + " " + std::to_string(init) + ") (= " + acc +
            " " + std::to_string(extra) + ")))\n";
    text += "(define-fun trans_fun ((" + v + " Int) (" + bound + " Int) (" + acc + " Int) (" + v +
            "! Int) (" + bound + "! Int) (" + acc + "! Int)) Bool\n    (and (< " + v + " " + bound +
            ") (= " + v + "! (+ " + v + " 1)) (= " + bound + "! " + bound + ") (= " + acc + "! " +
            acc + ")))\n";
    text += "(define-fun post_fun " + decl("") + " Bool\n    " + post + ")\n";
    text += "(inv-constraint inv_fun pre_fun trans_fun post_fun)\n(check-synth)\n";

    const std::string i0 = std::to_string(init), e = std::to_string(extra);
    auto foreign = [&] { return std::to_string(1 + d.below(9) * 3 + (init == 0 ? 1 : 0)); };
    std::vector<Candidate> cs;
    const bool solvable = !d.chance(12);
    if (solvable) {
      cs.push_back({"(and (<= " + v + " " + bound + ") (>= " + v + " " + i0 + "))", true});
      if (d.chance(70))
        cs.push_back({"(and (>= " + v + " " + i0 + ") (<= " + v + " " + bound + ") (= " + acc +
                          " " + e + "))",
                      true});
      if (d.chance(50)) cs.push_back({"(<= " + v + " " + bound + ")", true});
    } else {
      cs.push_back(
          {"(and (<= " + v + " " + bound + ") (>= " + bound + " " + foreign() + "))", false});
    }
    // Failures: invented constants, flipped comparisons, the wrong variables.
    const int failures = 9 + static_cast<int>(d.below(6));
    for (int f = 0; f < failures; ++f) {
      switch (d.below(8)) {
        case 0:
          cs.push_back({"(<= " + v + " " + foreign() + ")", false});
          break;
        case 1:
          cs.push_back({"(>= " + v + " " + bound + ")", false});
          break;
        case 2:
          cs.push_back({"(= " + v + " " + foreign() + ")", false});
          break;
        case 3:
          cs.push_back({"(>= " + acc + " " + foreign() + ")", false});
          break;
        case 4:
          cs.push_back(
              {"(or (= " + v + " " + foreign() + ") (> " + bound + " " + foreign() + "))", false});
          break;
        case 5:
          cs.push_back(
              {"(and (<= " + v + " " + foreign() + ") (>= " + bound + " " + foreign() + "))",
               false});
          break;
        case 6:
          cs.push_back({"(< " + bound + " " + v + ")", false});
          break;
        default:
          cs.push_back({"(= " + acc + " " + v + ")", false});
          break;
      }
    }
    // An enumerator's order: simplest first, ties in random order.
    std::vector<std::pair<std::size_t, std::size_t>> keys;
    for (std::size_t i = 0; i < cs.size(); ++i)
      keys.emplace_back(cs[i].text.size() / 6 * 1000 + d.below(1000), i);
    std::sort(keys.begin(), keys.end());
    const std::string task = prefix + "-" + std::to_string(t);
    int position = 0;
    for (const auto& [key, i] : keys) {
      nlohmann::json verdict = nlohmann::json{{"outcome", cs[i].holds    ? "verified"
                                                          : d.chance(80) ? "refuted"
                                                                         : "unknown"}};
      if (!cs[i].holds && d.chance(5)) verdict = nullptr;  // never checked
      nlohmann::json line = {{"task", task}, {"task_text", text},  {"candidate", position++},
                             {"round", 0},   {"text", cs[i].text}, {"verdict", verdict}};
      out += line.dump() + "\n";
    }
  }
  return out;
}

}  // namespace verigen::test
