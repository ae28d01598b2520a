import "server-only";
import { db } from "@/lib/store/db";

// Who did what to which volume or backup, when, from where, and whether it succeeded. Kept in the
// embedded database, so it survives restarts.
//
// Decision (issue 17): an action is never carried out unrecorded. A request's line is written BEFORE the action
// (beginAudit, state "started"): when that write fails — the data directory's disk is full — the action is refused
// up front and nothing happens. After the action its outcome is written over that line (finishAudit); should that
// write fail, the caller turns the answer into an error that says the action did happen, and the "started" line
// remains as its record. Refusals before the action (401/403, bad input found by authorise) are written after the
// fact by recordAudit, best effort: nothing happened, so losing such a line hides no change.
export type AuditEntry = {
  id: number;
  at: string;
  actor: string | null;
  action: string;
  target: string | null;
  engine: string | null;
  ip: string | null;
  ok: boolean;
  status: number | null;
  detail: Record<string, unknown> | null;
  /** "started": the action began but its outcome was never written (the console stopped, or its disk was full).
   * Always present in the API's answer; optional in the type so clients that predate it still type-check. */
  state?: "started" | "done";
};

export type AuditInput = Omit<AuditEntry, "id" | "at" | "state">;

type Row = Omit<AuditEntry, "ok" | "detail"> & { ok: number; detail: string | null };

const MAX_DETAIL = 20_000;

/** Writes the line of an action that is about to happen; throws when it cannot be written (the caller refuses). */
export function beginAudit(entry: AuditInput): number {
  const info = db()
    .prepare("INSERT INTO audit (at, actor, action, target, engine, ip, ok, status, detail, state) VALUES (?, ?, ?, ?, ?, ?, 0, NULL, ?, 'started')")
    .run(new Date().toISOString(), entry.actor, entry.action, entry.target, entry.engine, entry.ip, detailText(entry.detail));
  return Number(info.lastInsertRowid);
}

/** Writes the outcome over a started line; throws when it cannot be written. */
export function finishAudit(id: number, entry: AuditInput): void {
  db()
    .prepare("UPDATE audit SET actor = ?, action = ?, target = ?, engine = ?, ip = ?, ok = ?, status = ?, detail = ?, state = 'done' WHERE id = ?")
    .run(entry.actor, entry.action, entry.target, entry.engine, entry.ip, entry.ok ? 1 : 0, entry.status, detailText(entry.detail), id);
}

/** A line written after the fact, best effort (a refusal, or the scheduler's own record): a failure is logged. */
export function recordAudit(entry: AuditInput): void {
  try {
    db()
      .prepare("INSERT INTO audit (at, actor, action, target, engine, ip, ok, status, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
      .run(new Date().toISOString(), entry.actor, entry.action, entry.target, entry.engine, entry.ip, entry.ok ? 1 : 0, entry.status, detailText(entry.detail));
  } catch (e) {
    console.error("voldeck: could not write the audit trail", e);
  }
}

// Cut whole, never mid-JSON: a line whose detail cannot be parsed back would break listing the trail.
function detailText(detail: Record<string, unknown> | null): string | null {
  if (!detail) return null;
  const text = JSON.stringify(detail);
  return text.length <= MAX_DETAIL ? text : JSON.stringify({ truncated: true, keys: Object.keys(detail) });
}

export function listAudit({ limit = 100, before }: { limit?: number; before?: number }): AuditEntry[] {
  const rows = (
    before
      ? db().prepare("SELECT * FROM audit WHERE id < ? ORDER BY id DESC LIMIT ?").all(before, limit)
      : db().prepare("SELECT * FROM audit ORDER BY id DESC LIMIT ?").all(limit)
  ) as Row[];
  return rows.map((r) => ({ ...r, ok: r.ok === 1, detail: r.detail ? (JSON.parse(r.detail) as Record<string, unknown>) : null }));
}
