// The restore drill's part of the policy form (lib/drills): its values, its part of the request body, and the
// form filled from a stored drill. Kept beside policy-form.ts, which spreads these into the whole form.
import { z } from "zod";
import type { Policy } from "@/lib/api/policy-types";
import type { policyBody } from "@/lib/policies/schemas";
import { joinArgv, splitArgv } from "./argv-text";

export const drillFields = {
  /** Off sends `drill: null`, which removes a stored drill. */
  drillOn: z.boolean(),
  drillCron: z.string(),
  /** One command on one line, quoted as a hook's (argv-text.ts); empty: no check. */
  drillCheck: z.string(),
  drillImage: z.string(),
  drillTimeout: z.string(),
  /** An engine id; empty: each volume's own engine. */
  drillEngine: z.string(),
};
type DrillFormValues = { [K in keyof typeof drillFields]: z.infer<(typeof drillFields)[K]> };

export const emptyDrillForm: DrillFormValues = {
  drillOn: false,
  drillCron: "0 5 * * 0",
  drillCheck: "",
  drillImage: "",
  drillTimeout: "",
  drillEngine: "",
};

/** A request path's part after `drill.` → the form field that shows its problem. */
export const DRILL_FIELDS: Record<string, keyof DrillFormValues> = {
  cron: "drillCron",
  check: "drillCheck",
  image: "drillImage",
  timeoutSeconds: "drillTimeout",
  engine: "drillEngine",
};

const trimmed = (s: string) => s.trim() || undefined;

/** The body's `drill`; throws (the message to show) on a check command with an unclosed quote. */
export function toDrill(v: DrillFormValues): z.input<typeof policyBody>["drill"] {
  if (!v.drillOn) return null;
  const check = splitArgv(v.drillCheck);
  return {
    cron: v.drillCron.trim(),
    check: check.length ? check : undefined,
    image: trimmed(v.drillImage),
    timeoutSeconds: v.drillTimeout.trim() === "" ? undefined : Number(v.drillTimeout),
    engine: trimmed(v.drillEngine),
  };
}

export function drillFormOf(p: Policy): DrillFormValues {
  const d = p.drill;
  if (!d) return emptyDrillForm;
  return {
    drillOn: true,
    drillCron: d.cron,
    drillCheck: d.check ? joinArgv(d.check) : "",
    drillImage: d.image ?? "",
    drillTimeout: d.timeoutSeconds !== undefined ? String(d.timeoutSeconds) : "",
    drillEngine: d.engine ?? "",
  };
}
