import "server-only";
import { registerEngineState } from "@/lib/engine-state/registry";
import type { Job } from "@/lib/api/types";
import { db } from "@/lib/store/db";
import { followEngine } from "./events";
import { isConsoleOwnUse } from "./helper-use";
import { knownContainerName, knownHelper } from "./live-index";
import { HELPER_LABEL } from "./mapping";

// When each volume was last used: the engine keeps no such record, so every mount and unmount event is
// written down, per engine, in the embedded database (it survives restarts). "Used" means a container had
// it mounted; a volume mounted by a running container is in use now. A volume never seen mounted counts
// from when following began on that engine. The console's own helper containers (backup, restore, clone) are
// not use: their mounts are not recorded, and older records made by them are not answered (helper-use.ts).

type Tracker = { names: Map<string, string>; helpers: Set<string>; stop: () => void };
const g = globalThis as typeof globalThis & { __voldeckUsage?: Map<string, Tracker> };
const trackers: Map<string, Tracker> = (g.__voldeckUsage ??= new Map());

// Recorded use described the old engine's volumes. Still followed (the tracker's listener stays on the bus, and
// the stream reopens to the new address): use is recorded from now on.
registerEngineState("volume usage records", (id) => {
  const tracker = trackers.get(id);
  tracker?.names.clear();
  const conn = db();
  conn.transaction(() => {
    conn.prepare("DELETE FROM volume_usage WHERE engine = ?").run(id);
    conn.prepare("DELETE FROM usage_tracking WHERE engine = ?").run(id);
    if (tracker) conn.prepare("INSERT INTO usage_tracking (engine, since) VALUES (?, ?)").run(id, new Date().toISOString());
  })();
});

export type Usage = { at: string; by: string | null };

function record(engineId: string, volume: string, at: number, by: string | null): void {
  db()
    .prepare(
      `INSERT INTO volume_usage (engine, volume, last_used_at, last_used_by, helpers_filtered) VALUES (?, ?, ?, ?, 1)
       ON CONFLICT (engine, volume) DO UPDATE SET last_used_at = excluded.last_used_at, last_used_by = excluded.last_used_by,
         helpers_filtered = 1
       WHERE excluded.last_used_at >= volume_usage.last_used_at`,
    )
    .run(engineId, volume, new Date(at).toISOString(), by);
}

/** Follows an engine's mount and unmount events from now on (once per engine and process). */
export function trackUsage(engineId: string): void {
  if (trackers.has(engineId)) return;
  db().prepare("INSERT OR IGNORE INTO usage_tracking (engine, since) VALUES (?, ?)").run(engineId, new Date().toISOString());
  const names = new Map<string, string>();
  const helpers = new Set<string>();
  const stop = followEngine(engineId, (event) => {
    if (event.kind === "container" && event.attributes?.name) {
      // A container event carries the container's labels among its attributes: a helper is known at "create".
      if (event.action === "destroy") names.delete(event.id);
      else names.set(event.id, event.attributes.name);
      if (event.action === "destroy") helpers.delete(event.id);
      else if (event.attributes[HELPER_LABEL]) helpers.add(event.id);
    }
    if (event.kind === "volume" && (event.action === "mount" || event.action === "unmount")) {
      const container = event.attributes?.container ?? "";
      if (helpers.has(container) || knownHelper(engineId, container)) return;
      const name = names.get(container) ?? knownContainerName(engineId, container) ?? (container ? container.slice(0, 12) : null);
      record(engineId, event.id, event.time, name);
    }
  });
  trackers.set(engineId, { names, helpers, stop });
}

/** Since when usage is followed on the engine, and the last recorded use of each volume. */
export function usageOf(engineId: string): { since: string | null; byVolume: Map<string, Usage> } {
  const since = db().prepare("SELECT since FROM usage_tracking WHERE engine = ?").pluck().get(engineId) as string | undefined;
  const rows = db().prepare("SELECT volume, last_used_at, last_used_by, helpers_filtered FROM volume_usage WHERE engine = ?").all(engineId) as {
    volume: string;
    last_used_at: string;
    last_used_by: string | null;
    helpers_filtered: number;
  }[];
  const jobs = jobsOn(engineId);
  const now = Date.now();
  // Records written since helpers are left out at the source are the truth; only older ones are checked.
  const ownUse = (r: (typeof rows)[number]) =>
    !r.helpers_filtered && jobs.length > 0 && isConsoleOwnUse(engineId, { volume: r.volume, at: r.last_used_at, by: r.last_used_by }, jobs, now);
  const kept = rows.filter((r) => !ownUse(r));
  return { since: since ?? null, byVolume: new Map(kept.map((r) => [r.volume, { at: r.last_used_at, by: r.last_used_by }])) };
}

/** The stored jobs (kept 30 days, lib/jobs/history.ts) that touched a volume of this engine. */
function jobsOn(engineId: string): Job[] {
  const texts = db()
    .prepare("SELECT job FROM jobs WHERE json_extract(job, '$.engine') = ? OR json_extract(job, '$.targetEngine') = ?")
    .pluck()
    .all(engineId, engineId) as string[];
  return texts.map((t) => JSON.parse(t) as Job);
}
