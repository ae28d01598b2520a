// `npm run bench:repo` (issue 12, performance): snapshots into a local restic repository through the console,
// each beside its baseline in the same run, rounds interleaved (the side that goes first alternates), on a
// private engine and the built console (its own dist dir). Times are whole jobs as a client sees them
// (request → final event), the console's checks included. Every round starts from fresh repositories.
//   first snapshot of the volume         vs `restic backup .` in its mountpoint, fresh local repo   goal ≥ 0.9×
//   second snapshot after 1% changed     vs a full tar backup (compression none, verified)          goal ≥ 5× faster
//   … bytes the second snapshot added to the repository's directory (du)                          goal ≤ 3% of the volume
//   restore into a new volume            vs `restic restore` into a fresh volume's directory + sync goal ≥ 0.9×
//   server RSS (VmRSS of the Node server) sampled all along                                        goal < 300 MB
// BENCH_SIZE_MIB (default 1024; files of 256 KiB, half random, half text), BENCH_ROUNDS (default 5).
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { apiClient, docker, ensureBuild, followJob, median, MiB, seconds, startConsole, treeRss } from "./bench/harness.mjs";
import { changeFiles, fillDir } from "./bench/repo-data.mjs";
import { startEngine } from "./test-engine.mjs";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const SIZE_MIB = Number(process.env.BENCH_SIZE_MIB ?? 1024);
const distDir = process.env.VOLDECK_DIST_DIR || ".next-bench";
const sh = promisify(execFile);
const work = mkdtempSync(path.join(os.tmpdir(), "vd-bench-repo-"));
const cleanups = [];
const rows = [];
const phases = [];

const vmRss = (pid) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) * 1024;

// The baseline's restic: a clean environment like the console's (lib/restic/invocation.ts), its own cache.
const password = randomBytes(18).toString("hex");
const passwordFile = path.join(work, "password");
const resticEnv = { PATH: process.env.PATH, HOME: work, LANG: "C.UTF-8", RESTIC_PASSWORD_FILE: passwordFile, RESTIC_CACHE_DIR: path.join(work, "cli-cache") };
const restic = (args, cwd) => sh("restic", args, { cwd, env: resticEnv, maxBuffer: 64 << 20 });
const du = async (dir) => Number((await sh("du", ["-sb", dir])).stdout.split("\t")[0]);
const settle = () => sh("sync");

/** Like api.job, noting how long each phase of the job took (from its event stream, as the events come). */
async function phasedJob(api, p, body) {
  const { job, last, seen, end } = await followJob(api, p, body);
  phases.push(`${job.kind} (${last.dataPath ?? "?"} path): ${seen.map((s, i) => `${s.phase} ${((seen[i + 1]?.at ?? end) - s.at).toFixed(1)}s`).join(", ")}`);
  return last;
}

function row(what, ours, baseline, ratio, goal, pass) {
  rows.push({ what, voldeck: ours, baseline, ratio, goal, result: pass === null ? "" : pass ? "PASS" : "MISS" });
}

