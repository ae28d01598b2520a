// The notification events (client-safe: the admin page offers them as choices). Other parts of the console
// raise them through notify() (lib/notify/notify.ts); a channel without an `events` list gets every one.
export const NOTIFY_EVENTS = ["backup.failed", "policy.stale", "drill.failed", "engine.down", "storage.low"] as const;
export type NotifyEventName = (typeof NOTIFY_EVENTS)[number];

/** What a channel's "Send test" sends; never raised by anything else, and delivered whatever a channel's filter. */
export const TEST_EVENT = "test" as const;

export const EVENT_LABELS: Record<NotifyEventName, string> = {
  "backup.failed": "Backup failed",
  "policy.stale": "Policy stale",
  "drill.failed": "Restore drill failed",
  "engine.down": "Engine unreachable",
  "storage.low": "Backup storage nearly full",
};

/** One event as raised; `at` defaults to now. The webhook body is exactly these fields (absent ones left out). */
export type NotifyEvent = {
  event: NotifyEventName | typeof TEST_EVENT;
  engine?: string;
  volume?: string;
  policy?: string;
  message: string;
  at?: string;
};
