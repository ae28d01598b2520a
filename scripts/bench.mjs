// `npm run bench` (`-- --quick` for smaller data): backup speed and memory, each figure measured side by side
// with its baseline in the same run, on a private engine and the built console (its own dist dir):
//   archive path (no compression)  vs  the raw `GET …/archive` written to a file      target ≥ 0.9×
//   direct path (no compression)   vs  `docker run … busybox tar -cf` into a bind mount target ≥ 1.0×
//   parallel gzip                  vs  `gzip -1` on one core
//   restore into a new volume      vs  `tar -xf` / `pigz -dc | tar -x`, then sync       target ≥ 0.9× (bench/restore.mjs)
//   server RSS peak during a 2 GiB backup, restore, download and upload                 target < 300 MB
//   server RSS once idle after five 2 GiB jobs  vs  the same console freshly started    target ≤ +40 MB
//   backup of the same files (plain; gzip)  vs  tar + fsync + sha256; pigz -1 + test + sha256  target ≥ 0.95×; ≥ 1.0×
// `-- --restore` measures only the restore figures, `-- --backup` only those backups, `-- --memory` only the memory.
// Times are whole jobs as a client sees them (request → final event), verification included.
import { execFile } from "node:child_process";
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { promisify } from "node:util";
import { allocatorOf, apiClient, docker, ensureBuild, median, MiB, peakRss, seconds, startConsole, treeRss } from "./bench/harness.mjs";
import { benchRestore } from "./bench/restore.mjs";
import { startEngine, TEST_IMAGE } from "./test-engine.mjs";

const quick = process.argv.includes("--quick");
const ROUNDS = quick ? 2 : 5;
const MAIN_MIB = quick ? 256 : 1024; // random data for the throughput figures
const GZIP_MIB = quick ? 64 : 256; // half random, half text, for gzip
const MEMORY_MIB = quick ? 512 : 2048; // the memory run
const distDir = process.env.VOLDECK_DIST_DIR || ".next-bench";
const sh = promisify(execFile);
const work = mkdtempSync(path.join(os.tmpdir(), "vd-bench-"));
const rows = [];
const cleanups = [];

function report(what, ours, baseline, unit, target, higherIsBetter = true) {
  const ratio = higherIsBetter ? ours / baseline : baseline / ours;
  rows.push({
    what,
    ours: `${ours.toFixed(1)} ${unit}`,
    baseline: baseline ? `${baseline.toFixed(1)} ${unit}` : "",
    ratio: baseline ? `${ratio.toFixed(2)}×` : "",
    target,
  });
}

const fill = (engine, volume, script) => docker(engine, "run", "--rm", "--network", "none", "-v", `${volume}:/v`, TEST_IMAGE, "sh", "-c", script);