async function main() {
  console.log(`voldeck bench:repo: ${os.availableParallelism()} cores, ${SIZE_MIB} MiB, ${ROUNDS} rounds, build in ${distDir}`);
  console.log((await restic(["version"])).stdout.trim());
  writeFileSync(passwordFile, password, { mode: 0o600 });
  await ensureBuild(distDir, process.argv.includes("--build"));
  const engine = await startEngine({ name: "bench-repo" });
  cleanups.push(() => engine.stop());
  const app = await startConsole({ distDir, engine, dataDir: path.join(work, "data") });
  cleanups.push(() => app.stop());
  const api = apiClient(app);
  const mountpoint = async (volume) => docker(engine, "volume", "inspect", "-f", "{{.Mountpoint}}", volume);
  const addRepo = (id) => api.call("POST", "/api/repositories", { id, kind: "local", location: path.join(work, "repos", id), password });
  const snapshot = (volume, repository) => phasedJob(api, `/api/engines/local/volumes/${volume}/snapshots`, { repository });
  const restore = (repository, sid, volume) =>
    phasedJob(api, `/api/repositories/${repository}/snapshots/${sid}/restore`, { engine: "local", volume, mode: "new" });
  const tarBackup = async (volume) => {
    const job = await api.job(`/api/engines/local/volumes/${volume}/backups`, { compression: "none" });
    await api.call("DELETE", `/api/backups/${job.backupId}`);
  };
  mkdirSync(path.join(work, "repos"));

  // RSS of the server process (the goal), and of its whole tree with the restic children (for reference).
  const rss = { server: vmRss(app.pid), tree: treeRss(app.pid) };
  const sampler = setInterval(() => {
    rss.server = Math.max(rss.server, vmRss(app.pid));
    rss.tree = Math.max(rss.tree, treeRss(app.pid));
  }, 100);
  cleanups.push(() => clearInterval(sampler));

  // Warm-up: helper image, routes and restic's first start, before anything is timed.
  await docker(engine, "volume", "create", "warmup");
  writeFileSync(path.join(await mountpoint("warmup"), "f"), "warm\n");
  await addRepo("warmup");
  const warm = await snapshot("warmup", "warmup");
  await restore("warmup", warm.snapshotId, "warmup-restored");
  await tarBackup("warmup");

  await docker(engine, "volume", "create", "data");
  const dataDir = await mountpoint("data");
  const files = fillDir(dataDir, SIZE_MIB);
  const volumeBytes = await du(dataDir);
  console.log(`volume: ${files} files, ${(volumeBytes / MiB).toFixed(0)} MiB on disk`);
  const t = { first: [], firstCli: [], second: [], secondCli: [], tar: [], restore: [], restoreCli: [], added: [], addedByRestic: [] };

  for (let i = 0; i < ROUNDS; i++) {
    const ours = `ours-${i}`;
    await addRepo(ours);
    const cliRepo = path.join(work, "repos", `cli-${i}`);
    await restic(["init", "-r", cliRepo]);
    const cliBackup = () => restic(["-r", cliRepo, "backup", "--host", "bench", "."], dataDir);
    const sides = [async () => t.first.push(await seconds(() => snapshot("data", ours))), async () => t.firstCli.push(await seconds(cliBackup))];
    for (const side of i % 2 ? sides.reverse() : sides) {
      await settle();
      await side();
    }

    changeFiles(dataDir, files, 1, i + 1);
    await settle();
    const before = await du(path.join(work, "repos", ours));
    let second;
    t.second.push(await seconds(async () => (second = await snapshot("data", ours))));
    t.added.push((await du(path.join(work, "repos", ours))) - before);
    t.addedByRestic.push(second.addedBytes);
    await settle();
    t.secondCli.push(await seconds(cliBackup));
    await settle();
    t.tar.push(await seconds(() => tarBackup("data")));

    // Both restores read the same snapshot of the same repository; the baseline writes into a fresh volume's
    // directory (the filesystem the console's restore writes to), then syncs.
    const restoreSides = [
      async () => {
        // As in the UI: the restore is asked from the volume's snapshot list, which is on screen already.
        await api.call("GET", `/api/repositories/${ours}/snapshots?volume=data`);
        t.restore.push(await seconds(() => restore(ours, second.snapshotId, `restored-${i}`)));
        await docker(engine, "volume", "rm", `restored-${i}`);
      },
      async () => {
        await docker(engine, "volume", "create", `by-hand-${i}`);
        const target = await mountpoint(`by-hand-${i}`);
        const repo = path.join(work, "repos", ours);
        t.restoreCli.push(await seconds(() => restic(["-r", repo, "restore", second.snapshotId, "--target", target]).then(settle)));
        await docker(engine, "volume", "rm", `by-hand-${i}`);
      },
    ];
    for (const side of i % 2 ? restoreSides.reverse() : restoreSides) {
      await settle();
      await side();
    }
    await api.call("DELETE", `/api/repositories/${ours}`);
    rmSync(path.join(work, "repos", ours), { recursive: true, force: true });
    rmSync(cliRepo, { recursive: true, force: true });
  }
  clearInterval(sampler);

  const list = (xs, f = (x) => x.toFixed(2)) => xs.map(f).join(" ");
  for (const [k, xs] of Object.entries(t)) console.log(`per round — ${k}: ${list(xs, k.startsWith("added") ? (x) => String(x) : undefined)}`);
  console.log(`phases (voldeck jobs, after the warm-up):\n  ${phases.slice(2).join("\n  ")}`);
  const mib = volumeBytes / MiB;
  const speed = (xs) => `${(mib / median(xs)).toFixed(1)} MiB/s`;
  const s = (xs) => `${median(xs).toFixed(1)} s`;
  const firstRatio = median(t.firstCli) / median(t.first);
  row("first snapshot", speed(t.first), `restic backup ${speed(t.firstCli)}`, `${firstRatio.toFixed(2)}×`, "≥ 0.9×", firstRatio >= 0.9);
  const faster = median(t.tar) / median(t.second);
  row("second snapshot (1% changed)", s(t.second), `tar backup ${s(t.tar)}`, `${faster.toFixed(1)}× faster`, "≥ 5× faster", faster >= 5);
  const share = (median(t.added) / volumeBytes) * 100;
  const addedMib = `${(median(t.added) / MiB).toFixed(1)} MiB`;
  row("… added to the repository", addedMib, `volume ${mib.toFixed(0)} MiB`, `${share.toFixed(2)} %`, "≤ 3 %", share <= 3);
  row("… restic backup, 1% changed (reference)", "", `restic backup ${s(t.secondCli)}`, "", "", null);
  const restoreRatio = median(t.restoreCli) / median(t.restore);
  row("restore into a new volume", speed(t.restore), `restic restore ${speed(t.restoreCli)}`, `${restoreRatio.toFixed(2)}×`, "≥ 0.9×", restoreRatio >= 0.9);
  const mb = (b) => `${(b / 1e6).toFixed(0)} MB`;
  row("server RSS peak (whole run)", mb(rss.server), `with restic children ${mb(rss.tree)}`, "", "< 300 MB", rss.server < 300e6);
}

try {
  await main();
  console.log("");
  console.table(rows);
} catch (e) {
  console.error(`voldeck bench:repo: ${e.stack ?? e}`);
  process.exitCode = 1;
} finally {
  for (const cleanup of cleanups.reverse()) await Promise.resolve(cleanup()).catch(() => {});
  rmSync(work, { recursive: true, force: true });
}
