#!/usr/bin/env python3
"""The builtin annotator on DafnyBench's hint-free programs, against doing nothing.

    python3 benchmarks/annotate/run.py [--shard I/N] [--limit N] [--jobs 2] [--timeout 60]
                                       [--binary build/verigen] [--out build/bench/annotate]
                                       [--task-seconds 60] [--report-only]

Runs `verigen bench run dafnybench --provider builtin` (DafnyBench's rules: the spec unchanged,
no escape hatch; verigen's strict audit on top) with a fresh database and run log, then reads
both and prints, side by side: tasks solved by attempt 0 (the hint-free program verifies as
it is: what doing nothing scores), solved by the annotator on top, per category; the median
verifier calls and seconds per annotated task; and which invariant families the solved tasks'
kept invariants came from (the families are named in each candidate's origin). Writes
OUT/annotate.json. Compares to gpt-3.5-turbo's published 44.0% (DafnyBench).
"""
import argparse
import json
import re
import sqlite3
import statistics
import subprocess
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
PUBLISHED = {"gpt-3.5-turbo": 44.0, "claude-3-opus": 67.8}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--shard", help="I/N: every N-th task (as bench run --shard)")
    ap.add_argument("--limit", type=int)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--timeout", type=float, default=60, help="seconds per verification")
    ap.add_argument("--binary", default=str(ROOT / "build" / "verigen"))
    ap.add_argument("--data", default=str(ROOT.parent / "shared" / "datasets"))
    ap.add_argument("--out", default=str(ROOT / "build" / "bench" / "annotate"))
    ap.add_argument("--task-seconds", type=float, default=60,
                    help="the per-task wall-clock target the summary counts solved tasks within")
    ap.add_argument("--report-only", action="store_true",
                    help="read OUT's database and log of an earlier run instead of running")
    args = ap.parse_args()

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    db, log = out / "annotate.db", out / "annotate.jsonl"
    command = [args.binary, "bench", "run", "dafnybench", "--db", str(db), "--log", str(log),
               "--provider", "builtin", "--jobs", str(args.jobs), "--timeout", str(args.timeout),
               "--data", args.data, "--no-cache"]
    if args.shard:
        command += ["--shard", args.shard]
    if args.limit:
        command += ["--limit", str(args.limit)]
    wall = 0.0
    if args.report_only:
        if not db.exists() or not log.exists():
            sys.exit(f"annotate: error: {db} or {log}: no earlier run to report")
    else:
        for stale in (db, log):
            stale.unlink(missing_ok=True)
        started = time.monotonic()
        if subprocess.run(command).returncode != 0:
            sys.exit("annotate: error: bench run failed (its message is above)")
        wall = time.monotonic() - started

    con = sqlite3.connect(db)
    rows = con.execute(
        "SELECT s.task_id, t.category, s.outcome, s.detail, s.verifier_calls, "
        "s.verify_seconds + s.generate_seconds FROM samples s JOIN tasks t "
        "ON s.run = t.run AND s.task_id = t.task_id").fetchall()
    families = {}
    for line in log.read_text().splitlines():
        entry = json.loads(line)
        # "builtin:houdini (K of N ..., C verifier calls; bound 3, post 1; sampled states: ...)"
        m = re.search(r"verifier calls?; ([^;)]*)", entry.get("origin", ""))
        if m and entry.get("verdict", {}).get("outcome") == "verified":
            families[entry["task"]] = {f.rsplit(" ", 1)[0]: int(f.rsplit(" ", 1)[1])
                                       for f in m.group(1).split(", ") if " " in f}

    per_category = defaultdict(lambda: Counter())
    won_by_family = Counter()
    calls, seconds = [], []
    for task, category, outcome, detail, verifier_calls, secs in rows:
        as_is = detail.startswith("attempt 0")
        c = per_category[category]
        c["tasks"] += 1
        c["as_is"] += outcome == "verified" and as_is
        c["annotated"] += outcome == "verified" and not as_is
        c["within_task_seconds"] += outcome == "verified" and secs <= args.task_seconds
        if not as_is and outcome != "error":
            calls.append(verifier_calls)
            seconds.append(secs)
        for family in families.get(Path(task).name, families.get(task, {})):
            won_by_family[family] += outcome == "verified"
    total = Counter()
    for c in per_category.values():
        total.update(c)
    n = max(total["tasks"], 1)
    summary = {
        "tasks": total["tasks"],
        "solved_as_is": total["as_is"],
        "solved_annotated": total["annotated"],
        "solved_total": total["as_is"] + total["annotated"],
        "solved_rate": round(100.0 * (total["as_is"] + total["annotated"]) / n, 1),
        "as_is_rate": round(100.0 * total["as_is"] / n, 1),
        "task_seconds": args.task_seconds,
        "solved_within_task_seconds": total["within_task_seconds"],
        "solved_within_task_seconds_rate": round(100.0 * total["within_task_seconds"] / n, 1),
        "median_verifier_calls": statistics.median(calls) if calls else 0,
        "median_seconds": round(statistics.median(seconds), 1) if seconds else 0,
        "wall_seconds": round(wall, 1),
        "families_in_solved_tasks": dict(won_by_family.most_common()),
        "per_category": {k: dict(v) for k, v in sorted(per_category.items())},
        "published": PUBLISHED,
        "command": command,
    }
    (out / "annotate.json").write_text(json.dumps(summary, indent=2) + "\n")
    print(f"\n{'category':<28}{'tasks':>7}{'as is':>7}{'+ annotated':>13}")
    for category, c in sorted(per_category.items()):
        print(f"{category[:27]:<28}{c['tasks']:>7}{c['as_is']:>7}{c['annotated']:>13}")
    print(f"{'all':<28}{total['tasks']:>7}{total['as_is']:>7}{total['annotated']:>13}")
    print(f"\nsolved {summary['solved_total']}/{total['tasks']} = {summary['solved_rate']}% "
          f"(doing nothing: {summary['as_is_rate']}%; gpt-3.5-turbo published 44.0%)")
    print(f"solved within {args.task_seconds:g} s of generation and verification: "
          f"{summary['solved_within_task_seconds']}/{total['tasks']} = "
          f"{summary['solved_within_task_seconds_rate']}%")
    print(f"annotated tasks: median {summary['median_verifier_calls']} verifier calls, "
          f"{summary['median_seconds']} s")
    print("families among solved tasks' kept invariants: " +
          ", ".join(f"{k} {v}" for k, v in won_by_family.most_common()))
    print(f"wrote {out / 'annotate.json'}")


if __name__ == "__main__":
    main()
