// Request schemas and answer types of the notification routes (client-safe: the admin form validates with them).
import { z } from "zod";
import { NOTIFY_EVENTS } from "./notify-events";

const httpUrl = z
  .string()
  .max(2048)
  .refine((s) => {
    try {
      const u = new URL(s);
      return (u.protocol === "http:" || u.protocol === "https:") && !u.username && !u.password;
    } catch {
      return false;
    }
  }, "An http:// or https:// URL, without a user name or password in it.");

// A secret: absent on an update keeps the stored one, null removes it, a string replaces it.
const secret = z.string().min(1, "Leave it out instead of empty.").max(4096).nullable().optional();

const events = z
  .array(z.enum(NOTIFY_EVENTS, { error: `One of ${NOTIFY_EVENTS.join(", ")}.` }))
  .max(NOTIFY_EVENTS.length)
  .optional();

const name = z.string().trim().min(1).max(200).optional();

const webhook = z.strictObject({ kind: z.literal("webhook"), name, url: httpUrl, secret, events });

const push = z.strictObject({
  kind: z.literal("push"),
  name,
  url: httpUrl,
  /** ntfy: the message as the plain body, Title/Priority headers; gotify: JSON {title, message, priority}. */
  format: z.enum(["ntfy", "gotify"]).default("ntfy"),
  token: secret,
  title: z.string().max(200).optional(),
  priority: z.number().int().min(1).max(10).optional(),
  events,
});

const email = z.email("An e-mail address (name@example.org).").max(320);

const smtp = z.strictObject({
  kind: z.literal("smtp"),
  name,
  smtp: z.strictObject({
    host: z.string().min(1).max(253),
    port: z.number().int().min(1).max(65535),
    /** tls: TLS from the first byte (port 465); starttls: upgrade required; none: plain (a local relay). */
    security: z.enum(["tls", "starttls", "none"]),
    user: z.string().min(1).max(320).optional(),
    password: secret,
    from: email,
    to: z.array(email).min(1, "At least one recipient.").max(50),
  }),
  events,
});

export const channelBody = z.discriminatedUnion("kind", [webhook, push, smtp]);
export type ChannelBody = z.infer<typeof channelBody>;
export type ChannelKind = ChannelBody["kind"];

export const channelId = z.string().regex(/^[a-z0-9]{8,32}$/, "A channel id is 8 to 32 lower-case letters and digits.");

export const deliveriesQuery = z.strictObject({ channel: channelId.optional() });

/** A channel as answered: its settings without any secret (`hasSecret` says whether one is kept). */
export type Channel = {
  id: string;
  kind: ChannelKind;
  name: string | null;
  url?: string;
  format?: "ntfy" | "gotify";
  title?: string;
  priority?: number;
  smtp?: { host: string; port: number; security: "tls" | "starttls" | "none"; user?: string; from: string; to: string[] };
  events?: string[];
  hasSecret: boolean;
  createdAt: string;
  updatedAt: string;
};

export type Delivery = {
  id: number;
  channel: string;
  event: string;
  at: string;
  ok: boolean;
  status: number | null;
  error: string | null;
  attempt: number;
};
