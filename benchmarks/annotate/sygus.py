#!/usr/bin/env python3
"""The two invariant engines on one footing: `verigen gen` (the Dafny annotator, builtin provider)
on SyGuS-INV problems translated to Dafny loops, beside `verigen inv` on the problems themselves.

    python3 benchmarks/annotate/sygus.py [--stride N] [--offset K] [--limit N] [--jobs 2]
                                         [--timeout 60] [--build build] [--out build/bench/sygus-dafny]

Each problem goes through benchmarks/annotate/sygus_to_dafny (specs/sygus/to_dafny.h: a loop of
`steps` trans steps from a state meeting pre, post asserted after it); problems it cannot
translate (arrays, division by a variable) are counted and left out of both columns. Per problem:
`verigen verify` on the bare loop (what doing nothing scores: Boogie's own inference proves
some), `verigen gen --timeout T` and `verigen inv --timeout T`, no cache. Where `inv` solved it,
its invariant is translated and put on the Dafny loop, and Dafny must verify that: a check of the
translation itself (an invariant of the problem proves the loop). Prints the table and writes
OUT/sygus.json (and OUT/sygus.jsonl, a line per problem as it ends); a problem's process failing is recorded as an error, never as solved.
"""
import argparse
import json
import statistics
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent


def run_json(command, timeout):
    """The command's JSON report, or None when it crashed, hung or printed no JSON."""
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout)
        return json.loads(done.stdout)
    except (subprocess.TimeoutExpired, json.JSONDecodeError, OSError):
        return None  # an error for this problem, never a crash that loses the others


def solve(problem, args, out):
    build = Path(args.build)
    stem = problem.stem
    row = {"problem": problem.name}
    try:
        translated = subprocess.run([str(build / "benchmarks" / "verigen_sygus_to_dafny"),
                                     str(problem)], capture_output=True, text=True)
    except OSError as e:
        row["untranslated"] = f"translator did not run: {e}"
        return row
    if translated.returncode != 0:
        row["untranslated"] = translated.stderr.strip().split(": error: ")[-1]
        return row
    dfy = out / "dfy" / (stem + ".dfy")
    dfy.write_text(translated.stdout)
    verigen = str(build / "verigen")
    slack = args.timeout + 60  # the tools keep their own deadline; this only catches a hang

    asis = run_json([verigen, "verify", str(dfy), "--json", "--no-cache"], slack)
    row["as_is"] = bool(asis and asis["results"][0]["outcome"] == "verified")

    started = time.monotonic()
    gen = run_json([verigen, "gen", str(dfy), "--json", "--no-cache", "--jobs", "1",
                    "--timeout", str(args.timeout), "--out", str(out / "gen" / stem)], slack)
    row["gen"] = {"outcome": gen["outcome"] if gen else "error",
                  "seconds": round(time.monotonic() - started, 2),
                  "verifier_calls": gen.get("verifier_calls", 0) if gen else 0}

    started = time.monotonic()
    inv = run_json([verigen, "inv", str(problem), "--json", "--timeout", str(args.timeout)], slack)
    result = inv["problems"][0] if inv else {}
    row["inv"] = {"outcome": result.get("outcome", "error"),
                  "seconds": round(time.monotonic() - started, 2)}
    invariant = result.get("invariant", "")
    if row["inv"]["outcome"] == "verified" and invariant:
        expr = subprocess.run([str(build / "benchmarks" / "verigen_sygus_to_dafny"), str(problem),
                               "--invariant", invariant], capture_output=True, text=True)
        if expr.returncode == 0:
            loop = "  while step < steps\n"
            annotated = translated.stdout.replace(
                loop, loop + "    invariant step <= steps\n    invariant " + expr.stdout.strip() + "\n", 1)
            checked = out / "dfy" / (stem + ".inv.dfy")
            checked.write_text(annotated)
            proof = run_json([verigen, "verify", str(checked), "--json", "--no-cache"], slack)
            row["inv_proves_loop"] = bool(proof and proof["results"][0]["outcome"] == "verified")
    return row


