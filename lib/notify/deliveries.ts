import "server-only";
import { db } from "@/lib/store/db";
import type { Delivery } from "@/lib/api/notify-schemas";

// Every attempt to deliver a notification, kept (the newest KEEP) so that an admin can see what was sent
// where, and why something was not.
const KEEP = 2_000;
export const LIST_LIMIT = 200;

type Row = { id: number; channel: string; event: string; at: string; ok: number; status: number | null; error: string | null; attempt: number };

export type AttemptRecord = Omit<Delivery, "id">;

export function recordDelivery(d: AttemptRecord): Delivery {
  const conn = db();
  const { lastInsertRowid } = conn
    .prepare("INSERT INTO notification_deliveries (channel, event, at, ok, status, error, attempt) VALUES (?, ?, ?, ?, ?, ?, ?)")
    .run(d.channel, d.event, d.at, d.ok ? 1 : 0, d.status, d.error, d.attempt);
  const id = Number(lastInsertRowid);
  if (id % 100 === 0) conn.prepare("DELETE FROM notification_deliveries WHERE id <= ?").run(id - KEEP);
  return { id, ...d };
}

/** The newest LIST_LIMIT attempts, newest first; of one channel when `channel` is given. */
export function listDeliveries(channel?: string): Delivery[] {
  const sql = `SELECT * FROM notification_deliveries ${channel ? "WHERE channel = ?" : ""} ORDER BY id DESC LIMIT ${LIST_LIMIT}`;
  const rows = (channel ? db().prepare(sql).all(channel) : db().prepare(sql).all()) as Row[];
  return rows.map((r) => ({ ...r, ok: r.ok === 1 }));
}
