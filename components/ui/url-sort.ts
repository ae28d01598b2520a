// Pure: a DataTable's sort as the URL's `sort` parameter ("name", "-size": a minus for descending), shared by the
// pages that keep their order in the URL. Unit-tested through theirs (coverage-rows.test.ts, all-engines url-state.test.ts).
import type { TableSort } from "./DataTable";

/** The sort the text names, if its column is one of `sortable`; else `fallback` (unknown or malformed). */
export function parseSort(text: string | null, sortable: readonly string[], fallback: TableSort): TableSort {
  const id = (text ?? "").replace(/^-/, "");
  return sortable.includes(id) ? { id, desc: (text ?? "").startsWith("-") } : fallback;
}

/** The parameter's text for `sort`; null for the page's default, so a plain page has a plain URL. */
export function sortText(sort: TableSort, fallback: TableSort): string | null {
  return sort.id === fallback.id && sort.desc === fallback.desc ? null : `${sort.desc ? "-" : ""}${sort.id}`;
}
