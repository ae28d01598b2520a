// Pure: counts what a tar stream holds (entries, content bytes, symlink target bytes), on the one tar reader
// (lib/tar/reader.ts), which refuses anything that is not a complete archive. The same counter runs on what is
// streamed and on what is read back, so "verified" compares like with like. Unit-tested.
import { TarReader, type TarEntry } from "@/lib/tar/reader";

export { TarFormatError } from "@/lib/tar/reader";

export type TarCounts = {
  /** Entries (files, directories, links, …), PAX and GNU long-name records not counted. */
  entries: number;
  /** Content bytes of regular files (hard links carry none). */
  bytes: number;
  /** Bytes of symlink targets: the engine counts them in a volume's size. */
  linkBytes: number;
  /** Whether an entry names the archive's root itself (`./`). */
  hasRoot: boolean;
};

export function isRootName(name: Buffer): boolean {
  const s = name
    .toString("latin1")
    .replace(/^(\.\/)+/, "")
    .replace(/\/+$/, "");
  return s === "" || s === ".";
}

export class TarScanner implements TarCounts {
  entries = 0;
  linkBytes = 0;
  hasRoot = false;
  /** Called with each entry's header, as the reader meets it. */
  onEntry: ((entry: TarEntry) => void) | null = null;
  private readonly reader = new TarReader({
    entry: (e) => {
      this.entries++;
      if (e.type === "symlink") this.linkBytes += e.linkname.length;
      if (!this.hasRoot && e.type === "directory" && isRootName(e.name)) this.hasRoot = true;
      this.onEntry?.(e);
    },
  });

  /** Content bytes of regular files so far, counted as they pass (progress follows them). */
  get bytes(): number {
    return this.reader.contentBytes;
  }

  get ended(): boolean {
    return this.reader.ended;
  }

  /** Where the end-of-archive marker ends (what follows is padding tar never reads). */
  get endedAt(): number | null {
    return this.reader.endedAt;
  }

  /** Bytes of archive consumed so far. */
  get offset(): number {
    return this.reader.offset;
  }

  write(chunk: Buffer): void {
    this.reader.write(chunk);
  }

  skippable(): number {
    return this.reader.skippable();
  }

  skipAhead(n: number): void {
    this.reader.skipAhead(n);
  }

  /** Call at the end of the stream: throws when the archive was cut short. */
  end(): TarCounts {
    this.reader.end();
    return this.counts();
  }

  counts(): TarCounts {
    return { entries: this.entries, bytes: this.bytes, linkBytes: this.linkBytes, hasRoot: this.hasRoot };
  }
}
