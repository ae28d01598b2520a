import type { EngineHealth } from "./EngineHealth";
import { liveLabel } from "./engine-outage";

const dots: Record<EngineHealth["state"], string> = {
  live: "bg-ok",
  connecting: "bg-fg-subtle",
  not_answering: "bg-warn",
  down: "bg-danger",
};

/** The header's word on the engine the page shows: live, connecting, not responding, unreachable. */
export function LiveIndicator({ state }: { state: EngineHealth["state"] }) {
  const label = liveLabel[state];
  return (
    <span className="flex shrink-0 items-center gap-1.5 text-xs text-fg-muted" title={`Engine: ${label}`}>
      <span aria-hidden className={`size-2 rounded-full ${dots[state]} ${state === "live" ? "" : "animate-pulse"}`} />
      <span aria-hidden className="hidden sm:inline">
        {label}
      </span>
      <span className="sr-only">, {label}</span>
    </span>
  );
}
