#include "backends/z3/inv_checker.h"

#include <algorithm>
#include <cstdint>
#include <deque>
#include <set>
#include <thread>

#include "backends/z3/interrupt_at.h"
#include "backends/z3/sygus_to_z3.h"
#include "specs/sygus/smt_query.h"

namespace verigen::z3inv {

using sygus::SExpr;

const CheckResult* InvariantVerdict::failed() const {
  for (const auto& c : checks) {
    if (c.outcome != Outcome::Verified) return &c;
  }
  return nullptr;
}

/// How far from 0 sampled values go where pre and trans leave them free.
constexpr int kSmallValue = 16;

struct InvariantChecker::Impl {
  Impl(const sygus::Problem& p, SmtPeer* peer_) : problem(p), tr(ctx, p), peer(peer_) {}

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

  // Small values first: samples near zero are easier to read and to generalise from. Every Int
  // variable but the `except`-th is kept within [-bound, bound].
  z3::expr small(const z3::expr_vector& s, int bound, std::size_t except = SIZE_MAX) {
    z3::expr_vector parts(ctx);
    for (std::size_t i = 0; i < problem.variables.size(); ++i) {
      if (i == except || problem.variables[i].sort != sygus::Sort::Int) continue;
      z3::expr v = s[static_cast<int>(i)];
      parts.push_back(v >= -bound && v <= bound);
    }
    return z3::mk_and(parts);
  }

  // One model of `solver` on `s` under `extra`, small values preferred where `bias` allows
  // them; nullopt when `extra` leaves none.
  std::optional<State> model_under(z3::solver& solver, const z3::expr_vector& s,
                                   const z3::expr& extra, const z3::expr& bias) {
    std::optional<State> out;
    solver.push();
    solver.add(extra);
    solver.push();
    solver.add(bias);
    if (solver.check() == z3::sat) out = state_from_model(solver.get_model(), s, problem);
    solver.pop();
    if (!out && solver.check() == z3::sat) out = state_from_model(solver.get_model(), s, problem);
    solver.pop();
    return out;
  }

  // Z3 on this thread and the peer on another, on the same check; the first to decide stops the
  // other. When Z3 gives up early (NIA's incomplete tactics answer unknown), the peer goes on
  // to the end of its slice. Returns Z3's answer; the peer's is left in `peer_answer`.
  z3::check_result race(z3::solver& solver, const sygus::CheckScript& script, Deadline deadline,
                        SmtPeerAnswer& peer_answer) {
    std::vector<std::string> names = script.current;
    names.insert(names.end(), script.next.begin(), script.next.end());
    CancelSource z3_stop(deadline);
    CancelSource peer_stop(deadline.capped(kPeerSlice));
    std::thread peer_thread([&] {
      peer_answer = peer->check(script.text, names, peer_stop.deadline());
      if (peer_answer.outcome == Outcome::Verified || peer_answer.outcome == Outcome::Refuted)
        z3_stop.cancel();
    });
    z3::check_result answer = z3::unknown;
    try {
      InterruptAt stop(ctx, z3_stop.deadline());
      answer = solver.check();
    } catch (...) {
      peer_stop.cancel();
      peer_thread.join();
      throw;
    }
    if (answer != z3::unknown) peer_stop.cancel();
    peer_thread.join();
    return answer;
  }

  // The state a peer's values give to the constants `names` (one per variable, in order).
  State peer_state(const SmtPeerAnswer& answer, const std::vector<std::string>& names) {
    State state;
    for (std::size_t i = 0; i < names.size() && i < problem.variables.size(); ++i) {
      auto it = answer.values.find(names[i]);
      if (it != answer.values.end()) state[problem.variables[i].name] = it->second;
    }
    return state;
  }

