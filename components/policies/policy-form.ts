// The policy form's values and their request body. The form is checked by the very schema the server parses
// requests with (lib/policies/schemas.ts): each issue of that schema lands on the form field it is about, and so
// does each issue of the server's 400 answer (fieldOf).
import { z } from "zod";
import type { Policy } from "@/lib/api/policy-types";
import { KEEP_RULES } from "@/lib/api/repository-maintenance-schemas";
import { policyBody } from "@/lib/policies/schemas";
import { commandsOf, joinArgv, labelsOf, labelsText, namesOf } from "./argv-text";
import { DRILL_FIELDS, drillFields, drillFormOf, emptyDrillForm, toDrill } from "./drill-form";

const TAR_RULES = ["keepLast", "keepDays"] as const;
/** restic's keep rules, the repository target offers them all. */
export const REPO_RULES = KEEP_RULES;

const fields = z.object({
  name: z.string(),
  allEngines: z.boolean(),
  engines: z.array(z.string()),
  labels: z.string(),
  composeProject: z.string(),
  namePattern: z.string(),
  excludeLabels: z.string(),
  excludeNames: z.string(),
  targetKind: z.enum(["tar", "repository"]),
  compression: z.enum(["gzip", "none"]),
  repository: z.string(),
  cron: z.string(),
  /** Retention rules as typed (empty: no such rule); which ones count depends on the target. */
  keep: z.record(z.string(), z.string()),
  consistency: z.enum(["none", "stop", "hooks"]),
  hookContainer: z.string(),
  /** One command per line (argv-text.ts). */
  pre: z.string(),
  post: z.string(),
  timeoutSeconds: z.string(),
  ...drillFields,
  enabled: z.boolean(),
});
export type PolicyFormValues = z.infer<typeof fields>;
type FormField = keyof PolicyFormValues | `keep.${string}`;

export const emptyPolicyForm: PolicyFormValues = {
  name: "",
  allEngines: true,
  engines: [],
  labels: "",
  composeProject: "",
  namePattern: "",
  excludeLabels: "",
  excludeNames: "",
  targetKind: "tar",
  compression: "gzip",
  repository: "",
  cron: "0 2 * * *",
  keep: { keepLast: "7" },
  consistency: "none",
  hookContainer: "",
  pre: "",
  post: "",
  timeoutSeconds: "",
  ...emptyDrillForm,
  enabled: true,
};

const trimmed = (s: string) => s.trim() || undefined;
const number = (s: string) => (s.trim() === "" ? undefined : Number(s));
const nonEmpty = <T extends object>(o: T) => (Object.keys(o).length ? o : undefined);

/** The selector part of the body; throws (with the message to show) on text that cannot be read. */
export function toSelector(v: PolicyFormValues): z.input<typeof policyBody>["selector"] {
  const exclude = { labels: nonEmpty(labelsOf(v.excludeLabels)), names: nonEmpty(namesOf(v.excludeNames)) };
  return {
    engines: v.allEngines ? ["*"] : v.engines,
    labels: nonEmpty(labelsOf(v.labels)),
    composeProject: trimmed(v.composeProject),
    namePattern: trimmed(v.namePattern),
    exclude: exclude.labels || exclude.names ? exclude : undefined,
  };
}

/** The request body (POST, or PUT: every field given, so what the form cleared is cleared on the server too). */
export function toPolicyBody(v: PolicyFormValues): z.input<typeof policyBody> {
  const rules = v.targetKind === "tar" ? TAR_RULES : REPO_RULES;
  const retention = Object.fromEntries(rules.filter((r) => (v.keep[r] ?? "").trim() !== "").map((r) => [r, Number(v.keep[r])]));
  const hooks =
    v.consistency === "hooks"
      ? {
          container: trimmed(v.hookContainer),
          pre: nonEmpty(commandsOf(v.pre)),
          post: nonEmpty(commandsOf(v.post)),
          timeoutSeconds: number(v.timeoutSeconds),
        }
      : undefined;
  return {
    name: v.name,
    selector: toSelector(v),
    target: v.targetKind === "tar" ? { kind: "tar", compression: v.compression } : { kind: "repository", repository: v.repository },
    cron: v.cron.trim(),
    retention,
    consistency: v.consistency,
    ...(hooks ? { hooks } : {}),
    drill: toDrill(v),
    enabled: v.enabled,
  };
}

