#!/usr/bin/env bash
# End to end on a real Slurm: scripts/slurm-local starts a one-node cluster, scripts/slurm-bench
# runs sharded benchmarks through it, and the merged results are compared with a single-machine
# `verigen bench run` of the same slice.
#
#   test/slurm/slurm_bench_test.sh VERIGEN_BINARY DATASETS_DIR
#
# Contract checked:
#   1. sygus-inv over 3 shards and dafnycomp (builtin provider) over 3 shards: the merged
#      database holds exactly the (task, sample, outcome, cause) rows of the single-machine run,
#      and report.md exists; `slurm-bench --wait` exits 0 (--sbatch-args passed through).
#   2. A shard cancelled (scancel) after recording a sample fails the array, so the merge job is
#      cancelled and `--wait` exits 1; resubmitted with --only-shards, the shard resumes from its
#      database: it runs exactly the samples not yet recorded, and the merge completes.
# The cluster is stopped however the test ends. Exit 77 (CTest: skipped) when the datasets or
# the Slurm packages are absent (scripts/setup installs the packages).
set -euo pipefail

verigen="$(realpath "$1")"
datasets="$(realpath -m "$2")"
root="$(cd "$(dirname "$0")/../.." && pwd)"
started=$SECONDS

say() { printf '[%3ds] %s\n' $((SECONDS - started)) "$*"; }
fail() { printf 'FAIL: %s\n' "$*" >&2; exit 1; }

if [[ ! -d "$datasets/sygus-inv" || ! -d "$datasets/dafnycomp" ]]; then
  echo "skipped: no datasets in $datasets"; exit 77
fi
for tool in slurmctld slurmd sbatch munged; do
  if ! command -v "$tool" >/dev/null; then
    echo "skipped: $tool is not installed (run scripts/setup)"; exit 77
  fi
done

work="$(mktemp -d "${TMPDIR:-/tmp}/verigen-slurm-test.XXXXXX")"
cluster="$work/cluster"
first=""
cleanup() {
  local rc=$?
  # The background submission of the kill-and-resume part, if the test failed during it.
  [[ -z "$first" ]] || kill "$first" 2>/dev/null || true
  "$root/scripts/slurm-local" stop --dir "$cluster" || true
  if [[ $rc -eq 0 ]]; then rm -rf "$work"; else echo "kept for inspection: $work" >&2; fi
}
trap cleanup EXIT
# A signal ends the script through exit, so the EXIT trap stops the cluster.
trap 'exit 130' INT TERM

# Every step that could hang is bounded by `timeout`, so that the EXIT trap stops the cluster
# before CTest's own time-out (TIMEOUT in test/CMakeLists.txt) would kill this script and
# leave the daemons behind. A normal run takes about a minute.
step=120

export VERIGEN_DATA="$datasets"
export VERIGEN_NO_PROGRESS=1
# Jobs inherit the submitter's environment; XDG_CACHE_HOME is set per run below so that no run
# is served from another's verification cache.
cd "$work"

say "starting the cluster"
# Not eval "$(...)" directly: eval would hide a failed start.
env_line="$("$root/scripts/slurm-local" start --dir "$cluster")" || fail "slurm-local start failed"
eval "$env_line"
[[ -n "${SLURM_CONF:-}" ]] || fail "slurm-local start printed no SLURM_CONF"

# (task, sample, outcome, cause) of every sample in a results database, one per line, sorted.
rows() {
  python3 - "$1" <<'EOF'
import sqlite3, sys
db = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
for r in sorted(db.execute("SELECT task_id, sample, outcome, cause FROM samples")):
    print(*r)
EOF
}