async function main() {
  console.log(`voldeck bench${quick ? " (quick)" : ""}: ${os.availableParallelism()} cores, build in ${distDir}`);
  await ensureBuild(distDir, process.argv.includes("--build"));
  const engine = await startEngine({ name: "bench" });
  cleanups.push(() => engine.stop());
  const app = await startConsole({ distDir, engine, dataDir: path.join(work, "data") });
  cleanups.push(() => app.stop());
  console.log(`voldeck bench: the console's allocator: ${allocatorOf(app.pid)} (VOLDECK_ALLOCATOR=system for glibc's)`);
  const api = apiClient(app);
  // Only the memory figures need the fresh console's (10 s of sampling); a restore- or backup-only run skips it.
  const only = ["restore", "backup"].find((flag) => process.argv.includes(`--${flag}`));
  const freshRss = only ? 0 : await settledRss(app.pid);
  const freshHeap = only ? "" : await heapFacts(api);
  const out = path.join(work, "out");
  await sh("mkdir", ["-p", out]);
  const removeBackup = (id) => api.call("DELETE", `/api/backups/${id}`);

  // Warm-up: the helper image is imported and the routes are loaded before anything is timed.
  await docker(engine, "volume", "create", "warmup");
  for (const dataPath of ["archive", "direct"]) {
    const job = await api.job("/api/engines/local/volumes/warmup/backups", { compression: "none", dataPath });
    await removeBackup(job.backupId);
  }
  const idleRss = treeRss(app.pid);
  if (process.argv.includes("--memory")) return benchMemory(engine, app, api, { idleRss, freshRss, freshHeap });

  await benchRestore({ engine, image: TEST_IMAGE, api, out, report, files: quick ? 1000 : 4000, rounds: quick ? 2 : ROUNDS, only });
  if (only) return;

  // --- throughput: archive path and direct path, each beside its baseline, rounds interleaved
  await docker(engine, "volume", "create", "main");
  await fill(engine, "main", `head -c ${MAIN_MIB * MiB} /dev/urandom > /v/random.bin && mkdir /v/d && echo small > /v/d/f`);
  const helper = await docker(engine, "create", "--network", "none", "-v", "main:/volume:ro", TEST_IMAGE, "true");
  const mbps = (s) => MAIN_MIB / s;
  const t = { raw: [], archive: [], byHand: [], direct: [] };
  // Each timed run starts with nothing left to write back: ours ends with fsync, the baselines do not, so
  // neither should pay for the other's (or the fill's) dirty pages.
  const settle = () => sh("sync");
  for (let i = 0; i < ROUNDS; i++) {
    await settle();
    t.raw.push(
      await seconds(() =>
        sh("curl", ["-sf", "--unix-socket", engine.socket, `http://localhost/containers/${helper}/archive?path=/volume/.`, "-o", path.join(out, "raw.tar")]),
      ),
    );
    rmSync(path.join(out, "raw.tar"));
    let job;
    await settle();
    t.archive.push(await seconds(async () => (job = await api.job("/api/engines/local/volumes/main/backups", { compression: "none", dataPath: "archive" }))));
    await removeBackup(job.backupId);
    await settle();
    t.byHand.push(
      await seconds(() =>
        docker(
          engine,
          "run",
          "--rm",
          "--network",
          "none",
          "-v",
          "main:/data:ro",
          "-v",
          `${out}:/backup`,
          TEST_IMAGE,
          "tar",
          "-cf",
          "/backup/b.tar",
          "-C",
          "/data",
          ".",
        ),
      ),
    );
    rmSync(path.join(out, "b.tar"));
    await settle();
    t.direct.push(await seconds(async () => (job = await api.job("/api/engines/local/volumes/main/backups", { compression: "none", dataPath: "direct" }))));
    await removeBackup(job.backupId);
  }
  const secs = (xs) => xs.map((x) => x.toFixed(2)).join(" ");
  console.log(`seconds per round — raw GET: ${secs(t.raw)}; archive path: ${secs(t.archive)}; by-hand tar: ${secs(t.byHand)}; direct path: ${secs(t.direct)}`);
  report("backup, archive path, no compression", mbps(median(t.archive)), mbps(median(t.raw)), "MiB/s", "≥ 0.9× raw GET …/archive to a file");
  report("backup, direct path, no compression", mbps(median(t.direct)), mbps(median(t.byHand)), "MiB/s", "≥ 1.0× by-hand bind-mount tar");

  // --- gzip: a whole gzip backup (read, compress on every core, write, read back) vs `gzip -1` of the same tar
  await docker(engine, "volume", "create", "mixed");
  await fill(
    engine,
    "mixed",
    `head -c ${(GZIP_MIB / 2) * MiB} /dev/urandom > /v/random.bin && yes 'voldeck backs up volumes; text compresses well' | head -c ${(GZIP_MIB / 2) * MiB} > /v/text.txt`,
  );
  const mixedHelper = await docker(engine, "create", "--network", "none", "-v", "mixed:/volume:ro", TEST_IMAGE, "true");
  const mixedTar = path.join(out, "mixed.tar");
  await sh("curl", ["-sf", "--unix-socket", engine.socket, `http://localhost/containers/${mixedHelper}/archive?path=/volume/.`, "-o", mixedTar]);
  const g = { ours: [], one: [] };
  let gzJob;
  for (let i = 0; i < 2; i++) {
    await settle();
    g.one.push(await seconds(() => sh("sh", ["-c", `gzip -1 -c '${mixedTar}' > '${path.join(out, "one.gz")}'`])));
    await settle();
    g.ours.push(await seconds(async () => (gzJob = await api.job("/api/engines/local/volumes/mixed/backups", { compression: "gzip", dataPath: "direct" }))));
    await removeBackup(gzJob.backupId);
  }
  const ratioPct = (100 * statSync(path.join(out, "one.gz")).size) / statSync(mixedTar).size;
  report(
    `gzip throughput (${os.availableParallelism()} cores vs 1; gzip -1 output ${ratioPct.toFixed(0)}% of input)`,
    GZIP_MIB / median(g.ours),
    GZIP_MIB / median(g.one),
    "MiB/s",
    "> 1× (parallel)",
  );
  rmSync(out, { recursive: true, force: true });
  await benchMemory(engine, app, api, { idleRss, freshRss, freshHeap });
}

