import "server-only";
import { randomBytes } from "node:crypto";
import { ApiError } from "@/lib/api/error";
import { db } from "@/lib/store/db";
import type { Channel, ChannelBody } from "@/lib/api/notify-schemas";
import { hasSecret, readSecret, removeSecret, writeSecret } from "./secrets";

// Notification channels in the database (settings without secrets) plus each one's secret file (secrets.ts).

type Row = { id: string; kind: Channel["kind"]; name: string | null; config: string; events: string | null; created_at: string; updated_at: string };

/** A channel with its secret, for sending only: never answered to a client. */
export type SendableChannel = Channel & { secret: string | null };

/** The body's secret: the field differs per kind. undefined keeps, null removes, a string replaces. */
function secretOf(body: ChannelBody): string | null | undefined {
  if (body.kind === "webhook") return body.secret;
  if (body.kind === "push") return body.token;
  return body.smtp.password;
}

/** The body's settings without the secret, as stored in `config`. */
function configOf(body: ChannelBody): Record<string, unknown> {
  if (body.kind === "webhook") return { url: body.url };
  if (body.kind === "push") return { url: body.url, format: body.format, title: body.title, priority: body.priority };
  const { password: _password, ...smtp } = body.smtp;
  return { smtp };
}

function toChannel(row: Row): Channel {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    ...(JSON.parse(row.config) as object),
    ...(row.events !== null ? { events: JSON.parse(row.events) as string[] } : {}),
    hasSecret: hasSecret(row.id),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

const rows = () => db().prepare("SELECT * FROM notification_channels ORDER BY created_at, id").all() as Row[];

export const listChannels = (): Channel[] => rows().map(toChannel);

export function getChannel(id: string): Channel {
  const row = db().prepare("SELECT * FROM notification_channels WHERE id = ?").get(id) as Row | undefined;
  if (!row) throw new ApiError("not_found", `There is no notification channel "${id}".`, { channel: id });
  return toChannel(row);
}

export const sendableChannel = (id: string): SendableChannel => ({ ...getChannel(id), secret: readSecret(id) });

/** Every channel that wants `event` (no `events` list: all of them), with secrets, for a delivery. */
export const channelsFor = (event: string): SendableChannel[] =>
  listChannels()
    .filter((c) => !c.events || c.events.includes(event))
    .map((c) => ({ ...c, secret: readSecret(c.id) }));

function applySecret(id: string, secret: string | null | undefined, keep: boolean): void {
  if (typeof secret === "string") writeSecret(id, secret);
  else if (secret === null || !keep) removeSecret(id);
}

export function addChannel(body: ChannelBody): Channel {
  const id = randomBytes(8).toString("hex");
  const now = new Date().toISOString();
  // The secret first: a crash between the two leaves an orphan file, never a channel missing its secret.
  applySecret(id, secretOf(body), false);
  db()
    .prepare("INSERT INTO notification_channels (id, kind, name, config, events, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
    .run(id, body.kind, body.name ?? null, JSON.stringify(configOf(body)), body.events ? JSON.stringify(body.events) : null, now, now);
  return getChannel(id);
}

export function updateChannel(id: string, body: ChannelBody): Channel {
  const before = getChannel(id);
  db()
    .prepare("UPDATE notification_channels SET kind = ?, name = ?, config = ?, events = ?, updated_at = ? WHERE id = ?")
    .run(body.kind, body.name ?? null, JSON.stringify(configOf(body)), body.events ? JSON.stringify(body.events) : null, new Date().toISOString(), id);
  // A secret left out is kept, unless the kind changed (a webhook secret is no SMTP password).
  applySecret(id, secretOf(body), before.kind === body.kind);
  return getChannel(id);
}

export function removeChannel(id: string): void {
  getChannel(id);
  db().prepare("DELETE FROM notification_channels WHERE id = ?").run(id);
  removeSecret(id);
}
