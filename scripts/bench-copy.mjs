// `npm run bench:copy` (`-- --quick` for 256 MiB): a copy of a volume between two engines against a backup of
// the same volume on the source alone, in interleaved rounds, on two private engines and the built console
// (its own dist dir). Both are whole jobs as a client sees them (request → final event), verification
// included: the backup reads its archive back, the copy reads the target volume back. Each pair is measured
// with the same data path (auto: the mountpoint read directly; archive: the engine's archive API).
// Target: copy ≥ 0.8× the backup's throughput. For reference, also a copy read back in full (verify: full, what a
// move does), and the target engine's own upload speed (curl PUT of the same tar from a file), which bounds a copy. BENCH_ROUNDS (default 3), BENCH_SIZE_MIB (default 1024).
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { apiClient, docker, ensureBuild, followJob, median, MiB, seconds, startConsole } from "./bench/harness.mjs";
import { startEngine, TEST_IMAGE } from "./test-engine.mjs";

const quick = process.argv.includes("--quick");
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? (quick ? 2 : 3));
const SIZE_MIB = Number(process.env.BENCH_SIZE_MIB ?? (quick ? 256 : 1024));
const distDir = process.env.VOLDECK_DIST_DIR || ".next-bench";
const sh = promisify(execFile);
const work = mkdtempSync(path.join(os.tmpdir(), "vd-bench-copy-"));
const cleanups = [];
const rows = [];

const phaseTimes = [];

/** Like api.job, noting when each phase began (from the job's event stream, as it comes). */
async function phasedJob(api, p, body) {
  const { last, seen } = await followJob(api, p, body);
  phaseTimes.push(seen.map((s, i) => `${s.phase} ${((seen[i + 1]?.at ?? s.at) - s.at).toFixed(1)}s`).join(", "));
  return last;
}