# Runs one suite's slice on this machine, then through slurm-bench, and compares.
#   compare NAME SUITE BENCH-RUN-ARGS...
compare() {
  local name="$1" suite="$2"
  shift 2
  local t0 single_s slurm_s
  t0=$SECONDS
  XDG_CACHE_HOME="$work/cache-$name-single" timeout "$step" "$verigen" bench run "$suite" \
    --db "$work/$name-single.db" "$@" >"$work/$name-single.log" 2>&1 ||
    { cat "$work/$name-single.log"; fail "$name: the single-machine run failed"; }
  single_s=$((SECONDS - t0))
  t0=$SECONDS
  XDG_CACHE_HOME="$work/cache-$name-slurm" timeout "$step" "$root/scripts/slurm-bench" "$suite" \
    --shards 3 --dir "$work/$name" --verigen "$verigen" --wait \
    --sbatch-args "--partition=local --time=10" -- "$@" ||
    { tail -n 20 "$work/$name"/*.log; fail "$name: slurm-bench --wait did not succeed"; }
  slurm_s=$((SECONDS - t0))
  [[ -s "$work/$name/report.md" ]] || fail "$name: no report.md"
  rows "$work/$name-single.db" >"$work/$name-single.rows"
  rows "$work/$name/results.db" >"$work/$name-slurm.rows"
  diff "$work/$name-single.rows" "$work/$name-slurm.rows" ||
    fail "$name: the merged database differs from the single-machine run (< single, > slurm)"
  [[ -s "$work/$name-single.rows" ]] || fail "$name: the slice is empty"
  say "$name: $(wc -l <"$work/$name-single.rows") samples, same verdicts;" \
    "single machine ${single_s} s, 3 shards on Slurm ${slurm_s} s (submission to report)"
  sed 's/^/    /' "$work/$name-single.rows"
}

# Slices whose verdicts do not depend on how busy the machine is: SyGuS problems solved or
# refuted in well under a second (far inside the time-out), and, of the DafnyComp programs
# tried, the one the builtin provider finishes fastest (refuted by a Dafny error, not a
# time-out). Two shards of the DafnyComp run get no task: they must still leave a database the
# merge accepts.
compare sygus sygus-inv --filter 'Code2Inv__10[236]' --timeout 20
compare dafnycomp dafnycomp --filter 'main_2node_1-2571-1006$' --timeout 60

# --- a shard cancelled mid-run, then resubmitted ----------------------------------------------
# Problems no portfolio member solves in 1.5 s: every sample runs until its time-out, so shard
# 1 (2 tasks x 2 samples) takes about 6 s and is cancelled after its first recorded sample.
slow=(--filter 'NIA-other__(div|issue_8|lcm|pottsumm)' -k 2 --timeout 1.5)
kill_dir="$work/kill"
count() {
  python3 - "$1" <<'EOF' 2>/dev/null || echo 0
import sqlite3, sys
# Read-only: connecting must not create the file before the shard does.
db = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
print(db.execute("SELECT count(*) FROM samples").fetchone()[0])
EOF
}
say "kill and resume: submitting"
: >"$work/kill-first.out"  # polled below before the background job may have opened it
XDG_CACHE_HOME="$work/cache-kill" timeout "$step" "$root/scripts/slurm-bench" sygus-inv --shards 3 \
  --dir "$kill_dir" --verigen "$verigen" --wait -- "${slow[@]}" >"$work/kill-first.out" 2>&1 &
first=$!
array=""
for ((i = 0; i < 100 && ${#array} == 0; i++)); do
  array="$(sed -n 's/^submitted job array \([0-9]*\) .*/\1/p' "$work/kill-first.out")"
  [[ -n "$array" ]] || sleep 0.1
done
[[ -n "$array" ]] || { cat "$work/kill-first.out"; fail "slurm-bench printed no job array id"; }
for ((i = 0; i < 600; i++)); do
  [[ "$(count "$kill_dir/shard-1.db")" -ge 1 ]] && break
  sleep 0.1
done
[[ "$(count "$kill_dir/shard-1.db")" -ge 1 ]] || fail "shard 1 recorded no sample within 60 s"
scancel "${array}_1"
say "cancelled job ${array}_1"
first_rc=0
wait "$first" || first_rc=$?
first=""
[[ $first_rc -eq 1 ]] ||
  { cat "$work/kill-first.out"; fail "slurm-bench --wait exited $first_rc, not 1, after scancel"; }
grep -q 'merge job .* ended CANCELLED' "$work/kill-first.out" ||
  { cat "$work/kill-first.out"; fail "slurm-bench --wait did not say the merge was cancelled"; }
# The cancelled shard's processes are gone once Slurm no longer lists its job.
for ((i = 0; i < 300; i++)); do
  [[ -z "$(squeue -h -j "${array}_1" -o %T 2>/dev/null)" ]] && break
  sleep 0.1
done
before="$(count "$kill_dir/shard-1.db")"
shard_total=4  # issue_8 and pottsumm4 (indices 1 and 4 of 5, in id order) x 2 samples
[[ "$before" -ge 1 && "$before" -lt "$shard_total" ]] ||
  fail "shard 1 held $before of $shard_total samples when cancelled: not mid-run"
say "shard 1 held $before of $shard_total samples when cancelled; resubmitting it"

XDG_CACHE_HOME="$work/cache-kill" timeout "$step" "$root/scripts/slurm-bench" sygus-inv --shards 3 \
  --dir "$kill_dir" --verigen "$verigen" --only-shards 1 --wait -- "${slow[@]}" ||
  { tail -n 30 "$kill_dir"/*.log; fail "the resubmitted shard and its merge did not succeed"; }
# The resumed run says what it ran: only the samples the cancelled one had not recorded.
resumed="$(grep '^  samples' "$kill_dir/shard-1.log" | tail -n 1)"
expected="  samples        $shard_total of $shard_total"
expected+=" ($((shard_total - before)) run now, $before recorded before)"
[[ "$resumed" == "$expected" ]] ||
  { cat "$kill_dir/shard-1.log"; fail "resumed shard 1 says '$resumed', expected '$expected'"; }
[[ "$(count "$kill_dir/shard-1.db")" -eq "$shard_total" ]] || fail "shard 1 is incomplete"
[[ "$(count "$kill_dir/results.db")" -eq 10 ]] || fail "the resumed run's merge lacks samples"
[[ -s "$kill_dir/report.md" ]] || fail "no report.md after the resumed merge"
say "resumed shard 1: $((shard_total - before)) run now, $before recorded before; merged 10 samples"
say "passed"
