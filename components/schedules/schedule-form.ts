// Pure: the schedule dialog's form — its values (text as typed), the schema the browser checks them with (the
// server's cron rule, the tar retention ranges, restic's keep rules), and the request body they become. Only
// the chosen target's settings are sent. The server checks the body again (createScheduleBody). Unit-tested.
import { z } from "zod";
import { KEEP_RULES, type KeepRule, type KeepRules } from "@/lib/api/repository-maintenance-schemas";
import { KEEP_DAYS_MAX, KEEP_LAST_MAX, scheduleCronProblem, type CreateScheduleBody } from "@/lib/api/schedule-schemas";
import type { Schedule } from "@/lib/api/schedule-types";

const KEEP_RULE_MAX = 1_000_000;

/** The message of a field's error in react-hook-form's errors, by dotted path ("keep.daily"). */
export function errorOf(errors: object, path: string): string | undefined {
  let at: unknown = errors;
  for (const part of path.split(".")) at = at && typeof at === "object" ? (at as Record<string, unknown>)[part] : undefined;
  return at && typeof at === "object" && "message" in at ? String(at.message) : undefined;
}

export const scheduleFormSchema = z
  .object({
    engine: z.string().min(1),
    volume: z.string().min(1, "Choose a volume."),
    cron: z.string(),
    compression: z.enum(["gzip", "none"]),
    stopContainers: z.boolean(),
    enabled: z.boolean(),
    targetKind: z.enum(["tar", "repository"]),
    keepLast: z.string(),
    keepDays: z.string(),
    repository: z.string(),
    keep: z.object(Object.fromEntries(KEEP_RULES.map((r) => [r, z.string()])) as Record<KeepRule, z.ZodString>),
  })
  .superRefine((v, ctx) => {
    const cronProblem = v.cron.trim() ? scheduleCronProblem(v.cron) : "Enter a cron expression, or pick a preset.";
    if (cronProblem) ctx.addIssue({ code: "custom", path: ["cron"], message: cronProblem });
    const whole = (text: string, min: number, max: number) => text.trim() === "" || (/^\d+$/.test(text.trim()) && +text >= min && +text <= max);
    if (v.targetKind === "tar") {
      if (!whole(v.keepLast, 1, KEEP_LAST_MAX))
        ctx.addIssue({ code: "custom", path: ["keepLast"], message: `Keep last is a whole number from 1 to ${KEEP_LAST_MAX}, or empty.` });
      if (!whole(v.keepDays, 1, KEEP_DAYS_MAX))
        ctx.addIssue({ code: "custom", path: ["keepDays"], message: `Keep days is a whole number from 1 to ${KEEP_DAYS_MAX}, or empty.` });
      return;
    }
    if (!v.repository) ctx.addIssue({ code: "custom", path: ["repository"], message: "Choose a repository." });
    for (const rule of KEEP_RULES) {
      if (!whole(v.keep[rule], 0, KEEP_RULE_MAX))
        ctx.addIssue({ code: "custom", path: ["keep", rule], message: `A keep rule is a whole number from 0 to ${KEEP_RULE_MAX}, or empty.` });
    }
  });

export type ScheduleFormValues = z.input<typeof scheduleFormSchema>;

const emptyKeep = () => Object.fromEntries(KEEP_RULES.map((r) => [r, ""])) as Record<KeepRule, string>;

export function scheduleFormOf(editing: Schedule | undefined, draft: { engine: string; volume: string } | undefined): ScheduleFormValues {
  const target = editing?.target;
  const keep = emptyKeep();
  if (target?.kind === "repository") for (const r of KEEP_RULES) keep[r] = target.keep?.[r] === undefined ? "" : String(target.keep[r]);
  return {
    engine: editing?.engine ?? draft?.engine ?? "local",
    volume: editing?.volume ?? draft?.volume ?? "",
    cron: editing?.cron ?? "0 2 * * *",
    compression: editing?.compression ?? "gzip",
    stopContainers: editing?.stopContainers ?? false,
    enabled: editing?.enabled ?? true,
    targetKind: target?.kind ?? "tar",
    keepLast: String(editing?.keepLast ?? (editing ? "" : 7)),
    keepDays: String(editing?.keepDays ?? ""),
    repository: target?.kind === "repository" ? target.repository : "",
    keep,
  };
}

const numberOrNull = (text: string) => (text.trim() === "" ? null : Number(text));

/** The keep rules given (empty ones left out); undefined when none is: the repository keeps every snapshot. */
export function keepRulesOf(keep: Record<KeepRule, string>): KeepRules | undefined {
  const given = KEEP_RULES.filter((r) => keep[r].trim() !== "").map((r) => [r, Number(keep[r])] as const);
  return given.length ? Object.fromEntries(given) : undefined;
}

/** The body of POST /api/schedules (PUT takes the same fields). A repository target's tar retention is cleared. */
export function toScheduleBody(v: ScheduleFormValues): CreateScheduleBody & { keepLast: number | null; keepDays: number | null } {
  const tar = v.targetKind === "tar";
  const keep = keepRulesOf(v.keep);
  return {
    engine: v.engine,
    volume: v.volume,
    cron: v.cron.trim(),
    compression: v.compression,
    stopContainers: v.stopContainers,
    enabled: v.enabled,
    keepLast: tar ? numberOrNull(v.keepLast) : null,
    keepDays: tar ? numberOrNull(v.keepDays) : null,
    target: tar ? { kind: "tar" } : { kind: "repository", repository: v.repository, ...(keep ? { keep } : {}) },
  };
}
