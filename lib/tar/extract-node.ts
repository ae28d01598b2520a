import "server-only";
import { spawnSync } from "node:child_process";
import { ExtractUnsupported } from "./extract-dirs";
import type { TarEntry } from "./reader";

// FIFOs and device nodes: Node has no mknod(), so coreutils' mkfifo/mknod make them. The directory is handed to
// the child as its descriptor 3, and the name given relative to it (`/proc/self/fd/3/<name>`, the child's own
// view of that descriptor), so the child too creates it exactly there and nowhere else. Rare entries: one
// process each (waited for, as the rest of the extraction is synchronous) is fine.

export function makeNode(dir: number, name: Buffer, e: TarEntry): void {
  const text = name.toString("utf8");
  if (!Buffer.from(text).equals(name)) throw new ExtractUnsupported(`the ${e.type} "${text}" has a name that is not UTF-8`);
  const where = `/proc/self/fd/3/${text}`;
  const mode = (e.mode & 0o7777).toString(8);
  const [cmd, args] =
    e.type === "fifo" ? ["mkfifo", ["-m", mode, where]] : ["mknod", ["-m", mode, where, e.type === "char" ? "c" : "b", String(e.devmajor), String(e.devminor)]];
  const run = spawnSync(cmd, args as string[], { stdio: ["ignore", "ignore", "pipe", dir], encoding: "utf8" });
  if (run.error) throw run.error;
  if (run.status !== 0) {
    const err = (run.stderr ?? "").trim();
    throw Object.assign(new Error(`${cmd} failed: ${err}`), { code: err.includes("File exists") ? "EEXIST" : undefined });
  }
}
