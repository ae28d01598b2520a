import { Badge } from "@/components/ui/Badge";
import { Time } from "@/components/ui/Time";
import type { CoverageVolume } from "@/lib/api/coverage-types";

/**
 * When a restore drill last proved the volume's backup restorable (the time of that backup, not of the drill), and
 * a newest drill that failed, with its reason: an earlier proof stays shown, but the failure is not hidden by it.
 */
export function DrillOutcome({ volume: v }: { volume: CoverageVolume }) {
  if (!v.lastDrillAt) return <span className="text-fg-subtle">never drilled</span>;
  return (
    <div className="space-y-1">
      <Time iso={v.lastProvenRestorableAt} empty="not yet" />
      {v.lastDrillOk === false && (
        <div className="space-y-0.5">
          <Badge tone="red" title={v.lastDrillError}>
            drill failed
          </Badge>{" "}
          <span className="text-xs text-fg-muted">
            <Time iso={v.lastDrillAt} />
          </span>
          {v.lastDrillError && <p className="max-w-sm text-xs text-danger-fg [overflow-wrap:anywhere]">{v.lastDrillError}</p>}
        </div>
      )}
    </div>
  );
}
