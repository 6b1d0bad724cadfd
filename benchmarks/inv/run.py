#!/usr/bin/env python3
"""inv: `verigen inv` against cvc5's SyGuS solver and Z3's Spacer alone, same limit, one run.

The portfolio (`verigen inv`: its members race per problem) runs beside each of its members
alone: its enumerator (`verigen inv --members builtin`), cvc5 and Z3's Spacer (their own
binaries). The "virtual best" is what the best single member reaches per problem (solved by any
member alone); "lost" lists problems a member alone solved and the portfolio did not. The tools
run interleaved in chunks of problems (rotating which goes first) with the same per-problem limit,
so load from anything else on the machine falls on all of them alike. Each member alone runs over
two workers (one core each: every member is single-threaded); the portfolio, whose members run
side by side, gets the machine for one problem at a time (`--portfolio-jobs 1`, as `verigen inv
FILE` does), or one core per problem with `--portfolio-jobs 2`. Every invariant verigen or cvc5 claims is re-checked outside verigen: its three
verification conditions go to the z3 binary as plain SMT-LIB queries, and to the cvc5 binary
where z3 does not prove one. Then the ranking
experiment: every candidate of the built-in source is checked (`verigen inv --check-all`), and
`verigen rank eval --folds K` compares the contrastive scorer with the generator's order and a
random order, cross-validated by problem. Writes JSON and a cactus plot (SVG).

Usage: benchmarks/inv/run.py [--limit N] [--stride K [--offset N]] [--timeout SEC] [--chunk N]
                             [--portfolio-jobs N] [--folds K] [--skip-rank]
"""
import argparse
import concurrent.futures
import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sygus_text  # noqa: E402
import cactus_svg  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DATA = os.path.join(ROOT, "..", "shared", "datasets", "sygus-inv", "problems")
WORKERS = 2


def run_timed(argv, limit, stdin_text=None):
    """(stdout, seconds, timed_out) of one process, killed a little after `limit`."""
    started = time.monotonic()
    try:
        r = subprocess.run(argv, input=stdin_text, capture_output=True, text=True, timeout=limit + 2)
        return r.stdout, time.monotonic() - started, False
    except subprocess.TimeoutExpired:
        return "", time.monotonic() - started, True


def cvc5_one(path, limit):
    out, seconds, _ = run_timed(["cvc5", "--lang=sygus2", f"--tlimit={int(limit * 1000)}", path], limit)
    if "(define-fun" in out:
        start = out.index("(define-fun")
        depth, end = 0, start
        for end in range(start, len(out)):
            depth += {"(": 1, ")": -1}.get(out[end], 0)
            if depth == 0:
                break
        return {"status": "solved", "invariant": out[start:end + 1], "seconds": seconds}
    if "infeasible" in out:
        return {"status": "infeasible", "seconds": seconds}
    return {"status": "unknown", "seconds": seconds}


def spacer_one(path, limit, workdir):
    problem = sygus_text.Problem(open(path).read())
    chc = os.path.join(workdir, os.path.basename(path) + ".smt2")
    with open(chc, "w") as f:
        f.write(problem.chc())
    out, seconds, _ = run_timed(["z3", f"-T:{int(limit)}", chc], limit)
    status = {"sat": "solved", "unsat": "infeasible"}.get(out.strip().split("\n")[0] if out else "", "unknown")
    return {"status": status, "seconds": seconds}


def verigen_chunk(binary, paths, limit, env, members=None, jobs=WORKERS):
    argv = [binary, "inv", "--jobs", str(jobs), "--timeout", str(limit), "--json"]
    if members:
        argv += ["--members", members]
    out, _, _ = run_timed(argv + ["--"] + paths, limit * len(paths) + 60)
    results = {}
    try:
        doc = json.loads(out)
    except json.JSONDecodeError:
        return {p: {"status": "error", "seconds": limit} for p in paths}
    for entry in doc["problems"]:
        # verigen's shared vocabulary: verified = solved, refuted = infeasible.
        status = {"verified": "solved", "refuted": "infeasible", "unknown": "unknown"}.get(entry["outcome"], "error")
        results[entry["file"]] = {"status": status, "invariant": entry.get("invariant"),
                                  "seconds": entry["elapsed_ms"] / 1000.0, "origin": entry.get("origin"),
                                  "checks": entry.get("checks"), "trace_length": len(entry.get("trace", [])),
                                  "members": entry.get("members", [])}
    return results


# The solvers a re-check may ask, in order: a condition holds when either proves it (unsat).
# Both are independent of verigen; cvc5 proves in a fraction of a second some nonlinear
# consecutions that z3 4.8.12 does not prove in 30 s, and the other way round.
# cvc5 wants the logic named (ALL); z3 gets the query as before, choosing its tactics itself.
RECHECK_SOLVERS = [(["z3", "-T:30", "-in"], ""),
                   (["cvc5", "--lang=smt2", "--tlimit=30000"], "(set-logic ALL)\n")]


