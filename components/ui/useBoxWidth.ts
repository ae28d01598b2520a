"use client";
import { useCallback, useRef, useState } from "react";

/**
 * The width of an element, kept up to date (ResizeObserver); null until it was first laid out (server render).
 * Components that lay themselves out by their own width (not the window's: a sidebar takes part of it) use it.
 */
export function useBoxWidth(): [(el: HTMLElement | null) => void, number | null] {
  const [width, setWidth] = useState<number | null>(null);
  const observer = useRef<ResizeObserver | null>(null);
  const ref = useCallback((el: HTMLElement | null) => {
    observer.current?.disconnect();
    observer.current = null;
    if (!el) return;
    setWidth(Math.round(el.getBoundingClientRect().width));
    // Rounded to whole pixels: sub-pixel changes would re-render the table for nothing.
    observer.current = new ResizeObserver(([entry]) => setWidth((w) => (Math.round(entry.contentRect.width) === w ? w : Math.round(entry.contentRect.width))));
    observer.current.observe(el);
  }, []);
  return [ref, width];
}
