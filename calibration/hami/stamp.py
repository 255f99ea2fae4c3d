# Stamp every line arriving on stdin with the monotonic clock (us) and a tag: HAMi-core writes its
# log to stderr unbuffered, so the stamp is when the line was written (within the pipe's latency).
import os, sys, time
tag, buf = sys.argv[1], b""
while True:
    chunk = os.read(0, 65536)
    if not chunk:
        break
    t = time.monotonic_ns() // 1000
    buf += chunk
    *lines, buf = buf.split(b"\n")
    for l in lines:
        sys.stdout.write(f"{t} {tag} {l.decode(errors='replace')}\n")
    sys.stdout.flush()
