import { Badge } from "@/components/ui/Badge";
import { Time } from "@/components/ui/Time";
import type { CoverageVolume } from "@/lib/api/coverage-types";

/**
 * When a restore drill last proved the volume's backup restorable (the time of that backup, not of the drill), and
 * a newest drill that failed, with its reason: an earlier proof stays shown, but the failure is not hidden by it.
 * `oneLine` (a virtual row, one fixed height): the failure is a badge, its time and reason in the badge's title.
 */
export function DrillOutcome({ volume: v, oneLine = false }: { volume: CoverageVolume; oneLine?: boolean }) {
  if (!v.lastDrillAt) return <span className="text-fg-subtle">never drilled</span>;
  const failed = v.lastDrillOk === false;
  if (oneLine)
    return (
      <span className="inline-flex items-center gap-1.5">
        <Time iso={v.lastProvenRestorableAt} empty="not yet" />
        {failed && (
          <Badge tone="red" title={[`drill of ${v.lastDrillAt}`, v.lastDrillError].filter(Boolean).join(": ")}>
            drill failed
          </Badge>
        )}
      </span>
    );
  return (
    <div className="space-y-1">
      <Time iso={v.lastProvenRestorableAt} empty="not yet" />
      {failed && (
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
