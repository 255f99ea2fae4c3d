#!/usr/bin/env bash
# Times `colosim place` (6 policies × 10 seeds, openb default, arrival 130 %) in a release build.
# Usage: scripts/place_timing.sh [path/to/colosim]   (default .build/release/colosim)
# Prints CPU (user) and wall seconds for all policies together and for each one; the target is
# < 10 s for all six on one core (DESIGN §10). Reports only: no threshold is checked here.
set -euo pipefail
BIN=${1:-.build/release/colosim}
T=${SHARED:-../shared}/traces/alibaba-gpu-v2023-openb
ARGS=(place --nodes "$T/openb_node_list_gpu_node.csv" --pods "$T/openb_pod_list_default.csv" --arrive 1.3 --seeds 42-51)
TIMEFORMAT='%U s CPU, %R s wall'
echo -n "all six: "; { time "$BIN" "${ARGS[@]}" --policy all >/dev/null; } 2>&1
for p in random dot-product gpu-clustering gpu-packing best-fit fgd; do
  echo -n "$p: "; { time "$BIN" "${ARGS[@]}" --policy "$p" >/dev/null; } 2>&1
done
