import "server-only";
import { isDrillScratch } from "@/lib/api/drill-types";
import { listBackups } from "@/lib/backup/catalog";
import { withDrills } from "@/lib/drills/coverage";
import { liveVolumes } from "@/lib/policies/live";
import { listPolicyRecords, volumeOutcomes } from "@/lib/policies/store";
import { parseCron } from "@/lib/schedule/cron";
import { nextRuns, serverTimeZone } from "@/lib/schedule/next-runs";
import { lastRuns as lastScheduleRuns, listScheduleRecords } from "@/lib/schedule/store";
import { db } from "@/lib/store/db";
import { evaluateCoverage, volumeKey, type Protector } from "./evaluate";
import type { CoverageAnswer } from "@/lib/api/coverage-types";

// Gathers what the coverage is evaluated from (engines' live indexes, policies, schedules, the backup catalog,
// finished snapshot jobs and policy runs), then evaluates it (evaluate.ts, pure).

function timing(cron: string, now: number, timeZone: string): { intervalMs: number | null; nextRunAt: number | null } {
  const [a, b] = nextRuns(parseCron(cron), now, timeZone, 2);
  return { nextRunAt: a ?? null, intervalMs: a !== undefined && b !== undefined ? b - a : null };
}

function protectors(now: number): Protector[] {
  const timeZone = serverTimeZone();
  const out: Protector[] = [];
  for (const p of listPolicyRecords()) {
    out.push({
      id: p.id,
      by: "policy",
      name: p.name,
      enabled: p.enabled,
      createdAt: Date.parse(p.createdAt),
      selector: p.selector,
      ...timing(p.cron, now, timeZone),
    });
  }
  for (const s of listScheduleRecords()) {
    out.push({
      id: s.id,
      by: "schedule",
      enabled: s.enabled,
      createdAt: Date.parse(s.createdAt),
      engine: s.engine,
      volume: s.volume,
      ...timing(s.cron, now, timeZone),
    });
  }
  return out;
}

/** Snapshots count as successes too: finished snapshot jobs per volume, from the jobs' history. */
function snapshotSuccesses(): { engine: string; volume: string; at: string }[] {
  return db()
    .prepare(
      `SELECT json_extract(job, '$.engine') AS engine, json_extract(job, '$.volume') AS volume, MAX(finished_at) AS at FROM jobs
       WHERE state = 'succeeded' AND json_extract(job, '$.kind') = 'snapshot' AND finished_at IS NOT NULL GROUP BY 1, 2`,
    )
    .all() as { engine: string; volume: string; at: string }[];
}

export async function coverage(): Promise<CoverageAnswer> {
  const now = Date.now();
  const [live, backups] = await Promise.all([liveVolumes(), listBackups()]);
  const { engines } = live;
  const volumes = live.volumes.filter((v) => !isDrillScratch(v));
  const lastSuccess = new Map<string, number>();
  const note = (key: string, at: string | null) => {
    const ms = at ? Date.parse(at) : NaN;
    if (Number.isFinite(ms) && ms > (lastSuccess.get(key) ?? -Infinity)) lastSuccess.set(key, ms);
  };
  for (const b of backups) if (b.engine) note(volumeKey(b.engine, b.volume), b.createdAt);
  for (const s of snapshotSuccesses()) note(volumeKey(s.engine, s.volume), s.at);
  const lastFailed = new Set<string>();
  for (const o of volumeOutcomes()) {
    note(volumeKey(o.engine, o.volume), o.lastSuccessAt);
    if (o.lastState === "failed") lastFailed.add(`${o.policyId} ${volumeKey(o.engine, o.volume)}`);
  }
  const schedules = listScheduleRecords();
  const scheduleRuns = lastScheduleRuns();
  for (const s of schedules) if (scheduleRuns.get(s.id)?.state === "failed") lastFailed.add(`${s.id} ${volumeKey(s.engine, s.volume)}`);
  const started = performance.now();
  const result = evaluateCoverage({ volumes, protectors: protectors(now), lastSuccess, lastFailed, now });
  return { ...result, volumes: withDrills(result.volumes), engines, evaluatedInMs: Math.round((performance.now() - started) * 10) / 10 };
}
