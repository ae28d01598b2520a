"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { FlaskConical } from "lucide-react";
import { useId, useState } from "react";
import { useCan } from "@/components/auth/SessionProvider";
import { JobInDialog } from "@/components/backups/JobInDialog";
import { ErrorAlert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { Dialog } from "@/components/ui/Dialog";
import type { Policy } from "@/lib/api/policy-types";
import type { Job } from "@/lib/api/types";
import { afterDrill, drillMutation } from "./coverage-queries";

const DRILL_EXPLAINED =
  "Restores each volume's newest backup into a temporary volume, checks that every file came back as it was backed up" +
  " (and runs the policy's check command, if any), then removes the temporary volume. Your volumes are not touched.";

/** "Drill now" for operators: no confirmation (it changes no user data); the drill's job then runs in a dialog. */
export function DrillButton({ policy }: { policy: Pick<Policy, "id" | "name"> }) {
  const canRun = useCan("operator");
  const qc = useQueryClient();
  const start = useMutation(drillMutation(qc));
  const [job, setJob] = useState<Job | null>(null);
  const hint = useId();
  if (!canRun) return null;
  return (
    <>
      <Button
        size="sm"
        variant="ghost"
        icon={FlaskConical}
        aria-describedby={hint}
        title={DRILL_EXPLAINED}
        disabled={start.isPending}
        onClick={() => start.mutate(policy.id, { onSuccess: setJob })}
      >
        {start.isPending ? "Starting…" : "Drill now"}
      </Button>
      <span id={hint} className="sr-only">
        {DRILL_EXPLAINED}
      </span>
      {start.error && <ErrorAlert error={start.error} title="The drill did not start." />}
      <Dialog open={!!job} title={`Restore drill of ${policy.name}`} onClose={() => setJob(null)}>
        {job && (
          <div className="space-y-3">
            <p className="text-sm text-fg-muted">{DRILL_EXPLAINED}</p>
            <JobInDialog initial={job} onClose={() => setJob(null)} onFinished={() => void afterDrill(qc)} />
          </div>
        )}
      </Dialog>
    </>
  );
}
