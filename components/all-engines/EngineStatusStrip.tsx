import type { EngineState } from "./engine-state";

const plural = (n: number, word: string) => `${n.toLocaleString("en")} ${word}${n === 1 ? "" : "s"}`;

/** Each engine's outcome at a glance: ok with its count, still loading, or unavailable with the reason. */
export function EngineStatusStrip({ states }: { states: EngineState[] }) {
  return (
    <ul aria-label="Engines" className="flex flex-wrap gap-2">
      {states.map((s) => (
        <li
          key={s.id}
          data-engine={s.id}
          data-state={s.kind}
          className={`flex max-w-full items-center gap-2 rounded-md border px-3 py-1.5 text-sm ${s.kind === "unavailable" ? "border-danger-line bg-danger-soft" : "border-line bg-surface"}`}
        >
          <span
            aria-hidden
            className={`h-2 w-2 shrink-0 rounded-full ${s.kind === "ok" ? "bg-ok" : s.kind === "loading" ? "animate-pulse bg-fg-subtle" : "bg-danger"}`}
          />
          <span className="font-medium text-fg">{s.id}</span>
          <span
            className={`truncate ${s.kind === "unavailable" ? "max-w-xs text-danger-fg" : "text-fg-muted"}`}
            title={s.kind === "unavailable" ? s.reason : undefined}
          >
            {s.kind === "ok" ? plural(s.volumes.length, "volume") : s.kind === "loading" ? "loading…" : `unavailable: ${s.reason}`}
          </span>
        </li>
      ))}
    </ul>
  );
}
