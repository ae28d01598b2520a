import "server-only";
import { randomBytes } from "node:crypto";
import { ApiError } from "@/lib/api/error";
import { db } from "@/lib/store/db";
import { POLICY_ID_PATTERN } from "./schemas";
import type { PolicyDefinition, PolicyRun, PolicyRunState, PolicyRunVolume, PolicyVolumeState } from "@/lib/api/policy-types";

// Policies and their runs in the embedded database (migration 11). `handledUntil` is the latest due time the
// scheduler has dealt with, as for schedules (lib/schedule/store.ts).

export type PolicyRecord = PolicyDefinition & { id: string; createdBy: string | null; createdAt: string; updatedAt: string; handledUntil: string };

type Row = { id: string; definition: string; created_by: string | null; created_at: string; updated_at: string; handled_until: string };

const fromRow = (r: Row): PolicyRecord => ({
  ...(JSON.parse(r.definition) as PolicyDefinition),
  id: r.id,
  createdBy: r.created_by,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  handledUntil: r.handled_until,
});

export function definitionOf(p: PolicyRecord): PolicyDefinition {
  const { id: _id, createdBy: _b, createdAt: _c, updatedAt: _u, handledUntil: _h, ...definition } = p;
  return definition;
}

export function listPolicyRecords(): PolicyRecord[] {
  return (db().prepare("SELECT * FROM policies ORDER BY name, created_at").all() as Row[]).map(fromRow);
}

export function findPolicy(id: string): PolicyRecord | null {
  const row = db().prepare("SELECT * FROM policies WHERE id = ?").get(id) as Row | undefined;
  return row ? fromRow(row) : null;
}

/** A path's id no policy can have is refused as not found before anything is read; so is an unknown one. */
export function getPolicy(id: string): PolicyRecord {
  const found = POLICY_ID_PATTERN.test(id) ? findPolicy(id) : null;
  if (!found) throw new ApiError("not_found", `There is no policy "${id}".`, { policy: id });
  return found;
}

