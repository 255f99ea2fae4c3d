#!/usr/bin/env bash
# Kernel time after GPU idle gaps, with the SM clock sampled beside it (calibration/dvfs/README.md).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd); out=${OUT:-$here}
CUDA=${CUDA_HOME:-/usr/local/cuda}; export PATH=$CUDA/bin:$PATH
nvcc -O2 -o /tmp/idleramp "$here/idleramp.cu"
nvidia-smi --query-gpu=name,driver_version,clocks.max.sm,clocks.applications.graphics,persistence_mode,compute_mode --format=csv > "$out/idleramp-gpu.txt"
nvidia-smi --query-gpu=timestamp,clocks.sm,clocks.mem,pstate,power.draw,utilization.gpu --format=csv,noheader -lms 10 > "$out/idleramp-clocks.csv" &
smi=$!
sleep 1
/tmp/idleramp 40 > "$out/idleramp-2ms.jsonl"
/tmp/idleramp 4 > "$out/idleramp-200us.jsonl"
kill $smi || true
wc -l "$out"/idleramp-*
