"use client";
import { usePathname, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";

/**
 * A page's search, filters and sort kept in the URL, read and written by a pair of pure functions (module-level,
 * so they are stable). Written with `history.replaceState`, which Next.js keeps in step with `useSearchParams`
 * (unlike `router.replace`): it asks the server for nothing, so typing stays
 * instant, and one keystroke is not one history entry (Back leaves the page; coming back restores its URL).
 */
export function useUrlState<T>(
  read: (params: URLSearchParams) => T,
  write: (params: URLSearchParams, state: T) => URLSearchParams,
): [T, (next: T | ((current: T) => T)) => void] {
  const params = useSearchParams();
  const pathname = usePathname();
  const state = useMemo(() => read(new URLSearchParams(params.toString())), [params, read]);
  const setState = useCallback(
    (next: T | ((current: T) => T)) => {
      // An update is applied to what the URL holds now, not to the last render's state: a filter changed right
      // after typing (before the URL was read back) keeps the typed text.
      const current = new URLSearchParams(window.location.search);
      const value = typeof next === "function" ? (next as (current: T) => T)(read(current)) : next;
      const search = write(current, value).toString();
      window.history.replaceState(null, "", `${pathname}${search ? `?${search}` : ""}${window.location.hash}`);
    },
    [pathname, read, write],
  );
  return [state, setState];
}
