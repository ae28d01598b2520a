// The backup figures of issue 16 on the file set of the restore figures (files of 256 KiB, half random, half
// log-like text): a backup job (request → final event: read, written, fsynced, read back and checked) beside what a
// person would type on the engine's host for the same guarantees — `tar -cf` of the mountpoint, an fsync of the
// file (`sync FILE`) and its sha256; for gzip, `pigz -1` (or `gzip -1` without pigz), then its test (`-t`) and
// sha256. Rounds interleaved; each starts with nothing dirty left to write back.
import { execFile } from "node:child_process";
import { rmSync, statSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { median, seconds } from "./harness.mjs";

const sh = promisify(execFile);

export async function benchFileBackup({ api, out, report, volume, dir, mib, files, rounds, zip }) {
  const settle = () => sh("sync");
  const secs = (xs) => xs.map((x) => x.toFixed(2)).join(" ");
  for (const compression of ["none", "gzip"]) {
    const file = path.join(out, compression === "gzip" ? "by-hand.tar.gz" : "by-hand.tar");
    const write = compression === "gzip" ? `tar -cf - -C '${dir}' . | ${zip} -1 > '${file}'` : `tar -cf '${file}' -C '${dir}' .`;
    const check = compression === "gzip" ? `${zip} -t '${file}' && sha256sum '${file}'` : `sha256sum '${file}'`;
    const t = { ours: [], byHand: [] };
    const size = { ours: 0, byHand: 0 };
    for (let i = 0; i < rounds; i++) {
      await settle();
      t.byHand.push(await seconds(() => sh("sh", ["-c", `${write} && sync '${file}' && ${check} > /dev/null`])));
      size.byHand = statSync(file).size;
      rmSync(file);
      await settle();
      let made;
      t.ours.push(await seconds(async () => (made = await api.job(`/api/engines/local/volumes/${volume}/backups`, { compression, dataPath: "direct" }))));
      size.ours = (await api.call("GET", `/api/backups/${made.backupId}`)).sizeBytes;
      await api.call("DELETE", `/api/backups/${made.backupId}`);
    }
    const by = compression === "gzip" ? `tar | ${zip} -1, test, sha256` : "tar -cf, fsync, sha256";
    console.log(`backup ${compression}, seconds per round — ours: ${secs(t.ours)}; ${by}: ${secs(t.byHand)}`);
    console.log(`backup ${compression}, archive bytes — ours: ${size.ours}; ${by}: ${size.byHand} (${((100 * size.ours) / size.byHand).toFixed(1)} %)`);
    report(
      `backup, ${compression === "gzip" ? "gzip" : "plain"} (${files} files, ${mib} MiB)`,
      mib / median(t.ours),
      mib / median(t.byHand),
      "MiB/s",
      compression === "gzip" ? `≥ 1.0× ${by}` : `≥ 0.95× ${by}`,
    );
  }
}
