import { VerifiedMark } from "@/components/backups/VerifiedMark";
import { Badge } from "@/components/ui/Badge";
import { TextLink } from "@/components/ui/TextLink";
import type { ScheduleRun } from "@/lib/api/schedule-types";
import { formatBytes, plural } from "@/lib/format";
import { backupHref } from "@/lib/routes";
import { Time } from "@/components/ui/Time";

const tone = { running: "sky", succeeded: "green", failed: "red" } as const;

/** The last run: state, when, size, verified, a link to its backup, what retention deleted, or why it failed. */
export function LastRun({ run }: { run: ScheduleRun | null }) {
  if (!run) return <span className="text-fg-subtle">Not run yet</span>;
  return (
    <div className="space-y-1">
      <div className="flex flex-wrap items-center gap-2">
        <Badge tone={tone[run.state]}>{run.state}</Badge>
        <span className="text-fg-muted">
          <Time iso={run.at} />
        </span>
        {run.trigger === "manual" && <span className="text-xs text-fg-subtle">(run now)</span>}
      </div>
      {run.state === "succeeded" && run.backupId && (
        <div className="flex flex-wrap items-center gap-2 text-fg-muted">
          <TextLink href={backupHref(run.backupId)}>{formatBytes(run.sizeBytes)}</TextLink>
          <VerifiedMark backup={{ verified: !!run.verified, verifyReason: run.verified ? null : "not verified" }} withReason={false} />
        </div>
      )}
      {run.deleted.length > 0 && (
        <p className="text-xs text-fg-muted" title={run.deleted.join("\n")}>
          Retention deleted {plural(run.deleted.length, "old backup")}: <span className="font-mono">{run.deleted.join(", ")}</span>
        </p>
      )}
      {/* A succeeded run can carry one too: its backup was made, but retention could not finish. */}
      {run.error && <p className={`max-w-sm [overflow-wrap:anywhere] ${run.state === "failed" ? "text-danger-fg" : "text-warn-fg"}`}>{run.error}</p>}
    </div>
  );
}
