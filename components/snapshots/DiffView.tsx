"use client";
import { ChevronRight } from "lucide-react";
import type { SnapshotDiff } from "@/lib/api/repository-types";
import { formatBytes } from "@/lib/format";
import { capped } from "./snapshot-list";

/** A long list is cut here: the counts above stay exact, the rest is "and N more". */
const SHOWN = 100;

const KINDS = [
  { key: "added", label: "Added", tone: "text-ok-fg" },
  { key: "removed", label: "Removed", tone: "text-danger-fg" },
  { key: "changed", label: "Changed", tone: "text-warn-fg" },
] as const;

/** Counts, then each list (paths with sizes) in its own collapsible part; short lists start open. */
export function DiffView({ diff }: { diff: SnapshotDiff }) {
  const none = KINDS.every((k) => diff[k.key].length === 0);
  return (
    <div className="space-y-3">
      <p className="flex flex-wrap gap-x-4 gap-y-1 font-medium tabular-nums" aria-label="Summary">
        {KINDS.map((k) => (
          <span key={k.key} className={diff[k.key].length ? k.tone : "text-fg-muted"}>
            {diff[k.key].length.toLocaleString("en")} {k.label.toLowerCase()}
          </span>
        ))}
      </p>
      {none && <p className="text-fg-muted">No differences: every file has the same type, size and modification time.</p>}
      {KINDS.filter((k) => diff[k.key].length > 0).map((k) => {
        const { shown, more } = capped(diff[k.key], SHOWN);
        return (
          <details key={k.key} open={diff[k.key].length <= 20} className="group rounded-md border border-line">
            <summary className="flex cursor-pointer list-none items-center gap-1.5 px-3 py-2 font-medium text-fg hover:bg-surface-2">
              <ChevronRight aria-hidden className="size-4 text-fg-subtle transition-transform group-open:rotate-90" />
              {k.label} ({diff[k.key].length.toLocaleString("en")})
            </summary>
            <ul aria-label={k.label} className="max-h-72 divide-y divide-line overflow-auto border-t border-line">
              {shown.map((e) => (
                <li key={e.path} className="flex items-baseline gap-3 px-3 py-1.5">
                  <span className="min-w-0 flex-1 font-mono text-xs [overflow-wrap:anywhere] text-fg">
                    {e.path}
                    {e.type === "dir" && "/"}
                  </span>
                  <span className="shrink-0 text-xs text-fg-muted tabular-nums">{e.type === "dir" ? "folder" : formatBytes(e.size)}</span>
                </li>
              ))}
              {more > 0 && <li className="px-3 py-1.5 text-xs text-fg-muted">and {more.toLocaleString("en")} more</li>}
            </ul>
          </details>
        );
      })}
    </div>
  );
}
