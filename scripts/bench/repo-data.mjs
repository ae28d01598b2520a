// The data of `npm run bench:repo`, written straight into a volume's mountpoint on the bench engine (the
// engine is private and local, and Node writes a few thousand files much faster than a busybox loop).
// Half the files are random (incompressible), half are log-like text in which every line differs, so that
// restic can neither deduplicate nor compress the text halves down to nothing.
import { randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

export const FILE_BYTES = 256 * 1024;
const PER_DIR = 200;

const fileName = (dir, i) => path.join(dir, `d${Math.floor(i / PER_DIR)}`, i % 2 ? `r${i}.bin` : `l${i}.log`);

function logText(i, generation) {
  const lines = [];
  let bytes = 0;
  for (let n = 0; bytes < FILE_BYTES; n++) {
    const ms = (i * 7919 + n * 104729 + generation * 13) % 997;
    const line = `2026-12-04T05:${String(n % 60).padStart(2, "0")}:${String((n * 7) % 60).padStart(2, "0")}.${String(ms).padStart(3, "0")}Z info voldeck[${1000 + (i % 97)}]: request GET /api/engines/local/volumes/v${i}-${n} answered 200 in ${ms} ms (gen ${generation})\n`;
    lines.push(line);
    bytes += line.length;
  }
  return Buffer.from(lines.join("")).subarray(0, FILE_BYTES);
}

const content = (i, generation) => (i % 2 ? randomBytes(FILE_BYTES) : logText(i, generation));

/** Fills `dir` with files of 256 KiB adding up to `mib` MiB; answers the number of files. */
export function fillDir(dir, mib) {
  const files = Math.max(2, Math.round((mib * 1024 * 1024) / FILE_BYTES));
  for (let d = 0; d * PER_DIR < files; d++) mkdirSync(path.join(dir, `d${d}`), { recursive: true });
  for (let i = 0; i < files; i++) writeFileSync(fileName(dir, i), content(i, 0));
  return files;
}

/** Rewrites `percent` % of the files (spread over the tree, random and text alike) with new content. */
export function changeFiles(dir, files, percent, generation) {
  const count = Math.max(1, Math.round((files * percent) / 100));
  const step = Math.floor(files / count);
  for (let k = 0; k < count; k++) {
    const i = (k * step + generation) % files;
    writeFileSync(fileName(dir, i), content(i, generation));
  }
  return count;
}
