#!/usr/bin/env bash
# Run 2 of the HAMi-core ground truth: what HAMi-core's watcher reads from NVML. Same build as
# ../shared/calibration/hami/run.sh; NVML per-process utilization sampled beside native and HAMi runs
# (nvsample.py), and HAMi-core's own watcher log (LIBCUDA_LOG_LEVEL=3: userutil/share per 120 ms pass).
set -u
cd "$(dirname "$0")"; D=$PWD; BUILD=/tmp/hami-build; mkdir -p $BUILD/config
OUT=${OUT:-/tmp/hami-out}; mkdir -p "$OUT"; L=$OUT/results.jsonl; NV=$OUT/nvml.jsonl; LOG=$OUT/watch.txt  # -> hami-h200-run2{,-nvml}.jsonl, -watch.txt
CUDA=${CUDA_HOME:-/usr/local/cuda}; export PATH=$CUDA/bin:$PATH
nvidia-smi --query-gpu=name,driver_version,compute_mode --format=csv,noheader > $OUT/gpu.txt 2>&1
printf '#define MULTIPROCESS_LIMIT_ENABLE\n#define DLSYM_HOOK_ENABLE\n#define HOOK_MEMINFO_ENABLE\n#define HOOK_NVML_ENABLE\n' > $BUILD/config/static_config.h
S=${HAMI_SRC:-$D/hami-core-src}
gcc -shared -fPIC -O2 -g -D_GNU_SOURCE -w -I$CUDA/include -I$S -I$BUILD/config \
  $S/libvgpu.c $S/utils.c $S/log_utils.c $S/nvml/nvml_entry.c $S/nvml/hook.c \
  $S/cuda/context.c $S/cuda/device.c $S/cuda/hook.c $S/cuda/event.c $S/cuda/memory.c $S/cuda/stream.c $S/cuda/graph.c \
  $S/allocator/allocator.c $S/multiprocess/multiprocess_memory_limit.c $S/multiprocess/multiprocess_utilization_watcher.c \
  -o $BUILD/libvgpu.so -L$CUDA/lib64/stubs -lcuda -lnvidia-ml -lpthread > $OUT/build.txt 2>&1 || { echo BUILD FAILED; tail -30 $OUT/build.txt; exit 1; }
nvcc -O3 -arch=sm_90 -std=c++17 -cudart shared -o /tmp/colocal $D/../colocal.cu >> $OUT/build.txt 2>&1 || { echo NVCC FAILED; tail $OUT/build.txt; exit 1; }
B=/tmp/colocal; LIB=$BUILD/libvgpu.so; T=5; mkdir -p /tmp/vgpulock
info=$($B info 200 1000 2); echo "$info" | tee $L
it() { echo "$1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["'$2'"])'; }
export BE_ITERS=$(it "$info" be_iters) LS_ITERS=$(it "$info" ls_iters)
# LS2_ITERS: a 2 ms one-wave "LS" kernel for duty-cycle probes (iters scale linearly with time)
LS2=$(( LS_ITERS * 10 ))
hami() { local c=/tmp/hami-$1.cache lim=$2; shift 2; CUDA_DEVICE_MEMORY_SHARED_CACHE=$c CUDA_DEVICE_SM_LIMIT=$lim LD_PRELOAD=$LIB LIBCUDA_LOG_LEVEL=3 "$@"; }
fresh() { rm -f /tmp/hami-*.cache; }
samp() { python3 $D/nvsample.py $1 $2 $NV & SP=$!; }
mark() { echo "=== $1 pids: $2" >> $LOG; }
w() { grep -a "userutil\|hostPid\|util_switch" $1 | sed "s/^/$2 /" >> $LOG; rm -f $1; }
{
  # native: one fed BE; two fed BEs; a 2 ms duty-cycled client (Poisson 100/s, 20% duty) alone and beside a fed BE
  samp 4 native-be; $B be 200 0 2 3 native-solo-be & a=$!; mark native-be "$a"; wait $a $SP
  samp 4 native-pair; $B be 200 0 2 3 native-pair-a & a=$!; $B be 200 0 2 3 native-pair-b & b=$!; mark native-pair "$a $b"; wait $a $b $SP
  samp 4 native-duty; LS_ITERS=$LS2 $B ls 2000 100 0 3 native-duty20 & a=$!; mark native-duty "$a"; wait $a $SP
  samp 5 native-duty-be; $B be 200 0 2 4 native-duty-be-be & b=$!; sleep 0.5; LS_ITERS=$LS2 $B ls 2000 100 2 3 native-duty20-beside-be & a=$!; mark native-duty-be "$a $b"; wait $a $b $SP
  # HAMi pairs (twice: noise), lone L25, LS+BE 90/10, closed loop L10, watcher log + NVML samples
  for rep in 1 2; do for p in "10 90" "30 70" "50 50"; do set -- $p; fresh; tg=pair$rep-L$1-L$2
    samp 6 $tg; hami a $1 $B be 200 0 2 $T $tg-a 2>/tmp/wa & a=$!; hami b $2 $B be 200 0 2 $T $tg-b 2>/tmp/wb & b=$!
    mark $tg "$a $b"; wait $a $b $SP; w /tmp/wa $tg-a; w /tmp/wb $tg-b; done; done
  fresh; samp 6 lone-L25; hami a 25 $B be 200 0 2 $T lone-L25 2>/tmp/wa & a=$!; mark lone-L25 "$a"; wait $a $SP; w /tmp/wa lone-L25
  fresh; samp 8 lsbe-L90-L10; hami b 10 $B be 200 0 2 7 lsbe-be-L90-L10 2>/tmp/wb & b=$!; sleep 1; hami a 90 $B ls 200 100 2 $T lsbe-ls-L90-L10 2>/tmp/wa & a=$!; mark lsbe-L90-L10 "$a $b"; wait $a $b $SP; w /tmp/wa lsbe-ls; w /tmp/wb lsbe-be
  fresh; samp 8 closed-L10; hami a 10 $B ls 200 50000 0 0.1 lone-L10-closed 2>/tmp/wa & a=$!; mark closed-L10 "$a"; wait $a $SP; w /tmp/wa closed-L10
} 2>$OUT/stderr.txt | tee -a $L
echo done
