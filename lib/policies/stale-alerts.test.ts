import { describe, expect, it } from "vitest";
import type { CoverageVolume } from "@/lib/api/coverage-types";
import { alertKey, overdueVolumes, staleTransitions, type PolicyTiming } from "./stale-alerts";

const HOUR = 3_600_000;
const now = Date.parse("2026-12-04T12:00:00Z");
const policies = new Map<string, PolicyTiming>([["pol-a", { name: "Nightly", createdAt: now - 10 * HOUR, intervalMs: HOUR }]]);
const row = (over: Partial<CoverageVolume>): CoverageVolume => ({ engine: "local", volume: "db", state: "protected", policy: "pol-a", by: "policy", ...over });

describe("overdueVolumes", () => {
  it("takes stale volumes and failing ones without a success within twice the interval", () => {
    const rows = [
      row({ volume: "stale", state: "stale" }),
      row({ volume: "failing-old", state: "failing", lastSuccessAt: new Date(now - 3 * HOUR).toISOString() }),
      row({ volume: "failing-never", state: "failing" }),
      row({ volume: "failing-recent", state: "failing", lastSuccessAt: new Date(now - HOUR).toISOString() }),
      row({ volume: "fine", state: "protected" }),
    ];
    expect(overdueVolumes(rows, policies, now).map((a) => a.volume)).toEqual(["stale", "failing-old", "failing-never"]);
  });

  it("leaves out per-volume schedules and policies it does not know", () => {
    const rows = [row({ state: "stale", by: "schedule", policy: "sch-1" }), row({ state: "stale", policy: "gone" })];
    expect(overdueVolumes(rows, policies, now)).toEqual([]);
  });

  it("names the policy and keeps the last success", () => {
    const at = new Date(now - 5 * HOUR).toISOString();
    expect(overdueVolumes([row({ state: "stale", lastSuccessAt: at })], policies, now)).toEqual([
      { key: alertKey("pol-a", "local", "db"), policy: "pol-a", policyName: "Nightly", engine: "local", volume: "db", lastSuccessAt: at },
    ]);
  });
});

describe("staleTransitions", () => {
  const alert = (volume: string, engine = "local") => ({ key: alertKey("pol-a", engine, volume), policy: "pol-a", policyName: "N", engine, volume });
  const none = new Set<string>();

  it("alerts once, not again while the volume stays overdue", () => {
    const first = staleTransitions(none, [alert("db")], none);
    expect(first.send.map((a) => a.volume)).toEqual(["db"]);
    const second = staleTransitions(first.remember, [alert("db")], none);
    expect(second.send).toEqual([]);
    expect([...second.remember]).toEqual([alertKey("pol-a", "local", "db")]);
  });

  it("alerts again after a recovery", () => {
    const first = staleTransitions(none, [alert("db")], none);
    const recovered = staleTransitions(first.remember, [], none);
    expect(recovered.remember.size).toBe(0);
    expect(staleTransitions(recovered.remember, [alert("db")], none).send).toHaveLength(1);
  });

  it("remembers the alerts of an engine that did not answer", () => {
    const first = staleTransitions(none, [alert("db", "far")], none);
    const away = staleTransitions(first.remember, [], new Set(["far"]));
    expect(staleTransitions(away.remember, [alert("db", "far")], none).send).toEqual([]);
  });
});
