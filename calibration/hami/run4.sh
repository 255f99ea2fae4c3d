#!/usr/bin/env bash
# Run 4 of the HAMi-core ground truth: the timeline of an LS client beside a throttled BE client, on
# one clock. colocal.cu is patched by trace_patch.py (every LS request and BE launch logged with
# steady_clock host times; nothing else changes), HAMi-core's log (LIBCUDA_LOG_LEVEL=3: every watcher
# pass) is stamped with the same clock by stamp.py, and NVML's per-process samples are read beside it
# (nvsample.py, wall clock; each process logs one monotonic/realtime pair to align them). The three
# LS+BE configurations of run 1 (limits LS/BE 50/50, 100/30, 90/10), twice each, started as run.sh
# starts them (BE first, LS 1 s later). Same HAMi-core build as run2.sh/run3.sh. About 1.5 minutes.
set -u
cd "$(dirname "$0")"; D=$PWD; BUILD=/tmp/hami-build; mkdir -p $BUILD/config
OUT=${OUT:-/tmp/hami-out}; mkdir -p "$OUT"; L=$OUT/hami-h200-run4.jsonl; W=$OUT/hami-h200-run4-watch.txt
TR=$OUT/hami-h200-run4-trace.txt; NV=$OUT/hami-h200-run4-nvml.jsonl
CUDA=${CUDA_HOME:-/usr/local/cuda}; export PATH=$CUDA/bin:$PATH
nvidia-smi --query-gpu=name,driver_version,compute_mode --format=csv,noheader > $OUT/hami-h200-run4-gpu.txt 2>&1
printf '#define MULTIPROCESS_LIMIT_ENABLE\n#define DLSYM_HOOK_ENABLE\n#define HOOK_MEMINFO_ENABLE\n#define HOOK_NVML_ENABLE\n' > $BUILD/config/static_config.h
S=${HAMI_SRC:-$D/hami-core-src}
gcc -shared -fPIC -O2 -g -D_GNU_SOURCE -w -I$CUDA/include -I$S -I$BUILD/config \
  $S/libvgpu.c $S/utils.c $S/log_utils.c $S/nvml/nvml_entry.c $S/nvml/hook.c \
  $S/cuda/context.c $S/cuda/device.c $S/cuda/hook.c $S/cuda/event.c $S/cuda/memory.c $S/cuda/stream.c $S/cuda/graph.c \
  $S/allocator/allocator.c $S/multiprocess/multiprocess_memory_limit.c $S/multiprocess/multiprocess_utilization_watcher.c \
  -o $BUILD/libvgpu.so -L$CUDA/lib64/stubs -lcuda -lnvidia-ml -lpthread > $OUT/build.txt 2>&1 || { echo BUILD FAILED; tail -30 $OUT/build.txt; exit 1; }
python3 $D/trace_patch.py $D/../colocal.cu > /tmp/colocal-trace.cu || { echo PATCH FAILED; exit 1; }
nvcc -O3 -arch=sm_90 -std=c++17 -cudart shared -o /tmp/colocal /tmp/colocal-trace.cu >> $OUT/build.txt 2>&1 || { echo NVCC FAILED; tail $OUT/build.txt; exit 1; }
B=/tmp/colocal; LIB=$BUILD/libvgpu.so; T=5; mkdir -p /tmp/vgpulock
info=$($B info 200 1000 2 2>/dev/null); echo "$info" | tee $L
it() { echo "$1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["'$2'"])'; }
export BE_ITERS=$(it "$info" be_iters) LS_ITERS=$(it "$info" ls_iters) TRACE_FILE=$TR
fresh() { rm -f /tmp/hami-*.cache; }
hami() { local n=$1 lim=$2 tag=$3; shift 3
  ( TRACE_TAG=$tag CUDA_DEVICE_MEMORY_SHARED_CACHE=/tmp/hami-$n.cache CUDA_DEVICE_SM_LIMIT=$lim LD_PRELOAD=$LIB LIBCUDA_LOG_LEVEL=3 "$@" >> $L ) 2>&1 | python3 $D/stamp.py $tag >> $W; }
for rep in 1 2; do for p in "50 50" "100 30" "90 10"; do set -- $p; fresh; tg=lsbe-L$1-L$2-r$rep
  python3 $D/nvsample.py $((T+3)) $tg $NV & SP=$!
  hami b $2 $tg-be $B be 200 0 2 $((T+2)) $tg-be & b=$!; sleep 1; hami a $1 $tg-ls $B ls 200 100 2 $T $tg-ls; wait $b $SP; done; done
echo done; wc -l $L $W $TR $NV
