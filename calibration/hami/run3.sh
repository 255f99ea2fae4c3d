#!/usr/bin/env bash
# Run 3 of the HAMi-core ground truth: when HAMi-core's watcher starts and passes, against the
# client's first kernel. Same build as run2.sh; colocal.cu gets one stderr line at run_be's t0
# ("T0 client start", added by sed below; nothing else changes), and every stderr line of the
# process (HAMi-core's log at LIBCUDA_LOG_LEVEL=3 and that line) is stamped on arrival with the
# monotonic clock by stamp.py. About 2 minutes.
set -u
cd "$(dirname "$0")"; D=$PWD; BUILD=/tmp/hami-build; mkdir -p $BUILD/config
OUT=${OUT:-/tmp/hami-out}; mkdir -p "$OUT"; L=$OUT/hami-h200-run3.jsonl; W=$OUT/hami-h200-run3-watch.txt
CUDA=${CUDA_HOME:-/usr/local/cuda}; export PATH=$CUDA/bin:$PATH
nvidia-smi --query-gpu=name,driver_version,compute_mode --format=csv,noheader > $OUT/hami-h200-run3-gpu.txt 2>&1
printf '#define MULTIPROCESS_LIMIT_ENABLE\n#define DLSYM_HOOK_ENABLE\n#define HOOK_MEMINFO_ENABLE\n#define HOOK_NVML_ENABLE\n' > $BUILD/config/static_config.h
S=${HAMI_SRC:-$D/hami-core-src}
gcc -shared -fPIC -O2 -g -D_GNU_SOURCE -w -I$CUDA/include -I$S -I$BUILD/config \
  $S/libvgpu.c $S/utils.c $S/log_utils.c $S/nvml/nvml_entry.c $S/nvml/hook.c \
  $S/cuda/context.c $S/cuda/device.c $S/cuda/hook.c $S/cuda/event.c $S/cuda/memory.c $S/cuda/stream.c $S/cuda/graph.c \
  $S/allocator/allocator.c $S/multiprocess/multiprocess_memory_limit.c $S/multiprocess/multiprocess_utilization_watcher.c \
  -o $BUILD/libvgpu.so -L$CUDA/lib64/stubs -lcuda -lnvidia-ml -lpthread > $OUT/build.txt 2>&1 || { echo BUILD FAILED; tail -30 $OUT/build.txt; exit 1; }
sed 's|long done = 0; double t0 = now_us(), end = t0 + seconds \* 1e6;|&\n  fprintf(stderr, "T0 client start\\n");|' $D/../colocal.cu > /tmp/colocal-t0.cu
grep -q 'T0 client start' /tmp/colocal-t0.cu || { echo SED FAILED; exit 1; }
nvcc -O3 -arch=sm_90 -std=c++17 -cudart shared -o /tmp/colocal /tmp/colocal-t0.cu >> $OUT/build.txt 2>&1 || { echo NVCC FAILED; tail $OUT/build.txt; exit 1; }
B=/tmp/colocal; LIB=$BUILD/libvgpu.so; T=3; mkdir -p /tmp/vgpulock
info=$($B info 200 1000 2 2>/dev/null); echo "$info" | tee $L
it() { echo "$1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["'$2'"])'; }
export BE_ITERS=$(it "$info" be_iters) LS_ITERS=$(it "$info" ls_iters)
fresh() { rm -f /tmp/hami-*.cache; }
# hami NAME LIMIT TAG cmd...: one container, its stderr stamped into $W, its stdout into $L
hami() { local n=$1 lim=$2 tag=$3; shift 3
  echo "$(python3 -c 'import time; print(time.monotonic_ns()//1000)') $tag exec" >> $W
  ( CUDA_DEVICE_MEMORY_SHARED_CACHE=/tmp/hami-$n.cache CUDA_DEVICE_SM_LIMIT=$lim LD_PRELOAD=$LIB LIBCUDA_LOG_LEVEL=3 "$@" >> $L ) 2>&1 | python3 $D/stamp.py $tag >> $W; }
for rep in 1 2 3 4 5; do fresh; hami a 25 lone-L25-r$rep $B be 200 0 2 $T lone-L25-r$rep; done
for rep in 1 2 3; do fresh; hami a 50 lone-L50-r$rep $B be 200 0 2 $T lone-L50-r$rep; done
for rep in 1 2 3; do fresh; hami a 10 lone-L10-r$rep $B be 200 0 2 $T lone-L10-r$rep; done
for rep in 1 2 3; do fresh
  hami a 10 pair-L10-L90-r$rep-a $B be 200 0 2 $T pair-L10-L90-r$rep-a & a=$!
  hami b 90 pair-L10-L90-r$rep-b $B be 200 0 2 $T pair-L10-L90-r$rep-b & b=$!; wait $a $b; done
echo done; wc -l $L $W
