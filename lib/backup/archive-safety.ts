// Pure: whether an archive can be restored into a volume without writing outside it. An entry is unsafe when
// its path is absolute or climbs with `..`, when it is a hard link to such a path, when the root (`./`) is
// anything but a directory, or when it lies beneath a symlink (or a hard link to one) of the same archive —
// extracting it would write through that link, wherever it points. Restoring refuses such archives, so one
// that holds them may never be called verified. Symlinks themselves may point anywhere (volumes hold
// dangling and absolute ones); only writing through them is refused. Unit-tested.
import type { TarEntry } from "@/lib/tar/reader";

export type UnsafeEntry = { entry: string; reason: string };

/** The archive holds an entry that restoring would refuse or that could write outside the volume. */
export class UnsafeArchive extends Error {
  constructor(readonly unsafe: UnsafeEntry) {
    super(`entry "${unsafe.entry}" ${unsafe.reason}`);
  }
}

/** Path components, `.` and empty ones dropped (`./a//b/` → a, b); null for an absolute path. */
function parts(name: string): string[] | null {
  if (name.startsWith("/")) return null;
  return name.split("/").filter((p) => p !== "" && p !== ".");
}

function pathProblem(name: string, what: string): string | null {
  const p = parts(name);
  if (!p) return `${what} is an absolute path`;
  if (p.includes("..")) return `${what} climbs out of the volume with ".."`;
  return null;
}

export class ArchiveSafety {
  /** The first unsafe entry, or null. */
  first: UnsafeEntry | null = null;
  private readonly symlinks = new Set<string>();

  add(e: TarEntry): void {
    if (this.first) return;
    const reason = this.reasonFor(e);
    if (reason) this.first = { entry: e.name.toString("utf8"), reason };
  }

  /** Throws UnsafeArchive naming the first unsafe entry, if any. */
  assertSafe(): void {
    if (this.first) throw new UnsafeArchive(this.first);
  }

  private reasonFor(e: TarEntry): string | null {
    // latin1 keeps names byte for byte (they need not be UTF-8); only the message shows them as UTF-8.
    const name = e.name.toString("latin1");
    const problem = pathProblem(name, "its path");
    if (problem) return problem;
    const path = parts(name)!;
    if (!path.length) return e.type === "directory" ? null : `is the archive's root (./) but a ${e.type}, not a directory`;
    const through = this.linkAbove(path);
    if (through) return `would be written through the symlink "${through}" earlier in the archive`;
    const key = path.join("/");
    if (e.type === "symlink") this.symlinks.add(key);
    if (e.type !== "link") return null;
    const target = e.linkname.toString("latin1");
    const targetProblem = pathProblem(target, `its hard-link target "${e.linkname.toString("utf8")}"`);
    if (targetProblem) return targetProblem;
    const targetPath = parts(target)!;
    if (!targetPath.length) return "is a hard link to the archive's root";
    const targetThrough = this.linkAbove(targetPath);
    if (targetThrough) return `is a hard link through the symlink "${targetThrough}" earlier in the archive`;
    if (this.symlinks.has(targetPath.join("/"))) this.symlinks.add(key); // a hard link to a symlink is one too
    return null;
  }

  /** The symlink of this archive that `path` lies beneath, if any. */
  private linkAbove(path: string[]): string | null {
    if (!this.symlinks.size) return null; // the usual case: no prefix to try
    for (let i = 1; i < path.length; i++) {
      const above = path.slice(0, i).join("/");
      if (this.symlinks.has(above)) return Buffer.from(above, "latin1").toString("utf8");
    }
    return null;
  }
}