/**
 * The server's resident memory once it has settled: sampled every second for `secs` seconds, the least of the last
 * ten samples (V8 gives memory back by itself some seconds after allocation stops; nothing is forced here).
 */
async function settledRss(pid, secs = 10) {
  const samples = [];
  for (let i = 0; i < secs; i++) {
    samples.push(treeRss(pid));
    await new Promise((r) => setTimeout(r, 1000));
  }
  return Math.min(...samples.slice(-10));
}

/** Where the server's memory is, from its own /metrics (V8's heap and the memory outside it that V8 knows of). */
async function heapFacts(api) {
  const text = await (await fetch(`${api.url}/metrics`, { headers: api.headers })).text();
  const mb = (name) => Number(new RegExp(`^voldeck_${name} (\\S+)`, "m").exec(text)?.[1] ?? NaN) / MiB;
  return `V8 heap ${mb("nodejs_heap_size_total_bytes").toFixed(0)} MB (used ${mb("nodejs_heap_size_used_bytes").toFixed(0)}), external ${mb("nodejs_external_memory_bytes").toFixed(0)} MB`;
}

// --- memory: the server's process tree (workers included) during a big backup, restore, download, upload, and
// once idle after those and a fifth big job, against the same console freshly started.
async function benchMemory(engine, app, api, { idleRss, freshRss, freshHeap }) {
  await docker(engine, "volume", "create", "big");
  await fill(engine, "big", `for i in $(seq 1 ${MEMORY_MIB / 256}); do head -c ${256 * MiB} /dev/urandom > /v/part-$i.bin; done`);
  let backup;
  const mem = {};
  mem.backup = await peakRss(app.pid, async () => (backup = await api.job("/api/engines/local/volumes/big/backups", { compression: "gzip" })));
  mem.restore = await peakRss(app.pid, () => api.job(`/api/backups/${backup.backupId}/restore`, { volume: "big-restored" }));
  const file = path.join(work, "download.tar.gz");
  mem.download = await peakRss(app.pid, async () => {
    const res = await fetch(`${api.url}/api/backups/${backup.backupId}/download`, { headers: api.headers });
    await pipeline(Readable.fromWeb(res.body), createWriteStream(file));
  });
  mem.upload = await peakRss(app.pid, async () => {
    const res = await fetch(`${api.url}/api/backups?volume=big`, {
      method: "POST",
      headers: api.headers,
      body: Readable.toWeb(createReadStream(file)),
      duplex: "half",
    });
    if (res.status !== 201) throw new Error(`upload: ${res.status} ${await res.text()}`);
  });
  mem["plain backup"] = await peakRss(app.pid, () => api.job("/api/engines/local/volumes/big/backups", { compression: "none", dataPath: "direct" }));
  const afterRss = await settledRss(app.pid, 30);
  console.log(`voldeck bench: freshly started: ${freshHeap}; idle after the jobs: ${await heapFacts(api)}`);
  const size = `${(MEMORY_MIB / 1024).toFixed(MEMORY_MIB < 1024 ? 1 : 0)} GiB`;
  report("server RSS, freshly started", freshRss / MiB, 0, "MB", "");
  report("server RSS, idle (after a warm-up backup)", idleRss / MiB, 0, "MB", "");
  for (const [what, bytes] of Object.entries(mem)) report(`server RSS peak, ${size} ${what}`, bytes / MiB, 0, "MB", "< 300 MB", false);
  report(`server RSS, idle after these five ${size} jobs (30 s)`, afterRss / MiB, 0, "MB", `≤ ${(freshRss / MiB + 40).toFixed(0)} MB (fresh + 40)`, false);
}

try {
  await main();
  console.log("");
  console.table(rows);
} catch (e) {
  console.error(`voldeck bench: ${e.stack ?? e}`);
  process.exitCode = 1;
} finally {
  for (const cleanup of cleanups.reverse()) await Promise.resolve(cleanup()).catch(() => {});
  rmSync(work, { recursive: true, force: true });
}
