#!/usr/bin/env bash
# `make slurm-test`: a sweep run for real as a Slurm job array on a one-node cluster on localhost.
#
# Installs Debian's slurm-wlm and munge when missing (root), starts munged, slurmctld and slurmd in a
# scratch folder (own munge key and socket, minimal slurm.conf: proctrack/linuxproc, no cgroups),
# submits `colosim sweep SWEEP --slurm --submit` (one array task per point, then the dependent merge
# job), waits, and checks that the merged database equals a local `--jobs 1` run point for point
# (`colosim runs export --csv --sort key`, every column but the row id and wall-clock times, digests
# included). The daemons it started are stopped by pid on exit, failure included.
#
# Environment: COLOSIM (binary, default .build/release/colosim), SWEEP (default
# scenarios/sweeps/slurm-smoke.yaml), SLURM_TEST_TIMEOUT (seconds to wait for the jobs, default 300),
# KEEP=1 keeps the scratch folder. Exit 0 pass, 1 fail, 2 cannot run here (not root, no binary, busy).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
colosim="${COLOSIM:-$root/.build/release/colosim}"
sweep="${SWEEP:-scenarios/sweeps/slurm-smoke.yaml}"
wait_s="${SLURM_TEST_TIMEOUT:-300}"
start_s=$(date +%s)

say() { echo "slurm-test: $*"; }
fail() { echo "slurm-test: FAIL: $*" >&2; exit 1; }
cannot() { echo "slurm-test: $*" >&2; exit 2; }

[ "$(id -u)" = 0 ] || cannot "must run as root (it installs packages and starts munged, slurmctld and slurmd)"
[ -x "$colosim" ] || cannot "no colosim binary at $colosim (run make release, or set COLOSIM)"
[ -f "$sweep" ] || cannot "no sweep file $sweep"
command -v python3 >/dev/null || cannot "python3 is needed to compare the CSV exports"

# 1. Packages. A policy-rc.d stops the packages' maintainer scripts from starting daemons of their own.
missing=""
for p in slurm-wlm munge; do dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"; done
if [ -n "$missing" ]; then
  say "installing$missing"
  policy=""
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod 755 /usr/sbin/policy-rc.d && policy=1
  fi
  rc=0
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null; } || rc=$?
  [ -n "$policy" ] && rm -f /usr/sbin/policy-rc.d
  [ "$rc" = 0 ] || fail "apt-get install$missing failed (exit $rc)"
  say "installed$missing in $(( $(date +%s) - start_s )) s"
fi
for d in munged slurmctld slurmd sbatch squeue scontrol sinfo scancel; do
  command -v "$d" >/dev/null || fail "$d not found after installing slurm-wlm and munge"
done
if pgrep -x slurmctld >/dev/null || pgrep -x slurmd >/dev/null; then
  cannot "a slurmctld or slurmd is already running here (not started by this test); stop it first"
fi

# 2. Scratch folder, stop-on-exit trap.
work=$(mktemp -d /tmp/colosim-slurm.XXXXXX)
mkdir -p "$work/munge" "$work/state" "$work/spool" "$work/log" "$work/out"
array_job="" merge_job=""

stop_pidfile() { # stop the daemon whose pid is in file $1 (one we started), waiting up to 10 s
  local file=$1 name=$2 pid
  [ -s "$file" ] || return 0
  pid=$(cat "$file")
  kill -0 "$pid" 2>/dev/null || return 0
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || { say "stopped $name (pid $pid)"; return 0; }; sleep 0.1; done
  kill -9 "$pid" 2>/dev/null || true
  say "killed $name (pid $pid) after 10 s"
}

