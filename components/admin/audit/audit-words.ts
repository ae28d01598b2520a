// Pure: the audit trail's stored values (the principal "token:VOLDECK_API_TOKEN", the action key "backup.create",
// HTTP 202) in the words a person reads on the audit page. The stored values stay as they are: the API returns
// them and scripts filter on them; the page shows both. Unit-tested in audit-words.test.ts.
import type { AuditEntry } from "@/lib/api/admin-queries";

// lib/auth/authenticate.ts names token principals "token:<token name>", and the environment's token
// "token:VOLDECK_API_TOKEN"; no user name contains ':', so the prefix cannot be a user's.
const TOKEN_PREFIX = "token:";
const ENV_TOKEN = "VOLDECK_API_TOKEN";

type Actor = { kind: "anonymous" } | { kind: "user"; name: string } | { kind: "token"; name: string | null; label: string };

/** Who an entry's actor is: a user, an API token (by its name), or nobody signed in. */
export function describeActor(actor: string | null): Actor {
  if (actor === null || actor === "") return { kind: "anonymous" };
  if (!actor.startsWith(TOKEN_PREFIX)) return { kind: "user", name: actor };
  const name = actor.slice(TOKEN_PREFIX.length);
  if (name === ENV_TOKEN) return { kind: "token", name: null, label: "API token (from the environment)" };
  return { kind: "token", name: name || null, label: "API token" };
}

/** The actor in one line of words, for the filter box and for a title. */
export function actorWords(actor: string | null): string {
  const a = describeActor(actor);
  if (a.kind === "anonymous") return "anonymous";
  if (a.kind === "user") return a.name;
  return a.name ? `${a.label} ${a.name}` : a.label;
}

const VERBS: Record<string, string> = {
  create: "created",
  remove: "removed",
  delete: "deleted",
  prune: "pruned",
  clone: "copied",
  restore: "restored",
  upload: "uploaded",
  download: "downloaded",
  update: "changed",
  revoke: "revoked",
  add: "added",
  test: "tested",
  cancel: "cancelled",
  password: "password set",
  login: "signed in",
  logout: "signed out",
  setup: "set up",
};

const NOUNS: Record<string, string> = {
  volume: "Volume",
  backup: "Backup",
  snapshot: "Snapshot",
  repository: "Repository",
  schedule: "Schedule",
  user: "User",
  token: "API token",
  engine: "Engine",
  job: "Job",
  auth: "",
};

/** "backup.create" → "Backup created"; "auth.oidc.login" → "Signed in (single sign-on)"; null for a key it does not know. */
export function actionLabel(action: string): string | null {
  const parts = action.split(".");
  if (parts[0] === "volume" && parts[1] === "prune") return "Unused volumes pruned";
  if (action === "auth.oidc.login") return "Signed in (single sign-on)";
  if (parts.length !== 2) return null;
  const [noun, verb] = parts;
  if (!(noun in NOUNS) || !(verb in VERBS)) return null;
  const words = `${NOUNS[noun]} ${VERBS[verb]}`.trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

type Outcome = { tone: "green" | "red" | "amber"; word: string; code: string | null };

/** "ok" or "failed" with the HTTP code set apart; a line whose outcome was never written says so. */
export function outcomeOf(entry: Pick<AuditEntry, "ok" | "status" | "state">): Outcome {
  const code = entry.status === null ? null : String(entry.status);
  if (entry.state === "started") return { tone: "amber", word: "unfinished", code };
  return entry.ok ? { tone: "green", word: "ok", code } : { tone: "red", word: "failed", code };
}