def median(values):
    return round(statistics.median(values), 2) if values else None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--stride", type=int, default=1, help="every N-th problem (sorted by name)")
    ap.add_argument("--offset", type=int, default=0)
    ap.add_argument("--limit", type=int)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--timeout", type=float, default=60, help="seconds per problem and engine")
    ap.add_argument("--build", default=str(ROOT / "build"))
    ap.add_argument("--data", default=str(ROOT.parent / "shared" / "datasets" / "sygus-inv" / "problems"))
    ap.add_argument("--out", default=str(ROOT / "build" / "bench" / "sygus-dafny"))
    args = ap.parse_args()

    problems = sorted(Path(args.data).glob("*.sl"))[args.offset::args.stride]
    if args.limit:
        problems = problems[:args.limit]
    if not problems:
        sys.exit(f"sygus: error: no .sl problems under {args.data}")
    out = Path(args.out)
    (out / "dfy").mkdir(parents=True, exist_ok=True)

    rows, started = [], time.monotonic()
    progress = (out / "sygus.jsonl").open("w")  # each problem as it ends: a cut run keeps them
    with ThreadPoolExecutor(max_workers=args.jobs) as pool:
        for i, row in enumerate(pool.map(lambda p: solve(p, args, out), problems), 1):
            rows.append(row)
            progress.write(json.dumps(row) + "\n")
            progress.flush()
            mark = "untranslated" if "untranslated" in row else \
                f"gen {row['gen']['outcome']} / inv {row['inv']['outcome']}"
            print(f"[{i}/{len(problems)}] {row['problem']}: {mark}", file=sys.stderr, flush=True)
    wall = time.monotonic() - started

    done = [r for r in rows if "untranslated" not in r]
    gen_ok = {r["problem"] for r in done if r["gen"]["outcome"] == "verified"}
    inv_ok = {r["problem"] for r in done if r["inv"]["outcome"] == "verified"}
    checked = [r for r in done if "inv_proves_loop" in r]
    summary = {
        "problems": len(rows),
        "translated": len(done),
        "untranslated": {r["problem"]: r["untranslated"] for r in rows if "untranslated" in r},
        "as_is_verified": sum(r["as_is"] for r in done),
        "gen_solved": len(gen_ok),
        "inv_solved": len(inv_ok),
        "both": len(gen_ok & inv_ok),
        "gen_only": sorted(gen_ok - inv_ok),
        "inv_only": len(inv_ok - gen_ok),
        "gen_median_seconds": median([r["gen"]["seconds"] for r in done if r["problem"] in gen_ok]),
        "inv_median_seconds": median([r["inv"]["seconds"] for r in done if r["problem"] in inv_ok]),
        "gen_median_verifier_calls": median(
            [r["gen"]["verifier_calls"] for r in done if r["problem"] in gen_ok]),
        "inv_invariant_proves_loop": f"{sum(r['inv_proves_loop'] for r in checked)}/{len(checked)}",
        "timeout_seconds": args.timeout,
        "wall_seconds": round(wall, 1),
    }
    (out / "sygus.json").write_text(json.dumps({"summary": summary, "problems": rows}, indent=2))
    n = max(len(done), 1)
    print(f"\n{len(done)} of {len(rows)} problems translated to Dafny loops "
          f"({len(rows) - len(done)} not: arrays, division by a variable, quantified trans)")
    print(f"| engine | solved | median s (solved) |\n|---|---|---|")
    print(f"| Dafny as is (no invariant) | {summary['as_is_verified']} ({100 * summary['as_is_verified'] / n:.1f}%) | |")
    print(f"| verigen gen (Dafny annotator) | {len(gen_ok)} ({100 * len(gen_ok) / n:.1f}%) | {summary['gen_median_seconds']} |")
    print(f"| verigen inv (SyGuS portfolio) | {len(inv_ok)} ({100 * len(inv_ok) / n:.1f}%) | {summary['inv_median_seconds']} |")
    print(f"both {summary['both']}, gen only {len(summary['gen_only'])}, inv only {summary['inv_only']}; "
          f"inv's invariant proves the Dafny loop in {summary['inv_invariant_proves_loop']}; "
          f"wall {wall:.0f} s; {out / 'sygus.json'}")


if __name__ == "__main__":
    main()
