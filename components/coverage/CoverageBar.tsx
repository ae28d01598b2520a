import { COVERAGE_STATES, type CoverageState } from "@/lib/api/coverage-types";
import { STATE_LOOK } from "./states";

/**
 * The counts as one stacked bar (SVG) with a legend; the legend is the text equivalent, the bar is decoration.
 * `counts` null: not evaluated yet; the same room, empty, so what lies below does not move when they come.
 */
export function CoverageBar({ counts }: { counts: Record<CoverageState, number> | null }) {
  const total = counts ? COVERAGE_STATES.reduce((n, s) => n + counts[s], 0) : 0;
  let x = 0;
  return (
    <div className="space-y-3">
      <svg viewBox="0 0 100 6" preserveAspectRatio="none" className="h-4 w-full overflow-hidden rounded bg-surface-2" aria-hidden="true">
        {total > 0 &&
          COVERAGE_STATES.map((s) => {
            const w = (counts![s] / total) * 100;
            const rect = <rect key={s} x={x} y={0} width={w} height={6} className={STATE_LOOK[s].fill} />;
            x += w;
            return rect;
          })}
      </svg>
      <ul className="flex flex-wrap gap-x-5 gap-y-2 text-sm" aria-label="Volumes per state">
        {COVERAGE_STATES.map((s) => (
          <li key={s} className="flex items-center gap-2" title={STATE_LOOK[s].hint}>
            <svg viewBox="0 0 10 10" className="size-3" aria-hidden="true">
              <rect width={10} height={10} rx={2} className={STATE_LOOK[s].fill} />
            </svg>
            <span className="text-fg-muted">{STATE_LOOK[s].label}</span>
            <strong className="font-semibold text-fg tabular-nums">{counts ? counts[s] : "…"}</strong>
          </li>
        ))}
      </ul>
    </div>
  );
}
