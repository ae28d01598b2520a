import "server-only";
import type { DrillJobVolume, Job } from "@/lib/api/types";
import { recordAudit } from "@/lib/auth/audit";
import { listBackups } from "@/lib/backup/catalog";
import { busyWith, startJob, type JobControl, type Lock } from "@/lib/jobs/registry";
import { notify } from "@/lib/notify/notify";
import { liveVolumes } from "@/lib/policies/live";
import { selectVolumes } from "@/lib/policies/select";
import type { PolicyRecord } from "@/lib/policies/store";
import { onEngine } from "./engine-control";
import { sweepScratch } from "./scratch";
import { recordDrill } from "./store";
import { drillVolume, type DrillItem } from "./volume-drill";

// A policy's restore drill, as one job: the volumes the policy selects now, each with its newest verified tar
// backup (or, for a repository target, its newest snapshot), drilled one after the other (volume-drill.ts).
// Volumes without a backup are listed as skipped: nothing is proven about them, nothing is recorded either.
// Each volume's outcome is recorded as it is known (store.ts); a failed one raises "drill.failed"; the whole drill
// is audited when it ends. One drill per policy at a time (its lock).

type DrillTrigger = { trigger: "schedule" | "manual"; actor: string | null };

const policyLock = (id: string): Lock => `write:drill/${id}`;

/** Where a volume's drill restores: the policy's drill engine, else the volume's own. */
const restoreEngine = (p: PolicyRecord, item: DrillItem): string => p.drill?.engine ?? item.engine;

export const drillRunning = (policyId: string): boolean => busyWith([policyLock(policyId)]) !== null;

async function plan(p: PolicyRecord): Promise<{ items: DrillItem[]; skipped: DrillJobVolume[] }> {
  // Patient, as a policy run (lib/policies/run.ts): a busy engine's late list is not an empty one.
  const engines = p.selector.engines as string[];
  const { volumes } = await liveVolumes({ patient: true, engines: engines.includes("*") ? undefined : engines });
  const selected = selectVolumes(p.selector, volumes);
  const target = p.target;
  if (target.kind === "repository") {
    return { items: selected.map((v) => ({ engine: v.engine, volume: v.name, kind: "snapshot", repository: target.repository })), skipped: [] };
  }
  const newest = new Map<string, { id: string; createdAt: string }>();
  for (const b of await listBackups()) {
    const key = `${b.engine}/${b.volume}`;
    if (b.engine && b.verified && !newest.has(key)) newest.set(key, b); // listBackups is newest first
  }
  const items: DrillItem[] = [];
  const skipped: DrillJobVolume[] = [];
  for (const v of selected) {
    const b = newest.get(`${v.engine}/${v.name}`);
    if (b) items.push({ engine: v.engine, volume: v.name, kind: "tar", backup: b.id, createdAt: b.createdAt });
    else skipped.push({ engine: v.engine, volume: v.name, artifact: null, artifactAt: null, state: "skipped", reason: "No verified backup to restore yet." });
  }
  return { items, skipped };
}

export async function startDrill(p: PolicyRecord, how: DrillTrigger): Promise<Job> {
  const { items, skipped } = await plan(p);
  const locks: Lock[] = [policyLock(p.id), ...items.map((i): Lock => (i.kind === "tar" ? `read:backup/${i.backup}` : `read:repo/${i.repository}`))];
  const volumes: DrillJobVolume[] = [
    ...items.map((i): DrillJobVolume => ({
      engine: i.engine,
      volume: i.volume,
      restoredOn: restoreEngine(p, i),
      artifact: i.kind === "tar" ? i.backup : null,
      artifactAt: null,
      state: "queued",
    })),
    ...skipped,
  ];
  return startJob(
    { kind: "drill", engine: items[0]?.engine ?? "local", volume: p.name, policy: p.id, drill: volumes, phaseDetail: null },
    [...new Set(locks)],
    (ctl) => runDrill(ctl, p, items, how),
  );
}

async function runDrill(ctl: JobControl, p: PolicyRecord, items: DrillItem[], how: DrillTrigger): Promise<void> {
  const volumes = ctl.job.drill!.map((v) => ({ ...v }));
  const set = (i: number, patch: Partial<DrillJobVolume>) => {
    volumes[i] = { ...volumes[i], ...patch };
    ctl.update({ drill: volumes.map((v) => ({ ...v })) });
  };
  if (!items.length) ctl.warn("No volume of this policy has a backup to drill yet.");
  for (const engine of new Set(items.map((i) => restoreEngine(p, i)))) {
    const swept = await sweepScratch(engine);
    if (swept.length) ctl.warn(`Removed scratch volumes an earlier drill left behind on "${engine}": ${swept.join(", ")}.`);
  }
  const failed: string[] = [];
  let finished = false;
  try {
    for (const [i, item] of items.entries()) {
      ctl.signal.throwIfAborted();
      set(i, { state: "running" });
      const on = restoreEngine(p, item);
      const r = await drillVolume(onEngine(ctl, on), p, item);
      if (r.skipped) {
        set(i, { state: "skipped", ...(r.reason ? { reason: r.reason } : {}) });
        continue;
      }
      set(i, {
        state: r.ok ? "succeeded" : "failed",
        artifact: r.artifact,
        artifactAt: r.artifactAt,
        ...(r.reason ? { reason: r.reason } : {}),
        ...(r.check ? { check: r.check } : {}),
      });
      recordDrill({
        engine: item.engine,
        volume: item.volume,
        policy: p.id,
        job: ctl.job.id,
        ok: r.ok,
        artifact: r.artifact,
        artifactAt: r.artifactAt,
        reason: r.reason,
        restoredOn: on,
      });
      if (!r.ok) {
        failed.push(`${item.volume}: ${r.reason}`);
        notify({
          event: "drill.failed",
          engine: item.engine,
          volume: item.volume,
          policy: p.id,
          message: `Restore drill of ${item.volume} (policy "${p.name}") failed: ${r.reason}`,
        });
      }
    }
    finished = true;
  } finally {
    audit(p, how, ctl.job.id, failed, items.length, finished);
  }
  if (failed.length) throw new Error(`${failed.length} of ${items.length} volume(s) failed their drill. ${failed.join(" ")}`);
}

function audit(p: PolicyRecord, how: DrillTrigger, job: string, failed: string[], drilled: number, finished: boolean): void {
  recordAudit({
    actor: how.actor,
    action: "policy.drill.finished",
    target: p.id,
    engine: null,
    ip: null,
    ok: finished && failed.length === 0,
    status: null,
    detail: {
      job,
      trigger: how.trigger,
      volumes: drilled,
      ...(finished ? {} : { interrupted: true }),
      failed: failed.length,
      ...(failed.length ? { failures: failed.slice(0, 5) } : {}),
    },
  });
}
