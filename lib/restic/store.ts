import "server-only";
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

export function insertRepoRow(r: Omit<RepoRow, "lastCheck">): void {
  db()
    .prepare("INSERT INTO repositories (id, name, kind, location, options, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
    .run(r.id, r.name, r.kind, r.location, JSON.stringify(r.options), r.createdBy, r.createdAt);
}

export function deleteRepoRow(id: string): boolean {
  return db().prepare("DELETE FROM repositories WHERE id = ?").run(id).changes > 0;
}
