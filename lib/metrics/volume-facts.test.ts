import { describe, expect, it } from "vitest";
import { volumeKey } from "@/lib/coverage/evaluate";
import { backupFacts, isStale } from "./volume-facts";

const job = (p: Partial<Parameters<typeof backupFacts>[1][number]>) => ({
  kind: "backup" as const,
  state: "succeeded" as const,
  engine: "local",
  volume: "db",
  startedAt: "2026-01-01T00:00:00.000Z",
  finishedAt: "2026-01-01T00:00:10.000Z",
  bytesDone: 100,
  ...p,
});

describe("backupFacts", () => {
  it("takes the newest archive as the last success and the newest succeeded job's duration and bytes", () => {
    const facts = backupFacts(
      [
        { engine: "local", volume: "db", createdAt: "2026-01-02T00:00:00.000Z" },
        { engine: "local", volume: "db", createdAt: "2026-01-01T00:00:00.000Z" },
        { engine: null, volume: "db", createdAt: "2026-03-01T00:00:00.000Z" },
      ],
      [
        job({}),
        job({ startedAt: "2026-01-02T00:00:00.000Z", finishedAt: "2026-01-02T00:00:04.500Z", bytesDone: 7 }),
        job({ state: "failed", finishedAt: "2026-02-01T00:00:00.000Z" }),
      ],
    );
    expect(facts.get(volumeKey("local", "db"))).toEqual({ lastSuccessMs: Date.parse("2026-01-02T00:00:00.000Z"), lastDurationSeconds: 4.5, lastBytes: 7 });
  });

  it("counts a succeeded restic snapshot job as a success at its end; restores are not backups", () => {
    const facts = backupFacts(
      [{ engine: "local", volume: "db", createdAt: "2026-01-01T00:00:00.000Z" }],
      [job({ kind: "snapshot", finishedAt: "2026-01-05T00:00:00.000Z", startedAt: null }), job({ kind: "restore", finishedAt: "2026-02-05T00:00:00.000Z" })],
    );
    expect(facts.get("local/db")).toEqual({ lastSuccessMs: Date.parse("2026-01-05T00:00:00.000Z"), lastDurationSeconds: null, lastBytes: 100 });
  });

  it("keeps engines apart and knows nothing of volumes never backed up", () => {
    const facts = backupFacts([{ engine: "other", volume: "db", createdAt: "2026-01-01T00:00:00.000Z" }], []);
    expect(facts.get("other/db")?.lastSuccessMs).toBe(Date.parse("2026-01-01T00:00:00.000Z"));
    expect(facts.has("local/db")).toBe(false);
  });
});

describe("isStale", () => {
  const hour = 3_600_000;
  it("is stale after twice the interval without a success, not before", () => {
    expect(isStale(0, hour, 0, 2 * hour + 1)).toBe(true);
    expect(isStale(0, hour, 0, 2 * hour)).toBe(false);
  });
  it("counts from the schedule's creation when there was never a success", () => {
    expect(isStale(null, hour, 10 * hour, 11 * hour)).toBe(false);
    expect(isStale(null, hour, 10 * hour, 13 * hour)).toBe(true);
  });
});
