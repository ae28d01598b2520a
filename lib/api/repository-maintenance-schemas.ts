// Request schemas of repository maintenance (check, forget, copy) and of a schedule's repository target.
// Shared by the server (validation) and the browser (form hints). docs/API-EXTENSIONS.md "Repository maintenance".
import { z } from "zod";
import { repositoryId } from "./repository-schemas";
import { volumeName } from "./schemas";

export const KEEP_RULES = ["last", "hourly", "daily", "weekly", "monthly", "yearly"] as const;
export type KeepRule = (typeof KEEP_RULES)[number];

const count = z.number().int("A keep rule is a whole number.").min(0, "A keep rule cannot be negative.").max(1_000_000);

/** restic's keep rules; at least one. A rule of 0 keeps nothing by that rule (the newest of each volume still stays). */
export const keepRules = z
  .strictObject(Object.fromEntries(KEEP_RULES.map((k) => [k, count.optional()])) as Record<KeepRule, z.ZodOptional<typeof count>>)
  .refine((k) => KEEP_RULES.some((r) => k[r] !== undefined), "Give at least one keep rule (last, hourly, daily, weekly, monthly or yearly).");
export type KeepRules = Partial<Record<KeepRule, number>>;

const engineId = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, "Not an engine id.");

export const forgetBody = z.strictObject({
  keep: keepRules,
  engine: engineId.optional(),
  volume: volumeName.optional(),
  prune: z.boolean().default(true),
  dryRun: z.boolean().default(false),
});
export type ForgetBody = z.infer<typeof forgetBody>;

/**
 * restic's --read-data-subset, strictly: "N%" (0 < N ≤ 100, up to two decimals) or "n/t" (1 ≤ n ≤ t ≤ 10000).
 * Anything else would reach restic's command line, so nothing else passes.
 */
export const readDataSubset = z
  .string()
  .max(16)
  .refine((s) => {
    const pct = /^(\d{1,3})(?:\.(\d{1,2}))?%$/.exec(s);
    if (pct) {
      const v = Number(`${pct[1]}.${pct[2] ?? "0"}`);
      return v > 0 && v <= 100;
    }
    const part = /^([1-9]\d{0,3})\/([1-9]\d{0,3})$/.exec(s);
    return Boolean(part && Number(part[1]) <= Number(part[2]));
  }, 'readDataSubset is a percentage ("5%", more than 0 and at most 100) or a part "n/t" (1 ≤ n ≤ t, e.g. "1/10").');

export const checkBody = z.strictObject({ readDataSubset: readDataSubset.optional() });

export const copyBody = z.strictObject({ to: repositoryId, engine: engineId.optional(), volume: volumeName.optional() });
export type CopyBody = z.infer<typeof copyBody>;

/** Where a schedule's runs go: a tar backup (the default) or a snapshot into a repository, with its keep rules. */
export const scheduleTarget = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("tar") }),
  z.strictObject({ kind: z.literal("repository"), repository: repositoryId, keep: keepRules.optional() }),
]);
export type ScheduleTarget = z.infer<typeof scheduleTarget>;