export function insertPolicy(d: PolicyDefinition, createdBy: string | null, now = new Date()): PolicyRecord {
  const id = `pol-${randomBytes(5).toString("hex")}`;
  const at = now.toISOString();
  db()
    .prepare("INSERT INTO policies (id, name, definition, cron, enabled, created_by, created_at, updated_at, handled_until) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
    .run(id, d.name, JSON.stringify(d), d.cron, d.enabled ? 1 : 0, createdBy, at, at, at);
  return getPolicy(id);
}

export function savePolicy(p: PolicyRecord): void {
  const d = definitionOf(p);
  db()
    .prepare("UPDATE policies SET name = ?, definition = ?, cron = ?, enabled = ?, updated_at = ?, handled_until = ? WHERE id = ?")
    .run(d.name, JSON.stringify(d), d.cron, d.enabled ? 1 : 0, p.updatedAt, p.handledUntil, p.id);
}

export function deletePolicy(id: string): void {
  const conn = db();
  conn.transaction(() => {
    conn.prepare("DELETE FROM policy_run_volumes WHERE policy_id = ?").run(id);
    conn.prepare("DELETE FROM policy_runs WHERE policy_id = ?").run(id);
    conn.prepare("DELETE FROM policies WHERE id = ?").run(id);
  })();
}

// ---- runs ----

type Trigger = { dueAt: string | null; trigger: "schedule" | "manual"; actor: string | null };

/**
 * Records a run before anything starts (its volumes are added once selected); for a scheduled run, also marks
 * its due time handled in the same transaction: after a crash the run is either wholly unrecorded and still
 * due, or recorded (then marked interrupted at start-up) and not run again.
 */
export function beginRun(policyId: string, how: Trigger): number {
  const conn = db();
  return conn.transaction(() => {
    if (how.dueAt) conn.prepare("UPDATE policies SET handled_until = ? WHERE id = ?").run(how.dueAt, policyId);
    const info = conn
      .prepare("INSERT INTO policy_runs (policy_id, due_at, started_at, state, trigger, actor) VALUES (?, ?, ?, 'running', ?, ?)")
      .run(policyId, how.dueAt, new Date().toISOString(), how.trigger, how.actor);
    return Number(info.lastInsertRowid);
  })();
}

export function addRunVolumes(runId: number, policyId: string, volumes: { engine: string; volume: string }[]): void {
  const conn = db();
  const add = conn.prepare("INSERT INTO policy_run_volumes (run_id, policy_id, engine, volume, state) VALUES (?, ?, ?, ?, 'queued')");
  conn.transaction(() => {
    for (const v of volumes) add.run(runId, policyId, v.engine, v.volume);
  })();
}

export function updateRunVolume(
  runId: number,
  v: { engine: string; volume: string },
  p: { state: PolicyVolumeState; jobId?: string; artifact?: string | null; error?: string | null },
): void {
  const done = p.state === "succeeded" || p.state === "failed";
  db()
    .prepare(
      "UPDATE policy_run_volumes SET state = ?, job_id = COALESCE(?, job_id), artifact = COALESCE(?, artifact), error = COALESCE(?, error), finished_at = ? WHERE run_id = ? AND engine = ? AND volume = ?",
    )
    .run(p.state, p.jobId ?? null, p.artifact ?? null, p.error ?? null, done ? new Date().toISOString() : null, runId, v.engine, v.volume);
}

export function finishRun(runId: number, state: PolicyRunState, error: string | null = null): void {
  db().prepare("UPDATE policy_runs SET state = ?, error = ?, finished_at = ? WHERE id = ?").run(state, error, new Date().toISOString(), runId);
}

type RunRow = {
  id: number;
  policy_id: string;
  due_at: string | null;
  started_at: string;
  finished_at: string | null;
  state: PolicyRunState;
  trigger: "schedule" | "manual";
  actor: string | null;
  error: string | null;
};
type VolumeRow = {
  run_id: number;
  engine: string;
  volume: string;
  state: PolicyVolumeState;
  job_id: string | null;
  artifact: string | null;
  error: string | null;
  finished_at: string | null;
};

const volumeFromRow = (r: VolumeRow): PolicyRunVolume => ({
  engine: r.engine,
  volume: r.volume,
  state: r.state,
  jobId: r.job_id,
  artifact: r.artifact,
  error: r.error,
  finishedAt: r.finished_at,
});

function withVolumes(rows: RunRow[]): PolicyRun[] {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const vols = db()
    .prepare(`SELECT * FROM policy_run_volumes WHERE run_id IN (${ids.map(() => "?").join(",")}) ORDER BY engine, volume`)
    .all(...ids) as VolumeRow[];
  return rows.map((r) => ({
    id: r.id,
    at: r.started_at,
    state: r.state,
    dueAt: r.due_at,
    finishedAt: r.finished_at,
    trigger: r.trigger,
    actor: r.actor,
    error: r.error,
    volumes: vols.filter((v) => v.run_id === r.id).map(volumeFromRow),
  }));
}

export function runsOf(policyId: string, limit = 20): PolicyRun[] {
  return withVolumes(db().prepare("SELECT * FROM policy_runs WHERE policy_id = ? ORDER BY id DESC LIMIT ?").all(policyId, limit) as RunRow[]);
}

export function lastRuns(): Map<string, PolicyRun> {
  const rows = db().prepare("SELECT r.* FROM policy_runs r WHERE r.id = (SELECT MAX(id) FROM policy_runs WHERE policy_id = r.policy_id)").all() as RunRow[];
  const runs = withVolumes(rows); // same order as rows
  return new Map(runs.map((r, i) => [rows[i]!.policy_id, r]));
}

export const hasRunningRun = (policyId: string): boolean =>
  db().prepare("SELECT 1 FROM policy_runs WHERE policy_id = ? AND state = 'running' LIMIT 1").get(policyId) !== undefined;

/** The newest finished outcome per policy and volume ("failing" in the coverage), and each one's last success. */
export type VolumeOutcome = { policyId: string; engine: string; volume: string; lastState: PolicyVolumeState; lastSuccessAt: string | null };

export function volumeOutcomes(): VolumeOutcome[] {
  return db()
    .prepare(
      `SELECT policy_id AS policyId, engine, volume,
        (SELECT state FROM policy_run_volumes x WHERE x.policy_id = v.policy_id AND x.engine = v.engine AND x.volume = v.volume
          AND x.state IN ('succeeded', 'failed', 'interrupted') ORDER BY x.run_id DESC LIMIT 1) AS lastState,
        MAX(CASE WHEN state = 'succeeded' THEN finished_at END) AS lastSuccessAt
       FROM policy_run_volumes v GROUP BY policy_id, engine, volume`,
    )
    .all() as VolumeOutcome[];
}

/** Start-up: runs (and their volumes) the previous process left unfinished ended with it. */
export function interruptUnfinishedRuns(): number {
  const conn = db();
  return conn.transaction(() => {
    const at = new Date().toISOString();
    conn
      .prepare(
        "UPDATE policy_run_volumes SET state = 'interrupted', error = 'The console stopped during this run.', finished_at = ? WHERE state IN ('queued', 'running')",
      )
      .run(at);
    return conn
      .prepare("UPDATE policy_runs SET state = 'interrupted', error = 'The console stopped during this run.', finished_at = ? WHERE state = 'running'")
      .run(at).changes;
  })();
}