const SELECTOR_FIELDS: Record<string, FormField> = { engines: "engines", labels: "labels", composeProject: "composeProject", namePattern: "namePattern" };
const HOOK_FIELDS: Record<string, FormField> = { container: "hookContainer", pre: "pre", post: "post", timeoutSeconds: "timeoutSeconds" };

/** A request path (`selector.exclude.names.2`, `hooks.pre.0`, `retention.daily`) → the form field that shows it. */
export function fieldOf(path: string, targetKind: PolicyFormValues["targetKind"] = "tar"): FormField | undefined {
  const [head, sub, third] = path.split(".");
  if (head === "selector") {
    if (sub === "exclude") return third === "labels" ? "excludeLabels" : "excludeNames";
    return SELECTOR_FIELDS[sub ?? ""] ?? "engines";
  }
  if (head === "target") return sub === "repository" ? "repository" : "targetKind";
  if (head === "retention") return `keep.${sub ?? (targetKind === "tar" ? "keepLast" : "last")}`;
  if (head === "hooks") return HOOK_FIELDS[sub ?? ""] ?? "pre";
  if (head === "drill") return DRILL_FIELDS[sub ?? ""] ?? "drillCron";
  return (["name", "cron", "consistency", "enabled"] as const).find((f) => f === head);
}

export const policyFormSchema = fields.superRefine((v, ctx) => {
  if (!v.allEngines && v.engines.length === 0) ctx.addIssue({ code: "custom", path: ["engines"], message: "Pick at least one engine, or every engine." });
  if (v.targetKind === "repository" && !v.repository) ctx.addIssue({ code: "custom", path: ["repository"], message: "Pick a repository." });
  let body;
  try {
    body = toPolicyBody(v);
  } catch (e) {
    // Text the helpers could not read (an unclosed quote, a label without "="): shown on the field it came from.
    const message = (e as Error).message;
    const field = ["labels", "excludeLabels", "pre", "post", "drillCheck"].find((f) => {
      try {
        if (f === "labels" || f === "excludeLabels") labelsOf(v[f]);
        else commandsOf(v[f as "pre" | "post" | "drillCheck"]);
        return false;
      } catch {
        return true;
      }
    });
    ctx.addIssue({ code: "custom", path: [field ?? "name"], message });
    return;
  }
  const parsed = policyBody.safeParse(body);
  if (parsed.success) return;
  for (const issue of parsed.error.issues) {
    const field = fieldOf(issue.path.join("."), v.targetKind) ?? "name";
    ctx.addIssue({ code: "custom", path: field.split("."), message: issue.message });
  }
});

/** The form filled from a stored policy. */
export function formOf(p: Policy): PolicyFormValues {
  const engines = p.selector.engines as string[];
  const keep = Object.fromEntries(Object.entries(p.retention ?? {}).map(([k, n]) => [k, n === undefined ? "" : String(n)]));
  return {
    ...emptyPolicyForm,
    name: p.name,
    allEngines: engines.includes("*"),
    engines: engines.filter((e) => e !== "*"),
    labels: labelsText(p.selector.labels),
    composeProject: p.selector.composeProject ?? "",
    namePattern: p.selector.namePattern ?? "",
    excludeLabels: labelsText(p.selector.exclude?.labels),
    excludeNames: (p.selector.exclude?.names ?? []).join("\n"),
    targetKind: p.target.kind,
    compression: p.target.kind === "tar" ? p.target.compression : "gzip",
    repository: p.target.kind === "repository" ? p.target.repository : "",
    cron: p.cron,
    keep,
    consistency: p.consistency,
    hookContainer: p.hooks?.container ?? "",
    pre: (p.hooks?.pre ?? []).map(joinArgv).join("\n"),
    post: (p.hooks?.post ?? []).map(joinArgv).join("\n"),
    timeoutSeconds: p.hooks?.timeoutSeconds !== undefined ? String(p.hooks.timeoutSeconds) : "",
    ...drillFormOf(p),
    enabled: p.enabled,
  };
}
