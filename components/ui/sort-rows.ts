// Pure: the order of a DataTable's rows for the tables that sort their own short lists (admin pages, a volume's
// containers, the policies). DataTable's sort is controlled: it says which column and direction, this sorts.
// Unit-tested.
import type { TableSort } from "./DataTable";

/** One comparator per sortable column id, ascending. */
export type Comparators<T> = Record<string, (a: T, b: T) => number>;

// "eng-2" before "eng-10", and case aside: names as people read them.
const collator = new Intl.Collator("en", { numeric: true, sensitivity: "base" });

export const byText =
  <T>(get: (row: T) => string) =>
  (a: T, b: T) =>
    collator.compare(get(a), get(b));

export const byNumber =
  <T>(get: (row: T) => number) =>
  (a: T, b: T) =>
    get(a) - get(b);

/**
 * Instants (ISO strings). `none` says where a row without one belongs: "first" when it means "not yet" (never
 * used: the oldest use), "last" when it means "not ever" (never expires: later than any date).
 */
export const byTime =
  <T>(get: (row: T) => string | null | undefined, none: "first" | "last") =>
  (a: T, b: T) => {
    const x = instant(get(a));
    const y = instant(get(b));
    if (x === null || y === null) return x === y ? 0 : (x === null) === (none === "first") ? -1 : 1;
    return x - y;
  };

const instant = (iso: string | null | undefined) => (iso ? Date.parse(iso) : null);

/** The rows in the table's order; rows that compare equal keep the order they came in (the API's), either way. */
export function sortRows<T>(rows: readonly T[], sort: TableSort, compare: Comparators<T>): T[] {
  const cmp = compare[sort.id];
  if (!cmp) return [...rows];
  const dir = sort.desc ? -1 : 1;
  return [...rows].sort((a, b) => dir * cmp(a, b) || 0);
}
