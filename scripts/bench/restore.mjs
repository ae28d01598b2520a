// The restore figures of `npm run bench`: a restore job into a new volume (request → final event, the check
// of what landed included) beside what a person would type on the engine's host — `tar -xf` (or pigz/gzip -dc
// piped into tar -x) into a directory on the same filesystem, then `sync` — on the same archive, rounds
// interleaved. Data as in the issue: files of 256 KiB, half random, half log-like text. Then a clone of the
// same volume beside a plain backup of it.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { benchFileBackup } from "./backup.mjs";
import { docker, median, MiB, seconds } from "./harness.mjs";

const sh = promisify(execFile);

async function has(tool) {
  return sh("sh", ["-c", `command -v ${tool}`]).then(
    () => true,
    () => false,
  );
}

const mountpoint = async (engine, volume) => (await docker(engine, "volume", "inspect", "-f", "{{.Mountpoint}}", volume)).trim();

/** Fills `volume` with `files` files of 256 KiB, every other one random, the rest log-like text. */
async function fillFiles(engine, image, volume, files) {
  const script = [
    "cd /v && mkdir -p logs data",
    "yes '2026-12-04T05:31:21Z info voldeck[42]: request GET /api/engines/local/volumes answered 200 in 12 ms' | head -c 262144 > /tmp/line",
    `i=0; while [ $i -lt ${files / 2} ]; do head -c 262144 /dev/urandom > data/r$i.bin; cp /tmp/line logs/l$i.log; i=$((i+1)); done`,
  ].join(" && ");
  await docker(engine, "run", "--rm", "--network", "none", "-v", `${volume}:/v`, image, "sh", "-c", script);
}

/**
 * Clone on the same engine (mountpoint to mountpoint, checked) beside a plain backup of the same volume (read,
 * written, fsynced and read back), rounds interleaved: issue 16's "clone ≥ 0.8× of a backup".
 */
async function benchClone({ engine, api, report, mib, rounds, settle }) {
  const t = { clone: [], backup: [] };
  for (let i = 0; i < rounds; i++) {
    await settle();
    let made;
    t.backup.push(await seconds(async () => (made = await api.job("/api/engines/local/volumes/restore-src/backups", { compression: "none" }))));
    await api.call("DELETE", `/api/backups/${made.backupId}`);
    await settle();
    t.clone.push(await seconds(() => api.job("/api/engines/local/volumes/restore-src/clone", { targetName: `clone-${i}` })));
    await docker(engine, "volume", "rm", `clone-${i}`);
  }
  const secs = (xs) => xs.map((x) => x.toFixed(2)).join(" ");
  console.log(`clone, seconds per round — ours: ${secs(t.clone)}; plain backup of the same volume: ${secs(t.backup)}`);
  report(`clone on the same engine (${mib} MiB)`, mib / median(t.clone), mib / median(t.backup), "MiB/s", "≥ 0.8× a plain backup");
}

/** `only`: "restore" (restores and the clone) or "backup" (backups); both when absent. */
export async function benchRestore({ engine, image, api, out, report, files, rounds, only }) {
  const mib = (files * 256 * 1024) / MiB;
  await docker(engine, "volume", "create", "restore-src");
  await fillFiles(engine, image, "restore-src", files);
  const settle = () => sh("sync");
  const unzip = (await has("pigz")) ? "pigz" : "gzip";
  if (only !== "restore") {
    const dir = await mountpoint(engine, "restore-src");
    await benchFileBackup({ api, out, report, volume: "restore-src", dir, mib, files, rounds, zip: unzip });
    if (only === "backup") return docker(engine, "volume", "rm", "restore-src");
  }
  for (const compression of ["none", "gzip"]) {
    const made = await api.job("/api/engines/local/volumes/restore-src/backups", { compression, dataPath: "direct" });
    const file = path.join(out, compression === "gzip" ? "restore.tar.gz" : "restore.tar");
    await sh("curl", ["-sf", "-H", `Authorization: ${api.headers.Authorization}`, "-o", file, `${api.url}/api/backups/${made.backupId}/download`]);
    const t = { ours: [], tar: [] };
    for (let i = 0; i < rounds; i++) {
      // The baseline extracts into a fresh volume's directory: the same filesystem the restore writes to.
      await docker(engine, "volume", "create", `by-hand-${i}`);
      const dir = await mountpoint(engine, `by-hand-${i}`);
      const extract = compression === "gzip" ? `${unzip} -dc '${file}' | tar -x -C '${dir}'` : `tar -xf '${file}' -C '${dir}'`;
      await settle();
      t.tar.push(await seconds(() => sh("sh", ["-c", `${extract} && sync`])));
      await docker(engine, "volume", "rm", `by-hand-${i}`);
      await settle();
      t.ours.push(await seconds(() => api.job(`/api/backups/${made.backupId}/restore`, { volume: `restored-${compression}-${i}` })));
      await docker(engine, "volume", "rm", `restored-${compression}-${i}`);
    }
    const secs = (xs) => xs.map((x) => x.toFixed(2)).join(" ");
    const by = compression === "gzip" ? `${unzip} -dc | tar -x` : "tar -xf";
    console.log(`restore ${compression}, seconds per round — ours: ${secs(t.ours)}; ${by} + sync: ${secs(t.tar)}`);
    report(
      `restore into a new volume, ${compression === "gzip" ? "gzip" : "plain"} (${files} files, ${mib} MiB)`,
      mib / median(t.ours),
      mib / median(t.tar),
      "MiB/s",
      `≥ 0.9× ${by} + sync`,
    );
    await api.call("DELETE", `/api/backups/${made.backupId}`);
  }
  await benchClone({ engine, api, report, mib, rounds, settle });
  await docker(engine, "volume", "rm", "restore-src");
}
