// Pure: how a repository's figures and errors read on the Repositories page. Unit-tested (repo-words.test.ts).
import type { Repository } from "@/lib/api/repository-types";
import { formatBytes } from "@/lib/format";

/**
 * The dedup ratio: what all snapshots would take restored (logicalBytes) over what the repository stores
 * (storedBytes, after deduplication and compression) — "3.2×" means the snapshots take a third of their size.
 * `title` says why there is none when it cannot be known.
 */
export function dedupRatio(repo: Pick<Repository, "reachable" | "storedBytes" | "logicalBytes" | "snapshots">): {
  text: string;
  title: string;
  known: boolean;
} {
  if (!repo.reachable) return { text: "—", title: "Unknown: the repository could not be read.", known: false };
  if (repo.snapshots === 0) return { text: "—", title: "No snapshots yet: nothing to deduplicate.", known: false };
  const logical = repo.logicalBytes;
  const stored = repo.storedBytes;
  if (logical == null || stored == null || stored <= 0 || logical <= 0)
    return { text: "—", title: "Unknown: the repository did not report its sizes.", known: false };
  const ratio = logical / stored;
  const text = `${ratio >= 10 ? Math.round(ratio) : ratio.toFixed(1)}×`;
  return {
    known: true,
    text,
    title: `All snapshots restored would take ${formatBytes(logical)}; the repository stores ${formatBytes(stored)} (deduplicated and compressed).`,
  };
}

/**
 * A repository's error as a sentence to read and, apart, the cause restic gave (shown under "Details"). The
 * server's messages (lib/restic/errors.ts) put restic's own words after ": "; locations never contain ": "
 * (a URL's "://" and SFTP's "host:/path" have no space).
 */
export function errorParts(message: string): { sentence: string; raw?: string } {
  const at = message.indexOf(": ");
  if (at < 0) return { sentence: message };
  const raw = message
    .slice(at + 2)
    .trim()
    .replace(/\.$/, "");
  return raw ? { sentence: `${message.slice(0, at)}.`, raw } : { sentence: message };
}
