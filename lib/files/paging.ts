// Pure: a directory's entries filtered, sorted and cut into pages. The cursor is the sort key and name of the
// last entry handed out (keyset paging), so entries created or removed meanwhile shift nothing: every entry
// that stays is handed out exactly once. Unit-tested.
import { ApiError } from "@/lib/api/error";
import type { FileSort, SortOrder } from "@/lib/api/files-types";

export const PAGE_SIZE = 500;

export type PageQuery = { sort: FileSort; order: SortOrder; filter: string; cursor: string | null; limit?: number };

type Keyed = { name: string; size?: number; mtime?: string };
type Cursor = { s: FileSort; o: SortOrder; f: string; v: number | string | null; n: string };

const badCursor = () => new ApiError("invalid_input", "The cursor is not one this listing handed out (or its sort or filter changed).");

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify(c)).toString("base64url");
}

export function decodeCursor(raw: string, q: Pick<PageQuery, "sort" | "order" | "filter">): Cursor {
  let c: Cursor;
  try {
    c = JSON.parse(Buffer.from(raw, "base64url").toString("utf8")) as Cursor;
  } catch {
    throw badCursor();
  }
  if (!c || typeof c !== "object" || typeof c.n !== "string" || c.s !== q.sort || c.o !== q.order || c.f !== q.filter) throw badCursor();
  return c;
}

const keyOf = (e: Keyed, sort: FileSort): number | string | null => (sort === "size" ? (e.size ?? 0) : sort === "mtime" ? (e.mtime ?? "") : null);

const cmp = <T extends number | string>(a: T, b: T) => (a < b ? -1 : a > b ? 1 : 0);

// Natural order, as people read names: "file2" before "file10", "a" beside "Ä". Intl's collator does it (numeric
// collation) rather than a hand-written tokenizer; it calls "a01" and "a1" equal, so code points break the tie
// and the order stays total, which the keyset cursor needs.
const collator = new Intl.Collator("en", { numeric: true });
export const compareNames = (a: string, b: string): number => collator.compare(a, b) || cmp(a, b);

/** Order of two entries: the sort key, then the name (names are unique, so the order is total). */
function compareKeys(av: number | string | null, an: string, bv: number | string | null, bn: string, order: SortOrder): number {
  const byKey = av === null || bv === null ? 0 : typeof av === "number" ? cmp(av, bv as number) : cmp(av, bv as string);
  const c = byKey || compareNames(an, bn);
  return order === "desc" ? -c : c;
}

export const matchesFilter = (name: string, filter: string): boolean => !filter || name.toLocaleLowerCase().includes(filter.toLocaleLowerCase());

export function sortEntries<T extends Keyed>(entries: T[], sort: FileSort, order: SortOrder): T[] {
  return [...entries].sort((a, b) => compareKeys(keyOf(a, sort), a.name, keyOf(b, sort), b.name, order));
}

/** One page: the entries after the cursor, the cursor of the next page (when there is one), and the total. */
export function pageOf<T extends Keyed>(all: T[], q: PageQuery): { entries: T[]; nextCursor?: string; total: number } {
  const limit = q.limit ?? PAGE_SIZE;
  const sorted = sortEntries(
    all.filter((e) => matchesFilter(e.name, q.filter)),
    q.sort,
    q.order,
  );
  let start = 0;
  if (q.cursor) {
    const c = decodeCursor(q.cursor, q);
    start = sorted.findIndex((e) => compareKeys(keyOf(e, q.sort), e.name, c.v, c.n, q.order) > 0);
    if (start === -1) start = sorted.length;
  }
  const entries = sorted.slice(start, start + limit);
  const last = entries.at(-1);
  const more = start + limit < sorted.length;
  return {
    entries,
    total: sorted.length,
    ...(more && last ? { nextCursor: encodeCursor({ s: q.sort, o: q.order, f: q.filter, v: keyOf(last, q.sort), n: last.name }) } : {}),
  };
}
