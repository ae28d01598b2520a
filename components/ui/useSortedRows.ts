"use client";
import { useMemo, useState } from "react";
import type { TableSort } from "./DataTable";
import { sortRows, type Comparators } from "./sort-rows";

/**
 * A short list sorted in the browser, for a DataTable (`sort`, `onSort`, `data`). `compare` must be a constant
 * (module level): the rows are sorted again only when they, or the sort, change. The order is the page's own
 * state: it is not kept in the URL.
 */
export function useSortedRows<T>(rows: readonly T[], compare: Comparators<T>, initial: TableSort) {
  const [sort, setSort] = useState(initial);
  const sorted = useMemo(() => sortRows(rows, sort, compare), [rows, sort, compare]);
  return { rows: sorted, sort, onSort: setSort };
}