def recheck(path, invariant):
    """True when z3 or cvc5 proves each of the three conditions of `invariant` (a define-fun
    text)."""
    problem = sygus_text.Problem(open(path).read())
    for name, query in problem.vc_queries(invariant).items():
        proved = False
        for solver, prefix in RECHECK_SOLVERS:
            out, _, _ = run_timed(solver, 30, stdin_text=prefix + query)
            if out.strip() == "unsat":
                proved = True
                break
        if not proved:
            return False, name
    return True, ""


def pool_map(fn, items):
    with concurrent.futures.ThreadPoolExecutor(max_workers=WORKERS) as pool:
        return dict(zip(items, pool.map(fn, items)))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=0, help="only the first N problems")
    parser.add_argument("--stride", type=int, default=1,
                        help="only every K-th problem (a slice across all families)")
    parser.add_argument("--offset", type=int, default=0, help="with --stride: start at the N-th problem")
    parser.add_argument("--timeout", type=float, default=10.0, help="seconds per problem")
    parser.add_argument("--chunk", type=int, default=40, help="problems per interleaved chunk")
    parser.add_argument("--portfolio-jobs", type=int, default=1,
                        help="problems the portfolio runs at once (1: each race has the machine)")
    parser.add_argument("--folds", type=int, default=5, help="cross-validation folds for ranking")
    parser.add_argument("--skip-rank", action="store_true", help="skip the ranking experiment")
    parser.add_argument("--binary", default=os.path.join(ROOT, "build", "verigen"))
    parser.add_argument("--out", default=os.path.join(ROOT, "build", "bench", "inv.json"),
                        help="the results file (JSON); the plot goes beside it")
    args = parser.parse_args()
    # Refuse a results path that cannot be written before the half-hour run, not after it.
    if os.path.isdir(args.out):
        parser.error(f"--out {args.out}: is a directory; name the results file, e.g. {args.out}/inv.json")

    files = sorted(glob.glob(os.path.join(DATA, "*.sl")))
    if not files:
        sys.exit(f"no SyGuS-INV problems under {DATA}")
    files = files[args.offset:: max(args.stride, 1)]
    if args.limit:
        files = files[: args.limit]
    for tool in ("cvc5", "z3"):
        if not shutil.which(tool):
            sys.exit(f"{tool} is not installed: run scripts/setup")
    workdir = tempfile.mkdtemp(prefix="verigen-inv-bench-")
    binary = os.path.join(workdir, "verigen")  # a private copy: a rebuild must not break the run
    shutil.copy2(args.binary, binary)
    env = dict(os.environ, VERIGEN_NO_PROGRESS="1")

    results = {"verigen": {}, "builtin": {}, "cvc5": {}, "spacer": {}}
    wall = {name: 0.0 for name in results}
    chunks = [files[i:i + args.chunk] for i in range(0, len(files), args.chunk)]
    for index, chunk in enumerate(chunks):
        order = list(results)
        order = order[index % len(order):] + order[:index % len(order)]
        for tool in order:
            started = time.monotonic()
            if tool == "verigen":
                results[tool].update(verigen_chunk(binary, chunk, args.timeout, env,
                                                   jobs=args.portfolio_jobs))
            elif tool == "builtin":
                results[tool].update(verigen_chunk(binary, chunk, args.timeout, env, "builtin"))
            elif tool == "cvc5":
                results[tool].update(pool_map(lambda p: cvc5_one(p, args.timeout), chunk))
            else:
                results[tool].update(pool_map(lambda p: spacer_one(p, args.timeout, workdir), chunk))
            wall[tool] += time.monotonic() - started
        done = min((index + 1) * args.chunk, len(files))
        solved = {t: sum(1 for r in results[t].values() if r["status"] == "solved") for t in results}
        print(f"\r[{done}/{len(files)}] solved: " + "  ".join(f"{t} {solved[t]}" for t in results),
              end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)

    # Independent re-check of every claimed invariant.
    recheck_failures = {"verigen": [], "builtin": [], "cvc5": []}
    for tool in recheck_failures:
        claims = [p for p, r in results[tool].items() if r["status"] == "solved" and r.get("invariant")]
        verdicts = pool_map(lambda p: recheck(p, results[tool][p]["invariant"]), claims)
        for path, (ok, failed) in verdicts.items():
            results[tool][path]["rechecked"] = ok
            if not ok:
                recheck_failures[tool].append((os.path.basename(path), failed))

    summary = {"problems": len(files), "timeout": args.timeout, "workers": WORKERS,
               "portfolio_jobs": args.portfolio_jobs}
    for tool, rows in results.items():
        counts = {s: sum(1 for r in rows.values() if r["status"] == s)
                  for s in ("solved", "infeasible", "unknown", "error", "bad-input")}
        summary[tool] = dict(counts, decided=counts["solved"] + counts["infeasible"],
                             wall_seconds=round(wall[tool], 1))
    for tool in recheck_failures:
        summary[tool]["recheck_failures"] = len(recheck_failures[tool])
    by_logic = {}
    for path in files:
        logic = os.path.basename(path).split("-")[0]
        row = by_logic.setdefault(logic, {"problems": 0, **{t: 0 for t in results}})
        row["problems"] += 1
        for tool in results:
            row[tool] += results[tool][path]["status"] == "solved"
    summary["by_logic"] = by_logic

    # The virtual best of the members: per problem, solved (and, where re-checked, holding) by
    # any member alone. The portfolio should lose none of these and solve more in total.
    def holds(tool, path):
        r = results[tool][path]
        return r["status"] == "solved" and r.get("rechecked", True)
    members = ["builtin", "cvc5", "spacer"]
    best = [p for p in files if any(holds(t, p) for t in members)]
    lost = [os.path.basename(p) for p in best if not holds("verigen", p)]
    gained = [os.path.basename(p) for p in files if holds("verigen", p) and p not in best]
    # Who won the portfolio's races, and how the members' running time was shared.
    wins, busy = {}, {}
    for r in results["verigen"].values():
        for m in r.get("members", []):
            # The lemma stage waits idle for its lemma: only its working time is a share.
            busy[m["name"]] = busy.get(m["name"], 0) + m["elapsed_ms"] - m.get("idle_ms", 0)
            if m["result"] == "won":
                wins[m["name"]] = wins.get(m["name"], 0) + 1
    total_busy = sum(busy.values()) or 1
    summary["virtual_best"] = {"solved": len(best), "portfolio_solved": sum(holds("verigen", p) for p in files),
                               "lost": lost, "gained": gained}
    summary["member_wins"] = wins
    summary["member_time_share"] = {m: round(t / total_busy, 3) for m, t in busy.items()}

    if not args.skip_rank:
        summary["ranking"] = ranking_experiment(binary, files, args, env, workdir)

    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    rows = [{"file": os.path.basename(p), **{t: results[t][p] for t in results}} for p in files]
    with open(args.out, "w") as f:
        json.dump({"summary": summary, "problems": rows}, f, indent=2)
    svg = os.path.splitext(args.out)[0] + "_cactus.svg"
    with open(svg, "w") as f:
        f.write(cactus_svg.render({t: [r["seconds"] for r in results[t].values() if r["status"] == "solved"]
                                   for t in results}, args.timeout, len(files)))
    shutil.rmtree(workdir, ignore_errors=True)

    print(f"problems {len(files)}, {args.timeout:g} s each, members alone on {WORKERS} workers, "
          f"the portfolio {args.portfolio_jobs} problem(s) at a time")
    print(f"{'tool':10} {'solved':>7} {'infeasible':>10} {'decided':>8} {'unknown':>8} {'wall s':>8}")
    for tool in results:
        s = summary[tool]
        print(f"{tool:10} {s['solved']:7} {s['infeasible']:10} {s['decided']:8} {s['unknown']:8} "
              f"{s['wall_seconds']:8.1f}")
    for tool, failures in recheck_failures.items():
        print(f"{tool} invariants re-checked by the z3 binary: "
              f"{summary[tool]['solved'] - len(failures)}/{summary[tool]['solved']} hold"
              + "".join(f"\n  FAILED {name}: {check}" for name, check in failures))
    for logic, row in sorted(by_logic.items()):
        print(f"  {logic:5} {row['problems']:4} problems: " + ", ".join(f"{t} {row[t]}" for t in results))
    vb = summary["virtual_best"]
    print(f"virtual best of the members {vb['solved']}, portfolio {vb['portfolio_solved']} "
          f"(lost {len(vb['lost'])}, gained {len(vb['gained'])})"
          + "".join(f"\n  LOST {name}" for name in vb["lost"]))
    print(f"portfolio wins by member: {summary['member_wins']}; "
          f"time share: {summary['member_time_share']}")
    if "ranking" in summary:
        print("ranking (cross-validated by problem):")
        print(json.dumps(summary["ranking"], indent=2))
    print(f"results: {args.out}\nplot: {svg}")


def ranking_experiment(binary, files, args, env, workdir):
    """Checks every built-in candidate, then cross-validates the scorer by problem."""
    log = os.path.join(workdir, "candidates.jsonl")
    run_timed([binary, "inv", "--check-all", "--members", "builtin", "--no-rank", "--jobs", str(WORKERS),
               "--timeout", str(args.timeout), "--log", log, "--json", "--"] + files,
              args.timeout * len(files) + 60)
    keep = os.path.join(os.path.dirname(args.out), "inv_candidates.jsonl")
    if os.path.exists(log):
        shutil.copy2(log, keep)
    out, _, _ = run_timed([binary, "rank", "eval", "--folds", str(args.folds), "--json", keep],
                          3600)
    try:
        return json.loads(out)
    except json.JSONDecodeError:
        return {"error": "rank eval printed no JSON", "output": out[-500:]}


if __name__ == "__main__":
    main()
