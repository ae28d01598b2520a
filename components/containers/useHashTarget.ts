"use client";
import { useSyncExternalStore } from "react";

// Read on every render as well as on `hashchange`: Next.js's client navigation sets the URL with
// pushState, which fires no event, so a page reached by a link with a #fragment still sees it.
const subscribe = (onChange: () => void) => {
  window.addEventListener("hashchange", onChange);
  return () => window.removeEventListener("hashchange", onChange);
};

/** The part of `#<prefix><rest>` after the prefix, or null. */
export function useHashTarget(prefix: string): string | null {
  const hash = useSyncExternalStore(
    subscribe,
    () => window.location.hash,
    () => "",
  );
  if (!hash.startsWith(`#${prefix}`)) return null;
  try {
    return decodeURIComponent(hash.slice(prefix.length + 1));
  } catch {
    return null;
  }
}
