import { describe, expect, it } from "vitest";
import { backupsToDelete, type RetainedBackup } from "./retention";

const NOW = Date.parse("2026-01-10T12:00:00Z");
const DAY = 86_400_000;
/** A backup `daysAgo` days old; "u" in the id marks an unverified one. */
const b = (id: string, daysAgo: number): RetainedBackup => ({ id, createdAt: new Date(NOW - daysAgo * DAY).toISOString(), verified: !id.includes("u") });
const ok = { succeeded: true, verified: true };

type Case = {
  name: string;
  own: RetainedBackup[];
  keepLast: number | null;
  keepDays: number | null;
  newRun?: { succeeded: boolean; verified: boolean };
  lastVerifiedOfVolume?: string;
  deleted: string[];
};

const cases: Case[] = [
  { name: "keepLast 2 deletes the older ones", own: [b("n", 0), b("a", 1), b("b", 2), b("c", 3)], keepLast: 2, keepDays: null, deleted: ["b", "c"] },
  { name: "keepDays 2 deletes those 2 days old or more", own: [b("n", 0), b("a", 1), b("b", 2), b("c", 3)], keepLast: null, keepDays: 2, deleted: ["b", "c"] },
  {
    name: "keepLast OR keepDays: kept if either keeps it",
    own: [b("n", 0), b("a", 0.5), b("b", 0.7), b("c", 3), b("d", 4)],
    keepLast: 1,
    keepDays: 1,
    deleted: ["c", "d"],
  },
  { name: "keepLast beyond keepDays keeps old ones", own: [b("n", 0), b("a", 5), b("b", 6), b("c", 9)], keepLast: 3, keepDays: 1, deleted: ["c"] },
  { name: "no rule: nothing is deleted", own: [b("n", 0), b("a", 100)], keepLast: null, keepDays: null, deleted: [] },
  {
    name: "a failed run deletes nothing",
    own: [b("a", 1), b("b", 2), b("c", 3)],
    keepLast: 1,
    keepDays: null,
    newRun: { succeeded: false, verified: false },
    deleted: [],
  },
  {
    name: "an unverified new backup deletes nothing",
    own: [b("nu", 0), b("a", 1), b("b", 2)],
    keepLast: 1,
    keepDays: null,
    newRun: { succeeded: true, verified: false },
    deleted: [],
  },
  // Runs: a (ok), b (ok), a failed run (no backup), n (ok): keepLast 2 counts backups, not runs.
  {
    name: "a failed run in the middle leaves no gap in what keepLast keeps",
    own: [b("n", 0), b("b", 2), b("a", 3)],
    keepLast: 2,
    keepDays: null,
    deleted: ["a"],
  },
  {
    name: "keepLast counts verified backups; unverified ones between them are kept",
    own: [b("n", 0), b("xu", 1), b("a", 2), b("yu", 3), b("c", 4)],
    keepLast: 2,
    keepDays: null,
    deleted: ["yu", "c"],
  },
  {
    name: "the volume's last verified backup is never deleted",
    own: [b("n", 0), b("a", 1)],
    keepLast: 1,
    keepDays: null,
    lastVerifiedOfVolume: "a",
    deleted: [],
  },
  { name: "keepDays alone never deletes the new backup", own: [b("n", 0), b("a", 30)], keepLast: null, keepDays: 1, deleted: ["a"] },
];

describe("backupsToDelete", () => {
  it.each(cases)("$name", ({ own, keepLast, keepDays, newRun = ok, lastVerifiedOfVolume = "n", deleted }) => {
    expect(backupsToDelete({ own, keepLast, keepDays, newRun, lastVerifiedOfVolume, now: NOW }).sort()).toEqual([...deleted].sort());
  });

  it("never leaves the schedule without a verified backup", () => {
    // Only unverified ones would be kept by the window: deleting the verified old one would lose the last good copy.
    const own = [b("nu", 0), b("a", 5)];
    expect(backupsToDelete({ own, keepLast: null, keepDays: 1, newRun: ok, lastVerifiedOfVolume: null, now: NOW })).toEqual([]);
  });
});