  // Up to `limit` distinct models of `base` projected on `s`, blocking each one found.
  std::vector<State> models(z3::solver& solver, const z3::expr_vector& s, int limit,
                            Deadline deadline) {
    std::vector<State> out;
    InterruptAt stop(ctx, deadline);
    while (static_cast<int>(out.size()) < limit && !deadline.expired()) {
      solver.push();
      solver.add(small(s, kSmallValue));
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
  SmtPeer* peer = nullptr;
  std::optional<z3::expr_vector> x, xp;
  std::optional<z3::expr> pre, trans, post;
};

InvariantChecker::InvariantChecker(const sygus::Problem& problem, SmtPeer* peer)
    : impl_(std::make_unique<Impl>(problem, peer)) {}

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
    std::optional<sygus::CheckScript> script;
    if (m.peer && sygus::nonlinear_integer_check(m.problem, invariant)) {
      if (auto written = sygus::check_script(m.problem, which, invariant)) script = *written;
    }
    SmtPeerAnswer peer_answer;
    z3::check_result answer = z3::unknown;
    if (script) {
      answer = m.race(solver, *script, deadline, peer_answer);
    } else {
      InterruptAt stop(m.ctx, deadline);
      answer = solver.check();
    }
    switch (answer) {
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
        if (script && peer_answer.outcome == Outcome::Verified) {
          result.outcome = Outcome::Verified;
          result.cause = Cause::None;
          result.decided_by = m.peer->name();
          result.detail = peer_answer.detail;
        } else if (script && peer_answer.outcome == Outcome::Refuted) {
          result.outcome = Outcome::Refuted;
          result.cause = Cause::None;
          result.decided_by = m.peer->name();
          result.detail = peer_answer.detail;
          result.counterexample.push_back(m.peer_state(peer_answer, script->current));
          if (two_states) result.counterexample.push_back(m.peer_state(peer_answer, script->next));
        } else {
          result.outcome = Outcome::Unknown;
          result.detail = solver.reason_unknown();
          result.cause = cause_of_unknown(result.detail, deadline);
          if (script) result.detail += "; " + peer_answer.detail;
        }
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

std::vector<State> InvariantChecker::sample_runs(int runs, int steps, long long wide,
                                                 Deadline deadline) {
  Impl& m = *impl_;
  std::vector<State> out;
  if (runs <= 0) return out;
  try {
    m.encode();
    InterruptAt stop(m.ctx, deadline);
    std::set<State> seen;
    auto add = [&](const State& s) {
      if (seen.insert(s).second) out.push_back(s);
    };
    // The starts: one near zero, then one per variable and direction that pre lets go wide.
    z3::solver init(m.ctx);
    init.add(*m.pre);
    std::vector<State> starts;
    if (auto s = m.model_under(init, *m.x, m.ctx.bool_val(true), m.small(*m.x, kSmallValue)))
      starts.push_back(*s);
    const z3::expr far = m.ctx.int_val(static_cast<int64_t>(wide));
    for (std::size_t i = 0; i < m.problem.variables.size(); ++i) {
      if (m.problem.variables[i].sort != sygus::Sort::Int) continue;
      const z3::expr v = (*m.x)[static_cast<int>(i)];
      for (const z3::expr& push : {v >= far, v <= -far}) {
        if (static_cast<int>(starts.size()) >= runs || deadline.expired()) break;
        if (auto s = m.model_under(init, *m.x, push, m.small(*m.x, kSmallValue, i)))
          starts.push_back(*s);
      }
    }
    // Each run: one successor per step, small values preferred for what trans leaves free.
    for (const State& start : starts) {
      State state = start;
      add(state);
      for (int step = 0; step < steps && !deadline.expired(); ++step) {
        z3::solver next(m.ctx);
        next.add(*m.trans && m.equals(*m.x, state));
        auto successor =
            m.model_under(next, *m.xp, m.ctx.bool_val(true), m.small(*m.xp, kSmallValue));
        if (!successor) break;
        state = std::move(*successor);
        add(state);
      }
    }
  } catch (const TranslateError&) {
  } catch (const z3::exception&) {
    // Best effort, as sample_reachable: the states found so far are still reachable.
  }
  return out;
}

}  // namespace verigen::z3inv
