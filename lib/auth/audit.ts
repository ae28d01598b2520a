import "server-only";
import { db } from "@/lib/store/db";

// Who did what to which volume or backup, when, from where, and whether it succeeded. Kept in the
// embedded database, so it survives restarts.
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
};

export type AuditInput = Omit<AuditEntry, "id" | "at">;

type Row = Omit<AuditEntry, "ok" | "detail"> & { ok: number; detail: string | null };

export function recordAudit(entry: AuditInput): void {
  try {
    db()
      .prepare("INSERT INTO audit (at, actor, action, target, engine, ip, ok, status, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
      .run(
        new Date().toISOString(),
        entry.actor,
        entry.action,
        entry.target,
        entry.engine,
        entry.ip,
        entry.ok ? 1 : 0,
        entry.status,
        entry.detail ? JSON.stringify(entry.detail).slice(0, 20_000) : null,
      );
  } catch (e) {
    // The action itself has happened; losing its audit line must not turn it into an error for the user.
    console.error("voldeck: could not write the audit trail", e);
  }
}

export function listAudit({ limit = 100, before }: { limit?: number; before?: number }): AuditEntry[] {
  const rows = (
    before
      ? db().prepare("SELECT * FROM audit WHERE id < ? ORDER BY id DESC LIMIT ?").all(before, limit)
      : db().prepare("SELECT * FROM audit ORDER BY id DESC LIMIT ?").all(limit)
  ) as Row[];
  return rows.map((r) => ({ ...r, ok: r.ok === 1, detail: r.detail ? (JSON.parse(r.detail) as Record<string, unknown>) : null }));
}
