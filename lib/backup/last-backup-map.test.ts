import { describe, expect, it } from "vitest";
import type { Backup } from "@/lib/api/types";
import { lastBackupsOf } from "./last-backup-map";

const backup = (id: string, volume: string, createdAt: string, extra: Partial<Backup> = {}) =>
  ({ id, volume, createdAt, engine: "e1", verified: true, ...extra }) as Backup;
const failedJob = (volume: string, finishedAt: string, extra = {}) => ({
  kind: "backup" as const,
  state: "failed" as const,
  engine: "e1",
  volume,
  finishedAt,
  cancelled: false,
  error: "boom",
  ...extra,
});

describe("lastBackupsOf", () => {
  it("answers the newest archive per volume of this engine only", () => {
    const map = lastBackupsOf(
      "e1",
      [
        backup("b1", "db", "2026-01-01T00:00:00.000Z"),
        backup("b2", "db", "2026-01-03T00:00:00.000Z", { verified: false }),
        backup("b3", "db", "2026-01-09T00:00:00.000Z", { engine: "e2" }),
        backup("up", "web", "2026-01-09T00:00:00.000Z", { engine: null }),
      ],
      [],
    );
    expect(map.get("db")).toEqual({ at: "2026-01-03T00:00:00.000Z", ok: true, verified: false, backupId: "b2" });
    expect(map.has("web")).toBe(false);
  });

  it("reports a failure newer than the newest archive, keeping that archive for a restore", () => {
    const map = lastBackupsOf(
      "e1",
      [backup("b1", "db", "2026-01-01T00:00:00.000Z")],
      [failedJob("db", "2026-01-02T00:00:00.000Z"), failedJob("new", "2026-01-02T00:00:00.000Z")],
    );
    expect(map.get("db")).toEqual({ at: "2026-01-02T00:00:00.000Z", ok: false, verified: false, backupId: "b1" });
    expect(map.get("new")).toEqual({ at: "2026-01-02T00:00:00.000Z", ok: false, verified: false, backupId: null });
  });

  it("ignores older failures, cancelled jobs, other kinds and other engines", () => {
    const map = lastBackupsOf(
      "e1",
      [backup("b1", "db", "2026-01-05T00:00:00.000Z")],
      [
        failedJob("db", "2026-01-01T00:00:00.000Z"),
        failedJob("x", "2026-01-06T00:00:00.000Z", { cancelled: true, error: "cancelled" }),
        failedJob("y", "2026-01-06T00:00:00.000Z", { kind: "restore" }),
        failedJob("z", "2026-01-06T00:00:00.000Z", { engine: "e2" }),
      ],
    );
    expect(map.get("db")?.ok).toBe(true);
    expect([...map.keys()]).toEqual(["db"]);
  });
});
