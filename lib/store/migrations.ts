import { auditIntentMigration } from "./migration-audit-intent";
import { drillsMigration } from "./migration-drills";
import { drillEngineMigration } from "./migration-drill-engine";
import { enginesMigration } from "./migration-engines";
import { jobsMigration } from "./migration-jobs";
import { policiesMigration } from "./migration-policies";
import { notificationsMigration } from "./migration-notifications";
import { repositoriesMigration } from "./migration-repositories";
import { schedulesMigration } from "./migration-schedules";
import { tokenExpiryOidcMigration } from "./migration-token-expiry-oidc";
import { usageTrustedMigration } from "./migration-usage-trusted";
import { scheduleTargetsMigration } from "./migration-schedule-targets";
import { repoChecksMigration } from "./migration-repo-checks";

// Schema migrations, applied in order once each; a migration is never edited after it shipped.
export const migrations: { version: number; sql: string }[] = [
  {
    version: 1,
    sql: `
      CREATE TABLE users (
        id INTEGER PRIMARY KEY,
        username TEXT NOT NULL UNIQUE COLLATE NOCASE,
        password_hash TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('admin', 'operator', 'viewer')),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE sessions (
        id_hash TEXT PRIMARY KEY,
        user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        last_seen_at TEXT NOT NULL,
        ip TEXT,
        user_agent TEXT
      );
      CREATE INDEX sessions_user ON sessions(user_id);
      CREATE TABLE tokens (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('admin', 'operator', 'viewer')),
        secret_hash TEXT NOT NULL UNIQUE,
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        last_used_at TEXT,
        revoked_at TEXT
      );
      CREATE TABLE audit (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        actor TEXT,
        action TEXT NOT NULL,
        target TEXT,
        engine TEXT,
        ip TEXT,
        ok INTEGER NOT NULL,
        status INTEGER,
        detail TEXT
      );
      CREATE INDEX audit_at ON audit(at);
    `,
  },
  {
    version: 2,
    sql: `
      -- When each volume was last mounted by a container, per engine, from the engine's events.
      CREATE TABLE volume_usage (
        engine TEXT NOT NULL,
        volume TEXT NOT NULL,
        last_used_at TEXT NOT NULL,
        last_used_by TEXT,
        PRIMARY KEY (engine, volume)
      );
      -- Since when usage has been followed on each engine ("not seen in use since …").
      CREATE TABLE usage_tracking (engine TEXT PRIMARY KEY, since TEXT NOT NULL);
    `,
  },
  schedulesMigration,
  enginesMigration,
  auditIntentMigration,
  jobsMigration,
  tokenExpiryOidcMigration,
  repositoriesMigration,
  usageTrustedMigration,
  scheduleTargetsMigration,
  policiesMigration,
  notificationsMigration,
  drillsMigration,
  repoChecksMigration,
  drillEngineMigration,
];
