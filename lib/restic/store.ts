import "server-only";
import type { CheckSchedule } from "@/lib/api/repository-check-schemas";
import type { RepoKind } from "./location";
import { db } from "@/lib/store/db";

// The repositories table (migration 8): what a repository is and where, never its secrets.

/** Non-secret connection options (which secret files exist is the secrets directory's business). */
export type RepoOptions = { region?: string; pathStyle?: boolean };

export type RepoRow = {
  id: string;
  name: string;
  kind: RepoKind;
  location: string;
  options: RepoOptions;
  lastCheck: { at: string; ok: boolean; error?: string } | null;
  /** The scheduled check (migration 14), null for none; handledUntil: the due time last handled (ISO). */
  checkSchedule: (CheckSchedule & { handledUntil: string }) | null;
  createdBy: string | null;
  createdAt: string;
};

type Raw = {
  id: string;
  name: string;
  kind: RepoKind;
  location: string;
  options: string;
  last_check: string | null;
  check_schedule: string | null;
  check_handled_until: string | null;
  created_by: string | null;
  created_at: string;
};

const row = (r: Raw): RepoRow => ({
  id: r.id,
  name: r.name,
  kind: r.kind,
  location: r.location,
  options: JSON.parse(r.options) as RepoOptions,
  lastCheck: r.last_check ? (JSON.parse(r.last_check) as RepoRow["lastCheck"]) : null,
  checkSchedule: r.check_schedule ? { ...(JSON.parse(r.check_schedule) as CheckSchedule), handledUntil: r.check_handled_until ?? r.created_at } : null,
  createdBy: r.created_by,
  createdAt: r.created_at,
});

export function listRepoRows(): RepoRow[] {
  return (db().prepare("SELECT * FROM repositories ORDER BY id").all() as Raw[]).map(row);
}

export function findRepoRow(id: string): RepoRow | null {
  const r = db().prepare("SELECT * FROM repositories WHERE id = ?").get(id) as Raw | undefined;
  return r ? row(r) : null;
}

export function insertRepoRow(r: Omit<RepoRow, "lastCheck" | "checkSchedule">, check: CheckSchedule | null): void {
  db()
    .prepare(
      "INSERT INTO repositories (id, name, kind, location, options, created_by, created_at, check_schedule, check_handled_until) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .run(r.id, r.name, r.kind, r.location, JSON.stringify(r.options), r.createdBy, r.createdAt, check ? JSON.stringify(check) : null, r.createdAt);
}

/** Sets (or with null removes) the scheduled check; the next due time counts from now, not from the past. */
export function setCheckSchedule(id: string, check: CheckSchedule | null): boolean {
  const sql = "UPDATE repositories SET check_schedule = ?, check_handled_until = ? WHERE id = ?";
  return (
    db()
      .prepare(sql)
      .run(check ? JSON.stringify(check) : null, new Date().toISOString(), id).changes > 0
  );
}

export function setCheckHandledUntil(id: string, at: string): void {
  db().prepare("UPDATE repositories SET check_handled_until = ? WHERE id = ?").run(at, id);
}

export function deleteRepoRow(id: string): boolean {
  return db().prepare("DELETE FROM repositories WHERE id = ?").run(id).changes > 0;
}
