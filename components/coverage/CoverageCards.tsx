import { Badge } from "@/components/ui/Badge";
import { Time } from "@/components/ui/Time";
import type { CoverageVolume } from "@/lib/api/coverage-types";
import { DrillOutcome } from "./DrillOutcome";
import { STATE_LOOK } from "./states";

// The coverage table on a phone: seven columns scrolled sideways hid the last one ("Last proven restorable")
// off screen and squeezed the names to a few letters per line. One card per volume shows every fact at once.
export function CoverageCards({ volumes }: { volumes: CoverageVolume[] }) {
  const fact = "flex flex-wrap justify-between gap-x-3";
  return (
    <ul aria-label="Coverage per volume" className="divide-y divide-line">
      {volumes.map((v) => (
        <li key={`${v.engine}/${v.volume}`} className="space-y-2 px-4 py-3 text-sm">
          <div className="flex items-start justify-between gap-3">
            <span className="min-w-0">
              <span className="block font-mono text-xs text-fg [overflow-wrap:anywhere]">{v.volume}</span>
              <span className="block text-xs text-fg-muted">{v.engine}</span>
            </span>
            <Badge tone={STATE_LOOK[v.state].tone} title={STATE_LOOK[v.state].hint}>
              {STATE_LOOK[v.state].label}
            </Badge>
          </div>
          <dl className="space-y-1 text-xs">
            <div className={fact}>
              <dt className="text-fg-muted">Policy</dt>
              <dd className="min-w-0 text-right [overflow-wrap:anywhere]">
                {v.policyName ?? v.policy ?? (v.excludedBy ? `kept out by ${v.excludedBy}` : "—")}
              </dd>
            </div>
            <div className={fact}>
              <dt className="text-fg-muted">Last success</dt>
              <dd>
                <Time iso={v.lastSuccessAt} empty="never" />
              </dd>
            </div>
            <div className={fact}>
              <dt className="text-fg-muted">Next run</dt>
              <dd>
                <Time iso={v.nextRunAt} />
              </dd>
            </div>
            <div className={fact}>
              <dt className="text-fg-muted">Last proven restorable</dt>
              <dd className="min-w-0 text-right">
                <DrillOutcome volume={v} />
              </dd>
            </div>
          </dl>
        </li>
      ))}
    </ul>
  );
}
