import { describe, expect, it } from "vitest";
import { queuedJob } from "./new-job";

describe("queuedJob", () => {
  it("starts queued, with nothing done yet, under the given id and time", () => {
    const job = queuedJob({ kind: "backup", engine: "e1", volume: "data" }, "id-1", "2026-01-02T03:04:05.000Z");
    expect(job).toMatchObject({ id: "id-1", kind: "backup", engine: "e1", volume: "data", createdAt: "2026-01-02T03:04:05.000Z" });
    expect(job).toMatchObject({ state: "queued", phase: "queued", bytesDone: 0, startedAt: null, finishedAt: null, cancelled: false });
    expect(job.warnings).toEqual([]);
    expect(job.stoppedContainers).toEqual([]);
  });

  it("lets the caller's fields win over the starting values", () => {
    const job = queuedJob({ kind: "restore", engine: "e1", volume: "data", targetVolume: "copy", state: "failed", error: "boom" }, "id-2", "t");
    expect(job).toMatchObject({ kind: "restore", targetVolume: "copy", state: "failed", error: "boom" });
  });

  it("gives each job its own lists, so one job's warnings never show on another", () => {
    const a = queuedJob({ kind: "backup", engine: "e", volume: "a" }, "a", "t");
    const b = queuedJob({ kind: "backup", engine: "e", volume: "b" }, "b", "t");
    a.warnings.push("slow disk");
    expect(b.warnings).toEqual([]);
  });
});
