#include "backends/z3/inv_checker.h"

#include <deque>
#include <set>

#include "backends/z3/interrupt_at.h"
#include "backends/z3/sygus_to_z3.h"

namespace verigen::z3inv {

using sygus::SExpr;

const CheckResult* InvariantVerdict::failed() const {
  for (const auto& c : checks) {
    if (c.outcome != Outcome::Verified) return &c;
  }
  return nullptr;
}

struct InvariantChecker::Impl {
  explicit Impl(const sygus::Problem& p) : problem(p), tr(ctx, p) {}

  // Built on first use, inside the exception fence of the public calls.
  void encode() {
    if (x) return;
    x = tr.state("");
    xp = tr.state("!next");
    pre = tr.pre(*x);
    trans = tr.trans(*x, *xp);
    post = tr.post(*x);
  }

  // A value string of a State (as state_from_model prints it) back as a Z3 term.
  z3::expr value(const std::string& text) {
    auto parsed = sygus::parse_sexprs(text, "value");
    if (!parsed.ok() || parsed->size() != 1) throw TranslateError("malformed value '" + text + "'");
    return tr.translate((*parsed)[0], Env{});
  }

  // The conjunction s == values, over the variables present in `state`.
  z3::expr equals(const z3::expr_vector& s, const State& state) {
    z3::expr_vector parts(ctx);
    for (std::size_t i = 0; i < problem.variables.size(); ++i) {
      auto it = state.find(problem.variables[i].name);
      if (it != state.end()) parts.push_back(s[static_cast<int>(i)] == value(it->second));
    }
    return z3::mk_and(parts);
  }

  // Small values first: samples near zero are easier to read and to generalise from.
  z3::expr small(const z3::expr_vector& s, int bound) {
    z3::expr_vector parts(ctx);
    for (std::size_t i = 0; i < problem.variables.size(); ++i) {
      if (problem.variables[i].sort != sygus::Sort::Int) continue;
      z3::expr v = s[static_cast<int>(i)];
      parts.push_back(v >= -bound && v <= bound);
    }
    return z3::mk_and(parts);
  }

  // Up to `limit` distinct models of `base` projected on `s`, blocking each one found.
  std::vector<State> models(z3::solver& solver, const z3::expr_vector& s, int limit,
                            Deadline deadline) {
    std::vector<State> out;
    InterruptAt stop(ctx, deadline);
    while (static_cast<int>(out.size()) < limit && !deadline.expired()) {
      solver.push();
      solver.add(small(s, 16));
      z3::check_result r = solver.check();
      if (r != z3::sat) {
        solver.pop();
        r = solver.check();
        if (r != z3::sat) break;
        out.push_back(state_from_model(solver.get_model(), s, problem));
      } else {
        out.push_back(state_from_model(solver.get_model(), s, problem));
        solver.pop();
      }
      solver.add(!equals(s, out.back()));
    }
    return out;
  }

