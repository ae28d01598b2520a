// The channel form's values and their request body. The form is checked by the very schema the server parses
// requests with (lib/notify/schemas.ts): each issue of that schema lands on the form field it is about.
import { z } from "zod";
import { NOTIFY_EVENTS } from "@/lib/api/notify-events";
import { channelBody, type Channel, type ChannelBody } from "@/lib/api/notify-schemas";

const fields = z.object({
  kind: z.enum(["webhook", "push", "smtp"]),
  name: z.string(),
  url: z.string(),
  /** The kind's secret (webhook HMAC secret, push token, SMTP password); empty keeps the stored one. */
  secret: z.string(),
  clearSecret: z.boolean(),
  format: z.enum(["ntfy", "gotify"]),
  title: z.string(),
  priority: z.string(),
  host: z.string(),
  port: z.string(),
  security: z.enum(["tls", "starttls", "none"]),
  user: z.string(),
  from: z.string(),
  /** Recipients, separated by commas, spaces or lines. */
  to: z.string(),
  allEvents: z.boolean(),
  events: z.array(z.enum(NOTIFY_EVENTS)),
});
export type ChannelFormValues = z.infer<typeof fields>;
type FormField = keyof ChannelFormValues;

export const emptyChannelForm: ChannelFormValues = {
  kind: "webhook",
  name: "",
  url: "",
  secret: "",
  clearSecret: false,
  format: "ntfy",
  title: "",
  priority: "",
  host: "",
  port: "587",
  security: "starttls",
  user: "",
  from: "",
  to: "",
  allEvents: true,
  events: [],
};

const trimmed = (s: string) => s.trim() || undefined;

export function toChannelBody(v: ChannelFormValues): ChannelBody {
  const secret = v.clearSecret ? null : v.secret ? v.secret : undefined;
  const common = { name: trimmed(v.name), ...(v.allEvents ? {} : { events: v.events }) };
  if (v.kind === "webhook") return { kind: "webhook", ...common, url: v.url.trim(), secret };
  if (v.kind === "push") {
    const priority = v.priority.trim() ? Number(v.priority) : undefined;
    return { kind: "push", ...common, url: v.url.trim(), format: v.format, token: secret, title: trimmed(v.title), priority };
  }
  const to = v.to.split(/[\s,;]+/).filter(Boolean);
  const smtp = { host: v.host.trim(), port: Number(v.port), security: v.security, user: trimmed(v.user), password: secret, from: v.from.trim(), to };
  return { kind: "smtp", ...common, smtp };
}

/** A request path (`smtp.to.1`, `events.0`, `token`) → the form field that shows its problem. */
export function fieldOf(path: string): FormField | undefined {
  const [head, sub] = path.split(".");
  if (head === "token" || head === "secret" || (head === "smtp" && sub === "password")) return "secret";
  if (head === "smtp") return (["host", "port", "security", "user", "from", "to"] as const).find((f) => f === sub);
  if (head === "events") return "events";
  return (["name", "url", "format", "title", "priority"] as const).find((f) => f === head);
}

export const channelFormSchema = fields.superRefine((v, ctx) => {
  if (!v.allEvents && v.events.length === 0) ctx.addIssue({ code: "custom", path: ["events"], message: "Pick at least one event, or all of them." });
  const parsed = channelBody.safeParse(toChannelBody(v));
  if (parsed.success) return;
  for (const issue of parsed.error.issues) ctx.addIssue({ code: "custom", path: [fieldOf(issue.path.join(".")) ?? "kind"], message: issue.message });
});

/** The form filled from a stored channel (its secret is never known here: empty keeps it). */
export function formOf(c: Channel): ChannelFormValues {
  return {
    ...emptyChannelForm,
    kind: c.kind,
    name: c.name ?? "",
    url: c.url ?? "",
    format: c.format ?? "ntfy",
    title: c.title ?? "",
    priority: c.priority !== undefined ? String(c.priority) : "",
    ...(c.smtp
      ? { host: c.smtp.host, port: String(c.smtp.port), security: c.smtp.security, user: c.smtp.user ?? "", from: c.smtp.from, to: c.smtp.to.join(", ") }
      : {}),
    allEvents: !c.events,
    events: (c.events ?? []).filter((e): e is (typeof NOTIFY_EVENTS)[number] => (NOTIFY_EVENTS as readonly string[]).includes(e)),
  };
}

/** Where a channel sends, in a few words, never a secret. */
export function targetOf(c: Channel): string {
  if (c.smtp) return `${c.smtp.to.join(", ")} via ${c.smtp.host}:${c.smtp.port}`;
  return c.url ?? "";
}
