// Request schemas for schedules, shared by the server (validation) and the browser (form hints).
import { z } from "zod";
import { parseCron } from "@/lib/schedule/cron";
import { nextRun } from "@/lib/schedule/next-runs";
import { scheduleTarget } from "./repository-maintenance-schemas";
import { volumeName } from "./schemas";

/** The problem with a cron expression in plain words, or null: invalid, or one that never runs (31 February). */
export function scheduleCronProblem(expression: string): string | null {
  try {
    const cron = parseCron(expression);
    if (nextRun(cron, Date.now(), "UTC") === null) return `"${cron.source}" never runs (no such date).`;
    return null;
  } catch (e) {
    return (e as Error).message;
  }
}

export const cronExpression = z
  .string()
  .max(200, "A cron expression has at most 200 characters.")
  .superRefine((value, ctx) => {
    const problem = scheduleCronProblem(value);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

export const KEEP_LAST_MAX = 10_000;
export const KEEP_DAYS_MAX = 36_500;

const fields = {
  engine: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, "Not an engine id."),
  volume: volumeName,
  cron: cronExpression,
  compression: z.enum(["gzip", "none"]),
  stopContainers: z.boolean(),
  /** Keep the newest N verified backups (null: no count rule). */
  keepLast: z.number().int().min(1, "Keep at least 1 backup.").max(KEEP_LAST_MAX).nullable(),
  /** Keep every backup younger than D days (null: no age rule). */
  keepDays: z.number().int().min(1, "Keep backups for at least 1 day.").max(KEEP_DAYS_MAX).nullable(),
  enabled: z.boolean(),
  /** A tar backup (absent) or a snapshot into a repository, with keep rules applied after each snapshot. */
  target: scheduleTarget,
};

export const createScheduleBody = z.strictObject({
  engine: fields.engine,
  volume: fields.volume,
  cron: fields.cron,
  compression: fields.compression.default("gzip"),
  stopContainers: fields.stopContainers.default(false),
  keepLast: fields.keepLast.default(null),
  keepDays: fields.keepDays.default(null),
  enabled: fields.enabled.default(true),
  target: fields.target.optional(),
});
export type CreateScheduleBody = z.input<typeof createScheduleBody>;

/** PUT: the fields to change (any subset). */
export const updateScheduleBody = z.strictObject(fields).partial();
export type UpdateScheduleBody = z.input<typeof updateScheduleBody>;

export const SCHEDULE_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;

export const previewQuery = z.strictObject({ cron: cronExpression });
