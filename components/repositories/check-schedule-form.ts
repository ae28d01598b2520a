// Pure: the "Scheduled check" form of a repository — its values, the schema the browser checks them with (the
// server's own cron and read-data-subset rules), and the PUT body they become. Unit-tested.
import { z } from "zod";
import type { UpdateRepositoryBody } from "@/lib/api/repository-check-schemas";
import { readDataSubset } from "@/lib/api/repository-maintenance-schemas";
import type { Repository } from "@/lib/api/repository-types";
import { scheduleCronProblem } from "@/lib/api/schedule-schemas";

export const checkScheduleFormSchema = z.object({ enabled: z.boolean(), cron: z.string().trim(), readDataSubset: z.string().trim() }).superRefine((v, ctx) => {
  if (!v.enabled) return; // nothing else is sent: the schedule is removed
  const cronProblem = v.cron ? scheduleCronProblem(v.cron) : "Give a cron expression, like 0 4 * * 0 (Sundays at 04:00).";
  if (cronProblem) ctx.addIssue({ code: "custom", path: ["cron"], message: cronProblem });
  const subset = v.readDataSubset && readDataSubset.safeParse(v.readDataSubset);
  if (subset && !subset.success) ctx.addIssue({ code: "custom", path: ["readDataSubset"], message: subset.error.issues[0].message });
});

export type CheckScheduleFormValues = z.input<typeof checkScheduleFormSchema>;

export function checkScheduleFormOf(repo: Pick<Repository, "checkSchedule">): CheckScheduleFormValues {
  const s = repo.checkSchedule;
  return { enabled: !!s, cron: s?.cron ?? "0 4 * * 0", readDataSubset: s?.readDataSubset ?? "" };
}

export function toUpdateRepositoryBody(v: CheckScheduleFormValues): UpdateRepositoryBody {
  if (!v.enabled) return { checkSchedule: null };
  const subset = v.readDataSubset.trim();
  return { checkSchedule: { cron: v.cron.trim(), ...(subset ? { readDataSubset: subset } : {}) } };
}
