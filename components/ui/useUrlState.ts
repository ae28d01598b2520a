"use client";
import { usePathname, useSearchParams } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef } from "react";
import { echoed } from "./url-writes";

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
  const search = params.toString();
  const state = useMemo(() => read(new URLSearchParams(search)), [search, read]);
  // The searches written here that the router has not drawn yet, oldest first. Next.js draws each write in a
  // transition of its own and, when it draws one, puts that write's URL in the address bar again: on a busy
  // machine a write drawn late brings back an older URL for a moment, and a filter changed in that moment was
  // applied to it and lost the change before (filters chosen in quick succession, seen on CI).
  const undrawn = useRef<string[]>([]);
  useEffect(() => {
    undrawn.current = echoed(undrawn.current, search);
  }, [search]);
  const setState = useCallback(
    (next: T | ((current: T) => T)) => {
      // An update is applied to the last write while one is undrawn (see above), else to what the URL holds now,
      // not to the last render's state: a filter changed right after typing keeps the typed text.
      const pending = undrawn.current;
      const current = new URLSearchParams(pending.length ? pending[pending.length - 1] : window.location.search);
      const value = typeof next === "function" ? (next as (current: T) => T)(read(current)) : next;
      const written = write(current, value).toString();
      if (written === current.toString()) return;
      undrawn.current = [...pending, written];
      window.history.replaceState(null, "", `${pathname}${written ? `?${written}` : ""}${window.location.hash}`);
    },
    [pathname, read, write],
  );
  return [state, setState];
}
