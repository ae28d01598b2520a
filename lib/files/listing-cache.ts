import "server-only";
import type { FileEntry } from "@/lib/api/files-types";
import { registerEngineState } from "@/lib/engine-state/registry";

// On the archive path a listing costs a tar of the whole directory (contents streamed past, not kept). Its
// pages are served from one read: the first page (no cursor) always reads afresh and remembers the entries
// for 30 seconds; "load more" within that time pages through what was remembered, so its pages agree with the
// first. A few listings only (entries are small; a 3,000-entry directory is well under a megabyte), and a
// budget of entries in all, so a few huge directories cannot hold hundreds of megabytes: the newest listing
// is always kept, older ones go first.

const TTL_MS = 30_000;
const MAX_LISTINGS = 8;
const MAX_ENTRIES = 200_000;

type Listing = { at: number; entries: FileEntry[] };
const g = globalThis as typeof globalThis & { __voldeckFilesListings?: Map<string, Listing> };
const listings: Map<string, Listing> = (g.__voldeckFilesListings ??= new Map());

registerEngineState("file listings", (engine) => {
  for (const key of listings.keys()) if (key.startsWith(`${engine}\0`)) listings.delete(key);
});

export const listingKey = (engine: string, volume: string, createdAt: string | null, path: string) => [engine, volume, createdAt ?? "", path].join("\0");

export function rememberedListing(key: string): FileEntry[] | null {
  const hit = listings.get(key);
  if (!hit) return null;
  if (Date.now() - hit.at >= TTL_MS) {
    listings.delete(key);
    return null;
  }
  return hit.entries;
}

export function rememberListing(key: string, entries: FileEntry[]): void {
  listings.delete(key);
  listings.set(key, { at: Date.now(), entries });
  // Maps iterate in insertion order: the first key is the oldest.
  while (listings.size > 1 && (listings.size > MAX_LISTINGS || rememberedEntries() > MAX_ENTRIES)) {
    listings.delete(listings.keys().next().value!);
  }
}

function rememberedEntries(): number {
  let n = 0;
  for (const l of listings.values()) n += l.entries.length;
  return n;
}
