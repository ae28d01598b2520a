"use client";
import { useUrlState } from "@/components/ui/useUrlState";
import { readListState, writeListState, type ListState } from "./url-state";

/** The list's search, filters and sort, kept in the URL (see useUrlState: typing with thousands of volumes stays instant). */
export function useListUrlState(): [ListState, (next: ListState) => void] {
  return useUrlState(readListState, writeListState);
}
