import { describe, expect, it } from "vitest";
import type { CandidateVolume } from "@/lib/policies/select";
import { evaluateCoverage, isStale, type CoverageInput, type Protector } from "./evaluate";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const now = Date.parse("2026-12-04T12:00:00Z");

const policy = (id: string, selector: Extract<Protector, { by: "policy" }>["selector"], extra: Partial<Protector> = {}): Protector =>
  ({
    id,
    by: "policy",
    name: id.toUpperCase(),
    enabled: true,
    createdAt: now - 30 * DAY,
    intervalMs: DAY,
    nextRunAt: now + HOUR,
    selector,
    ...extra,
  }) as Protector;
const schedule = (id: string, engine: string, volume: string): Protector => ({
  id,
  by: "schedule",
  enabled: true,
  createdAt: now - 30 * DAY,
  intervalMs: DAY,
  nextRunAt: now + 2 * HOUR,
  engine,
  volume,
});

function run(input: Partial<CoverageInput>) {
  const result = evaluateCoverage({ volumes: [], protectors: [], lastSuccess: new Map(), lastFailed: new Set(), now, ...input });
  return { ...result, state: (name: string) => result.volumes.find((v) => v.volume === name) };
}

describe("staleness", () => {
  it("is stale only after twice the interval without a success", () => {
    expect(isStale(now - 47 * HOUR, 0, DAY, now)).toBe(false);
    expect(isStale(now - 49 * HOUR, 0, DAY, now)).toBe(true);
  });
  it("counts a never-backed-up volume from when its protection began", () => {
    expect(isStale(null, now - HOUR, DAY, now)).toBe(false);
    expect(isStale(null, now - 3 * DAY, DAY, now)).toBe(true);
  });
  it("is never stale for a cron that never runs again", () => {
    expect(isStale(null, 0, null, now)).toBe(false);
  });
});

describe("coverage evaluation", () => {
  const volumes: CandidateVolume[] = [
    { engine: "a", name: "db", labels: { tier: "db" } },
    { engine: "a", name: "web", labels: {} },
    { engine: "a", name: "tmp", labels: { "voldeck.backup": "false", tier: "db" } },
    { engine: "a", name: "db-old", labels: { tier: "db" } },
    { engine: "b", name: "solo", labels: {} },
  ];
  const dbPolicy = policy("pol-db", { engines: ["*"], labels: { tier: "db" }, exclude: { names: ["*-old"] } });

  it("gives each volume its state, and counts them", () => {
    const r = run({ volumes, protectors: [dbPolicy, schedule("sch-1", "b", "solo")], lastSuccess: new Map([["a/db", now - HOUR]]) });
    expect(r.state("db")).toMatchObject({
      state: "protected",
      policy: "pol-db",
      by: "policy",
      policyName: "POL-DB",
      lastSuccessAt: new Date(now - HOUR).toISOString(),
    });
    expect(r.state("db")?.nextRunAt).toBe(new Date(now + HOUR).toISOString());
    expect(r.state("web")).toMatchObject({ state: "unprotected" });
    expect(r.state("tmp")).toMatchObject({ state: "excluded", excludedBy: "voldeck.backup=false" });
    expect(r.state("db-old")).toMatchObject({ state: "excluded", excludedBy: "pol-db" });
    expect(r.state("solo")).toMatchObject({ state: "stale", policy: "sch-1", by: "schedule" });
    expect(r.counts).toEqual({ protected: 1, stale: 1, failing: 0, excluded: 2, unprotected: 1 });
  });

  it("marks a volume failing when the last run of its policy failed for it", () => {
    const r = run({ volumes, protectors: [dbPolicy], lastSuccess: new Map([["a/db", now - HOUR]]), lastFailed: new Set(["pol-db a/db"]) });
    expect(r.state("db")?.state).toBe("failing");
  });

  it("takes the best of several protectors", () => {
    const other = policy("pol-all", { engines: ["a"] }, { intervalMs: HOUR });
    const r = run({ volumes, protectors: [other, dbPolicy], lastSuccess: new Map([["a/db", now - 5 * HOUR]]) });
    expect(r.state("db")).toMatchObject({ state: "protected", policy: "pol-db" });
    expect(r.state("web")).toMatchObject({ state: "stale", policy: "pol-all" });
  });

  it("ignores paused policies and schedules", () => {
    const r = run({
      volumes,
      protectors: [
        { ...dbPolicy, enabled: false },
        { ...schedule("sch-1", "b", "solo"), enabled: false },
      ],
    });
    expect(r.state("db")?.state).toBe("unprotected");
    expect(r.state("solo")?.state).toBe("unprotected");
  });
});
