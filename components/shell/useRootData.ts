"use client";
import { useSyncExternalStore } from "react";

// The theme and sidebar choices live on <html> as data attributes (set before the first paint by the inline
// script, components/shell/theme.ts, and changed there afterwards): React reads them from there rather than
// keeping a copy that could disagree.
function subscribe(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme", "data-sidebar"] });
  return () => observer.disconnect();
}

/** `<html data-{key}>`, or null in the server's HTML (and while hydrating). */
export function useRootData(key: "theme" | "sidebar"): string | null {
  return useSyncExternalStore(
    subscribe,
    () => document.documentElement.dataset[key] ?? "",
    () => null,
  );
}
