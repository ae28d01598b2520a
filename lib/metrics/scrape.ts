import "server-only";
import { collectDefaultMetrics, Counter, Gauge, Registry } from "prom-client";
import { listAllVolumes } from "@/lib/docker/all-engines";
import { listJobs } from "@/lib/jobs/registry";
import { cachedArchives } from "./archives";
import { drillFacts } from "./drills";
import { repositoryFacts } from "./repositories";
import { scheduleFacts } from "./schedules";
import { volumeKey } from "@/lib/coverage/evaluate";
import { backupFacts, isStale } from "./volume-facts";

// GET /metrics: one scrape reads only what the console already keeps — each engine's live index and cached sizes
// (the all-engines list, with its per-engine deadline), the catalog (cached until the backups directory
// changes), the job history and the schedules (one query each), and the last background probe of the
// repositories. Linear in volumes + backups + jobs; no engine or restic call beyond what those caches make.
// A fresh registry per scrape: a volume removed since the last scrape leaves no stale series behind. The
// process metrics (memory, CPU, event loop) live in a registry kept for the process, merged in.
const g = globalThis as typeof globalThis & { __voldeckProcessMetrics?: Registry };
function processRegistry(): Registry {
  if (!g.__voldeckProcessMetrics) {
    const r = new Registry();
    collectDefaultMetrics({ register: r, prefix: "voldeck_" });
    // prom-client names these gauges "…_total", which Prometheus keeps for counters (promtool refuses them).
    for (const m of r.getMetricsAsArray()) if (!(m instanceof Counter) && m.name.endsWith("_total")) r.removeSingleMetric(m.name);
    g.__voldeckProcessMetrics = r;
  }
  return g.__voldeckProcessMetrics;
}

const seconds = (ms: number) => ms / 1000;

export async function scrape(now = Date.now()): Promise<{ text: string; contentType: string }> {
  const [engines, archives] = await Promise.all([listAllVolumes(), cachedArchives().catch(() => [])]);
  const jobs = listJobs();
  const facts = backupFacts(archives, jobs);
  const scheduled = scheduleFacts(now);
  const r = new Registry();
  const gauge = (name: string, help: string, labelNames: string[]) => new Gauge({ name, help, labelNames, registers: [r] });
  const vl = ["engine", "volume"];
  const size = gauge("voldeck_volume_size_bytes", "Volume size as the engine measured it (absent until measured or when the driver cannot tell).", vl);
  const inUse = gauge("voldeck_volume_in_use", "1 when a container (or Swarm service) mounts the volume.", vl);
  const lastOk = gauge(
    "voldeck_volume_last_backup_success_timestamp_seconds",
    "Unix time of the newest successful backup (tar archive or restic snapshot).",
    vl,
  );
  const duration = gauge("voldeck_volume_last_backup_duration_seconds", "Duration of the newest successful backup job still in the job history.", vl);
  const bytes = gauge("voldeck_volume_last_backup_bytes", "Volume content bytes read by the newest successful backup job still in the job history.", vl);
  const isScheduled = gauge("voldeck_volume_scheduled", "1 when an enabled schedule backs the volume up.", vl);
  const stale = gauge("voldeck_volume_stale", "1 when the volume is scheduled and had no successful backup within twice its schedule's interval.", vl);
  const proven = gauge(
    "voldeck_volume_last_proven_restorable_timestamp_seconds",
    "Unix time of the newest backup a restore drill restored and found equal to what was backed up (absent until one has).",
    vl,
  );
  const drillOk = gauge("voldeck_volume_last_drill_ok", "1 when the volume's newest restore drill passed, 0 when it failed (absent until drilled).", vl);
  const drills = drillFacts();
  const up = gauge("voldeck_engine_up", "1 when the engine answered (or its live index is current), 0 when it is down or too slow.", ["engine"]);
  for (const { listing, volumes } of engines) {
    up.set({ engine: listing.id }, listing.ok ? 1 : 0);
    for (const v of volumes) {
      const labels = { engine: listing.id, volume: v.name };
      if (v.sizeBytes !== null && v.sizeBytes >= 0) size.set(labels, v.sizeBytes);
      inUse.set(labels, v.inUse ? 1 : 0);
      const f = facts.get(volumeKey(listing.id, v.name));
      if (f?.lastSuccessMs != null) lastOk.set(labels, seconds(f.lastSuccessMs));
      if (f?.lastDurationSeconds != null) duration.set(labels, f.lastDurationSeconds);
      if (f?.lastBytes != null) bytes.set(labels, f.lastBytes);
      const d = drills.get(volumeKey(listing.id, v.name));
      if (d?.provenMs != null) proven.set(labels, seconds(d.provenMs));
      if (d) drillOk.set(labels, d.ok ? 1 : 0);
      const s = scheduled.get(volumeKey(listing.id, v.name));
      isScheduled.set(labels, s ? 1 : 0);
      stale.set(labels, s && isStale(f?.lastSuccessMs ?? null, s.intervalMs, s.sinceMs, now) ? 1 : 0);
    }
  }
  const rl = ["repository", "name"];
  const reachable = gauge(
    "voldeck_repository_reachable",
    "1 when the repository answered its last background probe (every 5 minutes; absent until probed).",
    rl,
  );
  const checkAt = gauge("voldeck_repository_last_check_timestamp_seconds", "Unix time of the repository's last integrity check (restic check).", rl);
  const checkOk = gauge("voldeck_repository_last_check_ok", "1 when the repository's last integrity check passed.", rl);
  for (const { row, reachable: known } of repositoryFacts(now)) {
    const labels = { repository: row.id, name: row.name };
    if (known !== undefined) reachable.set(labels, known ? 1 : 0);
    if (row.lastCheck) {
      checkAt.set(labels, seconds(Date.parse(row.lastCheck.at)));
      checkOk.set(labels, row.lastCheck.ok ? 1 : 0);
    }
  }
  const running = gauge("voldeck_jobs_running", "Jobs running now, by kind.", ["kind"]);
  const queued = gauge("voldeck_jobs_queued", "Jobs waiting for a free slot, by kind.", ["kind"]);
  // A gauge, not a counter: the history forgets jobs after 30 days or beyond the newest 500.
  const finished = gauge("voldeck_jobs_finished", "Finished jobs in the kept job history (30 days, newest 500), by kind and state.", ["kind", "state"]);
  for (const kind of ["backup", "restore", "clone", "snapshot", "snapshot-restore"]) {
    running.set({ kind }, 0);
    queued.set({ kind }, 0);
  }
  for (const j of jobs) {
    if (j.state === "running") running.inc({ kind: j.kind });
    else if (j.state === "queued") queued.inc({ kind: j.kind });
    else finished.inc({ kind: j.kind, state: j.state });
  }
  const merged = Registry.merge([processRegistry(), r]);
  return { text: await merged.metrics(), contentType: merged.contentType };
}
