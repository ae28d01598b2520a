"use client";
import type { Container } from "@/lib/api/types";
import { liveStatus, type StatusTone } from "./live-status";
import { useClock } from "@/components/ui/useNowTick";

const dot: Record<StatusTone, string> = { ok: "bg-ok", warn: "bg-warn", danger: "bg-danger", muted: "bg-fg-subtle" };

/** Recomputed from the engine's times as the clock moves: each second while under a minute, then every 15 s. */
export function LiveStatusText({ container }: { container: Container }) {
  const coarse = useClock(15_000);
  const age = coarse > 0 ? liveStatus(container, coarse).ageMs : null;
  const young = age !== null && age < 90_000;
  const fine = useClock(young ? 1000 : 15_000);
  const now = young ? fine : coarse;
  if (now === 0) return <span className="text-fg-subtle">{container.state}</span>;
  const s = liveStatus(container, now);
  return (
    <span className="inline-flex min-w-0 items-center gap-1.5" data-testid="live-status" data-started-at={container.startedAt ?? ""}>
      <span aria-hidden className={`size-2 shrink-0 rounded-full ${dot[s.tone]}`} />
      <span title={s.text} className={`truncate tabular-nums ${s.tone === "danger" ? "text-danger-fg" : s.tone === "muted" ? "text-fg-muted" : "text-fg"}`}>
        {s.text}
      </span>
    </span>
  );
}