async function main() {
  console.log(`voldeck bench:copy${quick ? " (quick)" : ""}: ${os.availableParallelism()} cores, ${SIZE_MIB} MiB, ${ROUNDS} rounds, build in ${distDir}`);
  await ensureBuild(distDir, process.argv.includes("--build"));
  const [source, target] = await Promise.all([startEngine({ name: "bench-src" }), startEngine({ name: "bench-dst" })]);
  cleanups.push(() => Promise.all([source.stop(), target.stop()]));
  // The console with `source` as "local" and `target` as engine "target".
  const app = await startConsole({ distDir, engine: source, dataDir: path.join(work, "data"), engines: { target: target.dockerHost } });
  cleanups.push(() => app.stop());
  const api = apiClient(app);
  const backup = async (volume, body) => {
    const job = await api.job(`/api/engines/local/volumes/${volume}/backups`, body);
    await api.call("DELETE", `/api/backups/${job.backupId}`);
    return job;
  };
  const copy = async (volume, name, dataPath) => {
    const job = await phasedJob(api, `/api/engines/local/volumes/${volume}/clone`, { targetName: name, targetEngine: "target", dataPath });
    if (!job.copyCheck) throw new Error("the copy job reports no check");
    await docker(target, "volume", "rm", name);
    return job;
  };

  // Warm-up: helper images imported on both engines, routes loaded.
  await docker(source, "volume", "create", "warmup");
  for (const dataPath of ["auto", "archive"]) {
    await backup("warmup", { compression: "none", dataPath });
    await copy("warmup", "warmup-copy", dataPath);
  }

  await docker(source, "volume", "create", "main");
  await docker(
    source,
    "run",
    "--rm",
    "--network",
    "none",
    "-v",
    "main:/v",
    TEST_IMAGE,
    "sh",
    "-c",
    `head -c ${SIZE_MIB * MiB} /dev/urandom > /v/random.bin && mkdir /v/d && echo small > /v/d/f`,
  );
  const settle = () => sh("sync");
  const t = { backupAuto: [], copyAuto: [], backupArchive: [], copyArchive: [], rawPut: [], copyFull: [], backupGzip: [] };
  // The engine's own upload path, for reference: the same tar (from a file) PUT into a helper on the target
  // with curl. A copy cannot be faster than the target engine extracts.
  const tarFile = path.join(work, "main.tar");
  const reader = await docker(source, "create", "--network", "none", "-v", "main:/volume:ro", TEST_IMAGE, "true");
  await sh("curl", ["-sf", "--unix-socket", source.socket, `http://localhost/containers/${reader}/archive?path=/volume/.`, "-o", tarFile]);
  const rawPut = async (i) => {
    await docker(target, "volume", "create", `raw-${i}`);
    const writer = await docker(target, "create", "--network", "none", "-v", `raw-${i}:/volume`, TEST_IMAGE, "true");
    const secs = await seconds(() =>
      sh("curl", [
        "-sf",
        "--unix-socket",
        target.socket,
        "-X",
        "PUT",
        "-H",
        "Content-Type: application/x-tar",
        "-T",
        tarFile,
        `http://localhost/containers/${writer}/archive?path=/volume`,
      ]),
    );
    await docker(target, "rm", writer);
    await docker(target, "volume", "rm", `raw-${i}`);
    return secs;
  };
  const paths = { auto: "auto", archive: "archive" };
  let dataPaths = "";
  for (let i = 0; i < ROUNDS; i++) {
    for (const [key, dataPath] of Object.entries(paths)) {
      const cap = key === "auto" ? "Auto" : "Archive";
      await settle();
      let job;
      t[`backup${cap}`].push(await seconds(async () => (job = await backup("main", { compression: "none", dataPath }))));
      const backupPath = job.dataPath;
      await settle();
      t[`copy${cap}`].push(await seconds(async () => (job = await copy("main", `copy-${i}`, dataPath))));
      if (i === 0) {
        const c = job.copyCheck;
        dataPaths += `${key}: backup read ${backupPath}, copy read ${job.dataPath} (checked: ${c.level}, ${c.entries} entries, ${c.bytes} bytes); `;
      }
    }
    await settle();
    t.rawPut.push(await rawPut(i));
    await settle();
    t.copyFull.push(
      await seconds(() => phasedJob(api, "/api/engines/local/volumes/main/clone", { targetName: `full-${i}`, targetEngine: "target", verify: "full" })),
    );
    await docker(target, "volume", "rm", `full-${i}`);
    if (i === 0) {
      await settle();
      t.backupGzip.push(await seconds(() => backup("main", { compression: "gzip" })));
    }
  }
  const secs = (xs) => xs.map((x) => x.toFixed(2)).join(" ");
  console.log(dataPaths);
  for (const [k, xs] of Object.entries(t)) console.log(`seconds per round — ${k}: ${secs(xs)}`);
  console.log(`copy phases: ${phaseTimes.slice(2).join(" | ")}`);
  const mbps = (xs) => SIZE_MIB / median(xs);
  const row = (what, ours, base, target) =>
    rows.push({ what, "MiB/s": ours.toFixed(0), "backup MiB/s": base.toFixed(0), ratio: `${(ours / base).toFixed(2)}×`, target });
  row("copy to another engine vs backup (no compression), auto data path", mbps(t.copyAuto), mbps(t.backupAuto), "≥ 0.8×");
  row("copy to another engine vs backup (no compression), archive API", mbps(t.copyArchive), mbps(t.backupArchive), "≥ 0.8×");
  row("copy to another engine vs backup (gzip)", mbps(t.copyAuto), mbps(t.backupGzip), "");
  row("copy with verify: full (read back) vs backup (no compression), auto", mbps(t.copyFull), mbps(t.backupAuto), "");
  rows.push({
    what: "copy (auto) vs the target engine's raw PUT …/archive of the same tar (curl)",
    "MiB/s": mbps(t.copyAuto).toFixed(0),
    "backup MiB/s": `raw PUT ${mbps(t.rawPut).toFixed(0)}`,
    ratio: `${(mbps(t.copyAuto) / mbps(t.rawPut)).toFixed(2)}×`,
    target: "",
  });
}

try {
  await main();
  console.log("");
  console.table(rows);
} catch (e) {
  console.error(`voldeck bench:copy: ${e.stack ?? e}`);
  process.exitCode = 1;
} finally {
  for (const cleanup of cleanups.reverse()) await Promise.resolve(cleanup()).catch(() => {});
  rmSync(work, { recursive: true, force: true });
}
