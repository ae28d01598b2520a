import Database from "better-sqlite3";
import { beforeEach, describe, expect, it } from "vitest";
import type { Job } from "@/lib/api/types";
import { migrate } from "@/lib/store/db";
import { queuedJob } from "./new-job";
import { failInterrupted, HISTORY_KEEP, pruneJobs, STOPPED_BEFORE_START, STOPPED_WHILE_RUNNING, storedJob, storedJobs, storeJob } from "./history";

const DAY = 86_400_000;
const at = (msAgo: number) => new Date(Date.now() - msAgo).toISOString();

function job(id: string, state: Job["state"], finishedMsAgo: number | null = null): Job {
  return queuedJob(
    {
      kind: "backup",
      engine: "local",
      volume: "v",
      state,
      phase: state === "queued" ? "queued" : "done",
      finishedAt: finishedMsAgo === null ? null : at(finishedMsAgo),
    },
    id,
    at((finishedMsAgo ?? 0) + 1000),
  );
}

describe("jobs' history", () => {
  let conn: Database.Database;
  beforeEach(() => {
    conn = new Database(":memory:");
    migrate(conn);
  });

  it(`keeps the newest ${HISTORY_KEEP} finished jobs, pruned as more finish, and never a running one`, () => {
    storeJob(job("running-old", "running"), conn);
    for (let i = 0; i < HISTORY_KEEP + 10; i++) storeJob(job(`done-${i}`, "succeeded", 1000), conn);
    const ids = storedJobs(conn).map((j) => j.id);
    expect(ids).toHaveLength(HISTORY_KEEP + 1);
    expect(ids[0]).toBe(`done-${HISTORY_KEEP + 9}`);
    expect(ids).not.toContain("done-9");
    expect(ids).toContain("done-10");
    expect(ids).toContain("running-old");
  });

  it("drops jobs finished more than 30 days ago", () => {
    storeJob(job("old", "failed", 31 * DAY), conn);
    storeJob(job("recent", "succeeded", 29 * DAY), conn);
    expect(storedJobs(conn).map((j) => j.id)).toEqual(["recent"]);
    pruneJobs(conn, { now: Date.now() + 2 * DAY });
    expect(storedJobs(conn)).toEqual([]);
  });

  it("a job stored again is updated, not doubled", () => {
    const j = job("one", "queued");
    storeJob(j, conn);
    storeJob({ ...j, state: "succeeded", phase: "done", finishedAt: at(0), bytesDone: 5 }, conn);
    expect(storedJobs(conn)).toHaveLength(1);
    expect(storedJob("one", conn)).toMatchObject({ state: "succeeded", bytesDone: 5 });
  });

  it("records jobs left queued or running by the previous process as failed, saying why", () => {
    storeJob(job("ran", "running"), conn);
    storeJob(job("waited", "queued"), conn);
    storeJob(job("done", "succeeded", 1000), conn);
    expect(failInterrupted(conn)).toBe(2);
    expect(storedJob("ran", conn)).toMatchObject({ state: "failed", phase: "done", error: STOPPED_WHILE_RUNNING });
    expect(storedJob("ran", conn)!.finishedAt).not.toBeNull();
    expect(storedJob("waited", conn)).toMatchObject({ state: "failed", error: STOPPED_BEFORE_START });
    expect(storedJob("done", conn)).toMatchObject({ state: "succeeded", error: null });
    expect(failInterrupted(conn)).toBe(0);
  });
});
