"use client";
import { usePathname, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { readListState, writeListState, type ListState } from "./url-state";

/**
 * The list's search, filters and sort, kept in the URL. Written with `history.replaceState`, which Next.js
 * keeps in step with `useSearchParams`: unlike `router.replace` it asks the server for nothing, so typing in the
 * search box with thousands of volumes stays instant, and one keystroke is not one history entry (Back leaves
 * the list, and coming back restores the URL with its state).
 */
export function useListUrlState(): [ListState, (next: ListState) => void] {
  const params = useSearchParams();
  const pathname = usePathname();
  const state = useMemo(() => readListState(new URLSearchParams(params.toString())), [params]);
  const setState = useCallback(
    (next: ListState) => {
      const search = writeListState(new URLSearchParams(window.location.search), next).toString();
      window.history.replaceState(null, "", `${pathname}${search ? `?${search}` : ""}${window.location.hash}`);
    },
    [pathname],
  );
  return [state, setState];
}
