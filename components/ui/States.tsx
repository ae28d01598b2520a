"use client";
import { Inbox, LoaderCircle, type LucideIcon } from "lucide-react";
import { useEffect, useState, type ReactNode } from "react";
import { useEngineHealth } from "@/components/shell/EngineHealth";

/** After this long a wait is said to be a wait on the engine (a healthy one answers well within it). */
export const WAIT_NOTICE_MS = 3_000;

/**
 * Something is being read. After WAIT_NOTICE_MS (at once when the shell already knows the engine is not
 * answering or down) a second line says the page waits on the engine, so a hung engine never leaves a bare
 * spinner (the request itself gives up at the server's deadline, and the page shows that error).
 */
export function Loading({ label = "Loading…" }: { label?: string }) {
  const health = useEngineHealth();
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setSlow(true), WAIT_NOTICE_MS);
    return () => clearTimeout(timer);
  }, []);
  const troubled = health.state === "not_answering" || health.state === "down";
  const engine = health.engine ? `the engine "${health.engine}"` : "the engine";
  return (
    <div role="status" aria-live="polite" className="flex flex-col gap-1 py-8 text-sm text-fg-muted">
      <p className="flex items-center gap-2">
        <LoaderCircle aria-hidden className="size-4 animate-spin text-accent-fg" />
        {label}
      </p>
      {(slow || troubled) && (
        <p className="pl-6 text-fg-subtle">
          {troubled
            ? `Still waiting for ${engine}, which is ${health.state === "down" ? "unreachable" : "not responding"}; the page says so if the wait ends without an answer.`
            : `Still waiting for ${engine}… it is slow to answer.`}
        </p>
      )}
    </div>
  );
}

/** Nothing to show yet: what the page would list, and (children) how to get something there. */
export function EmptyState({ title, children, icon: Icon = Inbox }: { title: string; children?: ReactNode; icon?: LucideIcon }) {
  return (
    <div className="flex flex-col items-center rounded-lg border border-dashed border-line-strong bg-surface px-6 py-10 text-center">
      <Icon aria-hidden className="mb-3 size-8 text-fg-subtle" />
      <p className="font-medium text-fg">{title}</p>
      {children && <div className="mt-1.5 max-w-prose text-sm text-fg-muted">{children}</div>}
    </div>
  );
}
