import { describe, expect, it } from "vitest";
import type { Job } from "@/lib/api/types";
import {
  archiveFacts,
  dataPathText,
  doneText,
  formatDuration,
  jobTitle,
  laterSnapshot,
  phaseText,
  progressLine,
  progressNumbers,
  secondsLeft,
  stateText,
} from "./job-format";

const job = (patch: Partial<Job> = {}): Job => ({
  id: "j1",
  kind: "backup",
  state: "running",
  bytesDone: 0,
  bytesTotal: null,
  error: null,
  backupId: null,
  engine: "local",
  volume: "pgdata",
  targetEngine: null,
  targetVolume: null,
  phase: "streaming",
  cancelled: false,
  compression: "gzip",
  dataPath: null,
  swap: null,
  mode: null,
  rate: null,
  createdAt: "2026-01-01T00:00:00Z",
  startedAt: null,
  finishedAt: null,
  stoppedContainers: [],
  warnings: [],
  ...patch,
});

describe("job-format", () => {
  it("names the job by what it does to which volume", () => {
    expect(jobTitle(job())).toBe("Backup of pgdata");
    expect(jobTitle(job({ kind: "restore", mode: "new", volume: "pg2" }))).toBe("Restore into pg2");
    expect(jobTitle(job({ kind: "restore", mode: "replace" }))).toBe("Restore into pgdata (replacing its contents)");
    expect(jobTitle(job({ kind: "clone", targetVolume: "pgcopy" }))).toBe("Copy of pgdata to pgcopy");
    expect(jobTitle(job({ kind: "clone", targetEngine: "local", targetVolume: "pgcopy" }))).toBe("Copy of pgdata to pgcopy");
    expect(jobTitle(job({ kind: "clone", targetEngine: "b", targetVolume: "pgdata" }))).toBe("Copy of pgdata to pgdata on engine b");
    expect(jobTitle(job({ kind: "clone", targetEngine: "b", targetVolume: "pg", move: true }))).toBe("Move of pgdata to pg on engine b");
  });

  it("names restic snapshot jobs and their restores, never as a copy", () => {
    expect(jobTitle(job({ kind: "snapshot", repository: "offsite" }))).toBe("Snapshot of pgdata into offsite");
    const restore = { kind: "snapshot-restore" as const, targetEngine: "local", targetVolume: "pg2" };
    expect(jobTitle(job({ ...restore, mode: "new" }))).toBe("Restore of a snapshot into pg2");
    expect(jobTitle(job({ ...restore, mode: "replace" }))).toBe("Restore of a snapshot into pg2 (replacing its contents)");
    expect(jobTitle(job({ ...restore, mode: null }))).toBe("Restore of a snapshot into pg2 (selected paths)");
    expect(doneText(job({ kind: "snapshot" }))).toBe("Snapshot complete, confirmed in the repository.");
    expect(doneText(job({ kind: "snapshot-restore" }))).toBe("Restore complete.");
  });

  it("names repository maintenance jobs by repository, never as a copy of a volume", () => {
    const repo = { repository: "offsite", volume: "", engine: "" };
    expect(jobTitle(job({ ...repo, kind: "repository-check" }))).toBe("Check of repository offsite");
    expect(jobTitle(job({ ...repo, kind: "repository-forget", volume: "pgdata" }))).toBe("Retention in repository offsite (pgdata)");
    expect(jobTitle(job({ ...repo, kind: "repository-copy", copyTo: "second" }))).toBe("Copy of snapshots from offsite to second");
    expect(doneText(job({ ...repo, kind: "repository-check", check: { ok: false, error: "x" } }))).toBe("Check finished: the repository has errors.");
    expect(doneText(job({ ...repo, kind: "repository-forget", forget: { keep: ["a"], remove: ["b", "c"], pruned: true } }))).toBe(
      "Retention applied: 2 snapshot(s) removed, unused data pruned.",
    );
    expect(doneText(job({ ...repo, kind: "repository-copy", copyTo: "second", copied: 3 }))).toBe("Copy complete: 3 snapshot(s) in second.");
  });

  it("says what a finished clone, copy or move did and checked", () => {
    expect(doneText(job({ kind: "clone", targetEngine: "local" }))).toBe("Copy complete.");
    const copyCheck = { level: "stream" as const, entries: 12, bytes: 2048, sentSha256: "a", treeDigest: null };
    expect(doneText(job({ kind: "clone", targetEngine: "b", copyCheck }))).toBe(
      "Copy complete. Checked on arrival: 12 entries and 2.0 KB of file contents, as many as were sent.",
    );
    const full = { ...copyCheck, level: "full" as const, treeDigest: "b" };
    expect(doneText(job({ kind: "clone", targetEngine: "b", move: true, copyCheck: full }))).toMatch(
      /^Move complete: the source was removed after the copy was verified\. .*read back and matching/,
    );
  });

  it("states an archive's facts with its size once: the data only when it reads differently", () => {
    const mb3 = 3_000_000;
    expect(archiveFacts({ compression: "gzip", sizeBytes: mb3, bytes: mb3 + 900, entries: 11 })).toEqual(["gzip", "11 entries"]);
    expect(archiveFacts({ compression: "gzip", sizeBytes: 1_000_000, bytes: 40_000_000, entries: 1 })).toEqual(["gzip", "38.1 MB of data", "1 entry"]);
    expect(archiveFacts({ compression: "none", sizeBytes: 4096, bytes: 1000, entries: 12345 })).toEqual(["plain tar", "12,345 entries"]);
  });

  it("tells a cancelled job from a failed one", () => {
    expect(stateText(job({ state: "failed", cancelled: true }))).toBe("cancelled");
    expect(stateText(job({ state: "failed" }))).toBe("failed");
  });

  it("says which data path was taken", () => {
    expect(dataPathText(job({ dataPath: "direct" }))).toMatch(/directly from the volume's folder/);
    expect(dataPathText(job({ kind: "restore", dataPath: "archive" }))).toBe("Data written through the Docker engine's archive API.");
    expect(dataPathText(job())).toBeNull();
  });

  it("gives percent and time left only when the total and the rate are known", () => {
    expect(progressNumbers(job({ bytesDone: 10 }))).toEqual({ percent: null, secondsLeft: null });
    expect(progressNumbers(job({ bytesDone: 50, bytesTotal: 200, rate: 10 }))).toEqual({ percent: 25, secondsLeft: 15 });
    // Never 100% before the job says so, even when the bytes overshoot the engine's earlier measure.
    expect(progressNumbers(job({ bytesDone: 300, bytesTotal: 200 })).percent).toBe(99);
    expect(progressNumbers(job({ state: "succeeded", phase: "done", bytesDone: 5, bytesTotal: 200 })).percent).toBe(100);
    expect(progressLine(job({ bytesDone: 1024 * 1024, bytesTotal: 4 * 1024 * 1024, rate: 1024 * 1024 }))).toBe(
      "1.0 MB of 4.0 MB · 25% · 1.0 MB/s · about 5 s left",
    );
    expect(progressLine(job({ bytesDone: 2048 }))).toBe("2.0 KB copied");
    const finished = {
      phase: "done" as const,
      startedAt: "2026-01-01T00:00:00Z",
      finishedAt: "2026-01-01T00:00:04Z",
      bytesDone: 8 * 1024 * 1024,
      bytesTotal: 9 * 1024 * 1024,
    };
    expect(progressLine(job({ ...finished, state: "succeeded" }))).toBe("8.0 MB copied in 4 s · 2.0 MB/s on average");
    // A tiny volume's average is whole bytes, not a float's digits.
    expect(progressLine(job({ ...finished, state: "succeeded", bytesDone: 19, bytesTotal: 19 }))).toBe("19 B copied in 4 s · 5 B/s on average");
    expect(progressLine(job({ ...finished, state: "failed" }))).toBe("8.0 MB copied in 4 s before it stopped");
    expect(progressLine(job({ ...finished, state: "succeeded", finishedAt: "2026-01-01T00:00:00.300Z" }))).toBe("8.0 MB copied in under a second");
  });

  it("formats durations as people say them", () => {
    expect(formatDuration(42.4)).toBe("42 s");
    expect(formatDuration(130)).toBe("2 min 10 s");
    expect(formatDuration(120)).toBe("2 min");
    expect(formatDuration(3900)).toBe("1 h 5 min");
  });

  it("gives one time left, in steps that two views a moment apart share", () => {
    const at = (bytesDone: number, rate: number) => job({ bytesDone, bytesTotal: 1000, rate });
    // 95.2 s and 97.6 s left read the same; so do 12 s and 13.5 s.
    expect(secondsLeft(at(0, 10.5))).toBe(secondsLeft(at(0, 10.25)));
    expect(secondsLeft(at(0, 10.5))).toBe(120);
    expect(secondsLeft(at(880, 10))).toBe(10);
    expect(secondsLeft(at(865, 10))).toBe(15);
    expect(secondsLeft(at(999, 10))).toBe(5);
    expect(secondsLeft(job({ bytesDone: 0, bytesTotal: 1e9, rate: 1e5 }))).toBe(9_900);
    expect(secondsLeft(job({ phase: "verifying", bytesDone: 5, bytesTotal: 10, rate: 1 }))).toBeNull();
  });

  it("keeps the bar indeterminate while containers are being stopped, and names them", () => {
    const stopping = job({ phase: "stopping", bytesTotal: 500, phaseDetail: "Stopping db (the engine waits up to 10 s for it to exit)…" });
    expect(progressNumbers(stopping).percent).toBeNull();
    expect(phaseText(stopping)).toBe("Stopping db (the engine waits up to 10 s for it to exit)…");
    expect(phaseText(job({ phase: "stopping" }))).toBe("Stopping the containers that use the volume…");
  });

  it("picks the later of two snapshots of a job, the first on a tie", () => {
    const a = job({ bytesDone: 10 });
    const b = job({ bytesDone: 20 });
    expect(laterSnapshot(a, b)).toBe(b);
    expect(laterSnapshot(b, a)).toBe(b);
    expect(laterSnapshot(job({ phase: "verifying", bytesDone: 5 }), b).phase).toBe("verifying");
    expect(laterSnapshot(job({ state: "succeeded", phase: "done" }), b).state).toBe("succeeded");
    const tie = job({ bytesDone: 10 });
    expect(laterSnapshot(a, tie)).toBe(a);
  });
});
