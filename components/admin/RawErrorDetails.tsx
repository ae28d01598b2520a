import { ChevronRight } from "lucide-react";

/**
 * A system's own error text (`connect ENOENT /run/docker.sock`) kept out of the way under "Details", for whoever
 * has to fix it; the sentence above it is what a person reads. The summary's browser marker is replaced by a
 * chevron that turns when open, so it looks like the console's other disclosure controls on every browser.
 */
export function RawErrorDetails({ raw, label = "Details" }: { raw: string; label?: string }) {
  return (
    <details className="group mt-1 text-xs">
      <summary className="inline-flex cursor-pointer list-none items-center gap-0.5 rounded-sm font-medium text-fg-muted select-none hover:text-fg focus-visible:outline-2 focus-visible:outline-accent [&::-webkit-details-marker]:hidden">
        <ChevronRight aria-hidden className="size-3.5 transition-transform group-open:rotate-90" />
        {label}
      </summary>
      <code className="mt-1 block rounded bg-surface-2 px-2 py-1 font-mono text-fg-muted [overflow-wrap:anywhere]">{raw}</code>
    </details>
  );
}
