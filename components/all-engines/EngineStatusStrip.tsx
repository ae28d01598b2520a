import type { EngineState } from "./engine-state";

const plural = (n: number, word: string) => `${n.toLocaleString("en")} ${word}${n === 1 ? "" : "s"}`;

/**
 * Each engine's outcome at a glance: ok with its count, still loading, or unavailable with the reason. The reason
 * is shown whole, wrapping under the engine's name: a phone cannot hover for a tooltip, and a cut sentence
 * ("cannot b…") says nothing.
 */
export function EngineStatusStrip({ states }: { states: EngineState[] }) {
  return (
    <ul aria-label="Engines" className="flex flex-wrap gap-2">
      {states.map((s) => (
        <li
          key={s.id}
          data-engine={s.id}
          data-state={s.kind}
          className={`flex max-w-full flex-wrap items-center gap-x-2 rounded-md border px-3 py-1.5 text-sm ${s.kind === "unavailable" ? "border-danger-line bg-danger-soft sm:max-w-2xl" : "border-line bg-surface"}`}
        >
          <span
            aria-hidden
            className={`h-2 w-2 shrink-0 rounded-full ${s.kind === "ok" ? "bg-ok" : s.kind === "loading" ? "animate-pulse bg-fg-subtle" : "bg-danger"}`}
          />
          <span className="font-medium text-fg">{s.id}</span>
          {s.kind === "unavailable" ? (
            <>
              <span className="font-medium text-danger-fg">unavailable:</span>
              <span data-reason className="w-full text-danger-fg [overflow-wrap:anywhere]">
                {s.reason}
              </span>
            </>
          ) : (
            <span className="text-fg-muted">{s.kind === "ok" ? plural(s.volumes.length, "volume") : "loading…"}</span>
          )}
        </li>
      ))}
    </ul>
  );
}
