import "server-only";
import { spawn } from "node:child_process";
import type fs from "node:fs/promises";
import { ExtractUnsupported } from "./extract-dirs";
import type { TarEntry } from "./reader";

// FIFOs and device nodes: Node has no mknod(), so coreutils' mkfifo/mknod make them. The directory is handed to
// the child as its descriptor 3, and the name given relative to it (`/proc/self/fd/3/<name>`, the child's own
// view of that descriptor), so the child too creates it exactly there and nowhere else. Rare entries: one
// process each is fine.

export function makeNode(dir: fs.FileHandle, name: Buffer, e: TarEntry): Promise<void> {
  const text = name.toString("utf8");
  if (!Buffer.from(text).equals(name)) throw new ExtractUnsupported(`the ${e.type} "${text}" has a name that is not UTF-8`);
  const where = `/proc/self/fd/3/${text}`;
  const mode = (e.mode & 0o7777).toString(8);
  const [cmd, args] =
    e.type === "fifo" ? ["mkfifo", ["-m", mode, where]] : ["mknod", ["-m", mode, where, e.type === "char" ? "c" : "b", String(e.devmajor), String(e.devminor)]];
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args as string[], { stdio: ["ignore", "ignore", "pipe", dir.fd] });
    let err = "";
    child.stderr!.on("data", (d: Buffer) => (err += d.toString()));
    child.on("error", reject);
    child.on("close", (status) => {
      if (status === 0) resolve();
      else reject(Object.assign(new Error(`${cmd} failed: ${err.trim()}`), { code: err.includes("File exists") ? "EEXIST" : undefined }));
    });
  });
}
