#!/usr/bin/env bash
# Held-out configurations for the device model (not used by `calibrate fit`): stable LS queues
# under time-slicing and equal-priority streams, a heavier prio load and a repeat of solo-r1000.
# Same program (colocal.cu, copied unchanged from ../shared/calibration) and method as run.sh.
# Raw JSON lines to $OUT/calib.jsonl; GPU facts to $OUT/gpu.txt. Changes no GPU setting.
set -u
cd "$(dirname "$0")"
OUT=${OUT:-/tmp/calib-out}; mkdir -p "$OUT"
nvidia-smi --query-gpu=name,driver_version,compute_mode,clocks.sm,clocks.max.sm --format=csv | tee "$OUT/gpu.txt"
nvidia-smi compute-policy -l 2>&1 | head -20 | tee -a "$OUT/gpu.txt"
nvcc -O3 -arch=sm_90 -std=c++17 -o /tmp/colocal colocal.cu || exit 1
B=/tmp/colocal; S=${SECS:-4}
info=$($B info 200 1000 2); echo "$info" | tee "$OUT/calib.jsonl"
export LS_ITERS=$(echo "$info" | python3 -c 'import json,sys; print(json.load(sys.stdin)["ls_iters"])')
export BE_ITERS=$(echo "$info" | python3 -c 'import json,sys; print(json.load(sys.stdin)["be_iters"])')
echo "LS_ITERS=$LS_ITERS BE_ITERS=$BE_ITERS"
{
  $B ls 200 1000 0 $S solo-repeat
  for cfg in "2 100" "20 100" "2 250"; do
    set -- $cfg
    $B be 200 0 $1 $((S+2)) procs & bp=$!
    sleep 1; $B ls 200 $2 $1 $S procs-be$1ms-rate$2; wait $bp
  done
  $B streams 200 100 2 $S
  $B streams 200 20 20 $S
  $B prio 200 2500 2 $S
} 2>&1 | tee -a "$OUT/calib.jsonl"
