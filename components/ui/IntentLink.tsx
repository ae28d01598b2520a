"use client";
import Link from "next/link";
import { useState, type ComponentProps } from "react";

/**
 * next/link that prefetches only once a person shows intent: the pointer rests on it, it takes keyboard focus, or
 * a finger touches it (Next.js's hover-triggered prefetch pattern, docs "Prefetching"). Next's default prefetches
 * every link as it enters the viewport: the sidebar alone made about 14 server renders on each page load (twice
 * when the URL's query changed), which on a small host queued the page's own data requests behind them (seen in
 * CI: a volume page's facts and an outage alert more than 10 s late). `prefetch={false}` still means never.
 * The console's only door to next/link (eslint.config.mjs, voldeck/intent-links).
 */
export function IntentLink({ prefetch, onMouseEnter, onFocus, onTouchStart, ...props }: ComponentProps<typeof Link>) {
  const [intent, setIntent] = useState(false);
  const want = prefetch !== false;
  return (
    <Link
      {...props}
      prefetch={want && intent ? prefetch : false}
      onMouseEnter={(e) => {
        if (want) setIntent(true);
        onMouseEnter?.(e);
      }}
      onFocus={(e) => {
        if (want) setIntent(true);
        onFocus?.(e);
      }}
      onTouchStart={(e) => {
        if (want) setIntent(true);
        onTouchStart?.(e);
      }}
    />
  );
}
