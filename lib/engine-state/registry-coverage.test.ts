import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { registeredEngineState } from "./registry";

// Every module that keeps mutable state beyond one call (a singleton on globalThis, or a Map or Set made at
// module level) either registers a forget with the engine-state registry, or is listed here with the reason
// its state is not kept per engine. A new cache that does neither fails this test: forgetting an engine would
// miss it, and an engine changed or added back under an old id would show what the old one had.
const NOT_PER_ENGINE: Record<string, string> = {
  __voldeckEngineState: "the registry itself",
  __voldeckEventBus: "subscriptions, not data: each follower unsubscribes itself; the stream's own state is registered by events.ts",
  __voldeckIndexVersion: "one counter for all engines: versions are never reused, across engines",
  __voldeckJobs: "jobs: an engine with a running job cannot be changed or removed (manage.ts assertNoJobOn)",
  __voldeckLoginLimiter: "sign-in attempts, per user name and client address",
  reported: "names of skipped backup manifests already logged (lib/backup/catalog.ts); backups are not kept per engine",
  __voldeckScheduler: "the scheduler's timer",
  __voldeckScheduleStarting: "schedule ids being started; paused with their engine (pauseSchedulesOf)",
  __voldeckDb: "the database connection (per-engine rows are deleted by the registered forgets)",
  __voldeckBufferPool: "empty buffers",
  __voldeckGzipPool: "compression workers",
  dateFormats: "date formatters per options, locale and time zone (lib/format.ts)",
  exactTimes: "instants formatted to the second per time zone, bounded (lib/format.ts)",
  __voldeckResticHolders: "restic runs holding a lock, per repository; repositories are not per engine",
  __voldeckTools: "the restic and rclone binaries' versions on this host",
  __voldeckMetricsArchives: "the backup catalog's engine/volume/time list for /metrics; backups are not kept per engine",
  __voldeckRepoProbe: "whether each repository answered /metrics' last probe; repositories are not per engine",
  __voldeckProcessMetrics: "the process's own metrics (memory, CPU) for /metrics",
  __voldeckPolicyScheduler: "the policy scheduler's timer",
  __voldeckCheckScheduler: "the repository check scheduler's timer",
  __voldeckSnapshotStats: "sizes of restic snapshots (immutable), per repository; repositories are not per engine",
  __voldeckKnownSnapshots: "restic snapshots (immutable) as restic listed them, per repository; repositories are not per engine",
  cache: "compiled name patterns of policies (lib/policies/glob.ts), the same for every engine",
  __voldeckOidcFlows: "single sign-on flows waiting for the provider's answer",
};

const root = path.resolve(__dirname, "..");

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [p] : [];
  });
}

/** The names of a module's long-lived mutable state: globalThis singletons and module-level Maps and Sets. */
function stateIn(source: string): string[] {
  const singletons = [...source.matchAll(/globalThis\s+as\s+typeof\s+globalThis\s*&\s*\{\s*(\w+)\??:/g)].map((m) => m[1]);
  // `new Set([...])` with a literal list is a constant lookup table, not state.
  const moduleLevel = [...source.matchAll(/^(?:export\s+)?(?:const|let)\s+(\w+)(?:\s*:[^=]+)?\s*=\s*new\s+(?:Map|Set|WeakMap)\s*(?:<[^(]*>)?\(\s*\)/gm)].map(
    (m) => m[1],
  );
  return [...singletons, ...moduleLevel];
}

const registrationsIn = (source: string) => [...source.matchAll(/registerEngineState\(\s*"([^"]+)"/g)].map((m) => m[1]);

const modules = sources(root).map((file) => {
  const source = readFileSync(file, "utf8");
  return { file: path.relative(root, file), state: stateIn(source), registers: registrationsIn(source) };
});

describe("every per-engine cache is registered with the engine-state registry", () => {
  it("finds the state it checks (the scan itself works)", () => {
    const found = modules.flatMap((m) => m.state);
    expect(found).toEqual(expect.arrayContaining(["__voldeckSizes", "__voldeckIndexes", "__voldeckFilesListings", "dateFormats"]));
  });

  it("each module with state registers a forget, or says why its state is not per engine", () => {
    const unregistered = modules
      .filter((m) => m.registers.length === 0)
      .flatMap((m) => m.state.filter((name) => !(name in NOT_PER_ENGINE)).map((name) => `${m.file}: ${name}`));
    expect(unregistered).toEqual([]);
  });

  it("the exemptions name state that still exists (a stale list would hide nothing)", () => {
    const found = new Set(modules.flatMap((m) => m.state));
    expect(Object.keys(NOT_PER_ENGINE).filter((name) => !found.has(name))).toEqual([]);
  });

  it("loading each registering module registers what its source says", async () => {
    const registering = modules.filter((m) => m.registers.length > 0);
    for (const m of registering) await import(/* @vite-ignore */ path.join(root, m.file));
    const expected = registering.flatMap((m) => m.registers).sort();
    expect(new Set(expected).size).toBe(expected.length); // two modules under one name would replace each other
    expect(registeredEngineState()).toEqual(expect.arrayContaining(expected));
  }, 60_000);
});
