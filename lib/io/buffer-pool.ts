import "server-only";

// Below lib/docker and lib/backup: both stream volume data through it.
// Reused 1 MiB buffers for the hot path (file data read from a mountpoint, written to an archive). Allocating a
// fresh buffer per chunk makes V8 run a full garbage collection every 64 MB of new external memory — dozens
// per GiB, seconds of a backup. A buffer goes back to the pool once its bytes are written; buffers that never
// come back (handed to a socket, sliced by a throttle) are simply collected as usual. Once no job has taken a
// buffer for a few seconds the pool lets its buffers go, so an idle console does not hold them (16 MB).

export const CHUNK = 1 << 20;
const KEEP = 16;
const IDLE_MS = 5_000;

type Pool = { free: Buffer[]; ours: WeakSet<Buffer>; lastTaken: number; timer: NodeJS.Timeout | null };
const g = globalThis as typeof globalThis & { __voldeckBufferPool?: Pool };
const pool: Pool = (g.__voldeckBufferPool ??= { free: [], ours: new WeakSet(), lastTaken: 0, timer: null });

/** A CHUNK-sized buffer (contents undefined). */
export function takeChunk(): Buffer {
  pool.lastTaken = Date.now();
  const reused = pool.free.pop();
  if (reused) return reused;
  const buf = Buffer.allocUnsafeSlow(CHUNK);
  pool.ours.add(buf);
  return buf;
}

/** Returns a buffer from takeChunk() once nothing reads it any more; anything else is ignored. */
export function giveBack(buf: Buffer): void {
  if (!pool.ours.has(buf) || buf.length !== CHUNK || pool.free.length >= KEEP) return;
  pool.free.push(buf);
  pool.timer ??= setTimeout(releaseIfIdle, IDLE_MS).unref();
}

function releaseIfIdle(): void {
  pool.timer = null;
  const idleFor = Date.now() - pool.lastTaken;
  if (idleFor >= IDLE_MS) pool.free.length = 0;
  else pool.timer = setTimeout(releaseIfIdle, IDLE_MS - idleFor).unref();
}

/** How many buffers wait in the pool (tests). */
export const pooledCount = () => pool.free.length;