  const sygus::Problem& problem;
  z3::context ctx;
  SygusToZ3 tr;
  std::optional<z3::expr_vector> x, xp;
  std::optional<z3::expr> pre, trans, post;
};

InvariantChecker::InvariantChecker(const sygus::Problem& problem)
    : impl_(std::make_unique<Impl>(problem)) {}

InvariantChecker::~InvariantChecker() = default;

InvariantVerdict InvariantChecker::check(const SExpr& invariant, Deadline deadline) {
  InvariantVerdict verdict;
  for (const char* which : {"initiation", "consecution", "postcondition"}) {
    verdict.checks.push_back(check_one(which, invariant, deadline));
    const CheckResult& last = verdict.checks.back();
    if (last.outcome != Outcome::Verified) {
      verdict.outcome = last.outcome;
      verdict.cause = last.cause;
      return verdict;
    }
  }
  verdict.outcome = Outcome::Verified;
  verdict.cause = Cause::None;
  return verdict;
}

CheckResult InvariantChecker::check_one(const std::string& which, const SExpr& invariant,
                                        Deadline deadline) {
  CheckResult result;
  result.name = which;
  if (deadline.expired()) {
    result.outcome = Outcome::Unknown;
    result.cause = Cause::Timeout;
    result.detail = "deadline expired before the " + which + " check";
    return result;
  }
  Impl& m = *impl_;
  try {
    m.encode();
    z3::expr inv = m.tr.translate(invariant, m.tr.bind(*m.x));
    z3::solver solver(m.ctx);
    InterruptAt stop(m.ctx, deadline);
    bool two_states = false;
    if (which == "initiation") {
      solver.add(*m.pre && !inv);
    } else if (which == "consecution") {
      z3::expr inv_next = m.tr.translate(invariant, m.tr.bind(*m.xp));
      solver.add(inv && *m.trans && !inv_next);
      two_states = true;
    } else if (which == "postcondition") {
      solver.add(inv && !*m.post);
    } else {
      result.cause = Cause::BadInput;
      result.detail = "unknown check '" + which + "'";
      return result;
    }
    switch (solver.check()) {
      case z3::unsat:
        result.outcome = Outcome::Verified;
        result.cause = Cause::None;
        break;
      case z3::sat: {
        z3::model model = solver.get_model();
        result.outcome = Outcome::Refuted;
        result.cause = Cause::None;
        result.counterexample.push_back(state_from_model(model, *m.x, m.problem));
        if (two_states) result.counterexample.push_back(state_from_model(model, *m.xp, m.problem));
        break;
      }
      case z3::unknown:
        result.outcome = Outcome::Unknown;
        result.detail = solver.reason_unknown();
        result.cause = cause_of_unknown(result.detail, deadline);
        break;
    }
  } catch (const TranslateError& e) {
    result.outcome = Outcome::Error;
    result.cause = Cause::BadInput;
    result.detail = e.what();
  } catch (const z3::exception& e) {
    result.outcome = Outcome::Error;
    result.cause = Cause::Internal;
    result.detail = std::string("z3: ") + e.msg();
  }
  return result;
}

std::optional<bool> InvariantChecker::holds(const SExpr& formula, const State& state) {
  Impl& m = *impl_;
  try {
    Env env;
    for (const auto& [name, text] : state) env.insert_or_assign(name, m.value(text));
    z3::expr f = m.tr.translate(formula, env).simplify();
    if (f.is_true()) return true;
    if (f.is_false()) return false;
    // A quantifier over a concrete array survives simplify; a short solver call decides it.
    z3::solver solver(m.ctx);
    InterruptAt stop(m.ctx, Deadline::after(std::chrono::seconds(2)));
    solver.add(!f);
    if (solver.check() == z3::unsat) return true;
    solver.reset();
    solver.add(f);
    if (solver.check() == z3::unsat) return false;
  } catch (const TranslateError&) {
  } catch (const z3::exception&) {
  }
  return std::nullopt;
}

std::vector<State> InvariantChecker::sample_reachable(int count, int max_steps, Deadline deadline) {
  Impl& m = *impl_;
  std::vector<State> out;
  if (count <= 0) return out;
  try {
    m.encode();
    std::set<State> seen;
    std::deque<std::pair<State, int>> frontier;
    auto add = [&](const State& s, int depth) {
      if (static_cast<int>(out.size()) >= count || !seen.insert(s).second) return;
      out.push_back(s);
      frontier.emplace_back(s, depth);
    };

    // Half the budget from pre leaves room for states that only trans reaches.
    z3::solver init(m.ctx);
    init.add(*m.pre);
    for (const State& s : m.models(init, *m.x, std::max(1, count / 2), deadline)) add(s, 0);

    constexpr int kSuccessorsPerState = 3;
    while (!frontier.empty() && static_cast<int>(out.size()) < count && !deadline.expired()) {
      auto [state, depth] = frontier.front();
      frontier.pop_front();
      if (depth >= max_steps) continue;
      z3::solver step(m.ctx);
      step.add(*m.trans && m.equals(*m.x, state));
      for (const State& next : m.models(step, *m.xp, kSuccessorsPerState, deadline)) {
        add(next, depth + 1);
      }
    }
  } catch (const TranslateError&) {
  } catch (const z3::exception&) {
    // Sampling is best effort: the states found so far are still reachable.
  }
  return out;
}

}  // namespace verigen::z3inv
