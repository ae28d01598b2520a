// Request schemas for policies, shared by the server (validation) and the browser (form hints).
import { z } from "zod";
import { hooksSpec } from "@/lib/api/hook-schemas";
import { cronExpression, KEEP_DAYS_MAX, KEEP_LAST_MAX } from "@/lib/api/schedule-schemas";
import { globProblem } from "./glob";

const engineId = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, "Not an engine id.");
const labels = z.record(z.string().min(1).max(255), z.string().max(1000));
const argv = z.array(z.string().max(4000)).min(1, "A command needs at least its program.").max(100);
const count = (max: number) => z.number().int().min(1).max(max).optional();

export const selectorSchema = z.strictObject({
  engines: z.union([z.tuple([z.literal("*")]), z.array(engineId).min(1, 'Name at least one engine, or "*".').max(100)]),
  labels: labels.optional(),
  composeProject: z.string().min(1).max(255).optional(),
  namePattern: z
    .string()
    .min(1)
    .max(255)
    .superRefine((value, ctx) => {
      const problem = globProblem(value);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    })
    .optional(),
  exclude: z.strictObject({ labels: labels.optional(), names: z.array(z.string().min(1).max(255)).max(1000).optional() }).optional(),
});

export const targetSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("tar"), compression: z.enum(["gzip", "none"]).default("gzip") }),
  z.strictObject({ kind: z.literal("repository"), repository: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, "Not a repository id.") }),
]);

/** Tar targets read keepLast/keepDays (as schedules do); repository targets read restic's keep rules. */
export const retentionSchema = z.strictObject({
  keepLast: count(KEEP_LAST_MAX),
  keepDays: count(KEEP_DAYS_MAX),
  last: count(KEEP_LAST_MAX),
  hourly: count(KEEP_LAST_MAX),
  daily: count(KEEP_LAST_MAX),
  weekly: count(KEEP_LAST_MAX),
  monthly: count(KEEP_LAST_MAX),
  yearly: count(KEEP_LAST_MAX),
});

export const policyBody = z
  .strictObject({
    name: z.string().trim().min(1, "Give the policy a name.").max(100),
    selector: selectorSchema,
    target: targetSchema,
    cron: cronExpression,
    retention: retentionSchema.optional(),
    consistency: z.enum(["none", "stop", "hooks"]).default("none"),
    // The same hooks as a backup request's (lib/api/hook-schemas.ts): lists of argv arrays.
    hooks: hooksSpec.optional(),
    // A restore drill (lib/drills): `check` runs in a throwaway container of `image` (default: the image of a
    // container using the volume) with the restored copy read-only at /drill. `engine`: where the scratch volume
    // is made (absent: each volume's own engine); the backup is streamed there by the console, as any restore.
    drill: z
      .strictObject({
        cron: cronExpression,
        engine: engineId.optional(),
        check: argv.optional(),
        image: z.string().trim().min(1).max(255).optional(),
        timeoutSeconds: z.number().int().min(1).max(3600).optional(),
      })
      // null (a PUT's, or the form's "no drill") removes the drill; the stored definition then has none.
      .nullish()
      .transform((d) => d ?? undefined),
    enabled: z.boolean().default(true),
  })
  .superRefine((p, ctx) => {
    const r = p.retention ?? {};
    const tarRules = r.keepLast !== undefined || r.keepDays !== undefined;
    const resticRules = ["last", "hourly", "daily", "weekly", "monthly", "yearly"].some((k) => r[k as keyof typeof r] !== undefined);
    if (p.target.kind === "tar" && resticRules) {
      ctx.addIssue({ code: "custom", path: ["retention"], message: "A tar target keeps backups by keepLast/keepDays." });
    }
    if (p.target.kind === "repository" && tarRules) {
      ctx.addIssue({ code: "custom", path: ["retention"], message: "A repository target keeps snapshots by last/hourly/daily/weekly/monthly/yearly." });
    }
    if (p.consistency === "hooks" && !p.hooks?.pre?.length && !p.hooks?.post?.length) {
      ctx.addIssue({ code: "custom", path: ["hooks"], message: 'Consistency "hooks" needs a pre or a post command.' });
    }
  });

export const POLICY_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;
