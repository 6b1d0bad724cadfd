#!/usr/bin/env python3
"""gen_overhead: how much of `verigen gen` is verigen itself, and how much memory it needs.

Records a cassette once from a scripted OpenAI-compatible server on 127.0.0.1 (three answers to
specs/examples/max_spec.dfy: a cheat, a wrong body, a right one), then runs
`verigen gen --provider replay --no-cache --json` on it several times. verigen's own time is the
total minus the wall time of the child processes it waits for (Dafny verifying and compiling,
python3 running the examples, the tools' version probes); its peak memory is its own VmHWM (children excluded). Targets:
verigen <= 5% of the total, peak RSS <= 64 MB. Prints a table and writes JSON.

Usage: benchmarks/gen_overhead/run.py [--runs N] [--out FILE]
"""
import argparse
import http.server
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SPEC = os.path.join(ROOT, "specs", "examples", "max_spec.dfy")


def answers():
    spec = open(SPEC).read()
    bodies = ["  assume false;\n  m := a;", "  m := a;", "  if a > b { m := a; } else { m := b; }"]
    return ["```dafny\n" + spec + "{\n" + body + "\n}\n```" for body in bodies]


class Handler(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        choices = [{"index": i, "message": {"role": "assistant", "content": c}, "finish_reason": "stop"}
                   for i, c in enumerate(answers())]
        body = json.dumps({"choices": choices, "usage": {"prompt_tokens": 300, "completion_tokens": 240}}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def env_with(**extra):
    env = dict(os.environ)
    env["PATH"] = os.path.expanduser("~/.dotnet/tools") + ":" + env.get("PATH", "")
    env.update(DOTNET_ROLL_FORWARD="Major", VERIGEN_NO_PROGRESS="1", VERIGEN_MODEL="scripted", **extra)
    return env


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--binary", default=os.path.join(ROOT, "build", "verigen"))
    parser.add_argument("--out", default=os.path.join(ROOT, "build", "bench", "gen_overhead.json"))
    args = parser.parse_args()
    work = tempfile.mkdtemp(prefix="verigen-gen-overhead-")
    binary = os.path.join(work, "verigen")
    shutil.copy2(args.binary, binary)
    cassette = os.path.join(work, "cassette.jsonl")

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/v1"
    record = subprocess.run([binary, "gen", SPEC, "--provider", "openai", "-k", "3", "--jobs", "1",
                             "--record", cassette, "--out", os.path.join(work, "recorded")],
                            env=env_with(OPENAI_BASE_URL=base, XDG_CACHE_HOME=os.path.join(work, "cache")),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL)
    server.shutdown()
    if record.returncode != 0:
        sys.exit("recording failed: " + record.stderr.decode()[-500:])

    rows = []
    for run in range(args.runs):
        r = subprocess.run([binary, "gen", SPEC, "--provider", "replay", "--cassette", cassette, "-k", "3",
                            "--jobs", "1", "--no-cache", "--json", "--out", os.path.join(work, f"run{run}")],
                           env=env_with(XDG_CACHE_HOME=os.path.join(work, "cache")),
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL)
        if r.returncode != 0:
            sys.exit(f"run {run} failed ({r.returncode}): {r.stderr.decode()[-500:]}")
        report = json.loads(r.stdout)
        t = report["timings"]
        # Every child process verigen waited for (Dafny, python3, version probes); with --jobs 1
        # they never overlap, so the rest of the wall time is verigen's own.
        children = t["child_processes_ms"]
        own = t["total_ms"] - children
        rows.append({"total_ms": t["total_ms"], "children_ms": children, "own_ms": own,
                     "own_share": own / t["total_ms"], "peak_rss_mib": report["peak_rss_kib"] / 1024,
                     "candidates": report["candidates"], "integrity_rejections": report["integrity_rejections"],
                     "verifier_calls": report["verifier_calls"]})
        print(f"\rrun {run + 1}/{args.runs}", end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)
    summary = {
        "runs": args.runs,
        "median_total_ms": statistics.median(r["total_ms"] for r in rows),
        "median_own_ms": statistics.median(r["own_ms"] for r in rows),
        "median_own_share": statistics.median(r["own_share"] for r in rows),
        "max_peak_rss_mib": max(r["peak_rss_mib"] for r in rows),
    }
    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    with open(args.out, "w") as f:
        json.dump({"summary": summary, "runs": rows}, f, indent=2)
    print(f"spec: specs/examples/max_spec.dfy, replayed: 3 candidates (1 cheat, 1 wrong, 1 right)")
    print(f"{'run':>4} {'total ms':>9} {'children ms':>12} {'verigen ms':>11} {'verigen %':>10} {'peak RSS MiB':>13}")
    for i, r in enumerate(rows):
        print(f"{i + 1:>4} {r['total_ms']:>9} {r['children_ms']:>12} {r['own_ms']:>11} "
              f"{100 * r['own_share']:>9.2f}% {r['peak_rss_mib']:>13.1f}")
    print(f"median verigen share {100 * summary['median_own_share']:.2f}% (target <= 5%), "
          f"max peak RSS {summary['max_peak_rss_mib']:.1f} MiB (target <= 64)")
    print(f"results: {args.out}")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
