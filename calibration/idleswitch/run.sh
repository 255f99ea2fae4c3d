#!/usr/bin/env bash
# Idle context-switch cost on a real GPU (calibration/idleswitch/README.md). About 2 minutes.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd); out=${OUT:-$here}
CUDA=${CUDA_HOME:-/usr/local/cuda}; export PATH=$CUDA/bin:$PATH
nvcc -O3 -std=c++17 -o /tmp/idleswitch "$here/idleswitch.cu"
nvidia-smi --query-gpu=name,driver_version,compute_mode --format=csv,noheader > "$out/idleswitch-gpu.txt"
B=/tmp/idleswitch; S=${SECONDS_PER_RUN:-20}
# LS alone (its own idle gaps only)
$B ls $S 100 42 > "$out/solo-ls.jsonl" 2>> "$out/idleswitch-stderr.txt"
# LS beside a process that runs one kernel every PERIOD us and idles in between
for spec in "7300 200" "7300 2000" "23000 2000"; do set -- $spec
  $B other $S $1 $2 > "$out/other-p$1-k$2.jsonl" 2>> "$out/idleswitch-stderr.txt" & o=$!
  $B ls $S 100 42 > "$out/ls-p$1-k$2.jsonl" 2>> "$out/idleswitch-stderr.txt"
  wait $o
done
python3 "$here/summarize.py" "$out" | tee "$out/idleswitch-summary.txt"
