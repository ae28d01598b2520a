// Migration 12: notification channels and their deliveries (issue 13). A channel's secret (HMAC secret, push
// token, SMTP password) never goes in here: it lives in VOLDECK_DATA_DIR/notifications/<id>/secret (0600,
// lib/notify/secrets.ts). Deliveries outlive their channel (the history says what was sent where).
export const notificationsMigration = {
  version: 12,
  sql: `
    CREATE TABLE notification_channels (
      id TEXT PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ('webhook', 'push', 'smtp')),
      name TEXT,
      config TEXT NOT NULL,
      events TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );
    CREATE TABLE notification_deliveries (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      channel TEXT NOT NULL,
      event TEXT NOT NULL,
      at TEXT NOT NULL,
      ok INTEGER NOT NULL,
      status INTEGER,
      error TEXT,
      attempt INTEGER NOT NULL
    );
    CREATE INDEX notification_deliveries_channel ON notification_deliveries(channel, id);
  `,
};
