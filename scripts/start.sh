#!/bin/sh
# `npm start`: the console (scripts/start.mjs) with jemalloc as its allocator where the host has it (Debian:
# libjemalloc2; the image always does). Why: gzip runs on worker threads and big jobs move 1 MiB buffers between
# threads; glibc keeps what a thread's arena once held. `npm run bench -- --memory` (five 2 GiB jobs, then 30 s
# idle), one machine, one hour: glibc stayed 125–160 MB above a fresh start (298 MB against 139 MB); jemalloc
# with the settings below 52 MB (185 against 133), with lower peaks (192–270 MB against 261–298 MB).
# `exec`: node takes this shell's place (same pid, signals). VOLDECK_ALLOCATOR=system keeps glibc's allocator.
if [ -z "${LD_PRELOAD:-}" ] && [ "${VOLDECK_ALLOCATOR:-}" != "system" ] && /sbin/ldconfig -p 2>/dev/null | grep -q 'libjemalloc\.so\.2 '; then
  export LD_PRELOAD=libjemalloc.so.2
  # A thread of its own gives freed pages back within a second, also while the console is idle (else only on
  # later allocations); two arenas are enough for the few threads that allocate.
  export MALLOC_CONF="${MALLOC_CONF:-background_thread:true,narenas:2,dirty_decay_ms:1000,muzzy_decay_ms:0}"
fi
exec node "$(dirname "$0")/start.mjs" "$@"
