#!/usr/bin/env python3
"""verify_throughput: verigen verify --jobs 2 against plain `dafny verify` over 2 workers.

Verifies the DafnyComp ground-truth programs both ways with the same per-assertion limit and
prints both wall times, their ratio and per-file verdict agreement; then repeats verigen with a
warm cache. The two cold modes run interleaved in chunks (alternating which goes first), so load
from anything else on the machine falls on both sides alike. Results are also written as JSON.

Usage: benchmarks/verify_throughput/run.py [--limit N] [--chunk N] [--time-limit SEC] [--out FILE]
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

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DATA = os.path.join(ROOT, "..", "shared", "datasets", "dafnycomp", "programs")


def dafny_env():
    env = dict(os.environ)
    env["PATH"] = os.path.expanduser("~/.dotnet/tools") + ":" + env.get("PATH", "")
    env.update(DOTNET_ROLL_FORWARD="Major", DOTNET_CLI_TELEMETRY_OPTOUT="1", DOTNET_NOLOGO="1")
    return env


def plain_dafny(files, time_limit, env):
    """Plain Dafny, one process per file, two workers: {file: verified?}."""
    def one(path):
        # The options verigen passes: the same per-assertion limit, and --allow-warnings (so that
        # benign warnings such as missing triggers do not fail a verified program).
        r = subprocess.run(["dafny", "verify", "--allow-warnings", "--verification-time-limit",
                            str(time_limit), path],
                           stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, env=env)
        return path, r.returncode == 0
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        return dict(pool.map(one, files))


def verigen(binary, files, time_limit, env):
    """verigen verify --jobs 2 --json: {file: outcome}."""
    r = subprocess.run([binary, "verify", "--jobs", "2", "--json", "--verification-time-limit",
                        str(time_limit), "--"] + files,
                       stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       env=env)
    if r.returncode not in (0, 1, 2):
        sys.exit(f"verigen failed with exit code {r.returncode}: {r.stderr.decode()[-500:]}")
    doc = json.loads(r.stdout)
    return {entry["file"]: entry for entry in doc["results"]}


def write_checkpoint(out, done, total, dafny_time, verigen_time, dafny_verdicts, verigen_results):
    """The cold comparison so far, as JSON beside the final output (OUT.partial)."""
    agree = sum(1 for f, e in verigen_results.items()
                if f in dafny_verdicts and (e["outcome"] == "verified") == dafny_verdicts[f])
    doc = {"done": done, "total": total, "dafny_seconds": round(dafny_time, 1),
           "verigen_cold_seconds": round(verigen_time, 1),
           "cold_ratio": round(verigen_time / dafny_time, 3) if dafny_time else None,
           "verified": sum(1 for e in verigen_results.values() if e["outcome"] == "verified"),
           "agreement": agree}
    os.makedirs(os.path.dirname(out), exist_ok=True)
    with open(out + ".partial", "w") as f:
        json.dump(doc, f, indent=2)


def timed(fn, *args):
    started = time.monotonic()
    value = fn(*args)
    return value, time.monotonic() - started


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=0, help="only the first N programs")
    parser.add_argument("--chunk", type=int, default=10, help="files per interleaved chunk")
    parser.add_argument("--time-limit", type=int, default=20, help="seconds per assertion batch")
    parser.add_argument("--binary", default=os.path.join(ROOT, "build", "verigen"))
    parser.add_argument("--out", default=os.path.join(ROOT, "build", "bench", "verify_throughput.json"))
    args = parser.parse_args()

    files = sorted(glob.glob(os.path.join(DATA, "*", "dafny_code.dfy")),
                   key=lambda p: int(os.path.basename(os.path.dirname(p))) if os.path.basename(os.path.dirname(p)).isdigit() else p)
    if not files:
        sys.exit(f"no DafnyComp programs under {DATA}")
    if args.limit:
        files = files[: args.limit]
    env = dafny_env()
    # A private copy of the binary: rebuilding build/verigen during a long run must not break it.
    workdir = tempfile.mkdtemp(prefix="verigen-bench-")
    binary = os.path.join(workdir, "verigen")
    shutil.copy2(args.binary, binary)
    cache = os.path.join(workdir, "cache")
    env["XDG_CACHE_HOME"] = cache
    env["VERIGEN_NO_PROGRESS"] = "1"

    dafny_verdicts, verigen_results = {}, {}
    dafny_time = verigen_time = 0.0
    chunks = [files[i:i + args.chunk] for i in range(0, len(files), args.chunk)]
    for index, chunk in enumerate(chunks):
        order = ("verigen", "dafny") if index % 2 == 0 else ("dafny", "verigen")
        for mode in order:
            if mode == "dafny":
                verdicts, seconds = timed(plain_dafny, chunk, args.time_limit, env)
                dafny_verdicts.update(verdicts)
                dafny_time += seconds
            else:
                results, seconds = timed(verigen, binary, chunk, args.time_limit, env)
                verigen_results.update(results)
                verigen_time += seconds
        done = min((index + 1) * args.chunk, len(files))
        # A checkpoint per chunk: a run stopped part-way still leaves its side-by-side numbers.
        write_checkpoint(args.out, done, len(files), dafny_time, verigen_time, dafny_verdicts,
                         verigen_results)
        print(f"\r[{done}/{len(files)}] dafny {dafny_time:.0f}s  verigen {verigen_time:.0f}s",
              end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)

    warm_results, warm_time = timed(verigen, binary, files, args.time_limit, env)
    shutil.rmtree(workdir, ignore_errors=True)

    rows, disagreements = [], []
    for path in files:
        ours = verigen_results[path]["outcome"]
        theirs = dafny_verdicts[path]
        warm = warm_results[path]["outcome"]
        agree = (ours == "verified") == theirs and warm == ours
        rows.append({"file": os.path.relpath(path, DATA), "verigen": ours,
                     "verigen_cause": verigen_results[path]["cause"], "verigen_warm": warm,
                     "warm_cached": warm_results[path]["cached"], "dafny_verified": theirs,
                     "agree": agree})
        if not agree:
            cause = verigen_results[path]["cause"]
            rows[-1]["reason"] = (
                "verigen refuses an escape hatch that Dafny accepts under --allow-warnings: " +
                verigen_results[path]["detail"] if cause == "integrity" and theirs else
                f"verigen {ours} ({cause}) vs dafny exit code")
            disagreements.append(rows[-1])

    verified = sum(1 for r in rows if r["verigen"] == "verified")
    summary = {
        "programs": len(files), "verified": verified, "time_limit": args.time_limit,
        "dafny_seconds": round(dafny_time, 1), "verigen_cold_seconds": round(verigen_time, 1),
        "verigen_warm_seconds": round(warm_time, 2),
        "cold_ratio": round(verigen_time / dafny_time, 3),
        "warm_ratio": round(warm_time / dafny_time, 4),
        "agreement": len(files) - len(disagreements),
    }
    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    with open(args.out, "w") as f:
        json.dump({"summary": summary, "files": rows}, f, indent=2)

    print(f"programs                    {len(files)}")
    print(f"verified (verigen)          {verified}")
    print(f"plain dafny, 2 workers      {dafny_time:8.1f} s")
    print(f"verigen --jobs 2, cold      {verigen_time:8.1f} s   ratio {summary['cold_ratio']:.3f}")
    print(f"verigen --jobs 2, warm      {warm_time:8.2f} s   ratio {summary['warm_ratio']:.4f}")
    print(f"verdict agreement           {summary['agreement']}/{len(files)}")
    for d in disagreements:
        print(f"  disagree: {d['file']}: verigen {d['verigen']} ({d['verigen_cause']}), "
              f"warm {d['verigen_warm']}, dafny {'verified' if d['dafny_verified'] else 'not verified'}"
              f": {d['reason']}")
    print(f"results: {args.out}")


if __name__ == "__main__":
    main()
