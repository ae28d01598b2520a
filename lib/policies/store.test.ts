import { describe, expect, it } from "vitest";
import { policyBody } from "./schemas";
import { addRunVolumes, beginRun, findPolicy, hasRunningRun, insertPolicy, interruptUnfinishedRuns, runsOf, updateRunVolume, volumeOutcomes } from "./store";

// The run records a console restarted mid-policy relies on (the unit project gives a throwaway data dir).
const definition = policyBody.parse({ name: "all", selector: { engines: ["*"] }, target: { kind: "tar" }, cron: "0 3 * * *" });

describe("policy runs across a restart", () => {
  it("marks a scheduled run's due time handled in the same step that records the run", () => {
    const p = insertPolicy(definition, "test");
    const dueAt = "2026-12-04T03:00:00.000Z";
    beginRun(p.id, { dueAt, trigger: "schedule", actor: "scheduler" });
    expect(findPolicy(p.id)?.handledUntil).toBe(dueAt);
    expect(hasRunningRun(p.id)).toBe(true);
  });

  it("turns what a stopped console left running into interrupted, volumes included, and keeps what finished", () => {
    const p = insertPolicy(definition, "test");
    const run = beginRun(p.id, { dueAt: null, trigger: "manual", actor: "admin" });
    addRunVolumes(run, p.id, [
      { engine: "local", volume: "done" },
      { engine: "local", volume: "going" },
      { engine: "local", volume: "waiting" },
    ]);
    updateRunVolume(run, { engine: "local", volume: "done" }, { state: "succeeded", artifact: "b1" });
    updateRunVolume(run, { engine: "local", volume: "going" }, { state: "running", jobId: "j2" });
    expect(interruptUnfinishedRuns()).toBeGreaterThanOrEqual(1);
    const [after] = runsOf(p.id);
    expect(after?.state).toBe("interrupted");
    expect(after?.volumes.map((v) => [v.volume, v.state])).toEqual([
      ["done", "succeeded"],
      ["going", "interrupted"],
      ["waiting", "interrupted"],
    ]);
    expect(hasRunningRun(p.id)).toBe(false);
    const outcomes = volumeOutcomes().filter((o) => o.policyId === p.id);
    expect(outcomes.find((o) => o.volume === "done")).toMatchObject({ lastState: "succeeded" });
    expect(outcomes.find((o) => o.volume === "done")?.lastSuccessAt).toBeTruthy();
    expect(outcomes.find((o) => o.volume === "going")).toMatchObject({ lastState: "interrupted", lastSuccessAt: null });
  });
});
