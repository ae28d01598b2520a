import "server-only";
import type { EngineConfig } from "@/lib/docker/engine-config";
import { db } from "@/lib/store/db";

// Console engines as the database keeps them (migration 4): id, name, address. Key material is in files.

type Row = { id: string; name: string; url: string; created_by: string | null; created_at: string; updated_at: string };

const toConfig = (r: Row): EngineConfig => ({ id: r.id, name: r.name, url: r.url, source: "console" });

export function consoleEngineRows(): EngineConfig[] {
  return (db().prepare("SELECT * FROM engines ORDER BY created_at, id").all() as Row[]).map(toConfig);
}

export function insertEngineRow(config: { id: string; name: string; url: string }, by: string | null): void {
  const now = new Date().toISOString();
  db()
    .prepare("INSERT INTO engines (id, name, url, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)")
    .run(config.id, config.name, config.url, by, now, now);
}

export function updateEngineRow(config: { id: string; name: string; url: string }): void {
  db().prepare("UPDATE engines SET name = ?, url = ?, updated_at = ? WHERE id = ?").run(config.name, config.url, new Date().toISOString(), config.id);
}

export function deleteEngineRow(id: string): void {
  db().prepare("DELETE FROM engines WHERE id = ?").run(id);
}
