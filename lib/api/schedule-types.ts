// Scheduled backups (API.md: Inside volumes, schedules, last use), shared by server and browser.
import type { ScheduleTarget } from "./repository-maintenance-schemas";
import type { Compression } from "./types";

export type ScheduleRunState = "running" | "succeeded" | "failed";

export type ScheduleRun = {
  /** When the run started (API.md: `at`). */
  at: string;
  state: ScheduleRunState;
  backupId: string | null;
  // extras
  id: number;
  /** The due time it ran for; null for "run now". */
  dueAt: string | null;
  finishedAt: string | null;
  trigger: "schedule" | "manual";
  /** Who asked: "scheduler", or the user or token that pressed "run now". */
  actor: string | null;
  jobId: string | null;
  verified: boolean | null;
  /** Size of the backup file. */
  sizeBytes: number | null;
  error: string | null;
  /** Backups retention deleted after this run (a repository target: the snapshots its keep rules forgot). */
  deleted: string[];
  /** A repository target: the snapshot this run made. */
  snapshotId?: string | null;
};

export type Schedule = {
  id: string;
  engine: string;
  volume: string;
  cron: string;
  compression: Compression;
  stopContainers: boolean;
  keepLast: number | null;
  keepDays: number | null;
  enabled: boolean;
  /** Where runs go (extra): a tar backup (the default), or a snapshot into a repository with its keep rules. */
  target: ScheduleTarget;
  /** The next three runs (ISO instants), whether or not the schedule is paused. */
  nextRuns: string[];
  lastRun: ScheduleRun | null;
  // extras
  /** The cron expression in words ("every day at 02:00"), read in the server's time zone. */
  description: string;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
};

export type SchedulesAnswer = { schedules: Schedule[]; timeZone: string };

export type ScheduleDetail = Schedule & { runs: ScheduleRun[] };

export type CronPreview = { cron: string; description: string; nextRuns: string[]; timeZone: string };
