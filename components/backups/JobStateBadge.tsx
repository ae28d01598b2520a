import { Badge } from "@/components/ui/Badge";
import type { Job } from "@/lib/api/types";
import { stateText, stateTone } from "./job-format";

/** A job's state in a word, coloured the same wherever a job is shown (dialog, jobs panel, several backups). */
export function JobStateBadge({ job }: { job: Job }) {
  return <Badge tone={stateTone(job)}>{stateText(job)}</Badge>;
}
