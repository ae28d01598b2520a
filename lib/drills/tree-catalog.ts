// Pure: what a restore drill compares. A tar stream (the backup's archive, a snapshot's dump, or the scratch
// volume read back) is reduced to one record per path — its type, permission bits, size, link target and the
// sha256 of its content — and two such catalogs are compared path by path. By path rather than in stream order
// (transfer-digest.ts does the latter) so that a failure can name the file that differs, and a hard link counts
// as the file it points at (which of two linked names comes first as the "file" depends on the walk). Owner and
// mtime are left out: what a drill proves is that the data comes back, and a check of those would fail on
// engines that map ids. Unit-tested.
import { createHash, type Hash } from "node:crypto";
import { TarReader, type TarEntry } from "@/lib/tar/reader";

type FileFacts = { type: string; mode: number; size: number; sha256: string | null; link: string | null };
export type Catalog = Map<string, FileFacts>;

/** `./a/b/` and `a/b` are the same path; the root itself is "". */
function canonicalPath(name: Buffer): string {
  return name
    .toString("utf8")
    .replace(/^(\.\/)+/, "")
    .replace(/^\.$/, "")
    .replace(/\/+$/, "");
}

export class TreeCatalog {
  readonly files: Catalog = new Map();
  private current: { path: string; facts: FileFacts; hash: Hash | null } | null = null;
  private readonly reader = new TarReader({
    entry: (e) => this.begin(e),
    data: (chunk) => this.current?.hash?.update(chunk),
    entryEnd: () => this.finish(),
  });

  write(chunk: Buffer): void {
    this.reader.write(chunk);
  }

  /** Throws when the stream ended before its end-of-archive marker. */
  end(): Catalog {
    this.reader.end();
    return this.files;
  }

  private begin(e: TarEntry): void {
    const path = canonicalPath(e.name);
    if (path === "") {
      this.current = null; // the root's own metadata is not part of what was backed up
      return;
    }
    const link = e.type === "symlink" || e.type === "link" ? canonicalPath(e.linkname) : null;
    if (e.type === "link" && link !== null && this.files.has(link)) {
      this.current = { path, facts: { ...this.files.get(link)! }, hash: null };
      return;
    }
    const type = e.type === "other" ? `typeflag ${e.typeflag}` : e.type;
    this.current = { path, facts: { type, mode: e.mode & 0o7777, size: e.size, sha256: null, link }, hash: e.size > 0 ? createHash("sha256") : null };
  }

  private finish(): void {
    if (!this.current) return;
    const { path, facts, hash } = this.current;
    this.files.set(path, hash ? { ...facts, sha256: hash.digest("hex") } : facts);
    this.current = null;
  }
}

export function totals(c: Catalog): { entries: number; bytes: number } {
  let bytes = 0;
  for (const f of c.values()) if (f.type === "file") bytes += f.size;
  return { entries: c.size, bytes };
}

const MAX_NAMED = 3;

function describeDifference(want: FileFacts, got: FileFacts): string | null {
  if (want.type !== got.type) return `is a ${got.type}, the backup has a ${want.type}`;
  if (want.size !== got.size) return `holds ${got.size} bytes, the backup ${want.size}`;
  if (want.sha256 !== got.sha256) return "has different content";
  if (want.link !== got.link) return `points at "${got.link}", the backup at "${want.link}"`;
  if (want.mode !== got.mode) return `has mode ${got.mode.toString(8)}, the backup ${want.mode.toString(8)}`;
  return null;
}

/**
 * Why the restored tree is not what was backed up, or null when every path matches: counts first (files and
 * bytes), then up to three paths that are missing, extra or different.
 */
export function compareCatalogs(backedUp: Catalog, restored: Catalog): string | null {
  const problems: string[] = [];
  const more = () => problems.length >= MAX_NAMED;
  for (const [path, want] of backedUp) {
    if (more()) break;
    const got = restored.get(path);
    if (!got) problems.push(`"${path}" is missing`);
    else {
      const diff = describeDifference(want, got);
      if (diff) problems.push(`"${path}" ${diff}`);
    }
  }
  for (const path of restored.keys()) {
    if (more()) break;
    if (!backedUp.has(path)) problems.push(`"${path}" is not in the backup`);
  }
  if (!problems.length) return null;
  const a = totals(backedUp);
  const b = totals(restored);
  const counts = `the restored volume holds ${b.entries} entries and ${b.bytes} bytes, the backup ${a.entries} entries and ${a.bytes} bytes`;
  return `${counts}; ${problems.join("; ")}`;
}