cleanup() {
  local rc=$?
  set +e
  if [ -n "$array_job$merge_job" ] && [ -s "$work/slurmctld.pid" ]; then
    scancel $array_job $merge_job 2>/dev/null
  fi
  if [ "$rc" != 0 ]; then
    for f in "$work"/log/*.log "$work"/out/*.log; do
      [ -f "$f" ] && { echo "--- $f (last 20 lines)"; tail -n 20 "$f"; }
    done
  fi
  stop_pidfile "$work/slurmd.pid" slurmd
  stop_pidfile "$work/slurmctld.pid" slurmctld
  stop_pidfile "$work/munge/munged.pid" munged
  if [ "$rc" = 0 ] && [ "${KEEP:-0}" != 1 ]; then rm -rf "$work"; else say "scratch folder kept: $work"; fi
  say "took $(( $(date +%s) - start_s )) s in all"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# 3. munged with its own key and socket.
dd if=/dev/urandom of="$work/munge/munge.key" bs=1024 count=1 status=none
chmod 400 "$work/munge/munge.key"
socket="$work/munge/munge.socket"
munged --force --key-file="$work/munge/munge.key" --socket="$socket" --pid-file="$work/munge/munged.pid" \
  --log-file="$work/log/munged.log" --seed-file="$work/munge/munged.seed" \
  || fail "munged did not start"
say "munged running (pid $(cat "$work/munge/munged.pid"))"

# 4. slurm.conf for one node (this host), then slurmctld and slurmd.
host=$(hostname -s)
export SLURM_CONF="$work/slurm.conf"
cat > "$SLURM_CONF" <<EOF
ClusterName=colosim-test
SlurmctldHost=$host
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$socket
MpiDefault=none
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmctldLogFile=$work/log/slurmctld.log
SlurmdLogFile=$work/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
JobAcctGatherType=jobacct_gather/none
NodeName=$host CPUs=$(nproc) State=UNKNOWN
PartitionName=debug Nodes=$host Default=YES MaxTime=INFINITE State=UP
EOF
slurmctld -f "$SLURM_CONF" || fail "slurmctld did not start"
slurmd -f "$SLURM_CONF" || fail "slurmd did not start"
for _ in $(seq 1 60); do
  state=$(sinfo -h -N -o %t 2>/dev/null | head -n 1)
  [ "$state" = idle ] && break
  sleep 0.5
done
[ "$state" = idle ] || fail "node $host not idle after 30 s (sinfo: '${state:-no answer}')"
say "one-node cluster up: slurmctld pid $(cat "$work/slurmctld.pid"), slurmd pid $(cat "$work/slurmd.pid"), node $host idle, $(nproc) CPUs"

# 5. The sweep as a job array plus merge job. The sweep path is relative to the repository; the jobs
# run in $work/out (#SBATCH --chdir), so they work only if the scripts use absolute paths.
merged="$work/merged.sqlite"
submitted=$("$colosim" sweep "$sweep" --slurm --submit --out "$work/out" --db "$merged")
printf '%s\n' "$submitted"
array_job=$(printf '%s\n' "$submitted" | sed -n 's/^submitted array job \([0-9]*\) .*/\1/p')
merge_job=$(printf '%s\n' "$submitted" | sed -n 's/.* merge job \([0-9]*\) (afterok.*/\1/p')
[ -n "$array_job" ] && [ -n "$merge_job" ] || fail "no job ids in the colosim sweep --slurm --submit output"
tasks=$(sed -n 's/^#SBATCH --array=0-\([0-9]*\)$/\1/p' "$work/out/sweep-array.sbatch")
tasks=$(( tasks + 1 ))

deadline=$(( $(date +%s) + wait_s ))
while squeue -h -j "$array_job,$merge_job" 2>/dev/null | grep -q .; do
  if squeue -h -j "$merge_job" -o %r 2>/dev/null | grep -q DependencyNeverSatisfied; then
    fail "an array task failed: the merge job's dependency can never be satisfied"
  fi
  [ "$(date +%s)" -lt "$deadline" ] || fail "jobs still queued or running after $wait_s s"
  sleep 1
done
completed=$(scontrol show job "$array_job" | grep -c 'JobState=COMPLETED' || true)
[ "$completed" = "$tasks" ] || fail "$completed of $tasks array tasks completed ($(scontrol show job "$array_job" | grep -o 'JobState=[A-Z_]*' | sort | uniq -c | tr '\n' ' '))"
scontrol show job "$merge_job" | grep -q 'JobState=COMPLETED' || fail "merge job $merge_job did not complete: $(scontrol show job "$merge_job" | grep -o 'JobState=[A-Z_]* Reason=[^ ]*')"
slurm_s=$(( $(date +%s) - start_s ))
say "array job $array_job: $tasks tasks COMPLETED; merge job $merge_job COMPLETED ($(tail -n 1 "$work/out/merge.log"))"

# 6. The same sweep locally with one worker, and the comparison.
"$colosim" sweep "$sweep" --jobs 1 --db "$work/local.sqlite" --quiet >/dev/null
"$colosim" runs export --csv --sort key --db "$merged" --out "$work/merged.csv"
"$colosim" runs export --csv --sort key --db "$work/local.sqlite" --out "$work/local.csv"
python3 - "$work/merged.csv" "$work/local.csv" <<'EOF'
import csv, sys
def load(path):
    with open(path, newline="") as f:
        rows = list(csv.reader(f))
    keep = [i for i, name in enumerate(rows[0]) if name not in ("id", "started_at", "finished_at")]
    return rows[0], [[r[i] for i in keep] for r in rows[1:]], [dict(zip(rows[0], r)) for r in rows[1:]]
mh, merged, mrecs = load(sys.argv[1])
lh, local, lrecs = load(sys.argv[2])
if mh != lh:
    sys.exit(f"slurm-test: FAIL: CSV columns differ: {mh} vs {lh}")
if len(merged) != len(local) or len(local) < 8:
    sys.exit(f"slurm-test: FAIL: {len(merged)} merged runs vs {len(local)} local runs (expected ≥ 8, equal)")
bad = [(m["point_key"], m["digest"], l["digest"]) for m, l, a, b in zip(mrecs, lrecs, merged, local) if a != b]
for key, dm, dl in bad:
    print(f"slurm-test: point {key}: merged digest {dm}, local digest {dl} (or other columns differ)")
if bad:
    sys.exit(f"slurm-test: FAIL: {len(bad)} of {len(local)} points differ")
sweeps = {r["sweep_id"] for r in mrecs} | {r["sweep_id"] for r in lrecs}
print(f"slurm-test: merged Slurm sweep equals the local --jobs 1 run: {len(local)} points, every digest and "
      f"metric equal (sweep {', '.join(sorted(sweeps))}, digests {', '.join(r['digest'] for r in lrecs)})")
EOF
say "PASS (cluster start + array + merge: ${slurm_s} s)"
