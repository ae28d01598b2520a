import "server-only";
import Database from "better-sqlite3";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { migrations } from "./migrations";

// The embedded database (users, sessions, tokens, audit) under VOLDECK_DATA_DIR, created on first use.
// One connection per process, cached on globalThis so dev reloads don't open more.

export function dataDir(): string {
  return path.resolve(/* turbopackIgnore: true */ process.env.VOLDECK_DATA_DIR || "./data");
}

const g = globalThis as typeof globalThis & { __voldeckDb?: Database.Database };

export function db(): Database.Database {
  if (g.__voldeckDb) return g.__voldeckDb;
  const dir = dataDir();
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const conn = new Database(path.join(dir, "voldeck.db"));
  conn.pragma("journal_mode = WAL");
  conn.pragma("foreign_keys = ON");
  conn.pragma("busy_timeout = 5000");
  migrate(conn);
  g.__voldeckDb = conn;
  return conn;
}

export function migrate(conn: Database.Database): void {
  conn.exec("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)");
  const applied = new Set(conn.prepare("SELECT version FROM schema_migrations").pluck().all() as number[]);
  for (const m of migrations) {
    if (applied.has(m.version)) continue;
    conn.transaction(() => {
      conn.exec(m.sql);
      conn.prepare("INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)").run(m.version, new Date().toISOString());
    })();
  }
}
